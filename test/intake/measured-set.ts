// The two tests every measured set of labelled mail gets (blind, blind-2 … and whatever set comes
// next): the set is what it claims (enough mails, every label, ids naming their label, no mail
// repeated from the sets written before it), and the intake decides at least the set's floor of it
// automatically and rightly with no wrong automatic action beyond the ones recorded for it.
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS } from '../../core/intake/facts.js';
import type { LabelledMail } from '../fixtures/mails/mails.js';
import { LABELLED_SETS } from '../fixtures/mails/sets.js';
import { measure } from './judge.js';

export type MeasuredSetName = Exclude<keyof typeof LABELLED_SETS, 'mails' | 'held-out'>;

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
  /**
   * Mails relabelled by the lead's label decisions (test/fixtures/mails/mails.ts, header): their ids
   * still name the label their writer gave, so other notes and commits keep pointing at them.
   */
  relabelled?: string[];
}): void {
  const mails: LabelledMail[] = LABELLED_SETS[set.name];
  const names = Object.keys(LABELLED_SETS) as (keyof typeof LABELLED_SETS)[];
  const earlier = names.slice(0, names.indexOf(set.name)).flatMap((n) => LABELLED_SETS[n]);

  describe(`intake on ${set.title}`, () => {
    const { share, wrong, report } = measure(set.name, mails, set.knownWrong);

    it(`is a separate set of at least ${set.minMails} mails of every kind, each id naming its label`, () => {
      expect(mails.length).toBeGreaterThanOrEqual(set.minMails);
      expect(new Set(mails.map((m) => m.id)).size).toBe(mails.length);
      for (const mail of mails) {
        const label = set.relabelled?.includes(mail.id) ? '[a-z-]+' : mail.expected.kind;
        expect(mail.id, mail.id).toMatch(new RegExp(`^${set.idPrefix}-${label}-\\d{2}$`));
      }
      const kinds = new Set(mails.map((m) => m.expected.kind));
      for (const k of [...MAIL_KINDS, 'triage']) expect(kinds, k).toContain(k);
      const seenText = new Set(earlier.map(text).filter((t) => t.length > 40));
      // A short mail ("Bidrag", no text, a file) is the same mail only from the same sender with the
      // same files: such mails are alike by nature.
      const mailKey = (m: LabelledMail) =>
        [m.subject, text(m), m.from.address, ...(m.attachments ?? []).map((a) => a.name)].join(
          '\n',
        );
      const seenMail = new Set(earlier.map(mailKey));
      // A mail with no subject and no text (only an attachment) repeats nothing, whatever it equals.
      const empty = (m: LabelledMail) => !m.subject && !text(m);
      expect(
        mails
          .filter((m) => !empty(m) && (seenText.has(text(m)) || seenMail.has(mailKey(m))))
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
