import { describe, expect, it } from 'vitest';
import { obstaclesFor, proposeAssignments, type AssignableTeam } from './assign.js';

const teams: AssignableTeam[] = [
  { id: 't1', members: [{ address: 'a@x', organisationId: 'sdf-norr' }, { address: 'b@x' }] },
  { id: 't2', members: [{ address: 'c@x', organisationId: 'sdf-syd' }, { address: 'd@x' }] },
  { id: 't3', members: [{ address: 'e@x', organisationId: 'utbf' }] },
];

describe('proposeAssignments', () => {
  it('never gives a team a unit of a member’s own administration or a declared conflict', () => {
    const units = Array.from({ length: 30 }, (_, i) => ({
      id: `u${i}`,
      organisationId: ['sdf-norr', 'sdf-syd', 'utbf'][i % 3]!,
    }));
    const conflicts = [
      { address: 'D@x', unitId: 'u2' },
      { address: 'b@x', unitId: 'u5' },
    ];
    const proposal = proposeAssignments({ units, teams, conflicts });
    expect(proposal.assignments).toHaveLength(30);
    for (const a of proposal.assignments) {
      const unit = units.find((u) => u.id === a.unitId)!;
      const team = teams.find((t) => t.id === a.teamId)!;
      expect(obstaclesFor(unit, team, conflicts)).toEqual([]);
    }
    // Balanced: 30 units over 3 teams.
    expect(Object.values(proposal.load).sort()).toEqual([10, 10, 10]);
  });

  it('keeps existing assignments, counts them in the load, and names why a unit fits no team', () => {
    const proposal = proposeAssignments({
      units: [
        { id: 'u1', organisationId: 'x' },
        { id: 'u2', organisationId: 'x' },
        { id: 'u3', organisationId: 'sdf-norr' },
      ],
      teams: teams.slice(0, 2),
      conflicts: [{ address: 'c@x', unitId: 'u3' }],
      existing: [{ unitId: 'u1', teamId: 't1' }],
    });
    expect(proposal.assignments).toEqual([{ unitId: 'u2', teamId: 't2' }]);
    expect(proposal.unassignable).toEqual([
      {
        unitId: 'u3',
        obstacles: {
          t1: [{ kind: 'own-administration', address: 'a@x' }],
          t2: [{ kind: 'declared-conflict', address: 'c@x' }],
        },
      },
    ]);
  });
});
