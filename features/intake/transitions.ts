// Participation changes caused by a mail, with the mail's id as their source. A change the state
// machine does not allow now (a withdrawal of a unit already judged, a pre-registration of a unit that
// has already submitted, imported history in a late state) is not an error: it is recorded as a fact
// on the mail for coordinators to see. Applying the same mail twice changes nothing.
import {
  ENTRY_STATES,
  canTransition,
  newParticipation,
  transition,
} from '../../core/participation.js';
import { PARTICIPATION_STATE_LABELS } from '../../core/participation.js';
import type { Bilingual, Participation, ParticipationState } from '../../core/model.js';
import { INTAKE_ACTOR, type IntakeContext } from './context.js';

export interface MailTransitionResult {
  /** The participation after the mail (undefined when the unit has none and none was created). */
  participation?: Participation;
  /** True when this call changed the state. */
  applied: boolean;
  /** Why nothing changed, when the move was not possible (shown to coordinators). */
  fact?: Bilingual;
}

export async function applyMailTransition(
  ctx: IntakeContext,
  input: {
    unitId: string;
    year: number;
    to: ParticipationState;
    messageId: string;
    /** When it happened: the mail's sent time. */
    at: string;
    note?: string;
  },
): Promise<MailTransitionResult> {
  const { unitId, year, to, messageId } = input;
  let fact: Bilingual | undefined;
  const details = {
    at: input.at,
    actor: { ...INTAKE_ACTOR },
    source: { kind: 'mail' as const, ref: messageId },
    ...(input.note ? { note: input.note } : {}),
  };
  const result = await ctx.store.participations
    .applyTransition(
      unitId,
      year,
      (current) => {
        fact = undefined;
        if (current === null) {
          if (ENTRY_STATES.includes(to)) return newParticipation(unitId, year, to, details);
          fact = {
            sv: `Enheten har inget deltagande ${year} att ändra till "${PARTICIPATION_STATE_LABELS[to].sv}".`,
            en: `The unit has no participation in ${year} to move to "${PARTICIPATION_STATE_LABELS[to].en}".`,
          };
          // Nothing to store: abort the write (caught below).
          throw new NoParticipation();
        }
        if (current.state === to) {
          fact = {
            sv: `Enheten var redan "${PARTICIPATION_STATE_LABELS[to].sv}".`,
            en: `The unit was already "${PARTICIPATION_STATE_LABELS[to].en}".`,
          };
          return current;
        }
        if (!canTransition(current, to)) {
          fact = {
            sv: `Ändrades inte: enheten är "${PARTICIPATION_STATE_LABELS[current.state].sv}", och därifrån går det inte till "${PARTICIPATION_STATE_LABELS[to].sv}".`,
            en: `Not changed: the unit is "${PARTICIPATION_STATE_LABELS[current.state].en}", which cannot move to "${PARTICIPATION_STATE_LABELS[to].en}".`,
          };
          return current;
        }
        return transition(current, to, details);
      },
      { idempotencyKey: `mail:${messageId}:${to}` },
    )
    .catch((e: unknown) => {
      if (e instanceof NoParticipation) return { participation: undefined, applied: false };
      throw e;
    });
  const out: MailTransitionResult = { applied: result.applied };
  if (result.participation) out.participation = result.participation;
  if (fact && !result.applied) out.fact = fact;
  return out;
}

class NoParticipation extends Error {}
