// The participation state machine of one unit in one cycle. Transitions are pure: they return a new
// Participation with the transition appended to its history (time, actor, source), or throw a typed error.
//
// Choices made from what coordinators actually see in the shared mailbox:
// - A unit may submit without pre-registering (pre-registration is a planning aid, not a requirement),
//   and the first thing heard from a unit may be its pre-registration, its submission or its board's
//   protocol, so a participation can start in any of those states ("entry states").
// - The board protocol may arrive before the submission (boards meet when they meet: the 2024 excerpt is
//   dated 23 May, others come in June). 'submitted' and 'in-protocol' are therefore two milestones reached
//   in either order; eligibility is decided only when both are in the history.
// - Withdrawal ("avanmälan") is possible until the site visit has been held; pre-registration is not
//   binding, so a withdrawn unit may come back by pre-registering or submitting again.
// - A protocol that lists a unit already past 'in-protocol' (or withdrawn after its board met) is a fact,
//   not a state change: callers check `canTransition` and record it without a transition.
// - Eligibility decisions can be revised either way while facts arrive, and examiners may find a unit
//   not eligible during the examination.
import { DomainError } from './errors.js';
import type {
  Actor,
  Bilingual,
  IsoInstant,
  JuryResult,
  Participation,
  ParticipationState,
  Reason,
  Source,
  SourceKind,
  Transition,
} from './model.js';
import { toIsoInstant, toStockholm } from './time.js';

export const PARTICIPATION_STATES: readonly ParticipationState[] = [
  'interested',
  'pre-registered',
  'withdrawn',
  'submitted',
  'in-protocol',
  'eligible',
  'not-eligible',
  'under-examination',
  'site-visit-held',
  'jury-decided',
  'feedback-visit-held',
];

/** The states a participation can be created in (see the header: the first mail can be any of these). */
export const ENTRY_STATES: readonly ParticipationState[] = [
  'interested',
  'pre-registered',
  'submitted',
  'in-protocol',
];

/**
 * Every edge the machine knows. Three edges also depend on the history (see `transitionBlock`):
 * 'submitted' ↔ 'in-protocol' only while the other milestone is missing, and '→ eligible' only once
 * both milestones are reached.
 */
export const PARTICIPATION_TRANSITIONS: Readonly<
  Record<ParticipationState, readonly ParticipationState[]>
> = {
  interested: ['pre-registered', 'submitted', 'in-protocol', 'withdrawn'],
  'pre-registered': ['submitted', 'in-protocol', 'withdrawn'],
  submitted: ['in-protocol', 'eligible', 'not-eligible', 'withdrawn'],
  'in-protocol': ['submitted', 'eligible', 'not-eligible', 'withdrawn'],
  eligible: ['under-examination', 'not-eligible', 'withdrawn'],
  'not-eligible': ['eligible'],
  'under-examination': ['site-visit-held', 'not-eligible', 'withdrawn'],
  'site-visit-held': ['jury-decided'],
  'jury-decided': ['feedback-visit-held'],
  'feedback-visit-held': [],
  withdrawn: ['pre-registered', 'submitted'],
};

export const PARTICIPATION_STATE_LABELS: Readonly<Record<ParticipationState, Bilingual>> = {
  interested: { sv: 'Intresserad', en: 'Interested' },
  'pre-registered': { sv: 'Intresseanmäld', en: 'Pre-registered' },
  withdrawn: { sv: 'Avanmäld', en: 'Withdrawn' },
  submitted: { sv: 'Bidrag inskickat', en: 'Application submitted' },
  'in-protocol': { sv: 'Med i nämndens protokoll', en: "In the board's protocol" },
  eligible: { sv: 'Uppfyller villkoren', en: 'Eligible' },
  'not-eligible': { sv: 'Uppfyller inte villkoren', en: 'Not eligible' },
  'under-examination': { sv: 'Under examination', en: 'Under examination' },
  'site-visit-held': { sv: 'Platsbesök genomfört', en: 'Site visit held' },
  'jury-decided': { sv: 'Juryn har beslutat', en: 'Jury decided' },
  'feedback-visit-held': { sv: 'Återföringsbesök genomfört', en: 'Feedback visit held' },
};

export const JURY_RESULT_LABELS: Readonly<Record<JuryResult, Bilingual>> = {
  winner: { sv: 'Kvalitetsutmärkelse', en: 'Quality award' },
  'honourable-mention': { sv: 'Hedersomnämnande', en: 'Honourable mention' },
  none: { sv: 'Ingen utmärkelse', en: 'No award' },
};

const SOURCE_KINDS: readonly SourceKind[] = ['mail', 'card', 'tab', 'bot', 'system', 'phone'];
const JURY_RESULTS: readonly JuryResult[] = ['winner', 'honourable-mention', 'none'];

export interface TransitionInput {
  /** When it happened (a mail's sent time, a card action's time), not when it was processed. */
  at: IsoInstant | Date;
  actor: Actor;
  /** Where it came from: a mail id, a card action id, a tab action. */
  source: Source;
  note?: string;
  /** Required for 'jury-decided', not allowed elsewhere. */
  juryResult?: JuryResult;
  /** Required (at least one) for 'not-eligible', not allowed elsewhere; e.g. from assessEligibility().failed. */
  reasons?: Reason[];
}

/** Which of the two pre-eligibility milestones the history shows, whatever their order. */
export interface Milestones {
  preRegistered: boolean;
  submitted: boolean;
  inProtocol: boolean;
}

export function milestones(p: Pick<Participation, 'history'>): Milestones {
  const reached = (state: ParticipationState) => p.history.some((t) => t.to === state);
  return {
    preRegistered: reached('pre-registered'),
    submitted: reached('submitted'),
    inProtocol: reached('in-protocol'),
  };
}

function label(state: ParticipationState | null, locale: 'sv' | 'en'): string {
  return state === null
    ? locale === 'sv'
      ? '(ny)'
      : '(new)'
    : `"${PARTICIPATION_STATE_LABELS[state][locale]}" (${state})`;
}

/** Why a move is not possible now, or undefined when it is. */
function transitionBlock(p: Participation, to: ParticipationState): Bilingual | undefined {
  if (!PARTICIPATION_TRANSITIONS[p.state].includes(to)) {
    return { sv: 'den övergången finns inte', en: 'that transition does not exist' };
  }
  const m = milestones(p);
  if (to === 'in-protocol' && m.inProtocol) {
    return { sv: 'enheten finns redan i ett protokoll', en: 'the unit is already in a protocol' };
  }
  if (to === 'submitted' && p.state === 'in-protocol' && m.submitted) {
    return { sv: 'bidraget har redan kommit in', en: 'the application has already arrived' };
  }
  if (to === 'eligible' && !(m.submitted && m.inProtocol)) {
    return m.submitted
      ? { sv: 'nämndens protokoll saknas', en: "the board's protocol is missing" }
      : { sv: 'bidraget har inte kommit in', en: 'the application has not arrived' };
  }
  return undefined;
}

/** Whether `transition(p, to, ...)` would be accepted (data aside). */
export function canTransition(p: Participation, to: ParticipationState): boolean {
  return transitionBlock(p, to) === undefined;
}

/** The states a participation may move to now, in the order of PARTICIPATION_STATES (for buttons and bots). */
export function allowedTransitions(p: Participation): ParticipationState[] {
  return PARTICIPATION_STATES.filter((to) => canTransition(p, to));
}

function invalidData(sv: string, en: string, details: Record<string, unknown>): DomainError {
  return new DomainError('invalid-transition-data', { sv, en }, details);
}

function checkInput(
  to: ParticipationState,
  input: TransitionInput,
  details: Record<string, unknown>,
): Transition {
  let at: IsoInstant;
  try {
    at = toIsoInstant(toStockholm(input.at));
  } catch {
    throw invalidData(
      'Övergången saknar en giltig tidpunkt',
      'The transition has no valid time',
      details,
    );
  }
  if (!input.actor || typeof input.actor.id !== 'string' || input.actor.id.trim() === '') {
    throw invalidData(
      'Övergången saknar vem som gjorde den',
      'The transition has no actor',
      details,
    );
  }
  if (!input.source || !SOURCE_KINDS.includes(input.source.kind)) {
    throw invalidData(
      'Övergången saknar en giltig källa',
      'The transition has no valid source',
      details,
    );
  }
  if (to === 'jury-decided' && !(input.juryResult && JURY_RESULTS.includes(input.juryResult))) {
    throw invalidData('Juryns beslut saknas', "The jury's result is missing", details);
  }
  if (to !== 'jury-decided' && input.juryResult !== undefined) {
    throw invalidData(
      'Ett jurybeslut hör bara till "Juryn har beslutat"',
      'A jury result belongs only to jury-decided',
      details,
    );
  }
  if (to === 'not-eligible' && !(input.reasons && input.reasons.length > 0)) {
    throw invalidData(
      'Skäl saknas för att enheten inte uppfyller villkoren',
      'Reasons for not being eligible are missing',
      details,
    );
  }
  if (to !== 'not-eligible' && input.reasons !== undefined) {
    throw invalidData(
      'Skäl hör bara till "Uppfyller inte villkoren"',
      'Reasons belong only to not-eligible',
      details,
    );
  }
  return {
    from: null,
    to,
    at,
    actor: { ...input.actor },
    source: { ...input.source },
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(input.juryResult !== undefined ? { juryResult: input.juryResult } : {}),
    ...(input.reasons !== undefined ? { reasons: input.reasons.map((r) => ({ ...r })) } : {}),
  };
}

/** A new participation, created in one of the ENTRY_STATES; its history starts with a `from: null` entry. */
export function newParticipation(
  unitId: string,
  year: number,
  state: ParticipationState,
  input: Omit<TransitionInput, 'juryResult' | 'reasons'>,
): Participation {
  const details = { unitId, year, from: null, to: state };
  if (!ENTRY_STATES.includes(state)) {
    throw new DomainError(
      'illegal-transition',
      {
        sv: `Ett deltagande kan inte börja i ${label(state, 'sv')}; möjliga: ${ENTRY_STATES.join(', ')}`,
        en: `A participation cannot start in ${label(state, 'en')}; possible: ${ENTRY_STATES.join(', ')}`,
      },
      details,
    );
  }
  const first = checkInput(state, input, details);
  return { unitId, year, state, history: [first] };
}

/**
 * Moves a participation to `to`. Returns a new Participation (the input is not changed) with the
 * transition appended. Throws DomainError 'illegal-transition' (naming from and to, and why) or
 * 'invalid-transition-data'.
 */
export function transition(
  p: Participation,
  to: ParticipationState,
  input: TransitionInput,
): Participation {
  const details = { unitId: p.unitId, year: p.year, from: p.state, to };
  const block = transitionBlock(p, to);
  if (block) {
    throw new DomainError(
      'illegal-transition',
      {
        sv: `Otillåten övergång från ${label(p.state, 'sv')} till ${label(to, 'sv')}: ${block.sv}`,
        en: `Illegal transition from ${label(p.state, 'en')} to ${label(to, 'en')}: ${block.en}`,
      },
      details,
    );
  }
  const entry = { ...checkInput(to, input, details), from: p.state };
  const next: Participation = { ...p, state: to, history: [...p.history, entry] };
  if (to === 'jury-decided') next.juryResult = input.juryResult;
  if (to === 'not-eligible') {
    next.ineligibleReasons = (input.reasons ?? []).map((r) => r.rule);
    next.ineligibleReasonTexts = (input.reasons ?? []).map((r) => ({ sv: r.sv, en: r.en }));
  } else {
    delete next.ineligibleReasons;
    delete next.ineligibleReasonTexts;
  }
  return next;
}
