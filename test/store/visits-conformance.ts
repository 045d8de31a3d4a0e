// Conformance of the examiner teams and visits storage (issue 13), run on every engine beside the
// main suite: teams and who leads them, assignments, declared conflicts, one visit per unit, year
// and kind, and holds that let only one booking take a person's hour even when two race.
import { beforeEach, describe, expect, it } from 'vitest';
import { visitId, type Store } from '../../store/index.js';
import { FakeClock, type ConformanceTarget } from './conformance.js';

const team = (id: string, leader: string, members: string[]) => ({
  id,
  year: 2026,
  name: `Lag ${id}`,
  leader,
  members: members.map((address) => ({ address, organisationId: `org-${address[0]}` })),
});

export function runVisitsConformance(name: string, target: () => ConformanceTarget): void {
  describe(`store conformance (teams and visits): ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      const database = await target().fresh();
      store = await database.open({ clock: new FakeClock('2026-08-24T07:00:00Z').now });
      return async () => {
        await store.close();
      };
    });

    it('keeps teams with their leader and members, found by address in any case or object id', async () => {
      await store.examinerTeams.upsertTeam({
        ...team('t1', 'Lea@X.se', ['lea@x.se', 'mo@x.se']),
        members: [
          { address: 'Lea@X.se', objectId: 'oid-lea', organisationId: 'sdf-a' },
          { address: 'mo@x.se' },
        ],
      });
      await store.examinerTeams.upsertTeam(team('t2', 'mo@x.se', ['mo@x.se', 'al@x.se']));
      const t1 = await store.examinerTeams.getTeam('t1');
      expect(t1?.leader).toBe('lea@x.se');
      expect(t1?.members.map((m) => m.address)).toEqual(['lea@x.se', 'mo@x.se']);
      expect(t1?.members[0]?.organisationId).toBe('sdf-a');
      expect(await store.examinerTeams.teamsOf({ objectId: 'oid-lea' })).toEqual([
        { year: 2026, teamId: 't1', leader: true },
      ]);
      expect(await store.examinerTeams.teamsOf({ address: 'MO@x.se' })).toEqual([
        { year: 2026, teamId: 't1', leader: false },
        { year: 2026, teamId: 't2', leader: true },
      ]);
      // Upserting again replaces the members.
      await store.examinerTeams.upsertTeam(team('t1', 'lea@x.se', ['lea@x.se']));
      expect(await store.examinerTeams.teamsOf({ address: 'mo@x.se' })).toHaveLength(1);
    });

    it('assigns a unit to one team per year, moves it, and records conflicts once', async () => {
      await store.examinerTeams.upsertTeam(team('t1', 'a@x', ['a@x']));
      await store.examinerTeams.upsertTeam(team('t2', 'b@x', ['b@x']));
      await store.examinerTeams.assign('u1', 2026, 't1', 'coordinator@x');
      await store.examinerTeams.assign('u1', 2026, 't2', 'coordinator@x');
      expect((await store.examinerTeams.assignments(2026)).map((a) => a.teamId)).toEqual(['t2']);
      expect((await store.examinerTeams.getTeam('t2'))?.unitIds).toEqual(['u1']);
      await store.examinerTeams.declareConflict({ year: 2026, address: 'A@x', unitId: 'u1' });
      await store.examinerTeams.declareConflict({ year: 2026, address: 'a@x', unitId: 'u1' });
      expect(await store.examinerTeams.conflicts(2026)).toEqual([
        { year: 2026, address: 'a@x', unitId: 'u1' },
      ]);
    });

    it('holds one visit per unit, year and kind', async () => {
      await store.visits.upsert({
        id: 'one',
        unitId: 'u1',
        year: 2026,
        kind: 'site',
        status: 'proposed',
      });
      await expect(
        store.visits.upsert({
          id: 'two',
          unitId: 'u1',
          year: 2026,
          kind: 'site',
          status: 'proposed',
        }),
      ).rejects.toThrow();
      await store.visits.upsert({
        id: 'fb',
        unitId: 'u1',
        year: 2026,
        kind: 'feedback',
        status: 'proposed',
      });
      expect(await store.visits.listForUnit('u1', 2026)).toHaveLength(2);
    });

    it('lets only one of two racing bookings hold the same person’s hour', async () => {
      const base = { year: 2026, kind: 'site' as const, status: 'booking' };
      const slot = { start: '2026-09-15T09:00:00+02:00', end: '2026-09-15T12:00:00+02:00' };
      const results = await Promise.all([
        store.visits.reserve({ ...base, ...slot, id: visitId(2026, 'site', 'u1'), unitId: 'u1' }, [
          'lea@x',
          'chef@x',
        ]),
        store.visits.reserve({ ...base, ...slot, id: visitId(2026, 'site', 'u2'), unitId: 'u2' }, [
          'mo@x',
          'CHEF@x',
        ]),
      ]);
      expect(results.filter((r) => r.reserved)).toHaveLength(1);
      const lost = results.find((r) => !r.reserved);
      expect(lost).toMatchObject({ reserved: false, busy: [{ address: 'chef@x' }] });
      // A later hour is free; the same visit may move (rebooking replaces its own holds).
      const winner = results[0]!.reserved ? 'u1' : 'u2';
      const moved = await store.visits.reserve(
        {
          ...base,
          id: visitId(2026, 'site', winner),
          unitId: winner,
          start: '2026-09-15T11:00:00+02:00',
          end: '2026-09-15T14:00:00+02:00',
        },
        ['chef@x'],
      );
      expect(moved.reserved).toBe(true);
      const holds = await store.visits.holds(
        ['chef@x'],
        '2026-09-15T00:00:00Z',
        '2026-09-16T00:00:00Z',
      );
      expect(holds).toHaveLength(1);
      expect(holds[0]!.start).toBe('2026-09-15T09:00:00.000Z');
      await store.visits.release(visitId(2026, 'site', winner));
      expect(
        await store.visits.holds(['chef@x'], '2026-09-15T00:00:00Z', '2026-09-16T00:00:00Z'),
      ).toEqual([]);
    });
  });
}
