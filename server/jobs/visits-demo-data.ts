// Local mode: the 2026 cycle brought to examination as a coordinator would have done it: the demo
// tenant's examiner teams formed (each examiner's administration from their department), the units
// assigned by the demo's coordinator, and the site-visit events already in team leaders' calendars
// imported as booked visits. The seed leaves each team's last unit unbooked, for a newcomer to book.
// Runs once (teams exist).
import type { VisitsService } from '../../features/visits/index.js';
import type { Store } from '../../store/index.js';
import { demoCoordinator, importDemoData } from './intake-demo-data.js';

export async function importVisitsDemoData(
  store: Store,
  service: VisitsService,
  year: number,
  now: Date,
): Promise<{ teams: number; assigned: number; imported: number } | undefined> {
  if ((await store.examinerTeams.listTeams(year)).length > 0) return undefined;
  // The units and participations (a no-op when the intake imported them already).
  await importDemoData(store, now);
  const { buildDemoTenant } = await import('../../emulator/seed/index.js');
  const tenant = await buildDemoTenant();
  const teams = tenant.extras.examinerTeams;
  if (teams.length === 0 || !tenant.extras.participations.some((p) => p.year === year))
    return undefined;
  const organisations = tenant.extras.organisations;
  const userOf = (upn: string) => tenant.users.find((u) => u.userPrincipalName === upn);
  for (const t of teams) {
    await store.examinerTeams.upsertTeam({
      id: t.id,
      year,
      name: t.name,
      leader: t.leaderUpn,
      members: t.memberUpns.map((upn) => {
        const user = userOf(upn);
        const org = organisations.find((o) => o.name === user?.department);
        return {
          address: upn,
          ...(user?.displayName ? { name: user.displayName } : {}),
          ...(user?.id ? { objectId: user.id } : {}),
          ...(org ? { organisationId: org.id } : {}),
        };
      }),
    });
  }
  const chosen = teams.flatMap((t) => t.unitIds.map((unitId) => ({ unitId, teamId: t.id })));
  // Assigned by the demo's coordinator, as a coordinator would have: eligible → under-examination
  // (the import made the examined units eligible when the clock is before the jury's day).
  const { assigned } = await service.assign(demoCoordinator(tenant), year, chosen);
  const imported = await service.importBookedEvents(year);
  return { teams: teams.length, assigned: assigned.length, imported };
}
