// The intake on the fourth blind set (test/fixtures/mails/blind-4.ts, written by engineer W4 on
// 2026-12-07 without reading the classifier's rules or the earlier sets): the share decided
// automatically and rightly, and no wrong automatic action, judged as the other measured sets are
// (./judge.ts). Measured blind on 2026-12-07: 65/98 with 7 wrong automatic actions; a tuning set
// since (its wrong actions fixed with rules of their own), and the fifth blind set measures the next
// round. The floor may rise, never be lowered to pass.
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the fourth blind set decided automatically and rightly: 65/98 (66.3 %; 65/87 = 74.7 % of
 * the mails not labelled triage) measured blind (7ffa136, the same on 2cc8422); 68/98 (69.4 %;
 * 78.2 %) once its wrong actions were fixed; 70/98 (71.4 %; 80.5 %) reading hard-wrapped lines
 * as the sentences they are; 71/98 (72.4 %; 81.6 %) with read receipts and self-declared
 * automatic replies; 72/98 (73.5 %; 82.8 %) with a registration form sent without words; 75/98
 * (76.5 %; 86.2 %) with a yes that leaves the meeting for later, a forward's "?" subject and
 * "would like to anmäla"; 77/98 (78.6 %; 88.5 %) with "skönt att det kom fram" and a conference's
 * invitation filed as other; 78/98 (79.6 %; 89.7 %) with "KU" naming the award; 79/98 (80.6 %;
 * 90.8 %) with a short reply that only thanks ("ok tack, då vet jag!") filed as other; 80/98
 * (81.6 %; 92.0 %) with a negation read as a whole word ("Hej" is no "ej"); 81/98 (82.7 %; 93.1 %)
 * with thanks for an info meeting filed alone; 82/98 (83.7 %; 94.3 %) with taking part under an
 * event's subject read as the event's; 83/98 (84.7 %; 95.4 %) with the second reader (trained
 * without this set) once it read only the leaning kind's own signs set at nothing as doubts; 84/98
 * (85.7 %; 96.6 %) with a meeting signup from a person no unit is recognised from decided alone
 * (A13).
 * On 7 December 2026 (later) the lead relabelled b4-pre-registration-15, b4-submission-15 `triage`: a pre-registration or entry
 * from a unit not in the register waits for a coordinator to add or identify the unit (the intake
 * acts only for a registered unit); their ids keep the writer's label and the figures stay.
 * On 8 December 2026 the lead relabelled b4-board-protocol-04 `triage` by the same decision (the
 * culture board's protocol for Kista bibliotek, a unit in no register; missed on 7 December, found
 * by engineer A16).
 * 84/98 (85.7 %; 84/84 = 100 % of the decidable part) once a question from a unit only considering
 * joining ("Vi funderar på att anmäla oss") is a question decided alone (A17, b4-question-13).
 */
const AUTO_RIGHT_FLOOR = 0.85;

/**
 * Mails the intake acts on alone and wrongly, kept visible here (their labels are not changed) so
 * that the test fails on any NEW wrong action: none left. Found when the set was finished (7ffa136),
 * each fixed since by a rule of its own (core/intake/misdirected.ts, standing.ts,
 * protocol-withdrawal.ts, winner-lockout.ts; the thanks by the thanks-for-event rule):
 * - b4-other-01: a parent asking the public address about a preschool place is answered as a
 *   question about the award; it is not award business (other).
 * - b4-other-02: a citizen asking about a building permit, the same (other).
 * - b4-other-04: a recruiter offering interim quality managers is taken as a question (other).
 * - b4-other-08: a thank-you for an info meeting already held is taken as a signup (other).
 * - b4-triage-02: a teacher registers the school before the principal knows; receipted as the
 *   school's pre-registration, though only the manager may register the unit.
 * - b4-triage-04: last year's winner registers again (two years' lockout); receipted.
 * - b4-triage-07: a board protocol whose cover mail withdraws one of the units it names is filed as
 *   a protocol alone; the withdrawal needs a coordinator.
 * Right since rules written for other sets (99227b5, 4ca6fd0; this set was not tuned against):
 * b4-triage-01 (a submission at 00:35 on 18 May goes to a coordinator as late) and b4-triage-05
 * (a cooperative of four staff registering "if allowed").
 * Wrong since the lead's relabelling on 8 December 2026 (the rules then filed it rightly by its old
 * label): b4-board-protocol-04, a protocol for a unit in no register, filed as a protocol; fixed by the rule that a protocol whose mail names, in its decision wording, a unit in no register goes to a coordinator (core/intake/unregistered-protocol-unit.ts, A17):
 * 84/98, 0 wrong.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-4',
  title: 'the fourth blind set (written without reading the rules)',
  idPrefix: 'b4',
  minMails: 75,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
  relabelled: ['b4-pre-registration-15', 'b4-submission-15', 'b4-board-protocol-04'],
});
