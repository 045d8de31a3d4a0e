// The intake on the seventh blind set (test/fixtures/mails/blind-7.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W7 on 7 December 2026 without
// reading the classifier's rules or the earlier sets' mails), first measured on 305dc9b: the share
// of a coordinator's ordinary mail decided automatically and rightly, and no wrong automatic action,
// judged as the other measured sets are (./judge.ts). The set is blind: the intake must not be tuned
// against it. The floor may rise, never be lowered to pass.
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly: 80/118 (67.8 %; 80/105 = 76.2 % of the mails
 * not labelled triage) on the committed classifier when the set was finished (305dc9b, measured on
 * a clean export of that commit). Of the 23 decidable mails left to a coordinator, two are the
 * plan's own rules (b7-submission-05 sent after 17 May 24.00, b7-pre-registration-08 from Förskolan
 * Regnbågen, the 2026 winner). On 1a68af0, after engineer A7's rules from the sixth set (A7 saw
 * nothing of this set but its floor line and its commit subject): 85/118 (72.0 %; 85/105 = 81.0 %),
 * the same four wrong actions and no new one. Spent since as a tuning set: engineer A8's general
 * rules from it (wording families, not its mails) bring the rules alone to 98/118 (83.1 %; 98/105 =
 * 93.3 %) with no wrong automatic action, and 99/118 (83.9 %; 99/105 = 94.3 %) with the second
 * reader (judged by a reader trained without this set). The floor was 0.84 for a day, at 100/118,
 * while the reader could lift b7-other-14, thanks after the ceremony, which the rules hold for a
 * coordinator by design (their cap on the confidence): the reader now never reads a rule's doubt
 * away, whatever the labels of one set say. On 7 December 2026 the lead relabelled b7-question-12, a
 * request for a few days more for the entry, `triage` (an exception a coordinator decides; its id
 * keeps the writer's label), and the intake leaves it to a coordinator (engineer A11,
 * core/intake/exception-request.ts): 98/118 (83.1 %; 98/104 = 94.2 %).
 * On 7 December 2026 (later) the lead relabelled b7-pre-registration-09 `triage`: a pre-registration or entry
 * from a unit not in the register waits for a coordinator to add or identify the unit (the intake
 * acts only for a registered unit); their ids keep the writer's label and the figures stay.
 */
const AUTO_RIGHT_FLOOR = 0.83;

/**
 * Mails the intake acted on alone and wrongly when the set was finished (305dc9b), all four fixed by
 * engineer A8's general rules once the set was spent (their labels unchanged):
 * - b7-withdrawal-05 ("Vi behöver tyvärr återta vår intresseanmälan", registered as a
 *   pre-registration): "återta"/"återtagande" of the registration is a withdrawal;
 * - b7-other-12 (a broken radiator for the facility management, filed as a question): a fault report
 *   about the building with no word of the award is misdirected (core/intake/misdirected.ts);
 * - b7-triage-08 ("Om vi inte kan få skjuta upp inlämningen … måste vi tyvärr hoppa av", taken as a
 *   withdrawal): a withdrawal on a condition goes to a coordinator;
 * - b7-triage-12 (a merger asking whether the registration carries over, filed as a question): a
 *   merged unit's question about its registration or entry goes to a coordinator.
 * The list is empty: any wrong automatic action on the set now fails the test.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-7',
  title: 'the seventh blind set (a 2027 award cycle, many writers)',
  idPrefix: 'b7',
  minMails: 100,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
  relabelled: ['b7-pre-registration-09', 'b7-question-12'],
});
