// Site visits booked end to end against the local Microsoft 365: the real server in local mode with
// AWARD_NOW before the site-visit window, the demo teams formed and units assigned, a team leader
// acting through Action.Execute invokes at /api/messages, attendees answering through Graph, and the
// calendars read back through Graph. One server for the file.
import type { Event } from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExaminerTeamRecord } from '../../store/index.js';
import { createVisitsService, type VisitsService } from '../../features/visits/index.js';
import { loadCycles } from '../../server/cycles.js';
import { createVisitsFeature } from '../../server/jobs/visits.js';
import { cardProblems } from '../cards/card-validator.js';
import { postActivity, startTestServer, teamsMessage, type TestServer } from '../server/harness.js';
import { DEMO_COORDINATOR, tabToken } from '../support/tab-token.js';

const YEAR = 2026;
let server: TestServer;
let service: VisitsService;
let teams: ExaminerTeamRecord[];

beforeAll(async () => {
  server = await startTestServer(
    { AWARD_NOW: '2026-08-24T09:00:00+02:00' },
    {
      features: [
        createVisitsFeature({
          sweepMs: 0,
          onService: (s) => {
            service = s;
          },
        }),
      ],
    },
  );
  teams = await server.store.examinerTeams.listTeams(YEAR);
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

interface Card {
  body: Array<{ type: string; text?: string; facts?: { title: string; value: string }[] }>;
  actions?: Array<{ type: string; verb?: string; title: string; data?: Record<string, unknown> }>;
}

function invoke(objectId: string, verb: string, data: unknown) {
  const activity = teamsMessage('', {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  (activity.from as Record<string, unknown>).aadObjectId = objectId;
  delete (activity as { text?: string }).text;
  return postActivity(server, activity).then((res) => {
    const activities = (res.body as { activities?: Array<{ type: string; value?: unknown }> })
      .activities;
    const response = activities?.find((a) => a.type === 'invokeResponse')?.value as {
      body: { statusCode: number; type: string; value: unknown };
    };
    const body = response.body;
    if (body.type === 'application/vnd.microsoft.card.adaptive') {
      expect(cardProblems(body.value)).toEqual([]);
      return { card: body.value as Card };
    }
    return { message: String(body.value) };
  });
}

const text = (card: Card) =>
  card.body.map((b) => b.text ?? JSON.stringify(b.facts ?? '')).join('\n');
const bookActions = (card: Card) => (card.actions ?? []).filter((a) => a.verb === 'visit.book');

async function unbooked(): Promise<{ unitId: string; team: ExaminerTeamRecord }[]> {
  const rows = await service.calendar(YEAR, 'site');
  return rows
    .filter((r) => r.status === 'unbooked')
    .map((r) => ({ unitId: r.ref.unitId, team: teams.find((t) => t.id === r.teamId)! }));
}

const leaderId = (team: ExaminerTeamRecord) =>
  team.members.find((m) => m.address === team.leader)!.objectId!;

async function eventsOf(address: string, start: string, end: string): Promise<Event[]> {
  const res = await server.graph.json<{ value: Event[] }>({
    path: `/users/${address}/calendarView`,
    query: { startDateTime: start, endDateTime: end, $top: 100 },
  });
  return res.value;
}

/** The site visit booked latest (imported from the demo calendars): far from the sweeps' clocks. */
async function latestBooked() {
  const booked = (await server.store.visits.listForYear(YEAR, 'site')).filter(
    (v) => v.status === 'booked' && v.eventId && v.start && v.end,
  );
  return booked.sort((a, b) => Date.parse(b.start!) - Date.parse(a.start!))[0]!;
}

// A cap, not a wait: a decline travels by change notification and the team leader's card by the
// delivery queue, several seconds apart on a loaded machine.
async function until<T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The booking round trip took 12 s of the runner's 30 s on the loaded 2-core machine.
describe('visits in the local Microsoft 365', { timeout: 120_000 }, () => {
  it('brings the demo cycle to examination: teams formed, units assigned, hand-booked visits imported, some left to book', async () => {
    expect(teams.length).toBeGreaterThanOrEqual(5);
    const rows = await service.calendar(YEAR, 'site');
    expect(rows.filter((r) => r.status === 'booked').length).toBeGreaterThan(5);
    expect((await unbooked()).length).toBeGreaterThanOrEqual(3);
    // At 2026-08-24 the jury has not met: every assigned unit is under examination, its history the
    // coordinator's eligibility decision after the board protocols and the assignment, as in a real
    // cycle; none carries a jury result yet.
    const coordinator = await server.graph.json<{ id: string }>({
      path: `/users/${DEMO_COORDINATOR}`,
    });
    const assigned = teams.flatMap((t) => t.unitIds);
    expect(assigned.length).toBe(rows.length);
    for (const unitId of assigned) {
      const p = (await server.store.participations.get(unitId, YEAR))!;
      expect(p.state).toBe('under-examination');
      expect(p.juryResult).toBeUndefined();
      const steps = p.history.map((h) => `${h.from ?? ''}→${h.to}`);
      expect(steps).toEqual([
        '→submitted',
        'submitted→in-protocol',
        'in-protocol→eligible',
        'eligible→under-examination',
      ]);
      const [eligible, assignment] = p.history.slice(-2);
      expect(eligible!.actor.id).toBe(coordinator.id);
      expect(eligible!.at < '2026-08-24').toBe(true);
      expect(assignment!.actor.id).toBe(coordinator.id);
      const after = Date.parse(assignment!.at) - Date.parse('2026-08-24T09:00:00+02:00');
      expect(after >= 0 && after < 600_000).toBe(true);
    }
    expect(await server.store.participations.list({ year: YEAR, state: 'jury-decided' })).toEqual(
      [],
    );
  });

  it('propose → book → invitation in every calendar → decline → new proposals → rebook moves the same event → cancel', async () => {
    const { unitId, team } = (await unbooked())[0]!;
    const ref = { unitId: unitId, year: YEAR, kind: 'site' };
    const leader = leaderId(team);
    const unit = (await server.store.units.get(unitId))!;

    const proposed = await invoke(leader, 'visit.propose', { ...ref, mode: 'on-site' });
    const slots = bookActions(proposed.card!);
    expect(slots.length).toBeGreaterThanOrEqual(3);
    const first = slots[0]!.data!;
    expect(String(first.start) >= '2026-09-07').toBe(true);

    const booked = await invoke(leader, 'visit.book', first);
    expect(text(booked.card!)).toContain('Besöket är bokat');
    const visit = (await service.getVisit({ ...ref, kind: 'site' }))!;
    expect(visit.status).toBe('booked');
    // The demo's unit, under examination since the demo's assignment, stays so until the visit is held.
    expect((await server.store.participations.get(unitId, YEAR))?.state).toBe('under-examination');

    const attendees = [...team.members.map((m) => m.address), unit.managerEmail.toLowerCase()];
    for (const address of attendees) {
      const events = await eventsOf(address, String(first.start), String(first.end));
      const invitation = events.find(
        (e) => e.subject === `Platsbesök Kvalitetsutmärkelsen: ${unit.name}`,
      );
      expect(invitation, address).toBeDefined();
      if (address !== team.leader) expect(invitation!.isOrganizer).toBe(false);
    }
    const organizerCopy = (
      await eventsOf(team.leader, String(first.start), String(first.end))
    ).find((e) => e.id === visit.eventId)!;
    const withBody = await server.graph.json<Event>({
      path: `/users/${team.leader}/events/${visit.eventId}`,
      query: { $select: 'body' },
    });
    expect(withBody.body?.content).toMatch(/Verksamhetsplan eller motsvarande 2026/);
    expect(withBody.body?.content).toMatch(/Årsredovisning.*2025/);
    expect(organizerCopy.location?.displayName).toContain(unit.visitingAddress!.street);

    // A double click books once.
    const again = await invoke(leader, 'visit.book', first);
    expect(text(again.card!)).toContain('redan bokat');
    const leaderEvents = await eventsOf(
      team.leader,
      '2026-09-01T00:00:00Z',
      '2026-11-01T00:00:00Z',
    );
    expect(
      leaderEvents.filter(
        (e) => e.subject?.endsWith(unit.name) && e.subject.startsWith('Platsbesök'),
      ),
    ).toHaveLength(1);

    // The unit manager declines in Outlook: the subscription brings the change back.
    const managerCopy = (
      await eventsOf(unit.managerEmail, String(first.start), String(first.end))
    ).find((e) => e.subject?.startsWith('Platsbesök'))!;
    await server.graph.json({
      method: 'POST',
      path: `/users/${unit.managerEmail}/events/${managerCopy.id}/decline`,
      body: { comment: 'Vi har APT den dagen', sendResponse: true },
    });
    await until(async () =>
      (await service.getVisit({ ...ref, kind: 'site' }))?.status === 'declined' ? true : undefined,
    );

    // The team leader hears of it in Teams: a card with fresh proposals (delivery, Teams 1:1).
    const delivered = await until(async () => {
      const res = await fetch(
        `${server.emulatorUrl}/_admin/teams/messages?upn=${encodeURIComponent(team.leader)}`,
      );
      const body = JSON.stringify(await res.json());
      return body.includes('har tackat nej till tiden') ? body : undefined;
    });
    expect(delivered).toContain('visit.book');

    const fresh = await invoke(leader, 'visit.propose', { ...ref, mode: 'on-site', rebook: true });
    const next = bookActions(fresh.card!).find((a) => a.data!.start !== first.start)!;
    expect(bookActions(fresh.card!).some((a) => a.data!.start === first.start)).toBe(false);
    const moved = await invoke(leader, 'visit.book', next.data);
    expect(text(moved.card!)).toContain('flyttat');
    const after = (await service.getVisit({ ...ref, kind: 'site' }))!;
    expect(after.eventId).toBe(visit.eventId);
    const movedEvent = (
      await eventsOf(team.leader, String(next.data!.start), String(next.data!.end))
    ).find((e) => e.id === visit.eventId);
    expect(movedEvent).toBeDefined();
    // The move asks everyone again, the unit manager too; the old decline does not count any more.
    const managerAgain = (
      await eventsOf(unit.managerEmail, String(next.data!.start), String(next.data!.end))
    ).find((e) => e.subject?.startsWith('Platsbesök') && e.subject.includes(unit.name));
    expect(managerAgain?.responseStatus?.response).toBe('notResponded');
    await service.sweep(YEAR);
    expect((await service.getVisit({ ...ref, kind: 'site' }))?.status).toBe('booked');

    const cancelled = await invoke(leader, 'visit.cancel', ref);
    expect(cancelled.message).toMatch(/avbokat/);
    const member = team.members.find((m) => m.address !== team.leader)!.address;
    const memberCopy = (
      await eventsOf(member, String(next.data!.start), String(next.data!.end))
    ).find((e) => e.subject?.includes(unit.name));
    expect(memberCopy?.isCancelled).toBe(true);
    expect((await service.getVisit({ ...ref, kind: 'site' }))?.status).toBe('cancelled');
  });

  it('"besök" lists a team leader’s units with "find a time" for those unbooked; coordinators get the calendar', async () => {
    const team = teams[0]!;
    const say = async (text: string, objectId: string) => {
      const res = await postActivity(
        server,
        teamsMessage(text, { from: { id: '29:x', name: 'x', aadObjectId: objectId } }),
      );
      const activities = (
        res.body as { activities: Array<{ attachments?: Array<{ content: Card }> }> }
      ).activities;
      const card = activities.find((a) => a.attachments?.length)?.attachments?.[0]?.content;
      return card!;
    };
    const mine = await say('besök', leaderId(team));
    expect(cardProblems(mine)).toEqual([]);
    expect(text(mine)).toContain('Dina besök 2026');
    const find = (mine.actions ?? []).filter((a) => a.verb === 'visit.propose');
    expect(find.length).toBeGreaterThan(0);
    expect(find.every((a) => team.unitIds.includes(String(a.data!.unitId)))).toBe(true);

    const coordinator = (
      await server.graph.json<{ id: string }>({
        path: '/users/maria.lindqvist@stockholm.example',
        query: { $select: 'id' },
      })
    ).id;
    const calendar = await say('besökskalender', coordinator);
    expect(text(calendar)).toContain('Besökskalender 2026');
    expect(text(calendar)).toContain('ej bokat');
  });

  it('refuses a card action from someone who is not the team leader', async () => {
    const { unitId, team } = (await unbooked())[1]!;
    const member = team.members.find((m) => m.address !== team.leader)!;
    const res = await invoke(member.objectId!, 'visit.propose', {
      unitId,
      year: YEAR,
      kind: 'site',
      mode: 'on-site',
    });
    expect(res.message).toMatch(/Bara lagledaren/);
    expect(await service.getVisit({ unitId: unitId, year: YEAR, kind: 'site' })).toBeUndefined();
  });

  it("keeps to each examiner's own Outlook working hours (a part-timer's Monday–Thursday 08.30–15.30)", async () => {
    const open = await unbooked();
    const partTimer = 'tobias.lindberg';
    const mine = open.find((o) => o.team.members.some((m) => m.address.startsWith(partTimer)))!;
    expect(mine).toBeDefined();
    const proposals = await service.propose(
      { unitId: mine.unitId, year: YEAR, kind: 'site' },
      'digital',
    );
    expect(proposals.answer.slots.length).toBeGreaterThan(0);
    for (const slot of proposals.answer.slots) {
      const start = DateTime.fromISO(slot.start).setZone('Europe/Stockholm');
      const end = DateTime.fromISO(slot.end).setZone('Europe/Stockholm');
      expect(start.weekday).toBeLessThanOrEqual(4);
      expect(start.hour * 60 + start.minute).toBeGreaterThanOrEqual(8 * 60 + 30);
      expect(end.hour * 60 + end.minute).toBeLessThanOrEqual(15 * 60 + 30);
    }
  });

  it('answers a time taken meanwhile with fresh proposals', async () => {
    const { unitId, team } = (await unbooked())[1]!;
    const leader = leaderId(team);
    const ref = { unitId: unitId, year: YEAR, kind: 'site' };
    const unit = (await server.store.units.get(unitId))!;
    const proposed = await invoke(leader, 'visit.propose', { ...ref, mode: 'digital' });
    const slot = bookActions(proposed.card!)[0]!.data!;
    await server.graph.json({
      method: 'POST',
      path: `/users/${unit.managerEmail}/events`,
      body: {
        subject: 'Tandläkare',
        start: { dateTime: String(slot.start).slice(0, 19), timeZone: 'W. Europe Standard Time' },
        end: { dateTime: String(slot.end).slice(0, 19), timeZone: 'W. Europe Standard Time' },
      },
      prefer: ['outlook.timezone="W. Europe Standard Time"'],
    });
    const res = await invoke(leader, 'visit.book', slot);
    expect(text(res.card!)).toMatch(/hann bli upptagen/);
    for (const a of bookActions(res.card!)) expect(a.data!.start).not.toBe(slot.start);
  });

  it('says clearly when the unit manager has no mailbox, and still proposes from the team', async () => {
    const { unitId, team } = (await unbooked())[2]!;
    const unit = (await server.store.units.get(unitId))!;
    await server.store.units.upsert({ ...unit, managerEmail: 'chef@privat-foretag.example' });
    const res = await invoke(leaderId(team), 'visit.propose', {
      unitId,
      year: YEAR,
      kind: 'site',
      mode: 'on-site',
    });
    expect(text(res.card!)).toMatch(/har ingen kalender i stadens Microsoft 365/);
    expect(bookActions(res.card!).length).toBeGreaterThan(0);
    await server.store.units.upsert(unit);
  });

  it('books one of two team leaders taking the same unit manager’s hour at once', async () => {
    const open = await unbooked();
    const a = open[0]!;
    const b = open.find((x) => x.team.id !== a.team.id)!;
    const unitA = (await server.store.units.get(a.unitId))!;
    const unitB = (await server.store.units.get(b.unitId))!;
    // One manager leads both units.
    await server.store.units.upsert({
      ...unitB,
      managerEmail: unitA.managerEmail,
      managerName: unitA.managerName,
    });
    const refA = { unitId: a.unitId, year: YEAR, kind: 'site' as const };
    const refB = { unitId: b.unitId, year: YEAR, kind: 'site' as const };
    const proposals = await service.propose(refA, 'digital');
    let common: { start: string; end: string } | undefined;
    for (const s of proposals.answer.slots) {
      const check = await service.propose(refB, 'digital', { at: s.start });
      if (check.answer.slots.length > 0) {
        common = s;
        break;
      }
    }
    expect(common).toBeDefined();
    const [ra, rb] = await Promise.all([
      invoke(leaderId(a.team), 'visit.book', { ...refA, mode: 'digital', ...common }),
      invoke(leaderId(b.team), 'visit.book', { ...refB, mode: 'digital', ...common }),
    ]);
    const outcomes = [ra, rb].map((r) => (text(r.card!).includes('bokat') ? 'booked' : 'taken'));
    expect(outcomes.sort()).toEqual(['booked', 'taken']);
    const managerEvents = await eventsOf(unitA.managerEmail, common!.start, common!.end);
    expect(
      managerEvents.filter((e) => e.subject?.startsWith('Platsbesök') && !e.isCancelled),
    ).toHaveLength(1);
    // Clean up for the other tests.
    const winner =
      outcomes[0] === 'booked' && text(ra.card!).includes('bokat')
        ? { ref: refA, team: a.team }
        : { ref: refB, team: b.team };
    await service.cancel({ address: winner.team.leader }, winner.ref);
    await server.store.units.upsert(unitB);
  });

  it('moves the unit to site-visit-held after the visit, and the jury’s result opens the feedback visit', async () => {
    const team = teams[1]!;
    const template = (await server.store.units.get(team.unitIds[0]!))!;
    const unit = {
      ...template,
      id: 'test-held',
      name: 'Förskolan Testgården',
      organisationId: 'test-org',
    };
    await server.store.units.upsert(unit);
    await server.store.participations.applyTransition('test-held', YEAR, () => ({
      unitId: 'test-held',
      year: YEAR,
      state: 'under-examination',
      history: [
        {
          from: null,
          to: 'under-examination',
          at: '2026-08-20T10:00:00+02:00',
          actor: { id: 'test' },
          source: { kind: 'system', ref: 'test' },
        },
      ],
    }));
    await service.assign({ id: 'coordinator' }, YEAR, [{ unitId: 'test-held', teamId: team.id }]);
    const ref = { unitId: 'test-held', year: YEAR, kind: 'site' as const };
    const slot = (await service.propose(ref, 'digital')).answer.slots[0]!;
    const booked = await service.book(
      { address: team.leader },
      ref,
      'digital',
      slot.start,
      slot.end,
    );
    expect(booked.outcome).toBe('booked');
    if (booked.outcome === 'booked')
      expect(booked.details.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);

    const later = createVisitsService({
      store: server.store,
      graph: server.graph,
      cycles: loadCycles(),
      now: () => new Date(Date.parse(slot.end) + 3_600_000),
      scheduleAs: server.config.m365.sharedMailbox,
    });
    const { held } = await later.sweep(YEAR);
    expect(held).toContain(`${YEAR}:site:test-held`);
    expect((await server.store.participations.get('test-held', YEAR))?.state).toBe(
      'site-visit-held',
    );

    expect(await later.recordJury({ id: 'coordinator' }, YEAR, 'test-held', 'winner')).toBe(true);
    const decided = await server.store.participations.get('test-held', YEAR);
    expect(decided).toMatchObject({ state: 'jury-decided', juryResult: 'winner' });
    const feedback = await later.propose({ ...ref, kind: 'feedback' }, 'on-site');
    expect(feedback.answer.slots.length).toBeGreaterThan(0);
    for (const s of feedback.answer.slots) expect(s.start >= '2026-11-30').toBe(true);
  });

  it('never lets a team examine a unit a member declared a conflict with', async () => {
    const { unitId, team } = (await unbooked())[0]!;
    const member = team.members.find((m) => m.address !== team.leader)!;
    const unit = (await server.store.units.get(unitId))!;
    const res = await postActivity(
      server,
      teamsMessage(`jäv ${unit.name}`, {
        from: { id: '29:x', name: member.name, aadObjectId: member.objectId },
      }),
    );
    expect(res.text).toContain('Jäv anmält');
    const manager = await server.graph.json<{ id: string }>({
      path: `/users/${unit.managerEmail}`,
      query: { $select: 'id' },
    });
    const refused = await postActivity(
      server,
      teamsMessage(`jäv ${unit.name}`, {
        from: { id: '29:y', name: 'Chef', aadObjectId: manager.id },
      }),
    );
    expect(refused.text).toContain('Bara examinatorer');
    expect(await server.store.examinerTeams.assignment(unitId, YEAR)).toBeUndefined();
    await expect(
      service.assign({ id: 'coordinator' }, YEAR, [{ unitId: unitId, teamId: team.id }]),
    ).rejects.toThrow(/declared conflict/);
    const { proposal } = await service.proposeAssignment(YEAR);
    expect(proposal.assignments.some((x) => x.unitId === unitId && x.teamId === team.id)).toBe(
      false,
    );
    // Put it back with another team for the rest of the file.
    const other = teams.find(
      (t) => t.id !== team.id && t.members.every((m) => m.organisationId !== unit.organisationId),
    )!;
    await service.assign({ id: 'coordinator' }, YEAR, [{ unitId: unitId, teamId: other.id }]);
  });

  it('moves a booked visit: the same event at the new time in every calendar, the move recorded; refused when held', async () => {
    const booked = await latestBooked();
    const team = teams.find((t) => t.unitIds.includes(booked.unitId))!;
    const unit = (await server.store.units.get(booked.unitId))!;
    const ref = { unitId: booked.unitId, year: YEAR, kind: 'site' as const };
    const before = await server.graph.json<Event>({
      path: `/users/${team.leader}/events/${booked.eventId}`,
    });
    const { proposals, current } = await service.proposeMove({ address: team.leader }, ref);
    expect(current).toEqual({ start: booked.start, end: booked.end });
    const slots = proposals.answer.slots;
    expect(slots.length).toBeGreaterThan(1);
    for (const s of slots) expect(Date.parse(s.start)).not.toBe(Date.parse(booked.start!));

    // Only the unit's team leader or a coordinator moves it.
    const member = team.members.find((m) => m.address !== team.leader)!;
    await expect(
      service.move({ address: member.address }, ref, slots[0]!.start, slots[0]!.end),
    ).rejects.toThrow(/Only the team leader .* or a coordinator/);

    const to = slots[0]!;
    const moved = await service.move(
      { address: DEMO_COORDINATOR, coordinator: true },
      ref,
      to.start,
      to.end,
    );
    expect(moved.outcome).toBe('moved');
    const after = (await service.getVisit(ref))!;
    expect(after.status).toBe('booked');
    expect(after.eventId).toBe(booked.eventId);
    expect(Date.parse(after.start!)).toBe(Date.parse(to.start));
    const moves = (after.details as { moves?: { start: string; by: string }[] }).moves;
    expect(moves).toEqual([expect.objectContaining({ start: booked.start, by: DEMO_COORDINATOR })]);
    // The organizer's event moved, not a new one: same id, iCalUId and transactionId.
    const event = await server.graph.json<Event>({
      path: `/users/${team.leader}/events/${booked.eventId}`,
    });
    expect(event.iCalUId).toBe(before.iCalUId);
    expect(event.transactionId ?? null).toBe(before.transactionId ?? null);
    // Every attendee's calendar shows the meeting at the new time and not at the old one.
    for (const address of [...team.members.map((m) => m.address), unit.managerEmail]) {
      const at = (await eventsOf(address, to.start, to.end)).filter(
        (e) => e.iCalUId === before.iCalUId && !e.isCancelled,
      );
      expect(at, address).toHaveLength(1);
      const old = (await eventsOf(address, booked.start!, booked.end!)).filter(
        (e) => e.iCalUId === before.iCalUId,
      );
      expect(old, address).toHaveLength(0);
    }
    // The same time again changes nothing.
    expect((await service.move({ address: team.leader }, ref, to.start, to.end)).outcome).toBe(
      'already',
    );

    // After the visit's end it cannot be moved any more.
    const later = createVisitsService({
      store: server.store,
      graph: server.graph,
      cycles: loadCycles(),
      now: () => new Date(Date.parse(to.end) + 60_000),
      scheduleAs: server.config.m365.sharedMailbox,
    });
    await expect(
      later.move({ address: team.leader }, ref, slots[1]!.start, slots[1]!.end),
    ).rejects.toThrow(/already taken place/);
  });
});

describe('visits in the tab API', () => {
  const api = async (upn: string, path: string, body?: unknown) => {
    const token = await tabToken(server.emulatorUrl!, upn);
    const res = await fetch(`${server.url}/api/tab${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('shows coordinators every team’s visits and examiners only their own team’s', async () => {
    const all = await api(DEMO_COORDINATOR, '/visits/calendar?year=2026');
    expect(all.status).toBe(200);
    const rows = all.body.visits as { teamId: string; status: string }[];
    expect(new Set(rows.map((r) => r.teamId)).size).toBe(teams.length);
    const member = teams[2]!.members.find((m) => m.address !== teams[2]!.leader)!;
    const own = await api(member.address, '/visits/calendar');
    expect(own.status).toBe(200);
    expect((own.body.visits as { teamId: string }[]).every((r) => r.teamId === teams[2]!.id)).toBe(
      true,
    );
  });

  it('refuses what a role does not cover, and answers bad input with 400 and a message', async () => {
    const member = teams[3]!.members.find((m) => m.address !== teams[3]!.leader)!;
    expect((await api(member.address, '/visits/assignment', {})).status).toBe(403);
    expect(
      (await api(member.address, '/visits/jury', { unitId: 'x', result: 'winner' })).status,
    ).toBe(403);
    const bad = await api(member.address, '/visits/conflicts', { reason: 'jäv' });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { message: string }).message).toContain('unitId');
    const jury = await api(DEMO_COORDINATOR, '/visits/jury', { unitId: 'x', result: 'guld' });
    expect(jury.status).toBe(400);
    const proposal = await api(DEMO_COORDINATOR, '/visits/assignment?year=2026');
    expect(proposal.status).toBe(200);
    expect(proposal.body).toHaveProperty('assignments');
  });

  it('lets coordinators form a team (the leader among its members), and no one else', async () => {
    const members = [
      { address: 'Karl.Akesson@stockholm.example' },
      { address: 'lena.hagglund@stockholm.example', organisationId: 'sdf-sodermalm' },
    ];
    const made = await api(DEMO_COORDINATOR, '/visits/teams', {
      year: 2027,
      name: 'Examinatorslag 2027:1',
      leader: 'karl.akesson@stockholm.example',
      members,
    });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ year: 2027, leader: 'karl.akesson@stockholm.example' });
    const wrong = await api(DEMO_COORDINATOR, '/visits/teams', {
      name: 'Lag utan ledare',
      leader: 'oskar.nyberg@stockholm.example',
      members,
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body.error as { message: string }).message).toContain('leader');
    const member = teams[0]!.members.find((m) => m.address !== teams[0]!.leader)!;
    expect(
      (
        await api(member.address, '/visits/teams', {
          name: 'x',
          leader: member.address,
          members: [member],
        })
      ).status,
    ).toBe(403);
  });

  it('moves a booked visit from the tab: team leader or coordinator, 409 for a taken time or a cancelled or held visit, 400 for bad input', async () => {
    const booked = await latestBooked();
    const team = teams.find((t) => t.unitIds.includes(booked.unitId))!;
    const unit = (await server.store.units.get(booked.unitId))!;
    const q = `unitId=${encodeURIComponent(booked.unitId)}&kind=site&year=${YEAR}`;
    const proposals = await api(team.leader, `/visits/move/proposals?${q}`);
    expect(proposals.status).toBe(200);
    const slots = proposals.body.slots as { start: string; end: string }[];
    expect(slots.length).toBeGreaterThan(1);
    expect(proposals.body.current).toEqual({ start: booked.start, end: booked.end });

    const member = team.members.find((m) => m.address !== team.leader)!;
    const refused = await api(member.address, '/visits/move', {
      unitId: booked.unitId,
      kind: 'site',
      ...slots[0],
    });
    expect(refused.status).toBe(403);
    const refusal = refused.body.error as { message: string; messageSv: string };
    expect(refusal.messageSv).toMatch(/^Bara lagledaren för .* eller en samordnare/);
    expect(refusal.message).toMatch(/^Only the team leader of .* or a coordinator/);
    expect((await api(member.address, `/visits/move/proposals?${q}`)).status).toBe(403);

    const bad = await api(DEMO_COORDINATOR, '/visits/move', { unitId: booked.unitId, kind: 'x' });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { messageSv: string }).messageSv).toMatch(/Ogiltig begäran/);
    const nonsense = await api(DEMO_COORDINATOR, '/visits/move', {
      unitId: booked.unitId,
      kind: 'site',
      start: 'nästa tisdag',
      end: 'nästa tisdag',
    });
    expect(nonsense.status).toBe(400);
    expect((nonsense.body.error as { messageSv: string }).messageSv).toBe('Ogiltig tid.');
    expect((await service.getVisit({ ...booked, kind: 'site' }))?.start).toBe(booked.start);

    // Meanwhile the unit manager's afternoon fills up: that time answers 409.
    const taken = slots[1]!;
    await server.graph.json({
      method: 'POST',
      path: `/users/${unit.managerEmail}/events`,
      body: {
        subject: 'Budgetmöte',
        start: { dateTime: new Date(taken.start).toISOString().slice(0, 19), timeZone: 'UTC' },
        end: { dateTime: new Date(taken.end).toISOString().slice(0, 19), timeZone: 'UTC' },
      },
    });
    const conflict = await api(DEMO_COORDINATOR, '/visits/move', {
      unitId: booked.unitId,
      kind: 'site',
      ...taken,
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'slot-taken' });

    // A coordinator moves it; the team leader hears of it in Teams (the "moved" card).
    const moved = await api(DEMO_COORDINATOR, '/visits/move', {
      unitId: booked.unitId,
      kind: 'site',
      ...slots[0],
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ outcome: 'moved', from: { start: booked.start } });
    const visit = (await service.getVisit({ ...booked, kind: 'site' }))!;
    expect(visit.eventId).toBe(booked.eventId);
    expect(Date.parse(visit.start!)).toBe(Date.parse(slots[0]!.start));
    const notice = await until(async () => {
      const res = await fetch(
        `${server.emulatorUrl}/_admin/teams/messages?upn=${encodeURIComponent(team.leader)}`,
      );
      const { value } = (await res.json()) as {
        value: { attachments?: { contentType: string; content: unknown }[] }[];
      };
      return value
        .flatMap((a) => a.attachments ?? [])
        .map((a) => a.content as Card)
        .find((c) => text(c).includes('Besöket är flyttat') && text(c).includes(unit.name));
    });
    expect(cardProblems(notice)).toEqual([]);
    expect(notice.actions?.map((a) => a.verb)).toContain('visit.cancel');

    // Cancelled, then held: 409 with what to do instead.
    await service.cancel({ address: team.leader }, { ...booked, kind: 'site' });
    const cancelled = await api(team.leader, '/visits/move', {
      unitId: booked.unitId,
      kind: 'site',
      ...slots[2],
    });
    expect(cancelled.status).toBe(409);
    expect((cancelled.body.error as { messageSv: string }).messageSv).toMatch(
      /är avbokat: boka en ny tid/,
    );
    const other = await latestBooked();
    const otherTeam = teams.find((t) => t.unitIds.includes(other.unitId))!;
    const { createdAt: _c, updatedAt: _u, ...rest } = other;
    await server.store.visits.upsert({ ...rest, status: 'held' });
    const held = await api(otherTeam.leader, '/visits/move', {
      unitId: other.unitId,
      kind: 'site',
      start: '2026-10-20T09:00:00+02:00',
      end: '2026-10-20T12:00:00+02:00',
    });
    expect(held.status).toBe(409);
    expect((held.body.error as { messageSv: string }).messageSv).toMatch(/redan genomfört/);
  });
});
