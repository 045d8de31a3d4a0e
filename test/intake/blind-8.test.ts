// The intake on the eighth blind set (test/fixtures/mails/blind-8.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W8 on 7 December 2026 without
// reading the classifier's rules or the earlier sets' mails, and kept from engineer A8 while A8 tuned
// on the seventh), first measured on cfbea1a: the share of a coordinator's ordinary mail decided
// automatically and rightly, and no wrong automatic action, judged as the other measured sets are
// (./judge.ts, with a second reader trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on cfbea1a (the set sealed
 * until then): 95/124 (76.6 %; 95/111 = 85.6 % of the mails not labelled triage), of which the
 * second reader lifted 6 (all right; the rules alone: 89/124, 71.8 %). Of the 15 decidable mails
 * left to a coordinator, one is the matcher's caution (b8-pre-registration-19, from one unit's
 * manager's address writing as acting head of another) and one the meeting picker's (b8-info-meeting-
 * signup-12 names its meeting "den andra mars", which it did not read, so a coordinator was asked).
 *
 * After engineer A9's general rules (a seller's demo pitch is an advert, a complaint about someone's
 * conduct and a request to delete personal data go to a coordinator, a "not read" notice is an
 * auto-reply, a day written as an ordinal word names its meeting, a message a colleague is asked to
 * pass on is said, "vår anmälan … kan strykas" withdraws, "jättebra" thanks for an info meeting are
 * thanks, a hand-written away text's "läser mejl sporadiskt" is a second sign, a CV with no word of
 * the award is misdirected, the entry in a future English sentence is not sent): 105/124 (84.7 %;
 * 105/111 = 94.6 %), 1 wrong (b8-triage-09, below); 106/124 (85.5 %; 106/111 = 95.5 %) once the
 * second reader took a sign of another kind set at nothing ("no document" beside a registration)
 * for no doubt about the leaning kind. After engineer A11's general rules (another event's
 * invitation registered for through its link is other; a note sent only for interest, "bara som
 * kuriosa, inget ni behöver göra något med", is other): 108/124 (87.1 %; 108/111 = 97.3 %), 0 wrong.
 * Engineer A14's: a withdrawal with no word of the award from the unit's registered manager, about
 * this year's taking part (core/intake/manager-withdrawal.ts), 109/124; an acting manager's
 * registration from their ordinary unit's address is the acted-for unit's (core/intake/
 * acting-manager.ts): 110/124 (88.7 %; 110/111 = 99.1 %), 0 wrong.
 */
const AUTO_RIGHT_FLOOR = 0.88;

/**
 * Mails the intake acted on alone and wrongly when first measured (cfbea1a), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action. All four were filed
 * as questions (which a coordinator answers, so a person reads each, but not as what they are).
 * Fixed by general rules since: b8-other-02, a vendor selling a survey tool (a seller's title in the
 * signature and a demo offered: advertising.ts `vendorPitch`); b8-triage-07, a complaint about an
 * examiner's conduct (conduct words in classify.ts COMPLAINT: "obehaglig", "nedlåtande", "rude");
 * b8-triage-13, an entry holding a resident's personal data to be deleted (classify.ts
 * `deletesPersonalData`). b8-triage-09, "Kan vi få anstånd?", a request for more time for the entry (right: triage),
 * was left while every earlier set labelled the same request a question; on 7 December 2026 the lead
 * ruled such a request an exception for a coordinator (mails.ts q-09, bl-question-13, b5-question-13,
 * b6-question-08 and b7-question-12 relabelled `triage`), and engineer A11's rule sends it there
 * (core/intake/exception-request.ts). The list is empty: any wrong automatic action fails the test.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-8',
  title: 'the eighth blind set (a 2027 award cycle, many writers)',
  idPrefix: 'b8',
  minMails: 120,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
