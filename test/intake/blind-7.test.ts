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
 * the same four wrong actions and no new one.
 */
const AUTO_RIGHT_FLOOR = 0.72;

/**
 * Mails the intake acts on alone and wrongly when the set was finished (305dc9b), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action:
 * - b7-withdrawal-05: Vinterviksskolan's acting principal writes "Vi behöver tyvärr återta vår
 *   intresseanmälan" (subject "Återtagande av intresseanmälan"), registered as a pre-registration
 *   (right: a withdrawal of Vinterviksskolan);
 * - b7-other-12: "Element trasigt plan 3", a broken radiator meant for the facility management,
 *   filed as a question to answer (right: other, not the award's mail; forwarded by hand);
 * - b7-triage-08: "Om vi inte kan få skjuta upp inlämningen till slutet av maj måste vi tyvärr
 *   hoppa av", a conditional withdrawal, taken as Korttidsboendet Bagarmossen's withdrawal (right: a
 *   coordinator answers the request for more time; nothing is withdrawn yet);
 * - b7-triage-12: Förskolan Lustgården merging with another preschool and asking whether its
 *   registration carries over, filed as a question (right: a coordinator decides which unit the
 *   registration and the entry belong to before anything is filed under Lustgården).
 */
const KNOWN_WRONG: string[] = ['b7-withdrawal-05', 'b7-other-12', 'b7-triage-08', 'b7-triage-12'];

describeMeasuredSet({
  name: 'blind-7',
  title: 'the seventh blind set (a 2027 award cycle, many writers)',
  idPrefix: 'b7',
  minMails: 100,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
