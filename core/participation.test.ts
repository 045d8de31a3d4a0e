import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from './errors.js';
import type { Participation, ParticipationState } from './model.js';
import {
  allowedTransitions,
  milestones,
  newParticipation,
  PARTICIPATION_STATES,
  transition,
  type TransitionInput,
} from './participation.js';

const base = {
  actor: { id: 'samordnare@stockholm.example', name: 'Samordnare' },
  source: { kind: 'mail' as const, ref: 'AAMkAD-1' },
};
let clock = Date.parse('2027-03-01T08:00:00Z');
function input(to: ParticipationState): TransitionInput {
  clock += 3600_000;
  return {
    ...base,
    at: new Date(clock).toISOString(),
    ...(to === 'jury-decided' ? { juryResult: 'winner' as const } : {}),
    ...(to === 'not-eligible'
      ? { reasons: [{ rule: 'min-staff', sv: 'För få medarbetare.', en: 'Too few staff.' }] }
      : {}),
  };
}

function walk(start: ParticipationState, ...steps: ParticipationState[]): Participation {
  let p = newParticipation('unit-1', 2027, start, input(start));
  for (const step of steps) p = transition(p, step, input(step));
  return p;
}

// How each state is usually reached; the expected edges below assume these histories.
const reach: Record<ParticipationState, () => Participation> = {
  interested: () => walk('interested'),
  'pre-registered': () => walk('pre-registered'),
  withdrawn: () => walk('pre-registered', 'withdrawn'),
  submitted: () => walk('pre-registered', 'submitted'),
  'in-protocol': () => walk('pre-registered', 'submitted', 'in-protocol'),
  eligible: () => walk('pre-registered', 'submitted', 'in-protocol', 'eligible'),
  'not-eligible': () => walk('pre-registered', 'submitted', 'in-protocol', 'not-eligible'),
  'under-examination': () => walk('submitted', 'in-protocol', 'eligible', 'under-examination'),
  'site-visit-held': () =>
    walk('submitted', 'in-protocol', 'eligible', 'under-examination', 'site-visit-held'),
  'jury-decided': () =>
    walk(
      'submitted',
      'in-protocol',
      'eligible',
      'under-examination',
      'site-visit-held',
      'jury-decided',
    ),
  'feedback-visit-held': () =>
    walk(
      'submitted',
      'in-protocol',
      'eligible',
      'under-examination',
      'site-visit-held',
      'jury-decided',
      'feedback-visit-held',
    ),
};

// The domain's expectations, written independently of the implementation's table.
const LEGAL = new Set([
  'interested>pre-registered',
  'interested>submitted',
  'interested>in-protocol',
  'interested>withdrawn',
  'pre-registered>submitted',
  'pre-registered>in-protocol',
  'pre-registered>withdrawn',
  // submitted, protocol not yet in: eligibility must wait for the protocol
  'submitted>in-protocol',
  'submitted>not-eligible',
  'submitted>withdrawn',
  // in protocol after submitting
  'in-protocol>eligible',
  'in-protocol>not-eligible',
  'in-protocol>withdrawn',
  'eligible>under-examination',
  'eligible>not-eligible',
  'eligible>withdrawn',
  'not-eligible>eligible',
  'under-examination>site-visit-held',
  'under-examination>not-eligible',
  'under-examination>withdrawn',
  'site-visit-held>jury-decided',
  'jury-decided>feedback-visit-held',
  'withdrawn>pre-registered',
  'withdrawn>submitted',
]);

const pairs = PARTICIPATION_STATES.flatMap((from) =>
  PARTICIPATION_STATES.map((to) => [from, to] as const),
);

describe('participation transitions: every pair', () => {
  it.each(pairs.filter(([from, to]) => LEGAL.has(`${from}>${to}`)))(
    '%s → %s is allowed',
    (from, to) => {
      const p = reach[from]();
      const next = transition(p, to, input(to));
      expect(next.state).toBe(to);
      expect(next.history).toHaveLength(p.history.length + 1);
      expect(next.history.at(-1)).toMatchObject({
        from,
        to,
        actor: base.actor,
        source: base.source,
      });
    },
  );

  it.each(pairs.filter(([from, to]) => !LEGAL.has(`${from}>${to}`)))(
    '%s → %s is refused',
    (from, to) => {
      const p = reach[from]();
      let caught: unknown;
      try {
        transition(p, to, input(to));
      } catch (error) {
        caught = error;
      }
      expect(isDomainError(caught, 'illegal-transition')).toBe(true);
      const error = caught as DomainError;
      expect(error.details).toMatchObject({ from, to });
      expect(error.messages.sv).toContain(`(${from})`);
      expect(error.messages.sv).toContain(`(${to})`);
      expect(error.messages.en).toMatch(new RegExp(`from .*\\(${from}\\) to .*\\(${to}\\)`));
    },
  );

  it('allowedTransitions agrees with the table for each usual history', () => {
    for (const state of PARTICIPATION_STATES) {
      const expected = PARTICIPATION_STATES.filter((to) => LEGAL.has(`${state}>${to}`));
      expect(allowedTransitions(reach[state]())).toEqual(expected);
    }
  });
});

describe('the board protocol may arrive before the application', () => {
  it('pre-registered → in protocol → submitted → eligible', () => {
    const p = walk('pre-registered', 'in-protocol', 'submitted', 'eligible');
    expect(p.state).toBe('eligible');
    expect(milestones(p)).toEqual({ preRegistered: true, submitted: true, inProtocol: true });
  });

  it('eligibility waits for the application, and says so', () => {
    const p = walk('pre-registered', 'in-protocol');
    expect(() => transition(p, 'eligible', input('eligible'))).toThrowError(
      /application has not arrived/,
    );
  });

  it('eligibility waits for the protocol, and says so', () => {
    const p = walk('pre-registered', 'submitted');
    expect(() => transition(p, 'eligible', input('eligible'))).toThrowError(/protocol is missing/);
  });

  it('a second protocol is not a new transition', () => {
    const p = walk('pre-registered', 'in-protocol', 'submitted');
    expect(() => transition(p, 'in-protocol', input('in-protocol'))).toThrowError(
      /already in a protocol/,
    );
  });

  it('a participation can start from the protocol or the submission (no pre-registration needed)', () => {
    expect(walk('in-protocol', 'submitted', 'eligible').state).toBe('eligible');
    expect(walk('submitted', 'in-protocol', 'eligible').state).toBe('eligible');
  });
});

describe('recording', () => {
  it('records time, actor, source and note, and leaves the input unchanged', () => {
    const p = walk('pre-registered');
    const next = transition(p, 'withdrawn', {
      at: '2027-04-02T10:15:00+02:00',
      actor: { id: 'chef@stockholm.example' },
      source: { kind: 'phone' },
      note: 'Ringde och avanmälde',
    });
    expect(next.history.at(-1)).toEqual({
      from: 'pre-registered',
      to: 'withdrawn',
      at: '2027-04-02T10:15:00+02:00',
      actor: { id: 'chef@stockholm.example' },
      source: { kind: 'phone' },
      note: 'Ringde och avanmälde',
    });
    expect(p.state).toBe('pre-registered');
    expect(p.history).toHaveLength(1);
  });

  it('stores times in Stockholm time whatever offset they come with', () => {
    const p = newParticipation('u', 2027, 'submitted', { ...base, at: '2027-05-17T21:59:59Z' });
    expect(p.history[0]).toMatchObject({
      from: null,
      to: 'submitted',
      at: '2027-05-17T23:59:59+02:00',
    });
  });

  it('a withdrawn unit may come back (pre-registration is not binding)', () => {
    expect(walk('pre-registered', 'withdrawn', 'submitted', 'in-protocol', 'eligible').state).toBe(
      'eligible',
    );
  });

  it('jury-decided needs the jury result and keeps it', () => {
    const p = reach['site-visit-held']();
    expect(() =>
      transition(p, 'jury-decided', { ...base, at: '2027-11-04T12:00:00+01:00' }),
    ).toThrowError(expect.objectContaining({ reason: 'invalid-transition-data' }));
    const decided = transition(p, 'jury-decided', {
      ...base,
      at: '2027-11-04T12:00:00+01:00',
      juryResult: 'honourable-mention',
    });
    expect(decided.juryResult).toBe('honourable-mention');
    expect(decided.history.at(-1)?.juryResult).toBe('honourable-mention');
  });

  it('not-eligible needs reasons and keeps every one; they are cleared when the decision is reversed', () => {
    const p = reach['in-protocol']();
    expect(() =>
      transition(p, 'not-eligible', { ...base, at: '2027-07-01T10:00:00+02:00', reasons: [] }),
    ).toThrowError(expect.objectContaining({ reason: 'invalid-transition-data' }));
    const reasons = [
      { rule: 'min-staff', sv: 'För få.', en: 'Too few.' },
      { rule: 'business-plan', sv: 'Ingen plan.', en: 'No plan.' },
    ];
    const no = transition(p, 'not-eligible', { ...base, at: '2027-07-01T10:00:00+02:00', reasons });
    expect(no.ineligibleReasons).toEqual(['min-staff', 'business-plan']);
    expect(no.ineligibleReasonTexts).toEqual([
      { sv: 'För få.', en: 'Too few.' },
      { sv: 'Ingen plan.', en: 'No plan.' },
    ]);
    const yes = transition(no, 'eligible', { ...base, at: '2027-07-02T10:00:00+02:00' });
    expect(yes.ineligibleReasons).toBeUndefined();
    expect(yes.history.at(-2)?.reasons).toEqual(reasons);
  });

  it('refuses a transition without actor, source or a valid time', () => {
    const p = walk('pre-registered');
    const at = '2027-04-01T10:00:00+02:00';
    const bad: TransitionInput[] = [
      { ...base, at, actor: { id: ' ' } },
      { ...base, at, source: { kind: 'fax' as never } },
      { ...base, at: '2027-04-01 10:00' },
      { ...base, at, juryResult: 'winner' },
    ];
    for (const b of bad) {
      expect(() => transition(p, 'submitted', b)).toThrowError(
        expect.objectContaining({ reason: 'invalid-transition-data' }),
      );
    }
  });

  it('refuses to start a participation in a later state', () => {
    expect(() =>
      newParticipation('u', 2027, 'eligible', { ...base, at: '2027-04-01T10:00:00+02:00' }),
    ).toThrowError(expect.objectContaining({ reason: 'illegal-transition' }));
  });
});
