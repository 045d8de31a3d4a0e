// The intake on the seventeenth blind set (test/fixtures/mails/blind-17.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W17 on 8 December 2026 from the
// seeds, the configured 2027 cycle and the label rules, without reading the classifier's rules or the
// earlier sets' mails, and kept sealed while engineers A16, A17 and A18 tuned on the earlier sets).
// Like W15 and W16, W17 was given no share of any label to aim for. First measured on a0b49fe (A17's
// and A18's rules merged); judged as the other measured sets are (./judge.ts, with a second reader
// trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on a0b49fe (the set sealed
 * until then, the reader trained without it): 116/139 (83.5 %; 116/126 = 92.1 % of the mails not
 * labelled triage), 1 wrong automatic action, which changed a participation (a manager's signup for
 * an information meeting, "anmäla mej till informations mötet" with the compound split, registered
 * as her unit's pre-registration). Nothing was aligned or relabelled. The set's 13 mails labelled
 * triage cap the share at 126/139 (90.6 %).
 * With the award's compounds written apart read whole (split-compounds.ts): 117/139 (84.2 %), 0 wrong.
 * With a forward's meeting read from the sender's own words first (which-meeting.ts): 119/139 (85.6 %).
 * With a registration named as what is cancelled read as withdrawn (cancelled-registration.ts):
 * 120/139 (86.3 %).
 */
const AUTO_RIGHT_FLOOR = 0.86;

/**
 * Mails the intake acts on alone and wrongly, kept visible here (their labels are not changed) so
 * that the test fails on any NEW wrong action. None now. The one wrong action when first measured
 * (a0b49fe), b17-info-meeting-signup-10 ("Hej vill anmäla mej till informations mötet den 9 mars"
 * from a unit's manager, registered as the unit's pre-registration), is her signup for the 9 March
 * meeting since the split compound is read whole.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-17',
  title: 'the seventeenth blind set (a 2027 award cycle, many writers, no label quota)',
  idPrefix: 'b17',
  minMails: 135,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
