import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../graph/client.js';
import { FakeTransport, jsonResponse } from '../../graph/fake-transport.js';
import { fetchSchedules } from './schedule.js';

function setup() {
  const t = new FakeTransport();
  const graph = createGraphClient({
    baseUrl: 'https://graph.microsoft.com/v1.0',
    tokenProvider: async () => 't',
    fetch: t.fetch,
  });
  return { t, graph };
}

describe('fetchSchedules', () => {
  it('asks for everyone in ceil(people ÷ 20) calls per window and reads items as instants, with working hours and errors', async () => {
    const { t, graph } = setup();
    t.on('POST', '/users/shared/calendar/getSchedule', (r) => {
      const b = r.body as { schedules: string[]; startTime: { timeZone: string } };
      expect(b.startTime.timeZone).toBe('UTC');
      return jsonResponse(200, {
        value: b.schedules.map((s) =>
          s === 'extern@example.org'
            ? { scheduleId: s, error: { responseCode: 'ErrorInvalidUser', message: 'invalid' } }
            : {
                scheduleId: s,
                availabilityView: '0',
                scheduleItems: [
                  {
                    isPrivate: true,
                    status: 'busy',
                    subject: '',
                    start: { dateTime: '2026-10-26T08:00:00.0000000', timeZone: 'UTC' },
                    end: { dateTime: '2026-10-26T10:00:00.0000000', timeZone: 'UTC' },
                  },
                  {
                    status: 'free',
                    start: { dateTime: '2026-10-27T08:00:00.0000000', timeZone: 'UTC' },
                    end: { dateTime: '2026-10-27T10:00:00.0000000', timeZone: 'UTC' },
                  },
                ],
                workingHours: {
                  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday'],
                  startTime: '08:30:00.0000000',
                  endTime: '15:30:00.0000000',
                  timeZone: { name: 'W. Europe Standard Time' },
                },
              },
        ),
      });
    });
    const addresses = [
      ...Array.from({ length: 44 }, (_, i) => `examinator${i}@stockholm.example`),
      'extern@example.org',
    ];
    // The feedback window: 75 days, so two windows under 62 days.
    const schedules = await fetchSchedules(graph, {
      asUser: 'shared',
      addresses,
      from: '2026-11-30T00:00:00+01:00',
      to: '2027-02-13T00:00:00+01:00',
    });
    expect(t.calls).toHaveLength(Math.ceil(45 / 20) * 2);
    const one = schedules.get('examinator3@stockholm.example')!;
    // A private item is still busy; a free one is no obstacle; Monday 26 October is winter time.
    expect(one.busy).toEqual([
      { start: '2026-10-26T08:00:00.000Z', end: '2026-10-26T10:00:00.000Z', status: 'busy' },
    ]);
    expect(Date.parse(one.busy[0]!.start)).toBe(Date.parse('2026-10-26T09:00:00+01:00'));
    expect(one.workingHours).toEqual({
      daysOfWeek: [1, 2, 3, 4],
      start: '08:30',
      end: '15:30',
      zone: 'Europe/Stockholm',
    });
    expect(schedules.get('extern@example.org')?.error).toBe('ErrorInvalidUser');
  });
});
