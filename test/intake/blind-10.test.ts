// The intake on the tenth blind set (test/fixtures/mails/blind-10.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W10 on 7 December 2026 without
// reading the classifier's rules or the earlier sets' mails, and kept from engineer A11 while A11
// tuned on the ninth), first measured on 4c623c8: the share of a coordinator's ordinary mail decided
// automatically and rightly, and no wrong automatic action, judged as the other measured sets are
// (./judge.ts, with a second reader trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on 4c623c8 (the set sealed
 * until then): 98/137 (71.5 %; 98/123 = 79.7 % of the mails not labelled triage), 6 wrong automatic
 * actions, 3 of which changed a participation or answered the sender. W10 had invented the 2027
 * information meetings from the seeds (a Wednesday 3 March meeting, signups by 25 February), while
 * the configured 2027 cycle (cycles/2027.json, which the invitation the units answer is written
 * from) has Tuesday 2 March (signups by 24 February) and 9 March (by 26 February): the intake rightly
 * asked "which meeting?" of four signups naming a meeting that does not exist. Before anyone tuned
 * on the set, the lead aligned those dates (and one signup's time, sent on W10's deadline day) to
 * the configured cycle, and nothing else: 101/137 (73.7 %; 101/123 = 82.1 %), 7 wrong automatic
 * actions, 4 of which changed a participation or answered the sender (a signup that also
 * pre-registers, no longer held by the meeting it named). Then the lead relabelled
 * b10-info-meeting-signup-16, a move from one information meeting to another, `triage` (as blind-2
 * and the eleventh set's writer label a move; the intake moves no signup): the figures stay.
 * Then spent and tuned on (engineer A12, by general rules each unit-tested with sentences of its own
 * and a near miss): 101/137 → 114/137 (83.2 %; 114/122 = 93.4 % of the mails not labelled triage),
 * wrong automatic actions 7 → 1, none changing a participation or answering; every other set kept
 * each right decision. Engineer A14's general rules: a withdrawal with no word of the award from the
 * unit's registered manager about this year's taking part (core/intake/manager-withdrawal.ts),
 * 115/137; the answer to the award's own "which unit?" in a thread is the sender's earlier
 * registration for the unit it names (core/intake/which-unit-answer.ts): 116/137 (84.7 %; 116/122 =
 * 95.1 %), wrong automatic actions still 1.
 * On 7 December 2026 (later) the lead relabelled b10-pre-registration-13, b10-pre-registration-14 `triage`: a pre-registration or entry
 * from a unit not in the register waits for a coordinator to add or identify the unit (the intake
 * acts only for a registered unit); their ids keep the writer's label and the figures stay.
 */
const AUTO_RIGHT_FLOOR = 0.84;

/**
 * Mails the intake acted on alone and wrongly when first measured (4c623c8, meeting dates aligned),
 * kept visible here (their labels are not changed) so that the test fails on any NEW wrong action.
 * Seven at first; A12's general rules closed six (7 → 1): a unit name differing only in its kind word
 * ("Ekbackens förskola" is not Ekbackens skola: b10-pre-registration-14), exceptions asked as "går det
 * fortfarande?" after the deadline (b10-triage-02), "undantag från kravet …" (b10-triage-05) and "gör
 * det något?" over the character limit (b10-triage-12), a signup that also pre-registers
 * (b10-triage-13), and "annars vet jag inte om vi kan fullfölja" (b10-triage-14). The last:
 * - b10-triage-11: asks to send the board protocol after 30 June, filed as a question (right:
 *   triage, an exception). blind-6 labelled the same request (b6-question-10) a question until the
 *   lead relabelled it triage on 8 December 2026; left to a coordinator since by core/intake/exception-request.ts's late-protocol rule (A17):
 *   116/137, 0 wrong.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-10',
  title: 'the tenth blind set (a 2027 award cycle, many writers)',
  idPrefix: 'b10',
  minMails: 130,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
  relabelled: ['b10-pre-registration-13', 'b10-pre-registration-14', 'b10-info-meeting-signup-16'],
});
