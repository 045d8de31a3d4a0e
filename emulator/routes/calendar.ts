// Calendar endpoints: events (list, create with invitations to attendees' calendars, transactionId
// idempotency, Teams join URLs, get, update, delete), cancel, attendee responses that update the
// organizer's copy, and calendarView over a time window.
import type * as MG from '@microsoft/microsoft-graph-types';
import { PERMS } from '../auth/guard.js';
import { GraphError, badRequest } from '../errors.js';
import { guid } from '../ids.js';
import { applySelect, collection, metadataContext } from '../odata.js';
import type { GraphRequest, Router } from '../router.js';
import type { EventRec, MailboxRec } from '../state/model.js';
import { isoZ } from '../timezones.js';
import { jsonBody, mailboxFor, type Services } from './common.js';
import { eventInput, eventJson, outputZone } from './event-shape.js';

const NO_TIME = '0001-01-01T00:00:00Z';

function eventOr404(mb: MailboxRec, id: string): EventRec {
  const e = mb.events[id];
  if (!e)
    throw new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  return e;
}

/**
 * Whether the user may organise Teams meetings. A user whose licence has no Teams (Exchange-only
 * plans, e.g. the EU suites sold without Teams) gets isOnlineMeeting false and no join URL back
 * when asking for one: the calendar's allowedOnlineMeetingProviders lacks teamsForBusiness
 * (learn.microsoft.com/graph/api/resources/calendar, allowedOnlineMeetingProviders; resources/event,
 * isOnlineMeeting/onlineMeetingProvider). Seed users without assignedPlans count as licensed.
 */
export function teamsEnabled(user: MG.User): boolean {
  if (!Array.isArray(user.assignedPlans)) return true;
  return user.assignedPlans.some(
    (p) => p.service === 'TeamspaceAPI' && (p.capabilityStatus ?? 'Enabled') === 'Enabled',
  );
}

function joinUrl(): string {
  const id = guid().replace(/-/g, '');
  return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id}%40thread.v2/0?context=%7b%22Tid%22%3a%22emulator%22%7d`;
}

export function registerCalendar(r: Router, s: Services): void {
  const read = (req: GraphRequest, u: string) => mailboxFor(s, req, u, 'calendar', PERMS.calRead);
  const write = (req: GraphRequest, u: string) => mailboxFor(s, req, u, 'calendar', PERMS.calWrite);

  /** Copies of the same meeting in other mailboxes (by iCalUId). */
  const copiesOf = (rec: EventRec, except: string) => {
    const out: Array<{ mb: MailboxRec; ev: EventRec }> = [];
    for (const mb of Object.values(s.store.data.mailboxes)) {
      if (mb.userId === except) continue;
      for (const ev of Object.values(mb.events))
        if (ev.fields.iCalUId === rec.fields.iCalUId) out.push({ mb, ev });
    }
    return out;
  };

  const invite = (organizerMb: MailboxRec, rec: EventRec, attendees: MG.Attendee[]) => {
    const external: string[] = [];
    for (const a of attendees) {
      const addr = a.emailAddress?.address ?? '';
      const user = s.store.findUser(addr);
      if (!user) {
        external.push(addr);
        continue;
      }
      if (user.id === organizerMb.userId) continue;
      const mb = s.store.mailbox(user.id!);
      if (
        Object.values(mb.events).some(
          (e) => e.fields.iCalUId === rec.fields.iCalUId && !e.fields.isCancelled,
        )
      )
        continue;
      s.store.addEvent(mb, {
        startMs: rec.startMs,
        endMs: rec.endMs,
        startTimeZone: rec.startTimeZone,
        endTimeZone: rec.endTimeZone,
        fields: {
          ...structuredClone(rec.fields),
          transactionId: null,
          isOrganizer: false,
          responseRequested: true,
          showAs: 'tentative',
          responseStatus: { response: 'notResponded', time: NO_TIME },
        },
      });
    }
    if (external.length) {
      const organizer = s.store.data.users.find((u) => u.id === organizerMb.userId);
      s.store.data.outbox.push({
        from: organizer?.userPrincipalName ?? '',
        to: external,
        sentAt: s.store.nowIso(),
        message: {
          subject: rec.fields.subject ?? '',
          body: rec.fields.body ?? undefined,
          toRecipients: external.map((a) => ({ emailAddress: { address: a } })),
          from: rec.fields.organizer ?? undefined,
        },
      });
    }
  };

  // ---- list / create ----
  for (const base of ['/users/:u/events', '/users/:u/calendar/events']) {
    r.get(base, 'events.list', (req, p) => {
      const { mb } = read(req, p.u!);
      const list = Object.values(mb.events).sort((a, b) => a.startMs - b.startMs);
      return {
        status: 200,
        body: collection(
          req,
          metadataContext(req, `users('${p.u}')/events`),
          list,
          { defaultPageSize: 10, maxPageSize: 1000 },
          (e) => eventJson(e, req),
        ),
      };
    });
    r.post(base, 'events.create', (req, p) => {
      const { user, mb } = write(req, p.u!);
      const input = eventInput(jsonBody(req));
      if (input.startMs === undefined || input.endMs === undefined)
        throw badRequest('The start and end properties are required.', 'ErrorInvalidRequest');
      if (input.endMs < input.startMs)
        throw badRequest(
          'The end time of the event must not be before its start time.',
          'ErrorInvalidRequest',
        );
      const tx = input.fields.transactionId;
      if (tx) {
        const existing = Object.values(mb.events).find((e) => e.fields.transactionId === tx);
        // A retry of the same create gets the event made the first time; the id reused for a
        // different event is refused (the docs only promise "avoid redundant POST operations":
        // the stricter reading).
        if (
          existing &&
          (existing.startMs !== input.startMs ||
            existing.endMs !== input.endMs ||
            (existing.fields.subject ?? '') !== (input.fields.subject ?? ''))
        )
          throw new GraphError(
            409,
            'ErrorDuplicateTransactionId',
            'An item with the same transaction id already exists.',
          );
        if (existing)
          return {
            status: 201,
            body: {
              '@odata.context': metadataContext(req, `users('${p.u}')/events/$entity`),
              ...eventJson(existing, req),
            },
          };
      }
      const organizer: MG.Recipient = {
        emailAddress: {
          name: user.displayName ?? '',
          address: user.mail ?? user.userPrincipalName ?? '',
        },
      };
      const online = input.fields.isOnlineMeeting === true && teamsEnabled(user);
      const provider = online
        ? (input.fields.onlineMeetingProvider ?? 'teamsForBusiness')
        : (input.fields.onlineMeetingProvider ?? 'unknown');
      const rec = s.store.addEvent(mb, {
        startMs: input.startMs,
        endMs: input.endMs,
        startTimeZone: input.startTimeZone ?? 'UTC',
        endTimeZone: input.endTimeZone ?? 'UTC',
        fields: {
          importance: 'normal',
          sensitivity: 'normal',
          showAs: 'busy',
          type: 'singleInstance',
          isAllDay: false,
          isCancelled: false,
          isReminderOn: true,
          reminderMinutesBeforeStart: 15,
          responseRequested: true,
          attendees: [],
          categories: [],
          body: { contentType: 'html', content: '' },
          ...input.fields,
          isOnlineMeeting: online,
          onlineMeetingProvider: provider,
          onlineMeeting: online && provider === 'teamsForBusiness' ? { joinUrl: joinUrl() } : null,
          isOrganizer: true,
          organizer,
          iCalUId: '040000008200E00074C5B7101A82E008' + guid().replace(/-/g, '').toUpperCase(),
          responseStatus: { response: 'organizer', time: NO_TIME },
        },
      });
      invite(mb, rec, rec.fields.attendees ?? []);
      return {
        status: 201,
        body: {
          '@odata.context': metadataContext(req, `users('${p.u}')/events/$entity`),
          ...eventJson(rec, req),
        },
      };
    });
  }

  // ---- single event ----
  for (const base of ['/users/:u/events/:id', '/users/:u/calendar/events/:id']) {
    r.get(base, 'events.get', (req, p) => {
      const { mb } = read(req, p.u!);
      const rec = eventOr404(mb, p.id!);
      return {
        status: 200,
        body: {
          '@odata.context': metadataContext(req, `users('${p.u}')/events/$entity`),
          ...applySelect(eventJson(rec, req), req.query.get('$select')),
        },
      };
    });
    r.patch(base, 'events.update', (req, p) => {
      const { mb } = write(req, p.u!);
      const rec = eventOr404(mb, p.id!);
      const input = eventInput(jsonBody(req));
      const startMs = input.startMs ?? rec.startMs;
      const endMs = input.endMs ?? rec.endMs;
      if (endMs < startMs)
        throw badRequest(
          'The end time of the event must not be before its start time.',
          'ErrorInvalidRequest',
        );
      const before = new Set(
        (rec.fields.attendees ?? []).map((a) => a.emailAddress?.address?.toLowerCase()),
      );
      // Moving a meeting asks everyone again: Outlook resets the tracked responses and sends the
      // update to every attendee, also to one who had declined (their calendar gets it back).
      const moved =
        rec.fields.isOrganizer === true && (startMs !== rec.startMs || endMs !== rec.endMs);
      rec.startMs = startMs;
      rec.endMs = endMs;
      if (input.startTimeZone) rec.startTimeZone = input.startTimeZone;
      if (input.endTimeZone) rec.endTimeZone = input.endTimeZone;
      const keepStatus = new Map(
        (rec.fields.attendees ?? []).map((a) => [a.emailAddress?.address?.toLowerCase(), a.status]),
      );
      rec.fields = { ...rec.fields, ...input.fields };
      if (input.fields.attendees)
        rec.fields.attendees = input.fields.attendees.map((a) => ({
          ...a,
          status: keepStatus.get(a.emailAddress?.address?.toLowerCase()) ?? a.status,
        }));
      if (moved)
        rec.fields.attendees = (rec.fields.attendees ?? []).map((a) => ({
          ...a,
          status: { response: 'none', time: NO_TIME },
        }));
      const organizerUser = s.store.data.users.find((u) => u.id === mb.userId);
      if (input.fields.isOnlineMeeting === true && organizerUser && !teamsEnabled(organizerUser)) {
        rec.fields.isOnlineMeeting = false;
        rec.fields.onlineMeetingProvider = 'unknown';
      } else if (input.fields.isOnlineMeeting === true && !rec.fields.onlineMeeting) {
        rec.fields.onlineMeetingProvider = input.fields.onlineMeetingProvider ?? 'teamsForBusiness';
        if (rec.fields.onlineMeetingProvider === 'teamsForBusiness')
          rec.fields.onlineMeeting = { joinUrl: joinUrl() };
      }
      s.store.touchEvent(mb, rec);
      if (rec.fields.isOrganizer) {
        const now = new Set(
          (rec.fields.attendees ?? []).map((a) => a.emailAddress?.address?.toLowerCase()),
        );
        for (const { mb: amb, ev } of copiesOf(rec, mb.userId)) {
          const addr = s.store.data.users.find((u) => u.id === amb.userId)?.mail?.toLowerCase();
          if (addr && before.has(addr) && !now.has(addr)) {
            ev.fields = {
              ...ev.fields,
              isCancelled: true,
              subject: `Canceled: ${ev.fields.subject ?? ''}`,
            };
          } else {
            ev.startMs = rec.startMs;
            ev.endMs = rec.endMs;
            ev.startTimeZone = rec.startTimeZone;
            ev.endTimeZone = rec.endTimeZone;
            const {
              subject,
              body,
              location,
              locations,
              attendees,
              isOnlineMeeting,
              onlineMeeting,
              onlineMeetingProvider,
              importance,
              sensitivity,
            } = rec.fields;
            ev.fields = {
              ...ev.fields,
              subject,
              body,
              location,
              locations,
              attendees,
              isOnlineMeeting,
              onlineMeeting,
              onlineMeetingProvider,
              importance,
              sensitivity,
              ...(moved
                ? {
                    responseStatus: { response: 'notResponded', time: NO_TIME },
                    showAs: 'tentative' as const,
                  }
                : {}),
            };
          }
          s.store.touchEvent(amb, ev);
        }
        // New attendees; after a move also those whose copy went with their decline.
        invite(
          mb,
          rec,
          (rec.fields.attendees ?? []).filter(
            (a) => moved || !before.has(a.emailAddress?.address?.toLowerCase()),
          ),
        );
      }
      return {
        status: 200,
        body: {
          '@odata.context': metadataContext(req, `users('${p.u}')/events/$entity`),
          ...eventJson(rec, req),
        },
      };
    });
    r.delete(base, 'events.delete', (req, p) => {
      const { mb } = write(req, p.u!);
      const rec = eventOr404(mb, p.id!);
      if (rec.fields.isOrganizer) cancelCopies(rec, mb, undefined);
      s.store.removeEvent(mb, rec);
      return { status: 204 };
    });
    r.post(`${base}/cancel`, 'events.cancel', (req, p) => {
      const { mb } = write(req, p.u!);
      const rec = eventOr404(mb, p.id!);
      if (!rec.fields.isOrganizer)
        throw badRequest(
          "Your request can't be completed. You need to be an organizer to cancel a meeting.",
          'ErrorAccessDenied',
        );
      const comment = jsonBody(req).comment;
      cancelCopies(rec, mb, typeof comment === 'string' ? comment : undefined);
      s.store.removeEvent(mb, rec);
      return { status: 202 };
    });
    for (const [action, response] of [
      ['accept', 'accepted'],
      ['decline', 'declined'],
      ['tentativelyAccept', 'tentativelyAccepted'],
    ] as const) {
      r.post(`${base}/${action}`, 'events.respond', (req, p) => {
        const { user, mb } = write(req, p.u!);
        const rec = eventOr404(mb, p.id!);
        if (rec.fields.isOrganizer)
          throw badRequest(
            "Your request can't be completed. You can't respond to this meeting because you're the meeting organizer.",
            'ErrorInvalidRequest',
          );
        const time = isoZ(s.clock.now());
        rec.fields.responseStatus = { response, time };
        rec.fields.showAs =
          response === 'tentativelyAccepted'
            ? 'tentative'
            : response === 'declined'
              ? 'free'
              : 'busy';
        const me = (user.mail ?? user.userPrincipalName ?? '').toLowerCase();
        const sendResponse = jsonBody(req).sendResponse !== false;
        for (const { mb: omb, ev } of copiesOf(rec, mb.userId)) {
          if (!ev.fields.isOrganizer || !sendResponse) continue;
          ev.fields.attendees = (ev.fields.attendees ?? []).map((a) =>
            a.emailAddress?.address?.toLowerCase() === me
              ? { ...a, status: { response, time } }
              : a,
          );
          s.store.touchEvent(omb, ev);
        }
        if (response === 'declined') s.store.removeEvent(mb, rec);
        else s.store.touchEvent(mb, rec);
        return { status: 202 };
      });
    }
  }

  const cancelCopies = (rec: EventRec, organizerMb: MailboxRec, comment: string | undefined) => {
    for (const { mb, ev } of copiesOf(rec, organizerMb.userId)) {
      ev.fields = {
        ...ev.fields,
        isCancelled: true,
        subject: `Canceled: ${ev.fields.subject ?? ''}`,
        ...(comment ? { bodyPreview: comment } : {}),
      };
      s.store.touchEvent(mb, ev);
    }
  };

  // ---- calendarView ----
  for (const path of ['/users/:u/calendarView', '/users/:u/calendar/calendarView']) {
    r.get(path, 'calendarView', (req, p) => {
      const { mb } = read(req, p.u!);
      const startRaw = req.query.get('startDateTime') ?? req.query.get('startdatetime');
      const endRaw = req.query.get('endDateTime') ?? req.query.get('enddatetime');
      if (!startRaw || !endRaw)
        throw badRequest(
          'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
          'ErrorInvalidParameter',
        );
      const parse = (v: string) => Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(v) ? v : v + 'Z');
      const start = parse(startRaw);
      const end = parse(endRaw);
      if (Number.isNaN(start) || Number.isNaN(end))
        throw badRequest(
          'The value of the StartDateTime or EndDateTime parameter is not a valid date-time.',
          'ErrorInvalidParameter',
        );
      outputZone(req);
      const list = Object.values(mb.events)
        .filter((e) => e.startMs < end && e.endMs > start)
        .sort((a, b) => a.startMs - b.startMs);
      return {
        status: 200,
        body: collection(
          req,
          metadataContext(req, `users('${p.u}')/calendarView`),
          list,
          { defaultPageSize: 10, maxPageSize: 1000 },
          (e) => eventJson(e, req),
        ),
      };
    });
  }

  r.get('/users/:u/calendar', 'calendar.get', (req, p) => {
    const { user } = read(req, p.u!);
    return {
      status: 200,
      body: {
        '@odata.context': metadataContext(req, `users('${p.u}')/calendars/$entity`),
        id: `cal-${user.id}`,
        name: 'Calendar',
        color: 'auto',
        hexColor: '',
        isDefaultCalendar: true,
        changeKey: 'AAAA',
        canShare: true,
        canViewPrivateItems: true,
        canEdit: true,
        allowedOnlineMeetingProviders: teamsEnabled(user) ? ['teamsForBusiness'] : [],
        defaultOnlineMeetingProvider: teamsEnabled(user) ? 'teamsForBusiness' : 'none',
        isTallyingResponses: true,
        isRemovable: false,
        owner: { name: user.displayName, address: user.mail },
      },
    };
  });
}
