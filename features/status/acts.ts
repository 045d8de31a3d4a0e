// What a coordinator does from a status card, each recorded with who and when: the eligibility
// decision, a withdrawal taken by phone, a submission made in ILS-webben (submitted, no document
// expected), a note on a unit. Decide-then-act: the pure transition comes from core; the store
// applies it once per confirmation (a confirmation's id is its idempotency key, so a double click or
// a retried invoke changes nothing), and a card made for a state the unit has left is refused.
import { ELIGIBILITY_RULE_LABELS, type EligibilityRuleId } from '../../core/eligibility.js';
import { newParticipation, transition } from '../../core/participation.js';
import type {
  Actor,
  Participation,
  ParticipationState,
  Reason,
  SourceKind,
} from '../../core/model.js';
import type { Store } from '../../store/index.js';
import { invalidAct, staleAction, unitNotFound } from './errors.js';
import type { UnitNote } from './types.js';

/** Source refs of submissions recorded as made in ILS-webben start with this. */
export const ILS_WEBBEN_REF = 'ils-webben:';

export const notesKey = (unitId: string, year: number) => `status:notes:${unitId}:${year}`;

export const MAX_NOTE_LENGTH = 2000;

export type Act =
  | { kind: 'eligible' }
  | { kind: 'not-eligible'; rules: EligibilityRuleId[]; note?: string }
  | { kind: 'withdrawal-by-phone'; note?: string }
  | { kind: 'ils-submission'; note?: string }
  | { kind: 'note'; text: string };

export interface ActInput {
  unitId: string;
  year: number;
  act: Act;
  actor: Actor;
  /** The confirmation card's id: the same confirmation applied twice is one act. */
  confirmationId: string;
  /** The state the confirmation card was made for; if the unit has moved on, nothing changes. */
  expectedState?: ParticipationState | 'none';
  at: Date;
}

export interface ActResult {
  applied: boolean;
  state?: ParticipationState;
}

function reasonsFor(rules: readonly EligibilityRuleId[]): Reason[] {
  return rules.map((rule) => ({ rule, ...ELIGIBILITY_RULE_LABELS[rule] }));
}

export async function performAct(store: Store, input: ActInput): Promise<ActResult> {
  const { unitId, year, act, actor, at } = input;
  if (!(await store.units.get(unitId))) throw unitNotFound(unitId);

  if (act.kind === 'note') {
    const text = act.text.trim();
    if (!text || text.length > MAX_NOTE_LENGTH)
      throw invalidAct({
        sv: `Anteckningen måste ha text (högst ${MAX_NOTE_LENGTH} tecken).`,
        en: `The note needs text (at most ${MAX_NOTE_LENGTH} characters).`,
      });
    const applied = await store.transaction(async (tx) => {
      const key = notesKey(unitId, year);
      const notes = (await tx.settings.get<(UnitNote & { id?: string })[]>(key)) ?? [];
      if (notes.some((n) => n.id === input.confirmationId)) return false;
      notes.push({
        id: input.confirmationId,
        text,
        by: { id: actor.id, ...(actor.name ? { name: actor.name } : {}) },
        at: at.toISOString(),
      } as UnitNote & { id: string });
      await tx.settings.set(key, notes);
      return true;
    });
    return { applied };
  }

  const target: ParticipationState =
    act.kind === 'eligible'
      ? 'eligible'
      : act.kind === 'not-eligible'
        ? 'not-eligible'
        : act.kind === 'withdrawal-by-phone'
          ? 'withdrawn'
          : 'submitted';
  if (act.kind === 'not-eligible' && act.rules.length === 0)
    throw invalidAct({
      sv: 'Välj minst ett villkor som inte är uppfyllt.',
      en: 'Choose at least one rule the unit does not meet.',
    });
  const sourceKind: SourceKind = act.kind === 'withdrawal-by-phone' ? 'phone' : 'bot';
  const ref =
    act.kind === 'ils-submission'
      ? `${ILS_WEBBEN_REF}${input.confirmationId}`
      : `act:${input.confirmationId}`;
  const note =
    act.kind === 'ils-submission'
      ? ['Inlämnat i ILS-webben', act.note].filter(Boolean).join(': ')
      : 'note' in act
        ? act.note
        : undefined;
  const transitionInput = {
    at,
    actor,
    source: { kind: sourceKind, ref },
    ...(note ? { note } : {}),
    ...(act.kind === 'not-eligible' ? { reasons: reasonsFor(act.rules) } : {}),
  };
  const result = await store.participations.applyTransition(
    unitId,
    year,
    (current: Participation | null) => {
      const now = current?.state ?? 'none';
      if (input.expectedState !== undefined && input.expectedState !== now)
        throw staleAction(
          {
            sv: 'Enheten har bytt läge sedan kortet skapades. Inget ändrades; be om enhetens kort igen.',
            en: "The unit's state changed after the card was made. Nothing was changed; ask for the unit's card again.",
          },
          { unitId, year, expected: input.expectedState, actual: now },
        );
      if (current === null) return newParticipation(unitId, year, target, transitionInput);
      return transition(current, target, transitionInput);
    },
    { idempotencyKey: `${sourceKind}:${ref}:${target}` },
  );
  return { applied: result.applied, state: result.participation.state };
}
