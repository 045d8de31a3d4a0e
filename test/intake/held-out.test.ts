// The intake on test/fixtures/mails/held-out.ts: the share decided automatically and rightly, and no
// wrong automatic action. A wrong automatic action is any mail the pipeline would act on alone
// (assessment 'auto') with the wrong kind, the wrong unit, or when a coordinator should have looked.
// The set was held out until 7 December 2026 (54/70 then); the rules were then widened with knowledge
// of its misses, so it is a tuning set now and the blind set (test/intake/blind.test.ts) measures the
// next round. The floor below is what the classifier measures today; it may rise, never be lowered.
import { describe, expect, it } from 'vitest';
import { HELD_OUT_MAILS } from '../fixtures/mails/held-out.js';
import { LABELLED_MAILS } from '../fixtures/mails/mails.js';
import { measure } from './judge.js';

/**
 * Share decided automatically and rightly: 54/70 when the set was unseen, 62/70 after the rules were
 * widened. The one decidable mail left to a coordinator is a thank-you after the ceremony, labelled
 * 'other' here but 'triage' in mails.ts (other-04); a coordinator reads thanks.
 */
const AUTO_RIGHT_FLOOR = 0.88;

describe('intake on the formerly held-out mail (now a tuning set)', () => {
  const { share, wrong, report } = measure('held-out', HELD_OUT_MAILS);

  it('is a separate set of at least 60 mails of every kind', () => {
    expect(HELD_OUT_MAILS.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(HELD_OUT_MAILS.map((m) => m.id));
    expect(ids.size).toBe(HELD_OUT_MAILS.length);
    const tuned = new Set(LABELLED_MAILS.map((m) => `${m.subject}\n${m.body ?? m.html}`));
    expect(HELD_OUT_MAILS.filter((m) => tuned.has(`${m.subject}\n${m.body ?? m.html}`))).toEqual(
      [],
    );
    const kinds = new Set(HELD_OUT_MAILS.map((m) => m.expected.kind));
    for (const k of [
      'pre-registration',
      'submission',
      'withdrawal',
      'board-protocol',
      'question',
      'info-meeting-signup',
      'auto-reply',
      'other',
      'triage',
    ])
      expect(kinds, k).toContain(k);
  });

  it('decides most mails automatically and rightly, and takes no wrong automatic action', () => {
    console.warn(report);
    expect(wrong.map((o) => o.line)).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(AUTO_RIGHT_FLOOR);
  });
});
