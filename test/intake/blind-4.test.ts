// The intake on the fourth blind set (test/fixtures/mails/blind-4.ts, written by engineer W4 on
// 2026-12-07 without reading the classifier's rules or the earlier sets): the share decided
// automatically and rightly, and no wrong automatic action, judged as the other measured sets are
// (./judge.ts). The set is blind: it must not be tuned against; once its misses are fixed with rules
// of their own it becomes a seen set and a new blind set measures the next round. The floor may
// rise, never be lowered to pass.
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS } from '../../core/intake/facts.js';
import { BLIND_2_MAILS } from '../fixtures/mails/blind-2.js';
import { BLIND_4_MAILS } from '../fixtures/mails/blind-4.js';
import { BLIND_MAILS } from '../fixtures/mails/blind.js';
import { HELD_OUT_MAILS } from '../fixtures/mails/held-out.js';
import { LABELLED_MAILS } from '../fixtures/mails/mails.js';
import { measure } from './judge.js';

/** Share of the fourth blind set decided automatically and rightly on the committed classifier. */
const AUTO_RIGHT_FLOOR = 0;

/**
 * Mails the intake acts on alone and wrongly, kept visible here (their labels are not changed) so
 * that the test fails on any NEW wrong action.
 */
const KNOWN_WRONG: string[] = [];

const text = (m: { body?: string; html?: string }) => (m.body ?? m.html ?? '').trim();

describe('intake on the fourth blind set (written without reading the rules)', () => {
  const { share, wrong, report } = measure('blind-4', BLIND_4_MAILS, KNOWN_WRONG);

  it('is a separate set of at least 75 mails of every kind, each id naming its label', () => {
    expect(BLIND_4_MAILS.length).toBeGreaterThanOrEqual(75);
    expect(new Set(BLIND_4_MAILS.map((m) => m.id)).size).toBe(BLIND_4_MAILS.length);
    for (const mail of BLIND_4_MAILS)
      expect(mail.id, mail.id).toMatch(new RegExp(`^b4-${mail.expected.kind}-\\d{2}$`));
    const kinds = new Set(BLIND_4_MAILS.map((m) => m.expected.kind));
    for (const k of [...MAIL_KINDS, 'triage']) expect(kinds, k).toContain(k);
    const earlier = [...LABELLED_MAILS, ...HELD_OUT_MAILS, ...BLIND_MAILS, ...BLIND_2_MAILS];
    const seenText = new Set(earlier.map(text).filter((t) => t.length > 40));
    const seenMail = new Set(earlier.map((m) => `${m.subject}\n${text(m)}`));
    expect(
      BLIND_4_MAILS.filter(
        (m) => seenText.has(text(m)) || seenMail.has(`${m.subject}\n${text(m)}`),
      ).map((m) => m.id),
    ).toEqual([]);
  });

  it('decides most mails automatically and rightly, and takes no new wrong automatic action', () => {
    console.warn(report);
    expect(wrong.filter((o) => !KNOWN_WRONG.includes(o.mail.id)).map((o) => o.line)).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(AUTO_RIGHT_FLOOR);
  });
});
