// The intake on the eleventh blind set (test/fixtures/mails/blind-11.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W11 on 7 December 2026 without
// reading the classifier's rules or the earlier sets' mails, and kept from engineers A11 and A12
// while they tuned on the ninth and tenth), first measured on 77e29db: the share of a
// coordinator's ordinary mail decided automatically and rightly, and no wrong automatic action,
// judged as the other measured sets are (./judge.ts, with a second reader trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on 77e29db (the set sealed
 * until then, the reader trained without it and without the twelfth): 100/137 (73.0 %; 100/122 =
 * 82.0 % of the mails not labelled triage), 3 wrong automatic actions, 1 of which changed a
 * participation or answered the sender. Like W10, W11 took the information meetings from the seeds
 * (a Wednesday 3 March meeting; signups by 9 February and 2 March), while the configured 2027 cycle
 * (cycles/2027.json, which the invitation the units answer is written from) has Tuesday 2 March and
 * signup deadlines 10, 24 and 26 February. Before anyone tuned on the set, the lead aligned those
 * dates in the mails and moved two 9 March signups sent on 27 February and 1 March (in time by
 * W11's deadline) to 25 and 26 February, and nothing else: 106/137 (77.4 %; 106/122 = 86.9 %), the
 * same 3 wrong automatic actions. Tuned on it by A13 (the set spent), the three fixed by general
 * rules: 107/137 (78.1 %), none wrong; a Swedish delay notice, a meeting chosen by its order in the
 * invitation and a full unit name in the genitive: 110/137 (80.3 %), none wrong; the unit its staff
 * member signs an entry with, and a no-reply sender's question: 112/137 (81.8 %), none wrong; a
 * meeting signup from a person no unit is recognised from: 113/137 (82.4 %), none wrong; a mail with
 * no sign of any matter offering search-engine services: 114/137 (83.2 %), none wrong.
 */
const AUTO_RIGHT_FLOOR = 0.83;

/**
 * Mails the intake acts on alone and wrongly, kept visible here (their labels are not changed) so
 * that the test fails on any NEW wrong action. None now. When first measured (77e29db, dates
 * aligned) there were three, each since decided rightly by a general rule:
 * - b11-triage-12: one unit's entry and its board protocol extract in one mail, filed as a board
 *   protocol (right: triage, two kinds; the only one that changed a participation): an entry file
 *   beside the protocol is two matters (core/intake/classify.ts, 'two-actions');
 * - b11-triage-09: "Anmälan – med förbehåll", a pre-registration only if the site visit is after
 *   week 40, filed as a question (right: triage, a condition): taking part "bara om" is conditional;
 * - b11-auto-reply-04: a ticket system's "[Ärende #…] Vi har tagit emot ditt ärende" without an
 *   automatic header, filed as other (right: an automatic reply): a case system's receipt
 *   (core/intake/automatic-notices.ts).
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-11',
  title: 'the eleventh blind set (a 2027 award cycle, many writers)',
  idPrefix: 'b11',
  minMails: 130,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
