// The roles resolver over a scripted Graph: group members become coordinators and examiners, a
// unit's manager address makes a unit manager, examiner teams come from their source, answers are
// cached briefly, and someone the directory does not know is no one.
import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../graph/client.js';
import { FakeTransport, graphErrorResponse, jsonResponse } from '../../graph/fake-transport.js';
import { createRoleResolver } from './resolver.js';

const BASE = 'https://graph.microsoft.com/v1.0';
const PEOPLE: Record<
  string,
  {
    id: string;
    displayName: string;
    userPrincipalName: string;
    mail: string;
    preferredLanguage?: string;
  }
> = {
  anna: {
    id: 'anna',
    displayName: 'Anna',
    userPrincipalName: 'anna@x.example',
    mail: 'anna@x.example',
  },
  erik: {
    id: 'erik',
    displayName: 'Erik',
    userPrincipalName: 'erik@x.example',
    mail: 'erik@x.example',
    preferredLanguage: 'en-GB',
  },
  ulla: {
    id: 'ulla',
    displayName: 'Ulla',
    userPrincipalName: 'ulla@x.example',
    mail: 'Ulla.Chef@x.example',
  },
};

function setup(now: { t: number }) {
  const t = new FakeTransport();
  t.on('GET', /^\/users\/[^/]+$/, (req) => {
    const key = decodeURIComponent(req.path.split('/')[2]!).split('@')[0]!;
    const person = PEOPLE[key];
    return person
      ? jsonResponse(200, person)
      : graphErrorResponse(404, 'Request_ResourceNotFound', 'no such user');
  });
  t.on('GET', '/groups', (req) =>
    jsonResponse(200, {
      value: [{ id: req.query.get('$filter')!.includes('samordnare') ? 'g-coord' : 'g-exam' }],
    }),
  );
  t.on('GET', '/groups/g-coord/members', () => jsonResponse(200, { value: [{ id: 'anna' }] }));
  t.on('GET', '/groups/g-exam/members', () => jsonResponse(200, { value: [{ id: 'erik' }] }));
  const graph = createGraphClient({
    baseUrl: BASE,
    tokenProvider: async () => 't',
    fetch: t.fetch,
  });
  const resolver = createRoleResolver({
    graph,
    unitsManagedBy: async (email) =>
      email.toLowerCase() === 'ulla.chef@x.example' ? [{ id: 'u1' }, { id: 'u2' }] : [],
    examinerTeams: {
      teamsOf: async (objectId) =>
        objectId === 'erik' ? [{ year: 2027, teamId: 'lag-1', leader: true }] : [],
    },
    now: () => now.t,
  });
  return { t, resolver };
}

describe('roles', () => {
  it('resolves coordinators, examiners (team leaders) and unit managers', async () => {
    const { resolver } = setup({ t: 0 });
    expect(await resolver.resolve({ objectId: 'anna' })).toMatchObject({
      roles: ['coordinator'],
      unitIds: [],
      locale: 'sv',
    });
    expect(await resolver.resolve({ objectId: 'erik' })).toMatchObject({
      roles: ['examiner', 'team-leader'],
      locale: 'en',
      examinerTeams: [{ year: 2027, teamId: 'lag-1', leader: true }],
    });
    expect(await resolver.resolve({ upn: 'ulla@x.example' })).toMatchObject({
      roles: ['unit-manager'],
      unitIds: ['u1', 'u2'],
    });
    expect(await resolver.resolve({ objectId: 'nobody' })).toBeUndefined();
  });

  it('asks the directory once per person and group within the cache time, again after it', async () => {
    const now = { t: 0 };
    const { t, resolver } = setup(now);
    await resolver.resolve({ objectId: 'anna' });
    await resolver.resolve({ objectId: 'anna' });
    await resolver.resolve({ objectId: 'erik' });
    expect(t.callsTo('GET', '/users/anna')).toHaveLength(1);
    expect(t.callsTo('GET', '/groups/g-coord/members')).toHaveLength(1);
    now.t += 61_000;
    await resolver.resolve({ objectId: 'anna' });
    expect(t.callsTo('GET', '/users/anna')).toHaveLength(2);
    expect(t.callsTo('GET', '/groups/g-coord/members')).toHaveLength(1);
    now.t += 5 * 60_000;
    resolver.invalidate();
    await resolver.resolve({ objectId: 'anna' });
    expect(t.callsTo('GET', '/groups/g-coord/members')).toHaveLength(2);
  });
});
