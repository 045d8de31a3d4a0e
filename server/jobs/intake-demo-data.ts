// Local mode: the demo tenant's award data (organisations, units, participations) imported into an
// empty store, so intake can match the demo mailbox's senders. The seed tells each unit's story to its
// end; the import shows it as far as the clock has come: before the jury's day the examined units are
// `eligible` (the coordinator's eligibility decision after the board protocols, with who and when),
// for the demo's assignment to move them to `under-examination`. A real tenant's units come from the
// city's register instead; this never runs in tenant mode.
import type {
  Actor,
  Cycle,
  Participation,
  ParticipationState,
  Transition,
} from '../../core/model.js';
import { localDay, toIsoInstant } from '../../core/time.js';
import type { Store } from '../../store/index.js';
import { loadCycles } from '../cycles.js';

const IMPORT_ACTOR: Actor = { id: 'system:import', name: 'Import (demo)' };

/** States a unit reaches only after it was found eligible and examined. */
const EXAMINED: readonly ParticipationState[] = [
  'under-examination',
  'site-visit-held',
  'jury-decided',
  'feedback-visit-held',
];

/** The demo's coordinator as the actor of the decisions a coordinator makes (object id when known). */
export interface DemoCoordinator {
  id: string;
  name?: string;
}

/**
 * The history of an examined unit whose jury has not met yet at `now`: submitted by the deadline, in
 * the board's protocol, found eligible by the coordinator the next morning. Undefined when the clock
 * is past the jury's day (the seed's state holds) or before the eligibility decision (left as seeded).
 */
export function eligibleHistory(
  cycle: Cycle,
  now: Date,
  coordinator: DemoCoordinator,
): Transition[] | undefined {
  const t = cycle.timeline;
  const decided = localDay(t.boardProtocolDeadline).plus({ days: 1 }).set({ hour: 10 });
  if (now.getTime() < decided.toMillis() || now.getTime() >= localDay(t.juryDate).toMillis())
    return undefined;
  const seed = { kind: 'system', ref: 'demo-seed' } as const;
  return [
    {
      from: null,
      to: 'submitted',
      at: toIsoInstant(localDay(t.submissionDeadline).set({ hour: 12 })),
      actor: IMPORT_ACTOR,
      source: seed,
      note: 'Imported history of the demo tenant',
    },
    {
      from: 'submitted',
      to: 'in-protocol',
      at: toIsoInstant(localDay(t.boardProtocolDeadline).set({ hour: 12 })),
      actor: IMPORT_ACTOR,
      source: seed,
      note: 'Imported history of the demo tenant',
    },
    {
      from: 'in-protocol',
      to: 'eligible',
      at: toIsoInstant(decided),
      actor: coordinator,
      source: { kind: 'tab', ref: `demo-eligibility:${cycle.year}` },
      note: 'Uppfyller villkoren (demo)',
    },
  ];
}

export async function importDemoData(
  store: Store,
  now: Date,
  options: { cycles?: readonly Cycle[] } = {},
): Promise<{ imported: boolean; units: number }> {
  if ((await store.units.list()).length > 0) return { imported: false, units: 0 };
  const { buildDemoTenant } = await import('../../emulator/seed/index.js');
  const tenant = await buildDemoTenant();
  const { organisations, units, participations } = tenant.extras;
  const cycles = options.cycles ?? loadCycles();
  const coordinator = demoCoordinator(tenant);
  for (const o of organisations) await store.organisations.upsert(o);
  for (const u of units) await store.units.upsert(u);
  for (const p of participations) {
    const cycle = cycles.find((c) => c.year === p.year);
    const early =
      cycle && EXAMINED.includes(p.state) ? eligibleHistory(cycle, now, coordinator) : undefined;
    const seeded = (): Participation =>
      early
        ? { unitId: p.unitId, year: p.year, state: 'eligible', history: early }
        : {
            unitId: p.unitId,
            year: p.year,
            state: p.state,
            ...(p.juryResult ? { juryResult: p.juryResult } : {}),
            history: [
              {
                from: null,
                to: p.state,
                at: now.toISOString(),
                actor: IMPORT_ACTOR,
                source: { kind: 'system', ref: 'demo-seed' },
                note: 'Imported history of the demo tenant',
              },
            ],
          };
    await store.participations.applyTransition(
      p.unitId,
      p.year,
      (current): Participation => current ?? seeded(),
      { idempotencyKey: `import:demo:${p.unitId}:${p.year}` },
    );
  }
  return { imported: true, units: units.length };
}

/** The demo tenant's first coordinator (object id and name), who decides eligibility and assigns. */
export function demoCoordinator(tenant: {
  users: { id?: string | null; userPrincipalName?: string | null; displayName?: string | null }[];
  extras: { coordinators: string[] };
}): DemoCoordinator {
  const upn = tenant.extras.coordinators[0];
  const user = tenant.users.find((u) => upn && u.userPrincipalName === upn);
  return {
    id: user?.id ?? upn ?? 'system:demo',
    ...(user?.displayName ? { name: user.displayName } : {}),
  };
}
