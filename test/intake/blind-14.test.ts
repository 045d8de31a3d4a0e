// The intake on the fourteenth blind set (test/fixtures/mails/blind-14.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W14 on 7 December 2026 from the
// seeds, the configured 2027 cycle and the label rules as the lead had decided them that day, without
// reading the classifier's rules or the earlier sets' mails, and kept from engineer A15 while A15
// tuned on the thirteenth), first measured on 8aeabd7: the share of a coordinator's ordinary mail
// decided automatically and rightly, and no wrong automatic action, judged as the other measured
// sets are (./judge.ts, with a second reader trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on 8aeabd7 (the set sealed
 * until then, the reader trained without it): 116/136 (85.3 %; 116/122 = 95.1 % of the mails not
 * labelled triage), 3 wrong automatic actions, one of them counted as changing a participation (a
 * protocol, though its unit is in no register, so no participation was found to change). Nothing was
 * aligned or relabelled. The set's 14 mails labelled triage cap the share at 122/136 (89.7 %).
 * Since tuned on it: 117/136 (86.0 %), 2 wrong. Then 118/136 (86.8 %), 2 wrong (b14-other-08, a
 * department's meeting invitation asking for no registration).
 * With a forward's meeting read from the sender's own words first (which-meeting.ts): 119/136 (87.5 %).
 */
const AUTO_RIGHT_FLOOR = 0.87;

/**
 * Mails the intake acted on alone and wrongly when first measured (8aeabd7), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action (b14-other-07,
 * the third, and b14-triage-07 are fixed: see below):
 * - b14-triage-07: a district board's protocol extract for a unit not in the register, filed as a
 *   protocol with no unit found (right: triage, by the lead's rule that a coordinator adds or
 *   identifies the unit); fixed by the rule that a protocol whose mail names, in its decision wording, a unit in no register goes to a coordinator (core/intake/unregistered-protocol-unit.ts, A17): 118/136, 1 wrong;
 * - b14-triage-12: a unit asks to be let off the protocol's deadline because its board meets only
 *   in August, filed as a question (right: triage, an exception request); left to a coordinator
 *   since by core/intake/exception-request.ts's late-protocol rule (A17): 118/136, 0 wrong;
 * - b14-other-07: a resident's complaint about a broken swing in a park, sent to the wrong address,
 *   filed as a question (right: other); filed as other since a question about the city's parks,
 *   playgrounds or streets with no word of the award is sent here by mistake (misdirected.ts).
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-14',
  title: 'the fourteenth blind set (a 2027 award cycle, many writers)',
  idPrefix: 'b14',
  minMails: 130,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
