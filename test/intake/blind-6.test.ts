// The intake on the sixth blind set (test/fixtures/mails/blind-6.ts: one award cycle of the shared
// mailbox in many writers' own words, written by engineer W6 on 7 December 2026 without reading the
// classifier's rules or the earlier sets' mails): the share of a coordinator's ordinary mail decided
// automatically and rightly, and no wrong automatic action, judged as the other measured sets are
// (./judge.ts). The set is blind: the intake must not be tuned against it. The floor may rise, never
// be lowered to pass.
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly: 82/111 (73.9 %; 82/97 = 84.5 % of the mails
 * not labelled triage) on the committed classifier when the set was finished (6b83a10, measured on
 * a clean export of that commit; the same 82/111 in the shared working tree with uncommitted
 * classifier edits, which left b6-triage-05 and b6-triage-10 to a coordinator). 96/111 (86.5 %)
 * with a meeting signup from a person no unit is recognised from decided alone (A13).
 * On 7 December 2026 (later) the lead relabelled b6-pre-registration-09 `triage`: a pre-registration or entry
 * from a unit not in the register waits for a coordinator to add or identify the unit (the intake
 * acts only for a registered unit); their ids keep the writer's label and the figures stay.
 * On 8 December 2026 the lead relabelled b6-question-10 `triage` by the decision on exceptions: a
 * board asking to send its protocol after the 30 June deadline asks for more time (blind-10's and
 * blind-13's writers label the same request triage; found by engineer A16). The intake, which had
 * answered it rightly as a question, now rightly leaves it to a coordinator (A17), so the mails
 * decided alone fall by one by the label, not by the intake: 95/111 (85.6 %; 95/97 = 97.9 %), and
 * the floor falls with them from 0.86 to 0.85.
 */
const AUTO_RIGHT_FLOOR = 0.85;

/**
 * Mails the intake acts on alone and wrongly when the set was finished (6b83a10), kept visible here
 * (their labels are not changed but by the lead's decision below) so that the test fails on any NEW wrong action:
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
 * On e25ab6a (after engineer A6's rules from the fifth set's wrong actions: nothing attached, a later
 * cycle's year, a board declining) three remain: b6-other-06, b6-triage-09 (the issue's own rule
 * for a link: a receipt asking for the file, which this set's label does not accept) and b6-triage-13;
 * 82/111 still decided automatically and rightly. A6 had seen two of the set's result lines and some
 * of its triage notes by mistake by then (not the mails), so that figure is not a clean blind one.
 * Then spent as a blind measure and tuned on by engineer A7: pay and employment mail is misdirected,
 * a sender's own doubt about the rules is a condition, two signs of a program's reply settle it
 * (86/111, floor 0.77); b6-triage-09 stays, by the rule for a link. Thanks for a reminder
 * already acted on and thanks for an info meeting are filed alone: 88/111 (79.3 %; 88/97 = 90.7 %);
 * an IT operations notice and a Teams recording notice as other: 90/111 (81.1 %; 90/97 = 92.8 %);
 * a meeting day with a Swedish ordinal ("16:e feb"): 91/111 (82.0 %; 91/97 = 93.8 %); a free
 * workshop with a demo to book and a Swedish early-bird price as advertisements: 93/111 (83.8 %;
 * 93/97 = 95.9 %); taking part under an event's subject ("Prisutdelningen") as the event's:
 * 94/111 (84.7 %; 94/97 = 96.9 %).
 * On 7 December 2026 the lead decided the two label questions this set raised (engineer A11 applied
 * them; the ids keep the writer's labels): b6-triage-09, the entry sent only as a SharePoint link,
 * is Omsorgshuset Linnéa's `submission` (the rule: a receipt asking for the file), so the
 * intake's sending is right now and the list of wrong actions is empty; b6-question-08, a request
 * for a week more for the entry, is `triage` (an exception a coordinator decides), and
 * core/intake/exception-request.ts leaves it to one: 94/111 (84.7 %; 94/97 = 96.9 %), the same count
 * with one right decision traded for another. Later that day, as the tenth and eleventh sets'
 * writers label it, b6-triage-05 ("här kommer … bidrag", nothing attached) became Förskolan
 * Äppelgården's `submission` too (a receipt asking for the file, the participation unchanged): it
 * is still left to a coordinator, so a decision is missed but nothing is done wrong. Engineer A11
 * then kept for a coordinator only a sending that says its file is attached when none is
 * ("bifogar härmed vårt bidrag", "se bifogad fil": lost on the way, as blind-5 and blind-7 label
 * it), so "här kommer … bidrag" alone is the submission: 95/111 (85.6 %; 95/98 = 96.9 %).
 * Wrong since the lead's relabelling on 8 December 2026 (the rules then filed it rightly by its old
 * label): b6-question-10, a board asking to send its protocol after the deadline, filed as a question;
 * left to a coordinator since as an exception request by core/intake/exception-request.ts's late-protocol rule (A17): 95/111 (85.6 %), 0 wrong.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-6',
  title: 'the sixth blind set (one award cycle, many writers)',
  idPrefix: 'b6',
  minMails: 100,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
  relabelled: [
    'b6-pre-registration-09',
    'b6-question-08',
    'b6-triage-05',
    'b6-triage-09',
    'b6-question-10',
  ],
});
