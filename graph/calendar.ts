// Calendar events in a user's calendar (app-only): create with attendees and a Teams meeting,
// idempotent by transactionId; update; cancel with a comment; attendee responses; calendarView.
import type {
  Attendee,
  DateTimeTimeZone,
  Event,
  ItemBody,
  Location,
} from '@microsoft/microsoft-graph-types';
import { collect, userPath, type Graph } from './client.js';

/** Windows time zone name Graph uses for Europe/Stockholm. */
export const STOCKHOLM_WINDOWS_TZ = 'W. Europe Standard Time';

export const EVENT_SELECT = [
  'id',
  'subject',
  'start',
  'end',
  'location',
  'attendees',
  'organizer',
  'isOnlineMeeting',
  'onlineMeeting',
  'onlineMeetingProvider',
  'isCancelled',
  'showAs',
  'transactionId',
  'webLink',
  'bodyPreview',
  'categories',
  'responseStatus',
] as const;

export interface EventAttendee {
  address: string;
  name?: string;
  type?: 'required' | 'optional' | 'resource';
}

export interface NewEvent {
  subject: string;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  attendees: EventAttendee[];
  /** HTML body of the invitation. */
  html?: string;
  location?: string | Location;
  /** Adds a Teams meeting (join URL in onlineMeeting.joinUrl). */
  teamsMeeting?: boolean;
  /** Client-generated id: retrying the same create returns the same event instead of a second one. */
  transactionId?: string;
  categories?: string[];
  /** Default: Stockholm time in responses. */
  timeZone?: string;
}

const tzPrefer = (tz?: string) => [`outlook.timezone="${tz ?? STOCKHOLM_WINDOWS_TZ}"`];

const toAttendees = (list: EventAttendee[]): Attendee[] =>
  list.map((a) => ({
    emailAddress: { address: a.address, ...(a.name ? { name: a.name } : {}) },
    type: a.type ?? 'required',
  }));

const toLocation = (l: string | Location | undefined): Location | undefined =>
  l === undefined ? undefined : typeof l === 'string' ? { displayName: l } : l;

export async function createEvent(graph: Graph, organizer: string, e: NewEvent): Promise<Event> {
  const body: Event = {
    subject: e.subject,
    start: e.start,
    end: e.end,
    attendees: toAttendees(e.attendees),
    ...(e.html !== undefined ? { body: { contentType: 'html', content: e.html } as ItemBody } : {}),
    ...(e.location !== undefined ? { location: toLocation(e.location) } : {}),
    ...(e.teamsMeeting ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
    ...(e.transactionId ? { transactionId: e.transactionId } : {}),
    ...(e.categories ? { categories: e.categories } : {}),
  };
  return graph.json<Event>({
    method: 'POST',
    path: `${userPath(organizer)}/events`,
    body,
    prefer: tzPrefer(e.timeZone),
  });
}

export type EventPatch = Partial<Omit<NewEvent, 'transactionId'>>;

export async function updateEvent(
  graph: Graph,
  organizer: string,
  eventId: string,
  patch: EventPatch,
): Promise<Event> {
  const body: Event = {};
  if (patch.subject !== undefined) body.subject = patch.subject;
  if (patch.start) body.start = patch.start;
  if (patch.end) body.end = patch.end;
  if (patch.attendees) body.attendees = toAttendees(patch.attendees);
  if (patch.html !== undefined) body.body = { contentType: 'html', content: patch.html };
  if (patch.location !== undefined) body.location = toLocation(patch.location);
  if (patch.categories) body.categories = patch.categories;
  if (patch.teamsMeeting !== undefined) {
    body.isOnlineMeeting = patch.teamsMeeting;
    if (patch.teamsMeeting) body.onlineMeetingProvider = 'teamsForBusiness';
  }
  return graph.json<Event>({
    method: 'PATCH',
    path: `${userPath(organizer)}/events/${encodeURIComponent(eventId)}`,
    body,
    prefer: tzPrefer(patch.timeZone),
  });
}

export async function getEvent(
  graph: Graph,
  user: string,
  eventId: string,
  timeZone?: string,
): Promise<Event> {
  return graph.json<Event>({
    path: `${userPath(user)}/events/${encodeURIComponent(eventId)}`,
    query: { $select: [...EVENT_SELECT] },
    prefer: tzPrefer(timeZone),
  });
}

/** Organizer cancels: attendees get a cancellation with the comment. */
export async function cancelEvent(
  graph: Graph,
  organizer: string,
  eventId: string,
  comment?: string,
): Promise<void> {
  await graph.json<void>({
    method: 'POST',
    path: `${userPath(organizer)}/events/${encodeURIComponent(eventId)}/cancel`,
    body: comment ? { comment } : {},
  });
}

export interface AttendeeResponse {
  address: string;
  name?: string;
  type: string;
  /** none | organizer | tentativelyAccepted | accepted | declined | notResponded */
  response: string;
  time?: string;
}

/** Attendee responses as they appear on the organizer's copy. */
export async function getEventResponses(
  graph: Graph,
  organizer: string,
  eventId: string,
): Promise<AttendeeResponse[]> {
  const e = await graph.json<Event>({
    path: `${userPath(organizer)}/events/${encodeURIComponent(eventId)}`,
    query: { $select: ['id', 'attendees'] },
  });
  return (e.attendees ?? []).map((a) => ({
    address: a.emailAddress?.address ?? '',
    ...(a.emailAddress?.name ? { name: a.emailAddress.name } : {}),
    type: a.type ?? 'required',
    response: a.status?.response ?? 'none',
    ...(a.status?.time ? { time: a.status.time } : {}),
  }));
}

/** Events (occurrences expanded) overlapping [start, end), ISO instants. */
export async function calendarView(
  graph: Graph,
  user: string,
  startDateTime: string,
  endDateTime: string,
  o: { select?: readonly string[]; timeZone?: string; pageSize?: number } = {},
): Promise<Event[]> {
  return collect<Event>(graph, {
    path: `${userPath(user)}/calendarView`,
    query: {
      startDateTime,
      endDateTime,
      $select: [...(o.select ?? EVENT_SELECT)],
      $top: o.pageSize ?? 100,
    },
    prefer: tzPrefer(o.timeZone),
  });
}
