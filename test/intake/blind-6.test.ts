// The intake on the sixth blind set (test/fixtures/mails/blind-6.ts: one award cycle of the shared
// mailbox in many writers' own words, written by engineer W6 on 7 December 2026 without reading the
// classifier's rules or the earlier sets' mails): the share of a coordinator's ordinary mail decided
// automatically and rightly, and no wrong automatic action, judged as the other measured sets are
// (./judge.ts). The set is blind: the intake must not be tuned against it. The floor may rise, never
// be lowered to pass.
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS } from '../../core/intake/facts.js';
import { BLIND_2_MAILS } from '../fixtures/mails/blind-2.js';
import { BLIND_3_MAILS } from '../fixtures/mails/blind-3.js';
import { BLIND_4_MAILS } from '../fixtures/mails/blind-4.js';
import { BLIND_5_MAILS } from '../fixtures/mails/blind-5.js';
import { BLIND_6_MAILS } from '../fixtures/mails/blind-6.js';
import { BLIND_MAILS } from '../fixtures/mails/blind.js';
import { HELD_OUT_MAILS } from '../fixtures/mails/held-out.js';
import { LABELLED_MAILS } from '../fixtures/mails/mails.js';
import { measure } from './judge.js';

/**
 * Share of the set decided automatically and rightly: 82/111 (73.9 %; 82/97 = 84.5 % of the mails
 * not labelled triage) on the committed classifier when the set was finished (6b83a10, measured on
 * a clean export of that commit; the same 82/111 in the shared working tree with uncommitted
 * classifier edits, which left b6-triage-05 and b6-triage-10 to a coordinator).
 */
const AUTO_RIGHT_FLOOR = 0.73;

/**
 * Mails the intake acts on alone and wrongly when the set was finished (6b83a10), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action:
 * - b6-other-06: a nurse's complaint about her holiday pay, meant for the payroll service, is filed
 *   as a question to answer (right: other, it is not the award's mail; forwarded by hand);
 * - b6-triage-05: "Här kommer Förskolan Äppelgårdens bidrag" with nothing attached, the evening
 *   before the deadline, taken as a submission (right: a coordinator asks for the file at once, no
 *   receipt for an entry never sent);
 * - b6-triage-07: in September 2027, a pre-registration for the 2028 award, registered (right: a
 *   coordinator notes it for the next cycle's invitation);
 * - b6-triage-09: an entry sent only as a SharePoint link ("filen blev för stor"), taken as a
 *   submission (right: a coordinator fetches the file or asks for it; no document was received);
 * - b6-triage-10: a district board's protocol declining Omsorgshuset Linnéa's participation, filed
 *   as a board protocol (right: a coordinator withdraws the unit's entry and answers);
 * - b6-triage-13: a conditional pre-registration in English ("only about 45 % of our pupils live in
 *   Stockholm – if that rules us out, please disregard"), registered (right: a coordinator checks the
 *   51 % rule and answers before registering).
 */
const KNOWN_WRONG: string[] = [
  'b6-other-06',
  'b6-triage-05',
  'b6-triage-07',
  'b6-triage-09',
  'b6-triage-10',
  'b6-triage-13',
];

const text = (m: { body?: string; html?: string }) => (m.body ?? m.html ?? '').trim();

describe('intake on the sixth blind set (one award cycle, many writers)', () => {
  const { share, wrong, report } = measure('blind-6', BLIND_6_MAILS, KNOWN_WRONG);

  it('is a separate set of at least 100 mails of every kind, each id naming its label', () => {
    expect(BLIND_6_MAILS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(BLIND_6_MAILS.map((m) => m.id)).size).toBe(BLIND_6_MAILS.length);
    for (const mail of BLIND_6_MAILS)
      expect(mail.id, mail.id).toMatch(new RegExp(`^b6-${mail.expected.kind}-\\d{2}$`));
    const kinds = new Set(BLIND_6_MAILS.map((m) => m.expected.kind));
    for (const k of [...MAIL_KINDS, 'triage']) expect(kinds, k).toContain(k);
    const earlier = [
      ...LABELLED_MAILS,
      ...HELD_OUT_MAILS,
      ...BLIND_MAILS,
      ...BLIND_2_MAILS,
      ...BLIND_3_MAILS,
      ...BLIND_4_MAILS,
      ...BLIND_5_MAILS,
    ];
    const seenText = new Set(earlier.map(text).filter((t) => t.length > 40));
    const seenMail = new Set(earlier.map((m) => `${m.subject}\n${text(m)}`));
    expect(
      BLIND_6_MAILS.filter(
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
