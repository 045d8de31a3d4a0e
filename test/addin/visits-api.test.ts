// The Outlook add-in's "Boka besök" API as the organizer pane calls it, against the local Microsoft
// 365: a team leader lists their units, gets proposals with the appointment's content, saves the
// appointment in their own calendar (as Outlook's saveAsync does, through Graph as the leader) and
// records the visit from its EWS id. One event, one visit; a time taken meanwhile brings fresh
// proposals; people who lead no team, and forged tokens, are refused.
import type { Event } from '@microsoft/microsoft-graph-types';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ewsIdOf } from '../../emulator/routes/translate-ids.js';
import type { VisitsService } from '../../features/visits/index.js';
import { createVisitsFeature } from '../../server/jobs/visits.js';
import type { ExaminerTeamRecord } from '../../store/index.js';
import { startTestServer, type TestServer } from '../server/harness.js';
import { DEMO_COORDINATOR, tabToken } from '../support/tab-token.js';

const YEAR = 2026;
let server: TestServer;
let service!: VisitsService;
let teams: ExaminerTeamRecord[];

const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/tab${path}`, {
    ...init,
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });

interface ProposalsBody {
  slots: { start: string; end: string }[];
  appointment: {
    subject: string;
    attendees: { address: string; name?: string }[];
    location: string;
    html: string;
    teamsMeeting: boolean;
  };
}

/** What Outlook does on saveAsync: the appointment lands in the organizer's own calendar. */
async function saveAppointment(
  leader: string,
  slot: { start: string; end: string },
  content: ProposalsBody['appointment'],
): Promise<string> {
  const token = await tabToken(server.emulatorUrl!, leader, {
    audience: 'https://graph.microsoft.com',
    scopes: ['Calendars.ReadWrite'],
  });
  const res = await fetch(`${server.emulatorUrl}/v1.0/me/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: content.subject,
      start: { dateTime: slot.start.replace(/Z$/, ''), timeZone: 'UTC' },
      end: { dateTime: slot.end.replace(/Z$/, ''), timeZone: 'UTC' },
      attendees: content.attendees.map((a) => ({
        type: 'required',
        emailAddress: { address: a.address, ...(a.name ? { name: a.name } : {}) },
      })),
      location: { displayName: content.location },
      body: { contentType: 'html', content: content.html },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as Event).id!;
}

const utc = (iso: string) => new Date(iso).toISOString().replace(/\.000Z$/, 'Z');

async function unbookedOf(team: ExaminerTeamRecord): Promise<string | undefined> {
  return (await service.calendar(YEAR, 'site', [team.id])).find((r) => r.status === 'unbooked')?.ref
    .unitId;
}

beforeAll(async () => {
  server = await startTestServer(
    { AWARD_NOW: '2026-08-24T09:00:00+02:00' },
    { features: [createVisitsFeature({ sweepMs: 0, onService: (s) => (service = s) })] },
  );
  teams = await server.store.examinerTeams.listTeams(YEAR);
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

describe('the organizer pane API', () => {
  it('proposes, gives the appointment its content, and records the saved appointment as the visit once', async () => {
    const team = teams[0]!;
    const unitId = (await unbookedOf(team))!;
    const unit = (await server.store.units.get(unitId))!;
    const token = await tabToken(server.emulatorUrl!, team.leader);

    const mine = (await (await api('/addin/visits', token)).json()) as {
      units: { unitId: string; kind: string; needsVisit: boolean }[];
    };
    expect(mine.units).toContainEqual(
      expect.objectContaining({ unitId, kind: 'site', needsVisit: true }),
    );

    const res = await api(`/addin/visits/proposals?unitId=${unitId}&kind=site`, token);
    expect(res.status).toBe(200);
    const proposals = (await res.json()) as ProposalsBody;
    expect(proposals.slots.length).toBeGreaterThan(0);
    const { appointment } = proposals;
    expect(appointment.subject).toBe(`Platsbesök Kvalitetsutmärkelsen: ${unit.name}`);
    const expected = [
      ...team.members.map((m) => m.address).filter((a) => a !== team.leader),
      unit.managerEmail.toLowerCase(),
    ];
    expect(appointment.attendees.map((a) => a.address).sort()).toEqual(
      [...new Set(expected)].sort(),
    );
    expect(appointment.location).toContain(unit.visitingAddress!.street);
    expect(appointment.html).toContain('Verksamhetsplan');

    const slot = proposals.slots[0]!;
    const eventId = await saveAppointment(team.leader, slot, appointment);
    const record = () =>
      api('/addin/visits/record', token, {
        method: 'POST',
        body: JSON.stringify({ unitId, kind: 'site', mode: 'on-site', itemId: ewsIdOf(eventId) }),
      });
    const first = await record();
    expect(first.status).toBe(200);
    expect(((await first.json()) as { outcome: string }).outcome).toBe('booked');
    const visit = (await service.getVisit({ unitId, year: YEAR, kind: 'site' }))!;
    expect(visit).toMatchObject({ status: 'booked', eventId, organizer: team.leader });
    expect(utc(visit.start!)).toBe(utc(slot.start));

    // Saved again (the pane's button twice): the same visit, no second event in the calendar.
    const again = await record();
    expect(((await again.json()) as { outcome: string }).outcome).toBe('already');
    const events = await server.graph.json<{ value: Event[] }>({
      path: `/users/${team.leader}/calendarView`,
      query: { startDateTime: slot.start, endDateTime: slot.end, $top: 50 },
    });
    expect(events.value.filter((e) => e.subject === appointment.subject)).toHaveLength(1);
  });

  it('answers a time taken meanwhile with fresh proposals', async () => {
    const team = teams[1]!;
    const unitId = (await unbookedOf(team))!;
    const token = await tabToken(server.emulatorUrl!, team.leader);
    const proposals = (await (
      await api(`/addin/visits/proposals?unitId=${unitId}&kind=site`, token)
    ).json()) as ProposalsBody;
    const slot = proposals.slots[0]!;
    // Another booking holds the team's time first (the unit's feedback visit, booked elsewhere).
    const held = await server.store.visits.reserve(
      {
        id: `${YEAR}:feedback:${unitId}`,
        unitId,
        year: YEAR,
        kind: 'feedback',
        status: 'booking',
        start: slot.start,
        end: slot.end,
      },
      team.members.map((m) => m.address),
    );
    expect(held.reserved).toBe(true);
    const eventId = await saveAppointment(team.leader, slot, proposals.appointment);
    const res = await api('/addin/visits/record', token, {
      method: 'POST',
      body: JSON.stringify({ unitId, kind: 'site', itemId: ewsIdOf(eventId) }),
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as {
      outcome: string;
      proposals: { slots: { start: string }[] };
    };
    expect(body.outcome).toBe('taken');
    expect(body.proposals.slots.length).toBeGreaterThan(0);
    expect(body.proposals.slots.map((s) => utc(s.start))).not.toContain(utc(slot.start));
    expect((await service.getVisit({ unitId, year: YEAR, kind: 'site' }))?.status).not.toBe(
      'booked',
    );
  });

  it('refuses people who lead no team, forged tokens, bad input and an appointment not in the calendar', async () => {
    const coordinator = await tabToken(server.emulatorUrl!, DEMO_COORDINATOR);
    const notLeader = await api('/addin/visits', coordinator);
    expect(notLeader.status).toBe(403);
    expect(((await notLeader.json()) as { error: { code: string } }).error.code).toBe(
      'not-team-leader',
    );
    const member = teams[0]!.members.find((m) => m.address !== teams[0]!.leader)!.address;
    expect((await api('/addin/visits', await tabToken(server.emulatorUrl!, member))).status).toBe(
      403,
    );

    const leader = await tabToken(server.emulatorUrl!, teams[2]!.leader);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(leader))
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .sign(privateKey);
    expect((await api('/addin/visits', forged)).status).toBe(401);

    expect((await api('/addin/visits/proposals?kind=site', leader)).status).toBe(400);
    // Another team's unit: refused by the visits feature.
    const othersUnit = (await unbookedOf(teams[0]!)) ?? teams[0]!.unitIds[0]!;
    expect(
      (await api(`/addin/visits/proposals?unitId=${othersUnit}&kind=site`, leader)).status,
    ).toBe(403);
    const unitId = (await unbookedOf(teams[2]!))!;
    const missing = await api('/addin/visits/record', leader, {
      method: 'POST',
      body: JSON.stringify({
        unitId,
        kind: 'site',
        itemId: ewsIdOf('AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0Anothere'),
      }),
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'not-in-calendar',
    );

    // The local mode's Office stand-in saves through /api/local-office: a bad appointment is a 400.
    const save = (body: unknown, token?: string) =>
      fetch(`${server.url}/api/local-office/appointments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    expect((await save({ subject: 'x' })).status).toBe(401);
    const bad = await save({ subject: 'x', start: 'tomorrow' }, leader);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/start/);
  });
});
