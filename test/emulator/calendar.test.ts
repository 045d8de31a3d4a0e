// Calendars in the emulator: events with invitations in attendees' calendars, transactionId
// idempotency, Teams join URLs, responses on the organizer's copy, cancel, calendarView with time zones,
// and getSchedule's availabilityView and limits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { EXAMINER, EXAMINER2, MANAGER, SHARED } from './fixture-tenant.js';
import { appToken, graph, start, type Call } from './helpers.js';

let emu: RunningEmulator;
let g: (m: string, p: string, b?: unknown, h?: Record<string, string>) => Promise<Call>;
const TZ = { Prefer: 'outlook.timezone="W. Europe Standard Time"' };

beforeAll(async () => {
  emu = await start();
});
beforeEach(async () => {
  emu.admin.reset();
  g = graph(emu, await appToken(emu));
});
afterAll(async () => {
  await emu.close();
});

const visit = (extra: Record<string, unknown> = {}) => ({
  subject: 'Platsbesök Förskolan Solen',
  start: { dateTime: '2026-12-02T09:00:00', timeZone: 'W. Europe Standard Time' },
  end: { dateTime: '2026-12-02T11:00:00', timeZone: 'W. Europe Standard Time' },
  attendees: [
    { emailAddress: { address: MANAGER, name: 'Bo Chef' }, type: 'required' },
    { emailAddress: { address: EXAMINER2 }, type: 'required' },
  ],
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  ...extra,
});

describe('events', () => {
  it('creates a Teams meeting, invites attendees, and converts time zones', async () => {
    const res = await g('POST', `/users/${EXAMINER}/events`, visit(), TZ);
    expect(res.status).toBe(201);
    expect(res.body.start).toEqual({
      dateTime: '2026-12-02T09:00:00.0000000',
      timeZone: 'W. Europe Standard Time',
    });
    expect(res.body.onlineMeeting.joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//,
    );
    expect(res.body.organizer.emailAddress.address).toBe(EXAMINER);
    const utc = await g('GET', `/users/${EXAMINER}/events/${res.body.id}`);
    expect(utc.body.start).toEqual({ dateTime: '2026-12-02T08:00:00.0000000', timeZone: 'UTC' });
    const invited = await g(
      'GET',
      `/users/${MANAGER}/calendarView?startDateTime=2026-12-02T00:00:00Z&endDateTime=2026-12-03T00:00:00Z`,
    );
    expect(invited.body.value).toHaveLength(1);
    expect(invited.body.value[0]).toMatchObject({
      isOrganizer: false,
      responseStatus: { response: 'notResponded' },
    });
  });

  it('is idempotent by transactionId', async () => {
    const a = await g('POST', `/users/${EXAMINER}/events`, visit({ transactionId: 'tx-1' }));
    const b = await g('POST', `/users/${EXAMINER}/events`, visit({ transactionId: 'tx-1' }));
    expect(b.body.id).toBe(a.body.id);
    const all = await g('GET', `/users/${EXAMINER}/events?$top=50`);
    expect(
      all.body.value.filter((e: { subject: string }) => e.subject === 'Platsbesök Förskolan Solen'),
    ).toHaveLength(1);
  });

  it("shows attendees' responses on the organizer's copy, and cancels for everyone", async () => {
    const ev = (await g('POST', `/users/${EXAMINER}/events`, visit())).body;
    const copy = (await g('GET', `/users/${MANAGER}/events`)).body.value[0];
    expect(
      (
        await g('POST', `/users/${MANAGER}/events/${copy.id}/accept`, {
          comment: 'Vi ses',
          sendResponse: true,
        })
      ).status,
    ).toBe(202);
    const org = await g('GET', `/users/${EXAMINER}/events/${ev.id}`);
    const bo = org.body.attendees.find(
      (a: { emailAddress: { address: string } }) => a.emailAddress.address === MANAGER,
    );
    expect(bo.status.response).toBe('accepted');
    expect(
      (
        await g('POST', `/users/${EXAMINER}/events/${ev.id}/cancel`, {
          comment: 'Vi flyttar besöket',
        })
      ).status,
    ).toBe(202);
    expect((await g('GET', `/users/${EXAMINER}/events/${ev.id}`)).status).toBe(404);
    const after = await g('GET', `/users/${MANAGER}/events/${copy.id}`);
    expect(after.body.isCancelled).toBe(true);
  });

  it('moves the meeting for attendees when the organizer updates it', async () => {
    const ev = (await g('POST', `/users/${EXAMINER}/events`, visit())).body;
    await g('PATCH', `/users/${EXAMINER}/events/${ev.id}`, {
      start: { dateTime: '2026-12-03T13:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-12-03T14:00:00', timeZone: 'W. Europe Standard Time' },
    });
    const copy = (await g('GET', `/users/${MANAGER}/events`, undefined, TZ)).body.value[0];
    expect(copy.start.dateTime).toBe('2026-12-03T13:00:00.0000000');
  });

  it('refuses calendars outside the app scope', async () => {
    const res = await g('GET', `/users/anna.coordinator@stockholm.example/events`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ErrorAccessDenied');
  });
});

describe('getSchedule', () => {
  const body = (schedules: string[], end = '2026-11-25T18:00:00', interval = 60) => ({
    schedules,
    startTime: { dateTime: '2026-11-25T08:00:00', timeZone: 'W. Europe Standard Time' },
    endTime: { dateTime: end, timeZone: 'W. Europe Standard Time' },
    availabilityViewInterval: interval,
  });

  it('returns scheduleItems and an availabilityView per interval', async () => {
    const res = await g(
      'POST',
      `/users/${SHARED}/calendar/getSchedule`,
      body([EXAMINER, EXAMINER2, 'ghost@stockholm.example']),
      TZ,
    );
    expect(res.status).toBe(200);
    const [d, e, ghost] = res.body.value;
    // 08-18 in hours: busy 09:00-10:30, tentative 13:00-14:00
    expect(d.availabilityView).toBe('0220010000');
    expect(d.scheduleItems.map((i: { status: string }) => i.status)).toEqual(['busy', 'tentative']);
    expect(d.scheduleItems[0].start).toEqual({
      dateTime: '2026-11-25T09:00:00.0000000',
      timeZone: 'W. Europe Standard Time',
    });
    expect(e.availabilityView).toBe('0000000000');
    expect(ghost.error.responseCode).toBeTruthy();
  });

  it('enforces 20 schedules and a window under 62 days', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `u${i}@stockholm.example`);
    const tooMany = await g('POST', `/users/${SHARED}/calendar/getSchedule`, body(many));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBeTruthy();
    const long = await g(
      'POST',
      `/users/${SHARED}/calendar/getSchedule`,
      body([EXAMINER], '2027-01-26T08:00:00'),
    );
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/62 days/);
    const interval = await g(
      'POST',
      `/users/${SHARED}/calendar/getSchedule`,
      body([EXAMINER], '2026-11-25T18:00:00', 2),
    );
    expect(interval.status).toBe(400);
  });
});
