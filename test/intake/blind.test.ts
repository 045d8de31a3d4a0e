// The intake on the formerly blind set (test/fixtures/mails/blind.ts, written without reading the
// classifier's rules): the share decided automatically and rightly, and no wrong automatic action,
// judged as the held-out set is (./judge.ts). The set was blind until 7 December 2026 (64/96 then);
// the rules were then widened with knowledge of its misses (in terms of language, each with unit
// tests of their own sentences in core/intake/*.test.ts), so it is a TUNING set now, like held-out.ts,
// and its figure no longer measures unseen mail: the next blind set does. The floor may rise, never be
// lowered to pass, and no mail or label is edited to pass.
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the blind mails decided automatically and rightly: 58/96 when the set was finished
 * (06d8e2e); 64/96 once the rules of that round were final and the plan's rule for a signup that
 * names no meeting was judged too; 78/96 (81.3 %) after it was tuned on (7 December 2026); 82/96
 * (85.4 %; 82/84 of the mails not labelled triage) after the second tuning round (links and zips
 * as sendings, a question about the submission with nothing sent, a missed meeting).
 * On 7 December 2026 the lead relabelled bl-question-13, a request for more time for the entry,
 * `triage` (an exception a coordinator decides; its id keeps the writer's label): one mail fewer can
 * be decided, so 81/96 (84.4 %; 81/83 = 97.6 %) is the same work as 82/96 was, and the floor moved
 * with the label, not with the rules (engineer A11; the intake leaves the mail to a coordinator now,
 * core/intake/exception-request.ts). An acting manager's registration written from the address of
 * the unit they ordinarily lead is the acted-for unit's (engineer A14, core/intake/acting-manager.ts):
 * 82/96 (85.4 %; 82/83 = 98.8 %).
 */
const AUTO_RIGHT_FLOOR = 0.85;

/**
 * Mails the intake acts on alone and wrongly, kept visible here (their labels are not changed) so
 * that the test fails on any NEW wrong action. The set's findings are fixed: "anmäl mig … till
 * informationsmötet" with two meetings ahead (bl-triage-10) now goes to a coordinator, and the
 * thank-you after the info meeting that pre-registers (bl-pre-registration-13) is no longer a signup.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind',
  title: 'the formerly blind set (written without reading the rules, now a tuning set)',
  idPrefix: 'bl',
  minMails: 80,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
  relabelled: ['bl-question-13'],
});
