// The intake on the nineteenth blind set (test/fixtures/mails/blind-19.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W19 on 8 December 2026 from the
// seeds, the configured 2027 cycle and the label rules (with the lead's decision that a board asking
// to send its protocol after the deadline is triage), without reading the classifier's rules or the
// earlier sets' mails, and kept sealed while engineers A19 to A21 tuned on the earlier sets). Like
// W15 to W18, W19 was given no share of any label to aim for. First measured on d429cc2; judged as
// the other measured sets are (./judge.ts, with a second reader trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on d429cc2 (the set sealed
 * until then, the reader trained without it): 117/138 (84.8 %; 117/121 = 96.7 % of the mails not
 * labelled triage), 6 wrong automatic actions, 2 of them counted as changing a participation or
 * answering the sender. Nothing was aligned or relabelled. The set's 17 mails labelled triage cap the
 * share at 121/138 (87.7 %).
 */
const AUTO_RIGHT_FLOOR = 0.84;

/**
 * Mails the intake acted on alone and wrongly when first measured (d429cc2), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action. Four were filed as
 * questions (left in the inbox for a coordinator to answer, unanswered), where the writer wants a
 * coordinator's decision flagged:
 * - b19-triage-01: a manager asks whether she may still come to an information meeting whose signup
 *   deadline has passed;
 * - b19-triage-07: a nursing home asks to send its entry after 17 May because of an outbreak (an
 *   exception request the rules did not read: "få skicka in … bidrag senare än 17 maj");
 * - b19-triage-15: a unit asks to move its site visit;
 * - b19-triage-16: a new manager tells of taking over a participating unit.
 * Two changed or answered something:
 * - b19-triage-13: a district board's protocol ("Från Bromma deltar <a unit in no register>"),
 *   filed as a protocol with no unit found (at runtime a protocol whose documents name no
 *   registered unit waits for a coordinator; the judge cannot read documents);
 * - b19-triage-17: a preschool's reply to the ceremony invitation listing who will come, confirmed
 *   as an information-meeting signup.
 */
const KNOWN_WRONG: string[] = [
  'b19-triage-01',
  'b19-triage-07',
  'b19-triage-13',
  'b19-triage-15',
  'b19-triage-16',
  'b19-triage-17',
];

describeMeasuredSet({
  name: 'blind-19',
  title: 'the nineteenth blind set (a 2027 award cycle, many writers, no label quota)',
  idPrefix: 'b19',
  minMails: 135,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
