// The intake on the sixteenth blind set (test/fixtures/mails/blind-16.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W16 on 8 December 2026 from the
// seeds, the configured 2027 cycle and the label rules, without reading the classifier's rules or the
// earlier sets' mails, and kept sealed while engineer A16 tuned on the thirteenth and fourteenth).
// Like W15, W16 was given no share of any label to aim for: the set's composition is the writer's
// judgement of a real cycle's mail. First measured on f80530f (A16's rules merged); judged as the
// other measured sets are (./judge.ts, with a second reader trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on f80530f (the set sealed
 * until then, the reader trained without it): 119/139 (85.6 %; 119/127 = 93.7 % of the mails not
 * labelled triage), 1 wrong automatic action, counted as changing a participation (a protocol whose
 * unit is in no register, so no participation was found to change). Nothing was aligned or
 * relabelled. The set's 12 mails labelled triage cap the share at 127/139 (91.4 %).
 * A18: 120/139 (86.3 %), 1 wrong, after the answered subject behind an away prefix ("Frånvaro:
 * Påminnelse: protokollsutdrag …") was weighed as a reply's subject (b16-auto-reply-03).
 * A19: 121/139 (87.1 %), 1 wrong, after typos in the award's key words were mended ("villl anmäla
 * sig till kvalitetsutmärkelssen": b16-pre-registration-12).
 * A19: 122/139 (87.8 %), 1 wrong, after a protocol told of as what the rules say is to be sent
 * ("protokollsutdrag ska skickas in senast 30 juni") was taken as the duty, not the sending
 * (b16-question-05).
 */
const AUTO_RIGHT_FLOOR = 0.87;

/**
 * Mails the intake acted on alone and wrongly when first measured (f80530f), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action:
 * - b16-triage-12: a board's protocol extract for a unit not in the register, filed as a protocol
 *   with no unit found (right: triage, a coordinator adds or identifies the unit); since
 *   fixed by the rule that a protocol whose mail names, in its decision wording, a unit in no register goes to a coordinator (core/intake/unregistered-protocol-unit.ts, A17): 119/139, 0 wrong.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-16',
  title: 'the sixteenth blind set (a 2027 award cycle, many writers, no label quota)',
  idPrefix: 'b16',
  minMails: 135,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
