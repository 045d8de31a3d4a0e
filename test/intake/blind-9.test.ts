// The intake on the ninth blind set (test/fixtures/mails/blind-9.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W9 on 7 December 2026 without
// reading the classifier's rules or the earlier sets' mails, and kept from engineer A9 while A9 tuned
// on the eighth), first measured on ae73359: the share of a coordinator's ordinary mail decided
// automatically and rightly, and no wrong automatic action, judged as the other measured sets are
// (./judge.ts, with a second reader trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on ae73359 (the set sealed
 * until then): 93/122 (76.2 %; 93/110 = 84.5 % of the mails not labelled triage), two of them
 * lifted by the second reader (the rules alone: 91/122). Two protocols that name several units were
 * labelled `unit: null` by their writer ("match no unit"); before measuring, their `unit` was left
 * out instead, as the other sets do for a protocol listing several units (the plan reads its units
 * from the document, not from the matcher). After A10's general rules (blind-9 spent and tuned on):
 * 96/122 (78.7 %; 96/110 = 87.3 %), 1 wrong automatic action. After engineer A11's general rules
 * (a request for more time goes to a coordinator, by the lead's label decision; a delivery receipt
 * is an auto-reply; a yes to our invitation that comes "den 16:e" signs up for that day's meeting;
 * a unit put on the list, "köra på" the award or an entry decided to be written registers; a unit's
 * own board deciding not to go on withdraws; a person greeting the award's mailbox by name gives a
 * plain registration or withdrawal its context): 102/122 (83.6 %; 102/110 = 92.7 %), 0 wrong; a
 * seller offering a free call, goods offered with their price list attached, and a service notice
 * asking for no action from an address no one reads are other: 105/122 (86.1 %; 105/110 = 95.5 %);
 * another event's invitation registered for through its link is other: 106/122 (86.9 %; 96.4 %);
 * a withdrawal with no word of the award decided alone when the unit's registered manager writes of
 * this year's taking part (engineer A14, core/intake/manager-withdrawal.ts): 107/122 (87.7 %; 97.3 %).
 */
const AUTO_RIGHT_FLOOR = 0.87;

/**
 * Mails the intake acted on alone and wrongly when first measured (ae73359), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action. None changed a
 * participation or answered the sender: four were filed as questions (a coordinator answers every
 * question, so a person reads each, but not as what it is) and one as other:
 * - b9-info-meeting-signup-08: "kan jag … få en plats" at the 9 March meeting, a signup asked as a
 *   question (right: Åkeshov's signup);
 * - b9-auto-reply-07: a ticket system's "[Ärende #…] Vi har tagit emot ditt meddelande" (right: an
 *   automatic reply; filed as other, so only the folder differs);
 * - b9-triage-02: "Kan vi få anstånd?" for the entry, the manager being ill (right: triage, an
 *   exception; earlier sets label the same request a question, so the sets disagree);
 * - b9-triage-03: "Synpunkter på bedömningen", a complaint about the jury's result and the examiners
 *   (right: triage);
 * - b9-triage-04: a reply from a private address, "vi på förskolan", no unit named (right: triage).
 */
const KNOWN_WRONG: string[] = [
  // b9-info-meeting-signup-08 fixed: a request to join may bring someone along ("kan jag och min
  // kollega … få en plats", JOIN_REQUEST). b9-auto-reply-07 fixed: "automatiskt genererat
  // meddelande" declares itself automatic, and the X-Autoreply header the intake keeps now counts.
  // b9-triage-03 fixed: disappointment with the assessment and "överklaga" are a complaint (COMPLAINT).
  // b9-triage-04 fixed: a question from a private mailbox that says the unit joins or leaves is a
  // coordinator's ('private-participation'; "kvalitetspriset" now names the award).
  // b9-triage-02 fixed (engineer A11): the lead ruled a request for more time an exception for a
  // coordinator and relabelled the earlier sets' such questions `triage`; the request now goes there
  // (core/intake/exception-request.ts). The list is empty: any wrong automatic action fails the test.
];

describeMeasuredSet({
  name: 'blind-9',
  title: 'the ninth blind set (a 2027 award cycle, many writers)',
  idPrefix: 'b9',
  minMails: 120,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
