// The intake on the eighteenth blind set (test/fixtures/mails/blind-18.ts: a 2027 award cycle of the
// shared mailbox in many writers' own words, written by engineer W18 on 8 December 2026 from the
// seeds, the configured 2027 cycle and the label rules (with the lead's decision that a board asking
// to send its protocol after the deadline is triage), without reading the classifier's rules or the
// earlier sets' mails, and kept sealed while engineers A17 to A20 tuned on the earlier sets). Like
// W15 to W17, W18 was given no share of any label to aim for. First measured on 03076be; judged as
// the other measured sets are (./judge.ts, with a second reader trained without this set).
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the set decided automatically and rightly, first measured on 03076be (the set sealed
 * until then, the reader trained without it): 123/143 (86.0 %; 123/131 = 93.9 % of the mails not
 * labelled triage), no wrong automatic action. Nothing was aligned or relabelled. The set's 12 mails
 * labelled triage cap the share at 131/143 (91.6 %).
 * With a registration named as what is cancelled read as withdrawn (cancelled-registration.ts):
 * 124/143 (86.7 %).
 */
const AUTO_RIGHT_FLOOR = 0.86;

/** No mail was acted on alone and wrongly when first measured (03076be). */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-18',
  title: 'the eighteenth blind set (a 2027 award cycle, many writers, no label quota)',
  idPrefix: 'b18',
  minMails: 135,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
