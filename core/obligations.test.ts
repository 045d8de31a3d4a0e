import { describe, expect, it } from 'vitest';
import type { Participation, ParticipationState } from './model.js';
import { stillToAct } from './obligations.js';
import { newParticipation, transition } from './participation.js';

let minute = 0;
function walk(start: ParticipationState, ...steps: ParticipationState[]): Participation {
  const input = (to: ParticipationState) => ({
    at: new Date(Date.UTC(2027, 2, 1, 8, minute++)).toISOString(),
    actor: { id: 'system' },
    source: { kind: 'system' as const },
    ...(to === 'jury-decided' ? { juryResult: 'none' as const } : {}),
    ...(to === 'not-eligible' ? { reasons: [{ rule: 'min-staff', sv: 'x', en: 'y' }] } : {}),
  });
  let p = newParticipation('u', 2027, start, input(start));
  for (const s of steps) p = transition(p, s, input(s));
  return p;
}

describe('stillToAct: only units that have to act get a reminder', () => {
  it('pre-registration: interested units only', () => {
    expect(stillToAct(walk('interested'), 'pre-registration')).toBe(true);
    expect(stillToAct(walk('pre-registered'), 'pre-registration')).toBe(false);
    expect(stillToAct(walk('submitted'), 'pre-registration')).toBe(false);
  });

  it('submission: everyone taking part whose application has not arrived', () => {
    expect(stillToAct(walk('pre-registered'), 'submission')).toBe(true);
    expect(stillToAct(walk('pre-registered', 'in-protocol'), 'submission')).toBe(true);
    expect(stillToAct(walk('pre-registered', 'submitted'), 'submission')).toBe(false);
    expect(stillToAct(walk('pre-registered', 'in-protocol', 'submitted'), 'submission')).toBe(
      false,
    );
    expect(stillToAct(walk('pre-registered', 'withdrawn'), 'submission')).toBe(false);
  });

  it('board protocol: units taking part that no protocol lists yet', () => {
    expect(stillToAct(walk('pre-registered', 'submitted'), 'board-protocol')).toBe(true);
    expect(stillToAct(walk('pre-registered'), 'board-protocol')).toBe(true);
    expect(stillToAct(walk('pre-registered', 'submitted', 'in-protocol'), 'board-protocol')).toBe(
      false,
    );
    expect(stillToAct(walk('pre-registered', 'in-protocol', 'submitted'), 'board-protocol')).toBe(
      false,
    );
    expect(stillToAct(walk('submitted', 'not-eligible'), 'board-protocol')).toBe(false);
  });

  it('visits: documents while under examination, booking after the jury', () => {
    const examined = walk('submitted', 'in-protocol', 'eligible', 'under-examination');
    expect(stillToAct(examined, 'site-visit-documents')).toBe(true);
    const decided = transition(
      transition(examined, 'site-visit-held', {
        at: '2027-10-01T10:00:00+02:00',
        actor: { id: 'x' },
        source: { kind: 'tab' },
      }),
      'jury-decided',
      {
        at: '2027-11-04T10:00:00+01:00',
        actor: { id: 'x' },
        source: { kind: 'tab' },
        juryResult: 'winner',
      },
    );
    expect(stillToAct(decided, 'feedback-visit-booking')).toBe(true);
    expect(stillToAct(decided, 'site-visit-documents')).toBe(false);
  });

  it('announcements are nobody’s obligation', () => {
    expect(stillToAct(walk('interested'), 'ceremony')).toBe(false);
    expect(stillToAct(walk('interested'), 'info-meeting-signup')).toBe(false);
  });
});
