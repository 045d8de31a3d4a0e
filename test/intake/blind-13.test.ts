// The intake on the thirteenth blind set (test/fixtures/mails/blind-13.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W13 on 7 December 2026 from the
// seeds and the configured 2027 cycle, without reading the classifier's rules or the earlier sets'
// mails, and kept from engineers A13 and A14 while they tuned), first measured on 335ef08: the
// share of a coordinator's ordinary mail decided automatically and rightly, and no wrong automatic
// action, judged as the other measured sets are (./judge.ts, with a second reader trained without
// this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on 335ef08 (the set sealed
 * until then, the reader trained without it): 115/136 (84.6 %; 115/121 = 95.0 % of the mails not
 * labelled triage), 1 wrong automatic action, which neither changed a participation nor answered the
 * sender. Before measuring, the lead changed one label mechanically, unread: W13 had given every
 * question and automatic reply `unit: null` ("must not be matched"), where the earlier sets leave
 * the unit open (237 of 257), because a question or an automatic reply is not acted on for a unit;
 * with W13's nulls the same run judges 97/136, the 18 more "wrong" being only questions and
 * automatic replies whose sender's unit was found. The set's 15 mails labelled triage cap the share
 * at 121/136 (89.0 %). Since tuned on it: 116/136 (85.3 %), 0 wrong.
 * Then 117/136 (86.0 %), 0 wrong (b13-other-03, an IT notice whose "Frågor? Kontakta Servicedesk"
 * only points onward). Then 118/136 (86.8 %), 0 wrong (b13-other-06, another department's seminar
 * registered for by a day on its own site).
 */
const AUTO_RIGHT_FLOOR = 0.86;

/**
 * Mails the intake acted on alone and wrongly when first measured (335ef08), kept visible here
 * (their labels are not changed) so that the test fails on any NEW wrong action. None now:
 * - b13-other-02 (a consultancy offering to help units write their award entries, filed as a
 *   question; right: other) is filed as other since a consultancy's pitch (a consultant's title, its
 *   services offered outright and a short meeting asked for) counts as an advertisement.
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-13',
  title: 'the thirteenth blind set (a 2027 award cycle, many writers)',
  idPrefix: 'b13',
  minMails: 130,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
