// Local mode: the demo tenant's award data (organisations, units, participations in whatever state
// the seed put them) imported into an empty store, so intake can match the demo mailbox's senders.
// A real tenant's units come from the city's register instead; this never runs in tenant mode.
import type { Participation } from '../../core/model.js';
import type { Store } from '../../store/index.js';

export async function importDemoData(
  store: Store,
  now: Date,
): Promise<{ imported: boolean; units: number }> {
  if ((await store.units.list()).length > 0) return { imported: false, units: 0 };
  const { buildDemoTenant } = await import('../../emulator/seed/index.js');
  const tenant = await buildDemoTenant();
  const { organisations, units, participations } = tenant.extras;
  for (const o of organisations) await store.organisations.upsert(o);
  for (const u of units) await store.units.upsert(u);
  for (const p of participations) {
    await store.participations.applyTransition(
      p.unitId,
      p.year,
      (current): Participation =>
        current ?? {
          unitId: p.unitId,
          year: p.year,
          state: p.state,
          ...(p.juryResult ? { juryResult: p.juryResult } : {}),
          history: [
            {
              from: null,
              to: p.state,
              at: now.toISOString(),
              actor: { id: 'system:import', name: 'Import (demo)' },
              source: { kind: 'system', ref: 'demo-seed' },
              note: 'Imported history of the demo tenant',
            },
          ],
        },
      { idempotencyKey: `import:demo:${p.unitId}:${p.year}` },
    );
  }
  return { imported: true, units: units.length };
}
