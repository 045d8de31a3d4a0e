// POST /users/{id}/calendar/getSchedule: free/busy for up to 20 schedules over a window under 62
// days, with scheduleItems and an availabilityView string per availabilityViewInterval (5–1440 min).
import { PERMS } from '../auth/guard.js';
import { badRequest } from '../errors.js';
import { metadataContext } from '../odata.js';
import type { GraphRequest, Router } from '../router.js';
import { formatDtz, parseDtz, toIana } from '../timezones.js';
import { jsonBody, mailboxFor, type Services } from './common.js';

const CODE: Record<string, string> = {
  free: '0',
  workingElsewhere: '0',
  tentative: '1',
  busy: '2',
  oof: '3',
};
const DAY_MS = 86_400_000;

export function registerSchedule(r: Router, s: Services): void {
  const handler = (req: GraphRequest, p: Record<string, string>) => {
    mailboxFor(s, req, p.u!, 'calendar', PERMS.calRead);
    const b = jsonBody(req);
    const get = (name: string) =>
      b[Object.keys(b).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name];
    const schedules = get('schedules');
    if (
      !Array.isArray(schedules) ||
      schedules.length === 0 ||
      schedules.some((x) => typeof x !== 'string')
    )
      throw badRequest(
        "The parameter 'Schedules' is required and must list SMTP addresses.",
        'ErrorInvalidParameter',
      );
    if (schedules.length > 20)
      throw badRequest(
        `The number of schedules requested (${schedules.length}) exceeds the maximum of 20 per request.`,
        'ErrorInvalidParameter',
      );
    const startTime = get('startTime') as never;
    const endTime = get('endTime') as never;
    const start = parseDtz(startTime, 'startTime');
    const end = parseDtz(endTime, 'endTime');
    if (end <= start)
      throw badRequest('The end time must be after the start time.', 'ErrorInvalidParameter');
    if (end - start >= 62 * DAY_MS)
      throw badRequest(
        'The requested time window is too large: it must be less than 62 days.',
        'ErrorTimeIntervalTooBig',
      );
    const intervalRaw = get('availabilityViewInterval');
    const interval = intervalRaw === undefined || intervalRaw === null ? 30 : Number(intervalRaw);
    if (!Number.isInteger(interval) || interval < 5 || interval > 1440)
      throw badRequest(
        'availabilityViewInterval must be between 5 and 1440 minutes.',
        'ErrorInvalidParameter',
      );
    const zone = req.prefer.timeZone ?? 'UTC';
    toIana(zone);
    const slots = Math.ceil((end - start) / (interval * 60_000));
    const value = (schedules as string[]).map((address) => {
      const user = s.store.findUser(address);
      if (!user)
        return {
          scheduleId: address,
          availabilityView: '',
          scheduleItems: [],
          error: {
            message: `The requested user '${address}' is invalid.`,
            responseCode: 'ErrorInvalidUser',
          },
        };
      const mb = s.store.mailbox(user.id!);
      const items = Object.values(mb.events)
        .filter(
          (e) =>
            !e.fields.isCancelled &&
            e.startMs < end &&
            e.endMs > start &&
            (e.fields.showAs ?? 'busy') !== 'free',
        )
        .sort((a, b) => a.startMs - b.startMs);
      let view = '';
      for (let i = 0; i < slots; i++) {
        const s0 = start + i * interval * 60_000;
        const s1 = s0 + interval * 60_000;
        let best = '0';
        for (const e of items) {
          if (e.startMs < s1 && e.endMs > s0) {
            const c = CODE[e.fields.showAs ?? 'busy'] ?? '2';
            if (c > best) best = c;
          }
        }
        view += best;
      }
      return {
        scheduleId: address,
        availabilityView: view,
        scheduleItems: items.map((e) => ({
          isPrivate: e.fields.sensitivity === 'private',
          status: e.fields.showAs ?? 'busy',
          subject: e.fields.sensitivity === 'private' ? '' : (e.fields.subject ?? ''),
          location: e.fields.location?.displayName ?? '',
          isMeeting: (e.fields.attendees ?? []).length > 0,
          isRecurring: false,
          isException: false,
          isReminderSet: e.fields.isReminderOn ?? true,
          start: formatDtz(e.startMs, zone),
          end: formatDtz(e.endMs, zone),
        })),
        // Each person's own working hours, from their mailbox settings ("the days of the week and
        // hours in a specific time zone that the user works", learn.microsoft.com/graph/api/resources/
        // scheduleinformation and mailboxsettings); Outlook's default when none are set.
        workingHours: user.mailboxSettings?.workingHours ?? {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '17:00:00.0000000',
          timeZone: { name: 'W. Europe Standard Time' },
        },
      };
    });
    return {
      status: 200,
      body: {
        '@odata.context': metadataContext(req, 'Collection(microsoft.graph.scheduleInformation)'),
        value,
      },
    };
  };
  r.post('/users/:u/calendar/getSchedule', 'getSchedule', handler);
}
