// The two tests every measured set of labelled mail gets (blind, blind-2 … and whatever set comes
// next): the set is what it claims (enough mails, every label, ids naming their label, no mail
// repeated from the sets written before it), and the intake decides at least the set's floor of it
// automatically and rightly with no wrong automatic action beyond the ones recorded for it.
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS } from '../../core/intake/facts.js';
import { BLIND_2_MAILS } from '../fixtures/mails/blind-2.js';
import { BLIND_3_MAILS } from '../fixtures/mails/blind-3.js';
import { BLIND_4_MAILS } from '../fixtures/mails/blind-4.js';
import { BLIND_5_MAILS } from '../fixtures/mails/blind-5.js';
import { BLIND_6_MAILS } from '../fixtures/mails/blind-6.js';
import { BLIND_7_MAILS } from '../fixtures/mails/blind-7.js';
import { BLIND_MAILS } from '../fixtures/mails/blind.js';
import { HELD_OUT_MAILS } from '../fixtures/mails/held-out.js';
import type { LabelledMail } from '../fixtures/mails/mails.js';
import { LABELLED_MAILS } from '../fixtures/mails/mails.js';
import { measure } from './judge.js';

/** The sets in the order they were written: a set may repeat none of those before it. */
const SETS_IN_ORDER = {
  mails: LABELLED_MAILS,
  'held-out': HELD_OUT_MAILS,
  blind: BLIND_MAILS,
  'blind-2': BLIND_2_MAILS,
  'blind-3': BLIND_3_MAILS,
  'blind-4': BLIND_4_MAILS,
  'blind-5': BLIND_5_MAILS,
  'blind-6': BLIND_6_MAILS,
  'blind-7': BLIND_7_MAILS,
} as const;

export type MeasuredSetName = Exclude<keyof typeof SETS_IN_ORDER, 'mails' | 'held-out'>;

const text = (m: { body?: string; html?: string }) => (m.body ?? m.html ?? '').trim();

export function describeMeasuredSet(set: {
  name: MeasuredSetName;
  /** What the describe block says of the set. */
  title: string;
  /** Each id is `<idPrefix>-<label>-NN`. */
  idPrefix: string;
  minMails: number;
  /** The share decided automatically and rightly that the set must keep (may rise, never fall). */
  floor: number;
  /** The set's recorded wrong automatic actions, so that a new one fails the test. */
  knownWrong: string[];
}): void {
  const mails: LabelledMail[] = SETS_IN_ORDER[set.name];
  const names = Object.keys(SETS_IN_ORDER) as (keyof typeof SETS_IN_ORDER)[];
  const earlier = names.slice(0, names.indexOf(set.name)).flatMap((n) => SETS_IN_ORDER[n]);

  describe(`intake on ${set.title}`, () => {
    const { share, wrong, report } = measure(set.name, mails, set.knownWrong);

    it(`is a separate set of at least ${set.minMails} mails of every kind, each id naming its label`, () => {
      expect(mails.length).toBeGreaterThanOrEqual(set.minMails);
      expect(new Set(mails.map((m) => m.id)).size).toBe(mails.length);
      for (const mail of mails)
        expect(mail.id, mail.id).toMatch(
          new RegExp(`^${set.idPrefix}-${mail.expected.kind}-\\d{2}$`),
        );
      const kinds = new Set(mails.map((m) => m.expected.kind));
      for (const k of [...MAIL_KINDS, 'triage']) expect(kinds, k).toContain(k);
      const seenText = new Set(earlier.map(text).filter((t) => t.length > 40));
      const seenMail = new Set(earlier.map((m) => `${m.subject}\n${text(m)}`));
      // A mail with no subject and no text (only an attachment) repeats nothing, whatever it equals.
      const empty = (m: LabelledMail) => !m.subject && !text(m);
      expect(
        mails
          .filter(
            (m) => !empty(m) && (seenText.has(text(m)) || seenMail.has(`${m.subject}\n${text(m)}`)),
          )
          .map((m) => m.id),
      ).toEqual([]);
    });

    it('decides most mails automatically and rightly, and takes no new wrong automatic action', () => {
      console.warn(report);
      expect(wrong.filter((o) => !set.knownWrong.includes(o.mail.id)).map((o) => o.line)).toEqual(
        [],
      );
      expect(share).toBeGreaterThanOrEqual(set.floor);
    });
  });
}
