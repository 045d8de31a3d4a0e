// The intake on the twelfth blind set (test/fixtures/mails/blind-12.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W12 on 7 December 2026 from the
// seeds and the configured 2027 cycle, without reading the classifier's rules or the earlier sets'
// mails, and kept from engineers A11 and A12 while they tuned), first measured on 77e29db: the
// share of a coordinator's ordinary mail decided automatically and rightly, and no wrong automatic
// action, judged as the other measured sets are (./judge.ts, with a second reader trained without
// this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on 77e29db (the set sealed
 * until then, the reader trained without it and without the eleventh): 109/136 (80.1 %; 109/122 =
 * 89.3 % of the mails not labelled triage), 3 wrong automatic actions, none of which changed a
 * participation or answered the sender. The first writer given the configured cycle's meeting dates
 * (cycles/2027.json), so nothing was aligned. Tuned on it by A13 (the set spent): a free meeting
 * offered and the city's staff survey, with no word of the award, are misdirected mail: 111/136
 * (81.6 %), 1 wrong; a registration told of in the past tense beside the entry, and a meeting named
 * by its weekday or its order in the invitation: 114/136 (83.8 %), 1 wrong; the unit a deputy signs
 * a pre-registration with: 115/136 (84.6 %), 1 wrong; a meeting signup from a person no unit is
 * recognised from, and another event's invitation needing no registration: 117/136 (86.0 %), 1
 * wrong.
 */
const AUTO_RIGHT_FLOOR = 0.86;

/**
 * Mails the intake acted on alone and wrongly when first measured (77e29db), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action. All three were
 * filed as questions, which a coordinator answers, so a person reads each. Two are now right
 * (core/intake/misdirected.ts): b12-other-08, a cold sales mail offering a free meeting for
 * search-engine visibility, and b12-other-10, a city-wide reminder that the staff survey closes,
 * both 'other'. Left:
 * - b12-triage-05: a parent from a private address wants to nominate her child's preschool (right:
 *   triage, no unit); blind-3 labels the same ask from a relative (b3-question-14) a question.
 */
const KNOWN_WRONG: string[] = ['b12-triage-05'];

describeMeasuredSet({
  name: 'blind-12',
  title: 'the twelfth blind set (a 2027 award cycle, many writers)',
  idPrefix: 'b12',
  minMails: 130,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
