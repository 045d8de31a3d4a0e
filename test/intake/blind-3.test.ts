// The intake on the third blind set (test/fixtures/mails/blind-3.ts, written by engineer W3 without
// reading the classifier's rules or the earlier sets' mails; writers from social services, elderly
// care and the city's central offices): the share decided automatically and rightly, and no new
// wrong automatic action, judged as the other measured sets are (./judge.ts). Measured blind once
// (69/93, 6 wrong, 2026-12-07), a tuning set since; the floor may rise, never be lowered to pass.
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS } from '../../core/intake/facts.js';
import { BLIND_2_MAILS } from '../fixtures/mails/blind-2.js';
import { BLIND_3_MAILS } from '../fixtures/mails/blind-3.js';
import { BLIND_MAILS } from '../fixtures/mails/blind.js';
import { HELD_OUT_MAILS } from '../fixtures/mails/held-out.js';
import { LABELLED_MAILS } from '../fixtures/mails/mails.js';
import { measure } from './judge.js';

/**
 * Share of the third blind set decided automatically and rightly. Measured blind on 2026-12-07 when
 * the set was finished (828615e): 69/93 (74.2 %; 69/83 = 83.1 % of the mails not labelled triage) and
 * 6 wrong automatic actions. A tuning set since (engineer A4 read its lines to fix them): 77/93
 * (82.8 %; 77/83 = 92.8 %), 0 wrong.
 */
const AUTO_RIGHT_FLOOR = 0.82;

/**
 * Mails the intake acts on alone and wrongly, kept visible here (their labels are not changed) so
 * that the test fails on any NEW wrong action. The six found when the set was finished are fixed:
 * - b3-info-meeting-signup-05 ("Kan jag få anmäla mig till informationsmötet på Teams i mars?"): a
 *   request put as a question is a signup; "Teams in March" is not yet read as one meeting, so a
 *   coordinator picks it.
 * - b3-info-meeting-signup-06 (a calendar decline of 16 February, "kan jag komma den 2 mars i
 *   stället?"): a signup moved to another meeting, which a coordinator makes (as "byta till").
 * - b3-question-01, b3-question-05: a question is recorded on a unit only when the unit asks it (its
 *   address, its manager, its signature); a unit a controller or an examiner names is what is asked
 *   about.
 * - b3-other-09: the officers' report before the board meets (tjänsteutlåtande) is no protocol;
 *   suggested as other for a coordinator (the first blind set labels the same mail triage).
 * - b3-triage-06: a registration "if we may take part" goes to a coordinator.
 */
const KNOWN_WRONG: string[] = [];

const text = (m: { body?: string; html?: string }) => (m.body ?? m.html ?? '').trim();

describe('intake on the third blind set (written without reading the rules, now a tuning set)', () => {
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
