// How stored events look on the wire (event JSON with dateTimeTimeZone in the Prefer'd zone), and
// parsing of event input bodies.
import type * as MG from '@microsoft/microsoft-graph-types';
import { badRequest } from '../errors.js';
import type { GraphRequest } from '../router.js';
import type { EventFields, EventRec } from '../state/model.js';
import { formatDtz, parseDtz, toIana } from '../timezones.js';
import { htmlToText } from './mail-shape.js';

export function outputZone(req: GraphRequest): string {
  const tz = req.prefer.timeZone;
  if (!tz) return 'UTC';
  toIana(tz); // validates
  return tz;
}

export function eventJson(rec: EventRec, req: GraphRequest): Record<string, unknown> {
  const f = rec.fields;
  const zone = outputZone(req);
  const body = f.body ?? { contentType: 'html', content: '' };
  return {
    '@odata.etag': `W/"${rec.changeKey}"`,
    id: rec.id,
    createdDateTime: rec.createdDateTime,
    lastModifiedDateTime: rec.lastModifiedDateTime,
    changeKey: rec.changeKey,
    categories: f.categories ?? [],
    transactionId: f.transactionId ?? null,
    originalStartTimeZone: rec.startTimeZone,
    originalEndTimeZone: rec.endTimeZone,
    iCalUId: f.iCalUId ?? rec.id,
    uid: f.iCalUId ?? rec.id,
    reminderMinutesBeforeStart: f.reminderMinutesBeforeStart ?? 15,
    isReminderOn: f.isReminderOn ?? true,
    hasAttachments: false,
    subject: f.subject ?? '',
    bodyPreview:
      f.bodyPreview ??
      (body.contentType === 'html' ? htmlToText(body.content ?? '') : (body.content ?? '')).slice(
        0,
        255,
      ),
    importance: f.importance ?? 'normal',
    sensitivity: f.sensitivity ?? 'normal',
    isAllDay: f.isAllDay ?? false,
    isCancelled: f.isCancelled ?? false,
    isOrganizer: f.isOrganizer ?? true,
    responseRequested: f.responseRequested ?? true,
    seriesMasterId: f.seriesMasterId ?? null,
    showAs: f.showAs ?? 'busy',
    type: f.type ?? 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(rec.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: f.isOnlineMeeting ?? false,
    onlineMeetingProvider: f.onlineMeetingProvider ?? 'unknown',
    allowNewTimeProposals: f.allowNewTimeProposals ?? true,
    isDraft: false,
    hideAttendees: f.hideAttendees ?? false,
    responseStatus: f.responseStatus ?? { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body,
    start: formatDtz(rec.startMs, zone),
    end: formatDtz(rec.endMs, zone),
    location: f.location ?? {
      displayName: '',
      locationType: 'default',
      uniqueIdType: 'unknown',
      address: {},
      coordinates: {},
    },
    locations: f.locations ?? (f.location?.displayName ? [f.location] : []),
    recurrence: f.recurrence ?? null,
    attendees: f.attendees ?? [],
    organizer: f.organizer ?? null,
    onlineMeeting: f.onlineMeeting ?? null,
  };
}

const WRITABLE = [
  'subject',
  'body',
  'location',
  'locations',
  'attendees',
  'categories',
  'importance',
  'sensitivity',
  'showAs',
  'isAllDay',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'responseRequested',
  'hideAttendees',
  'transactionId',
  'recurrence',
] as const;

export interface EventInput {
  fields: Partial<EventFields>;
  startMs?: number;
  endMs?: number;
  startTimeZone?: string;
  endTimeZone?: string;
}

export function eventInput(body: Record<string, unknown>): EventInput {
  const out: EventInput = { fields: {} };
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('@odata')) continue;
    if (k === 'start' || k === 'end') {
      const dtz = v as MG.DateTimeTimeZone;
      const ms = parseDtz(dtz as never, k);
      if (k === 'start') {
        out.startMs = ms;
        out.startTimeZone = dtz.timeZone ?? 'UTC';
      } else {
        out.endMs = ms;
        out.endTimeZone = dtz.timeZone ?? 'UTC';
      }
      continue;
    }
    const key = WRITABLE.find((w) => w.toLowerCase() === k.toLowerCase());
    if (!key) {
      if (['id', 'organizer', 'iCalUId', 'type', 'isOrganizer', 'responseStatus'].includes(k))
        continue;
      throw badRequest(
        `Could not find a property named '${k}' on type 'microsoft.graph.event'.`,
        'RequestBodyRead',
      );
    }
    if (key === 'attendees') {
      if (!Array.isArray(v))
        throw badRequest("Invalid value for property 'attendees'.", 'RequestBodyRead');
      (out.fields as Record<string, unknown>).attendees = (v as MG.Attendee[]).map((a) => {
        if (!a?.emailAddress?.address)
          throw badRequest('Every attendee needs an emailAddress.address.', 'ErrorInvalidRequest');
        return {
          type: a.type ?? 'required',
          status: { response: 'none', time: '0001-01-01T00:00:00Z' },
          emailAddress: {
            name: a.emailAddress.name ?? a.emailAddress.address,
            address: a.emailAddress.address,
          },
        };
      });
      continue;
    }
    (out.fields as Record<string, unknown>)[key] = v;
  }
  return out;
}
