// The intake on the third blind set (test/fixtures/mails/blind-3.ts, written by engineer W3 without
// reading the classifier's rules or the earlier sets' mails; writers from social services, elderly
// care and the city's central offices): the share decided automatically and rightly, and no new
// wrong automatic action, judged as the other measured sets are (./judge.ts). Measured blind once
// (69/93, 6 wrong, 2026-12-07), a tuning set since; the floor may rise, never be lowered to pass.
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the third blind set decided automatically and rightly. Measured blind on 2026-12-07 when
 * the set was finished (828615e): 69/93 (74.2 %; 69/83 = 83.1 % of the mails not labelled triage) and
 * 6 wrong automatic actions. A tuning set since (engineer A4 read its lines to fix them): 77/93
 * (82.8 %; 77/83 = 92.8 %), 0 wrong; 78/93 (83.9 %; 94.0 %) with thanks for an info meeting filed
 * alone; 79/93 (84.9 %; 95.2 %) with the second reader (trained without this set) once it read only
 * the leaning kind's own signs set at nothing as doubts.
 */
const AUTO_RIGHT_FLOOR = 0.84;

/**
 * Mails the intake acts on alone and wrongly, kept visible here (their labels are not changed) so
 * that the test fails on any NEW wrong action. The six found when the set was finished are fixed:
 * - b3-info-meeting-signup-05 ("Kan jag få anmäla mig till informationsmötet på Teams i mars?"): a
 *   request put as a question is a signup; "Teams in March" is not yet read as one meeting, so a
 *   coordinator picks it.
 * - b3-info-meeting-signup-06 (a calendar decline of 16 February, "kan jag komma den 2 mars i
 *   stället?"): a signup moved to another meeting, which a coordinator makes (as "byta till").
 * - b3-question-01, b3-question-05: a question is recorded on a unit only when the unit asks it (its
 *   address, its manager, its signature); a unit a controller or an examiner names is what is asked
 *   about.
 * - b3-other-09: the officers' report before the board meets (tjänsteutlåtande) is no protocol;
 *   suggested as other for a coordinator (the first blind set labels the same mail triage).
 * - b3-triage-06: a registration "if we may take part" goes to a coordinator.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-3',
  title: 'the third blind set (written without reading the rules, now a tuning set)',
  idPrefix: 'b3',
  minMails: 75,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
