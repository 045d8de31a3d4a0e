// The intake on the second blind set (test/fixtures/mails/blind-2.ts, written without reading the
// classifier's rules or the earlier sets): the share decided automatically and rightly, and no wrong
// automatic action, judged as the other measured sets are (./judge.ts). The set was blind until
// 7 December 2026; its wrong automatic actions were then fixed with rules of their own (appendices
// only, a merged or renamed unit, moving an info-meeting signup; core/intake/classify.ts; a late
// submission, core/intake/late-submission.ts) and its misses tuned on, so it is now a TUNING set and
// the later blind sets measure the next round. The floor may rise, never be lowered to pass.
import { describeMeasuredSet } from './measured-set.js';

/**
 * Share of the second blind set decided automatically and rightly: 43/67 (64.2 %) on the committed
 * classifier when the set was finished (26dd633); 44/67 (65.7 %) when its wrong actions were fixed;
 * 54/67 (80.6 %; 54/58 = 93.1 % of the mails not labelled triage) after it was tuned on (7 December
 * 2026: protocol compounds, everyday registrations, links and zips as sendings, questions about the
 * submission with nothing sent, "När kommer …?"). Left: bulk mail with nothing of the award (an IT
 * notice, a conference advert), a thank-you, and a phishing mail dressed as a shared document.
 * 55/67 (82.1 %; 55/58) once an advertisement (an early-bird price) is other (core/intake/advertising.ts).
 * 56/67 (83.6 %; 56/58) with thanks for an info meeting filed alone (engineer A7); 57/67 (85.1 %;
 * 57/58) with an IT operations notice filed as other (core/intake/everyday-notices.ts); 58/67
 * (86.6 %; 58/58) with phishing that borrows a service's name from another address and asks for a
 * login through a link filed as other (engineer A14, core/intake/spoofed-service.ts).
 */
const AUTO_RIGHT_FLOOR = 0.86;

/**
 * Mails the intake acts on alone and wrongly, kept visible here (their labels are not changed) so
 * that the test fails on any NEW wrong action. None now. Fixed on 7 December 2026: b2-triage-02
 * (appendices only, "2 av 2"), b2-triage-04 (a merged unit with a new name), b2-triage-07 (moving an
 * info-meeting signup to another date), and b2-triage-01 (a submission at 00:03 on 18 May, after the
 * 17 May 24.00 deadline: the plan keeps the version, marked late, and asks a coordinator to accept
 * or reject it; core/intake/late-submission.ts).
 */
const KNOWN_WRONG: string[] = [];

describeMeasuredSet({
  name: 'blind-2',
  title: 'the second blind set (written without reading the rules)',
  idPrefix: 'b2',
  minMails: 60,
  floor: AUTO_RIGHT_FLOOR,
  knownWrong: KNOWN_WRONG,
});
