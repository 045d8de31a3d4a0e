// The status feature through /api/messages as Teams speaks it (personal, group and channel
// conversations, adaptiveCard/action invokes, expectReplies), against the local mode's emulator:
// roles come from the demo tenant's groups and the unit register, the numbers from storage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMINERS, upnOf } from '../../emulator/seed/people.js';
import { getUser } from '../../graph/users.js';
import { newParticipation, transition } from '../../core/participation.js';
import type { Participation, ParticipationState, Unit } from '../../core/model.js';
import { importDemoData } from '../../server/jobs/intake-demo-data.js';
import { asCoordinator, signedInFetch, tabToken } from '../support/tab-token.js';
import { createStatusFeature } from '../../server/jobs/status.js';
import { postActivity, startTestServer, teamsMessage, type TestServer } from '../server/harness.js';

const NOW = '2027-06-10T10:00:00+02:00';
const YEAR = 2027;
const TENANT = '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17';
const STRANGER = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'; // not in the tenant: no role at all

let server: TestServer;
const ids = { coordinator: '', manager: '', examiner: '' };
let managed: Unit;
const unitIds = { vasaparken: 'test-vasaparken', vasastan: 'test-vasastan' };

async function participate(unitId: string, ...states: ParticipationState[]): Promise<void> {
  const at = '2027-05-01T10:00:00+02:00';
  const input = (s: string) => ({
    at,
    actor: { id: 'system' },
    source: { kind: 'mail' as const, ref: `seed-${unitId}-${s}` },
  });
  await server.store.participations.applyTransition(unitId, YEAR, (): Participation =>
    states
      .slice(1)
      .reduce(
        (p, s) => transition(p, s, input(s)),
        newParticipation(unitId, YEAR, states[0]!, input(states[0]!)),
      ),
  );
}

beforeAll(async () => {
  server = await startTestServer({ AWARD_NOW: NOW }, { features: [createStatusFeature()] });
  await importDemoData(server.store, new Date(NOW));
  const units = await server.store.units.list();
  managed = units[0]!;
  const org = managed.organisationId;
  for (const [key, name] of [
    ['vasaparken', 'Förskolan Tallkotten'],
    ['vasastan', 'Förskolan Tallbacken'],
  ] as const)
    await server.store.units.upsert({
      ...managed,
      id: unitIds[key],
      name,
      classId: 'forskola',
      organisationId: org,
      managerName: 'Test Chef',
      managerEmail: `${key}.chef@extern.example`,
    });
  await participate(managed.id, 'pre-registered');
  await participate(unitIds.vasaparken, 'pre-registered', 'submitted', 'in-protocol');
  await participate(unitIds.vasastan, 'pre-registered');
  await server.store.submissions.add({
    unitId: unitIds.vasaparken,
    year: YEAR,
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
    messageId: 'AAMk-vasaparken-1',
    receivedAt: '2027-05-18T00:10:00+02:00',
    sentAt: '2027-05-18T00:09:00+02:00',
    characterCount: 86_420,
    answeredQuestions: Array.from({ length: 24 }, (_, i) => i + 1),
    late: true,
    fileNames: ['bidrag.docx'],
    problems: ['late', 'over-limit'],
  });
  const id = async (upn: string) => (await getUser(server.graph, upn, ['id'])).id!;
  ids.coordinator = await id('maria.lindqvist@stockholm.example');
  ids.manager = await id(managed.managerEmail);
  const examinerUpn = upnOf(EXAMINERS[0]!.given, EXAMINERS[0]!.surname);
  ids.examiner = await id(examinerUpn);
  await server.store.examinerTeams.upsertTeam({
    id: 'team-test-1',
    year: YEAR,
    name: 'Examinatorslag Test',
    leader: examinerUpn,
    members: [{ address: examinerUpn, objectId: ids.examiner }],
  });
  await server.store.examinerTeams.assign(unitIds.vasaparken, YEAR, 'team-test-1', 'test');
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

type Activity = {
  type: string;
  text?: string;
  attachments?: { content: Record<string, unknown> }[];
  value?: { body?: { type: string; value: unknown } };
};

function from(who: keyof typeof ids | 'stranger', name = 'Testperson') {
  return { id: `29:${who}`, name, aadObjectId: who === 'stranger' ? STRANGER : ids[who] };
}

async function say(
  who: keyof typeof ids | 'stranger',
  text: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await postActivity(server, teamsMessage(text, { from: from(who), ...overrides }));
  expect(res.status).toBe(200);
  const activities = (res.body as { activities: Activity[] }).activities;
  return {
    activities,
    all: JSON.stringify(activities),
    cards: activities.flatMap((a) => a.attachments?.map((x) => x.content) ?? []),
  };
}

async function act(who: keyof typeof ids | 'stranger', verb: string, data: unknown) {
  const activity = teamsMessage('', {
    type: 'invoke',
    name: 'adaptiveCard/action',
    from: from(who, 'Maria Lindqvist'),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  delete (activity as { text?: string }).text;
  const res = await postActivity(server, activity);
  expect(res.status).toBe(200);
  const response = (res.body as { activities: Activity[] }).activities.find(
    (a) => a.type === 'invokeResponse',
  );
  const body = response!.value!.body!;
  return { type: body.type, value: body.value, text: JSON.stringify(body.value) };
}

const facts = (card: Record<string, unknown>) =>
  Object.fromEntries(
    (card.body as { type: string; facts?: { title: string; value: string }[] }[])
      .filter((e) => e.type === 'FactSet')
      .flatMap((e) => e.facts!.map((f) => [f.title, f.value])),
  );

describe('coordinators', () => {
  it('"läget" shows counts that equal storage, per year in play, with drill-down buttons', async () => {
    const { cards } = await say('coordinator', 'läget');
    const card = cards[0]!;
    expect(JSON.stringify(card)).toContain('Läget i Kvalitetsutmärkelsen');
    const stored = await server.store.participations.list({ year: YEAR });
    const count = (s: ParticipationState) => stored.filter((p) => p.state === s).length;
    const f = facts(card);
    expect(f['Intresseanmälda']).toBe(String(count('pre-registered')));
    expect(f['Med i protokoll']).toBe(
      String(stored.filter((p) => p.history.some((t) => t.to === 'in-protocol')).length),
    );
    expect(f['Sena']).toContain('Förskolan Tallkotten');
    expect(f['Över 85 000 tecken']).toContain('Förskolan Tallkotten');
    expect(JSON.stringify(card.actions)).toContain('status.list');
  });

  it('typos and English in a channel with an @mention: a paged list', async () => {
    const { cards, all } = await say(
      'coordinator',
      '<at>Kvalitetsutmärkelsen</at> who has not submitted?',
      {
        locale: 'en-US',
        conversation: {
          conversationType: 'channel',
          id: '19:award@thread.tacv2;messageid=1',
          tenantId: TENANT,
        },
        entities: [
          {
            type: 'mention',
            text: '<at>Kvalitetsutmärkelsen</at>',
            mentioned: {
              id: '28:0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f',
              name: 'Kvalitetsutmärkelsen',
            },
          },
        ],
      },
    );
    expect(all).toContain('Not submitted');
    expect(all).toContain('Förskolan Tallbacken');
    expect(all).not.toContain('Förskolan Tallkotten');
    expect(JSON.stringify(cards[0])).toContain('status.unit');
    const typo = await say('coordinator', 'saknas i protokolet');
    expect(typo.all).toContain('Saknas i protokoll');
    expect(typo.all).toContain('Förskolan Tallbacken');
  });

  it('finds a unit despite a typo in a group chat, and offers a choice when ambiguous', async () => {
    const group = {
      conversation: { conversationType: 'groupChat', id: '19:group@thread.v2', tenantId: TENANT },
    };
    const one = await say('coordinator', 'förskolan tallkoten', group);
    const card = JSON.stringify(one.cards[0]);
    expect(card).toContain('Förskolan Tallkotten');
    expect(card).toMatch(/86.420/); // characters of the latest version
    expect(card).toContain('status.prepare');
    const choice = await say('coordinator', 'Tall', group);
    expect(choice.all).toContain('Vilken menar du');
    expect(choice.all).toContain('Förskolan Tallbacken');
    expect(choice.all).toContain('Förskolan Tallkotten');
  });

  it('acts are confirmed on a card, recorded with who and when, once; a stale card changes nothing', async () => {
    const prepared = await act('coordinator', 'status.prepare', {
      unitId: unitIds.vasaparken,
      year: YEAR,
      act: 'eligible',
      expectedState: 'in-protocol',
    });
    expect(prepared.type).toBe('application/vnd.microsoft.card.adaptive');
    const confirm = (
      prepared.value as { actions: { verb: string; data: Record<string, unknown> }[] }
    ).actions.find((a) => a.verb === 'status.act')!;
    const done = await act('coordinator', 'status.act', confirm.data);
    expect(done.text).toContain('Registrerat: Uppfyller villkoren');
    let p = await server.store.participations.get(unitIds.vasaparken, YEAR);
    expect(p?.state).toBe('eligible');
    expect(p?.history.at(-1)?.actor.id).toBe('maria.lindqvist@stockholm.example');
    const length = p!.history.length;
    const again = await act('coordinator', 'status.act', confirm.data);
    expect(again.text).toContain('Redan registrerat');
    p = await server.store.participations.get(unitIds.vasaparken, YEAR);
    expect(p?.history).toHaveLength(length);

    const stale = await act('coordinator', 'status.act', {
      ...confirm.data,
      act: 'withdrawal-by-phone',
      confirmationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
    expect(stale.type).toBe('application/vnd.microsoft.activity.message');
    expect(stale.text).toContain('bytt läge');
    expect((await server.store.participations.get(unitIds.vasaparken, YEAR))?.state).toBe(
      'eligible',
    );
  });

  it('records an ILS-webben submission and a note', async () => {
    const ils = await act('coordinator', 'status.act', {
      unitId: unitIds.vasastan,
      year: YEAR,
      act: 'ils-submission',
      expectedState: 'pre-registered',
      confirmationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    });
    expect(ils.text).toContain('Inlämnat i ILS-webben');
    const p = await server.store.participations.get(unitIds.vasastan, YEAR);
    expect(p?.state).toBe('submitted');
    expect(p?.history.at(-1)?.note).toContain('ILS-webben');
    const noted = await act('coordinator', 'status.act', {
      unitId: unitIds.vasastan,
      year: YEAR,
      act: 'note',
      expectedState: 'submitted',
      confirmationId: '16fd2706-8baf-433b-82eb-8c7fada847da',
      note: 'Ringde och bekräftade ILS-inlämningen.',
    });
    expect(noted.text).toContain('Ringde och bekräftade');
  });

  it('exports the participant list as a CSV link the app serves; a tampered link is refused', async () => {
    const { cards } = await say('coordinator', 'exportera deltagarlistan');
    const url = (cards[0]!.actions as { url: string }[])[0]!.url;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv).toContain('Förskolan Tallkotten');
    // Change the signature's first character to another one (a fixed 'x' would leave a signature
    // that starts with 'x' unchanged, one run in 64).
    const tampered = url.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect(tampered).not.toBe(url);
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(url.replace(/&sig=.*/, ''))).status).toBe(400);
  });

  it('a forged verb or forged data changes nothing', async () => {
    const forged = await act('coordinator', 'status.delete-everything', {
      unitId: unitIds.vasastan,
    });
    expect(forged.text).toContain('Inget har ändrats');
    const bad = await act('coordinator', 'status.act', {
      unitId: unitIds.vasastan,
      act: 'eligible',
    });
    expect(bad.text).toContain('Inget har ändrats');
    expect((await server.store.participations.get(unitIds.vasastan, YEAR))?.state).toBe(
      'submitted',
    );
  });
});

describe('unit managers, examiners and everyone else', () => {
  it('a unit manager gets what is missing for their own unit, and is refused other units', async () => {
    const own = await say('manager', 'vad saknas för oss?');
    expect(own.all).toContain(`Vad saknas för ${managed.name}`);
    expect(own.all).toContain('protokoll');
    const english = await say('manager', 'what is missing?', { locale: 'en-GB' });
    expect(english.all).toContain(`What is missing for ${managed.name}`);
    const other = await say('manager', 'Förskolan Tallkotten');
    expect(other.all).toContain('bara berätta om era egna enheter');
    expect(other.all).not.toMatch(/86.420/);
    const status = await say('manager', 'läget');
    expect(status.all).toContain('till för Kvalitetsutmärkelsens samordnare');
    const invoke = await act('manager', 'status.unit', { unitId: unitIds.vasaparken, year: YEAR });
    expect(invoke.text).toContain('egna enheter');
    const acted = await act('manager', 'status.act', {
      unitId: managed.id,
      year: YEAR,
      act: 'withdrawal-by-phone',
      expectedState: 'pre-registered',
      confirmationId: '9a0b6f8e-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
    });
    expect(acted.text).toContain('samordnare');
    expect((await server.store.participations.get(managed.id, YEAR))?.state).toBe('pre-registered');
  });

  it("an examiner sees the team's units only", async () => {
    const mine = await say('examiner', 'mina enheter');
    expect(mine.all).toContain('Era enheter att examinera');
    expect(mine.all).toContain('Förskolan Tallkotten');
    expect(mine.all).not.toContain('Förskolan Tallbacken');
    const other = await say('examiner', 'Förskolan Tallbacken');
    expect(other.all).toContain('egna enheter');
  });

  it('"hjälp" gives examples for the asker\'s role', async () => {
    const coordinator = await say('coordinator', 'hjälp');
    expect(coordinator.all).toContain('Till exempel:');
    expect(coordinator.all).toContain('exportera deltagarlistan');
    const manager = await say('manager', 'help', { locale: 'en-US' });
    expect(manager.all).toContain('- what is missing?');
    expect(manager.all).not.toContain('export participant list');
    const stranger = await say('stranger', 'hjälp');
    expect(stranger.all).not.toContain('Till exempel:');
  });

  it('a non-member asking for status gets the help card and nothing about units', async () => {
    const res = await say('stranger', 'läget');
    expect(res.all).toContain('Skriv till mig');
    expect(res.all).not.toContain('Intresseanmälda');
    const unit = await say('stranger', 'Förskolan Tallkotten');
    expect(unit.all).not.toMatch(/86.420/);
  });
});

describe('the same numbers in the tab API', () => {
  it('serves the overview, filtered lists and a unit to whom they belong; bad filters get a 400', async () => {
    const coordinator = asCoordinator(server.emulatorUrl!);
    const api = `${server.url}/api/tab/status`;
    const overview = (await (await coordinator(`${api}/overview`)).json()) as {
      year: number;
      years: { year: number; byState: Record<string, number> }[];
    };
    expect(overview.year).toBe(YEAR);
    const stored = await server.store.participations.list({ year: YEAR });
    expect(overview.years.find((y) => y.year === YEAR)!.byState['pre-registered']).toBe(
      stored.filter((p) => p.state === 'pre-registered').length,
    );
    const list = (await (await coordinator(`${api}/units?class=forskola&pageSize=500`)).json()) as {
      items: { name: string }[];
    };
    expect(list.items.map((i) => i.name)).toContain('Förskolan Tallkotten');
    const bad = await coordinator(`${api}/units?state=archived`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      'pre-registered',
    );
    const manager = signedInFetch(await tabToken(server.emulatorUrl!, managed.managerEmail));
    expect((await manager(`${api}/overview`)).status).toBe(403);
    expect((await manager(`${api}/units/${managed.id}`)).status).toBe(200);
    expect((await manager(`${api}/units/${unitIds.vasaparken}`)).status).toBe(403);
    const csv = await coordinator(`${api}/participants.csv?year=${YEAR}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });
});
