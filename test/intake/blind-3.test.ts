// The intake on the third blind set (test/fixtures/mails/blind-3.ts, written by engineer W3 without
// reading the classifier's rules or the earlier sets' mails; writers from social services, elderly
// care and the city's central offices): the share decided automatically and rightly, and no new
// wrong automatic action, judged as the other measured sets are (./judge.ts). The set is blind: its
// report lines are for measuring, not for tuning rules; the floor may rise, never be lowered to pass.
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS } from '../../core/intake/facts.js';
import { BLIND_2_MAILS } from '../fixtures/mails/blind-2.js';
import { BLIND_3_MAILS } from '../fixtures/mails/blind-3.js';
import { BLIND_MAILS } from '../fixtures/mails/blind.js';
import { HELD_OUT_MAILS } from '../fixtures/mails/held-out.js';
import { LABELLED_MAILS } from '../fixtures/mails/mails.js';
import { measure } from './judge.js';

/**
 * Share of the third blind set decided automatically and rightly: 69/93 (74.2 %; 69/83 = 83.1 % of
 * the mails not labelled triage) on the committed classifier when the set was finished (828615e).
 */
const AUTO_RIGHT_FLOOR = 0.74;

/**
 * Mails the intake acts on alone and wrongly, kept visible here (their labels are not changed) so
 * that the test fails on any NEW wrong action. Found when the set was finished (828615e):
 * - b3-info-meeting-signup-05: "Kan jag få anmäla mig till informationsmötet på Teams i mars?" is
 *   filed as a question; right: a signup for 2 March (the only Teams meeting in March).
 * - b3-info-meeting-signup-06: a calendar decline of 16 February asking "Kan jag komma på mötet den
 *   2 mars i stället?" is filed as a question; right: a signup for 2 March.
 * - b3-question-01: a controller's question about a unit's budget is filed as a question but matched
 *   to Dagverksamheten Fridhemsgården; labelled with no unit (debatable: the question is about that
 *   unit's eligibility; the label was written before measuring and is kept).
 * - b3-question-05: an examiner's question (assignment, conflict of interest: his sister works at
 *   Solängen) is matched to Solängens vård- och omsorgsboende; right: no unit, an examiner's
 *   conflict of interest does not belong on the unit's record.
 * - b3-other-09: the administration's report before the board meets (tjänsteutlåtande; "the
 *   protocol follows when approved") is recorded as a board protocol; right: other, the board has
 *   not decided yet.
 * - b3-triage-06: a contracted care home with 46 % of its places bought by the city (below the
 *   51 % rule) pre-registers "if we may" and is receipted as a pre-registration; right: a
 *   coordinator decides on the eligibility first.
 */
const KNOWN_WRONG: string[] = [
  'b3-info-meeting-signup-05',
  'b3-info-meeting-signup-06',
  'b3-question-01',
  'b3-question-05',
  'b3-other-09',
  'b3-triage-06',
];

const text = (m: { body?: string; html?: string }) => (m.body ?? m.html ?? '').trim();

describe('intake on the third blind set (written without reading the rules)', () => {
  const { share, wrong, report } = measure('blind-3', BLIND_3_MAILS, KNOWN_WRONG);

  it('is a separate set of at least 75 mails of every kind, each id naming its label', () => {
    expect(BLIND_3_MAILS.length).toBeGreaterThanOrEqual(75);
    expect(new Set(BLIND_3_MAILS.map((m) => m.id)).size).toBe(BLIND_3_MAILS.length);
    for (const mail of BLIND_3_MAILS)
      expect(mail.id, mail.id).toMatch(new RegExp(`^b3-${mail.expected.kind}-\\d{2}$`));
    const kinds = new Set(BLIND_3_MAILS.map((m) => m.expected.kind));
    for (const k of [...MAIL_KINDS, 'triage']) expect(kinds, k).toContain(k);
    const earlier = [...LABELLED_MAILS, ...HELD_OUT_MAILS, ...BLIND_MAILS, ...BLIND_2_MAILS];
    const seenText = new Set(earlier.map(text).filter((t) => t.length > 40));
    const seenMail = new Set(earlier.map((m) => `${m.subject}\n${text(m)}`));
    // A mail with no subject and no text (only an attachment) repeats nothing, whatever it equals.
    const empty = (m: { subject: string; body?: string; html?: string }) => !m.subject && !text(m);
    expect(
      BLIND_3_MAILS.filter(
        (m) => !empty(m) && (seenText.has(text(m)) || seenMail.has(`${m.subject}\n${text(m)}`)),
      ).map((m) => m.id),
    ).toEqual([]);
  });

  it('decides most mails automatically and rightly, and takes no new wrong automatic action', () => {
    console.warn(report);
    expect(wrong.filter((o) => !KNOWN_WRONG.includes(o.mail.id)).map((o) => o.line)).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(AUTO_RIGHT_FLOOR);
  });
});
