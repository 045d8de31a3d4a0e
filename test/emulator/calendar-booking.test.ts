// What visit booking meets in Outlook calendars, in the emulator: an organizer whose licence has no
// Teams gets isOnlineMeeting false and no join URL (their calendar allows no online provider), and a
// transactionId reused for a different event is refused with ErrorDuplicateTransactionId while a
// retry of the same create returns the first event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { EXAMINER, EXAMINER2, MANAGER, fixtureTenant } from './fixture-tenant.js';
import { appToken, graph, start, type Call } from './helpers.js';

let emu: RunningEmulator;
let g: (m: string, p: string, b?: unknown, h?: Record<string, string>) => Promise<Call>;

beforeAll(async () => {
  const tenant = fixtureTenant();
  const noTeams = tenant.users.find((u) => u.userPrincipalName === EXAMINER2)!;
  // Exchange Online only: no TeamspaceAPI plan.
  noTeams.assignedPlans = [
    {
      service: 'exchange',
      capabilityStatus: 'Enabled',
      servicePlanId: '9f431833-0334-42de-a7dc-70aa40db46db',
      assignedDateTime: '2025-01-01T00:00:00Z',
    },
  ];
  emu = await start({ tenant });
  g = graph(emu, await appToken(emu));
});
afterAll(async () => {
  await emu.close();
});

const meeting = (extra: Record<string, unknown> = {}) => ({
  subject: 'Platsbesök Kvalitetsutmärkelsen: Förskolan Solen',
  start: { dateTime: '2026-09-15T09:00:00', timeZone: 'W. Europe Standard Time' },
  end: { dateTime: '2026-09-15T11:00:00', timeZone: 'W. Europe Standard Time' },
  attendees: [{ emailAddress: { address: MANAGER }, type: 'required' }],
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  ...extra,
});

describe('calendars for visit booking', () => {
  it('gives an organizer without Teams no online meeting: isOnlineMeeting false, no join URL', async () => {
    const res = await g('POST', `/users/${EXAMINER2}/events`, meeting());
    expect(res.status).toBe(201);
    expect(res.body.isOnlineMeeting).toBe(false);
    expect(res.body.onlineMeeting ?? null).toBeNull();
    const calendar = await g('GET', `/users/${EXAMINER2}/calendar`);
    expect(calendar.body.allowedOnlineMeetingProviders).toEqual([]);
    const licensed = await g(
      'POST',
      `/users/${EXAMINER}/events`,
      meeting({ subject: 'Annat möte' }),
    );
    expect(licensed.body.isOnlineMeeting).toBe(true);
    expect(licensed.body.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
  });

  it('returns the first event for a retried transactionId and refuses it for a different event', async () => {
    const first = await g(
      'POST',
      `/users/${EXAMINER}/events`,
      meeting({ transactionId: 'tx-visit-1' }),
    );
    const retry = await g(
      'POST',
      `/users/${EXAMINER}/events`,
      meeting({ transactionId: 'tx-visit-1' }),
    );
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const other = await g(
      'POST',
      `/users/${EXAMINER}/events`,
      meeting({
        transactionId: 'tx-visit-1',
        start: { dateTime: '2026-09-16T09:00:00', timeZone: 'W. Europe Standard Time' },
        end: { dateTime: '2026-09-16T11:00:00', timeZone: 'W. Europe Standard Time' },
      }),
    );
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('ErrorDuplicateTransactionId');
  });

  it('asks everyone again when the organizer moves the meeting, also an attendee who had declined', async () => {
    const made = await g(
      'POST',
      `/users/${EXAMINER}/events`,
      meeting({ subject: 'Flyttas', isOnlineMeeting: false }),
    );
    const copy = await g(
      'GET',
      `/users/${MANAGER}/calendarView?startDateTime=2026-09-15T00:00:00Z&endDateTime=2026-09-16T00:00:00Z`,
    );
    const mine = copy.body.value.find((e: { subject: string }) => e.subject === 'Flyttas');
    expect((await g('POST', `/users/${MANAGER}/events/${mine.id}/decline`, {})).status).toBe(202);
    const declined = await g('GET', `/users/${EXAMINER}/events/${made.body.id}`);
    expect(declined.body.attendees[0].status.response).toBe('declined');

    await g('PATCH', `/users/${EXAMINER}/events/${made.body.id}`, {
      start: { dateTime: '2026-09-17T13:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-09-17T15:00:00', timeZone: 'W. Europe Standard Time' },
    });
    const organizer = await g('GET', `/users/${EXAMINER}/events/${made.body.id}`);
    expect(organizer.body.attendees[0].status.response).toBe('none');
    const back = await g(
      'GET',
      `/users/${MANAGER}/calendarView?startDateTime=2026-09-17T00:00:00Z&endDateTime=2026-09-18T00:00:00Z`,
    );
    expect(back.body.value.find((e: { subject: string }) => e.subject === 'Flyttas')).toMatchObject(
      {
        responseStatus: { response: 'notResponded' },
      },
    );
  });
});
