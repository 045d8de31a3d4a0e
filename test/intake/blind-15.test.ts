// The intake on the fifteenth blind set (test/fixtures/mails/blind-15.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W15 on 8 December 2026 from the
// seeds, the configured 2027 cycle and the label rules, without reading the classifier's rules or the
// earlier sets' mails, and kept from engineer A16 while A16 tuned on the fourteenth). Unlike the
// earlier writers, W15 was given no share of any label to aim for (the earlier briefs asked for about
// a tenth labelled triage): the set's composition is the writer's judgement of a real cycle's mail.
// First measured on acbb972; judged as the other measured sets are (./judge.ts, with a second reader
// trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on acbb972 (the set sealed
 * until then, the reader trained without it): 119/139 (85.6 %; 119/128 = 93.0 % of the mails not
 * labelled triage), 2 wrong automatic actions, one of them counted as changing a participation (a
 * protocol whose unit is in no register, so no participation was found to change). Nothing was
 * aligned or relabelled. The set's 11 mails labelled triage cap the share at 128/139 (92.1 %).
 * A18: 120/139 (86.3 %), 1 wrong, after a parent's view on a child's preschool or school (its meals,
 * its teachers) was taken as sent here by mistake (b15-other-05).
 * A18: 121/139 (87.1 %), 1 wrong, after a withdrawal giving a merger still to come as its reason was
 * decided alone (b15-withdrawal-06).
 * A19: 122/139 (87.8 %), 1 wrong, after typos in the award's key words were mended
 * ("informationsmöttet": b15-info-meeting-signup-18).
 * A19: 123/139 (88.5 %), 1 wrong, after an application only named in a question with nothing
 * attached was taken as what is asked about, not sent (b15-question-06).
 */
const AUTO_RIGHT_FLOOR = 0.88;

/**
 * Mails the intake acted on alone and wrongly when first measured (acbb972), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action:
 * - b15-triage-10: a foundation board's protocol extract for a unit not in the register, filed as a
 *   protocol with no unit found (right: triage, a coordinator adds or identifies the unit); since
 *   fixed by the rule that a protocol whose mail names, in its decision wording, a unit in no
 *   register goes to a coordinator (core/intake/unregistered-protocol-unit.ts, A17).
 * (b15-other-05, a parent's misdirected comment on a preschool's meals once filed as a question, is
 * other since A18's rule on a parent's view on a child's school: core/intake/misdirected.ts.)
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-15',
  title: 'the fifteenth blind set (a 2027 award cycle, many writers, no label quota)',
  idPrefix: 'b15',
  minMails: 135,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
