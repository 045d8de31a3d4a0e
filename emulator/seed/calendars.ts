// Realistically busy Outlook calendars for September of the cycle year to February the next year:
// weekly meetings, ad-hoc meetings, courses, sick days and Christmas/autumn/winter holidays for examiners
// and unit managers, the site visits booked by hand (in every attendee's calendar; each team's last
// unit left unbooked), the ceremony invitation,
// and the shared mailbox's own events (info meetings, jury, ceremony). Times in W. Europe Standard Time.
import type * as MG from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import { prng, stableToken, type Prng } from './ids.js';
import type { Addr } from './message.js';
import { SHARED_MAILBOX, TIME_ZONE } from './people.js';
import { addressLine, type SeedUnit } from './units.js';

const ZONE = 'Europe/Stockholm';

export interface CalendarContext {
  year: number;
  /** Nothing is created or modified after this instant (the demo's "now"). */
  now: string;
  examiners: Addr[];
  managers: Array<{ addr: Addr; unit: SeedUnit }>;
  teams: Array<{ name: string; leader: Addr; members: Addr[]; units: SeedUnit[] }>;
  ceremonyDate: string;
  juryDate: string;
  infoMeetings: Array<{ start: string; end: string; place: string }>;
}

interface EventSpec {
  key: string;
  subject: string;
  /** Local Stockholm times "2026-09-14T09:00:00"; for all-day events the first day and the day after the last. */
  start: string;
  end: string;
  allDay?: boolean;
  showAs?: MG.FreeBusyStatus;
  location?: string;
  body?: string;
  organizer: Addr;
  attendees?: Addr[];
  online?: boolean;
  sensitivity?: MG.Sensitivity;
  categories?: string[];
}

function graphDateTime(local: string): MG.DateTimeTimeZone {
  return { dateTime: `${local.slice(0, 19)}.0000000`, timeZone: TIME_ZONE };
}

function buildEvents(spec: EventSpec, now: string, random: Prng): Record<string, MG.Event> {
  const nowDt = DateTime.fromISO(now);
  const startDt = DateTime.fromISO(spec.start, { zone: ZONE });
  const created = DateTime.min(
    startDt.minus({ days: random.int(3, 40), hours: random.int(0, 8) }),
    nowDt.minus({ days: 1 }),
  )
    .toUTC()
    .toISO({ suppressMilliseconds: true })!;
  const iCalUId = `040000008200E00074C5B7101A82E00800000000${stableToken(24, 'ical', spec.key).replace(/[-_]/g, '0')}`;
  const joinUrl = spec.online
    ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${stableToken(32, 'meeting', spec.key)}%40thread.v2/0`
    : undefined;
  const attendees = spec.attendees ?? [];
  const copies: Record<string, MG.Event> = {};
  const owners = [spec.organizer, ...attendees.filter((a) => a.address !== spec.organizer.address)];
  for (const owner of owners) {
    const isOrganizer = owner.address === spec.organizer.address;
    const event: MG.Event = {
      id: `AAMkADc3${stableToken(56, 'event', spec.key, owner.address)}AAA=`,
      iCalUId,
      createdDateTime: created,
      lastModifiedDateTime: created,
      changeKey: stableToken(20, 'ck', spec.key, owner.address),
      categories: spec.categories ?? [],
      subject: spec.subject,
      bodyPreview: (spec.body ?? '').replace(/\s+/g, ' ').trim().slice(0, 255),
      body: { contentType: 'text', content: spec.body ?? '' },
      importance: 'normal',
      sensitivity: spec.sensitivity ?? 'normal',
      isAllDay: spec.allDay ?? false,
      isCancelled: false,
      isOrganizer,
      isReminderOn: !spec.allDay,
      reminderMinutesBeforeStart: spec.allDay ? 1080 : 15,
      responseRequested: attendees.length > 0,
      showAs: spec.showAs ?? 'busy',
      type: 'singleInstance',
      seriesMasterId: null,
      hasAttachments: false,
      start: graphDateTime(spec.start),
      end: graphDateTime(spec.end),
      location: { displayName: spec.location ?? '', locationType: 'default' },
      locations: spec.location ? [{ displayName: spec.location, locationType: 'default' }] : [],
      organizer: { emailAddress: { name: spec.organizer.name, address: spec.organizer.address } },
      attendees: attendees.map((a) => ({
        type: 'required',
        emailAddress: { name: a.name, address: a.address },
        status: {
          response: a.address === spec.organizer.address ? 'none' : 'accepted',
          time: created,
        },
      })),
      responseStatus: isOrganizer
        ? { response: 'organizer', time: '0001-01-01T00:00:00Z' }
        : { response: 'accepted', time: created },
      isOnlineMeeting: Boolean(joinUrl),
      onlineMeetingProvider: joinUrl ? 'teamsForBusiness' : 'unknown',
      allowNewTimeProposals: true,
    };
    if (joinUrl) event.onlineMeeting = { joinUrl };
    copies[owner.address] = event;
  }
  return copies;
}

/** Swedish public holidays and the eves treated as holidays, in the window (local dates). */
function holidays(year: number): Set<string> {
  return new Set([
    `${year}-12-24`,
    `${year}-12-25`,
    `${year}-12-26`,
    `${year}-12-31`,
    `${year + 1}-01-01`,
    `${year + 1}-01-06`,
  ]);
}

const EXAMINER_MEETINGS = [
  'Avstämning budget',
  'Projektmöte digitalisering',
  'Arbetsgrupp verksamhetsplan',
  'Samverkansmöte',
  'Möte med controller',
  'Workshop processkartläggning',
  'Rekryteringsintervju',
  'Referensgrupp',
  'Lunch med Karin',
  'Förberedelse nämndärende',
  'Uppföljningsmöte',
  'Dragning för ledningsgruppen',
];
const MANAGER_MEETINGS = [
  'Arbetsplatsträff',
  'Medarbetarsamtal',
  'Möte med avdelningschef',
  'Samverkansgrupp',
  'Budgetuppföljning',
  'Föräldramöte',
  'Nätverksträff chefer',
  'Brandövning',
  'Introduktion ny medarbetare',
  'Möte med fackliga företrädare',
  'Studiebesök',
  'Verksamhetsbesök',
];

interface Slot {
  start: DateTime;
  end: DateTime;
}

/** Builds every calendar; returns events per mailbox address. */
export function buildCalendars(ctx: CalendarContext): Record<string, MG.Event[]> {
  const random = prng(`calendars|${ctx.year}`);
  const out: Record<string, MG.Event[]> = {};
  const busy: Record<string, Slot[]> = {};
  const put = (spec: EventSpec) => {
    for (const [address, event] of Object.entries(buildEvents(spec, ctx.now, random))) {
      (out[address] ??= []).push(event);
      if (!spec.allDay) {
        (busy[address] ??= []).push({
          start: DateTime.fromISO(spec.start, { zone: ZONE }),
          end: DateTime.fromISO(spec.end, { zone: ZONE }),
        });
      }
    }
  };
  const free = (address: string, start: DateTime, end: DateTime) =>
    !(busy[address] ?? []).some((s) => s.start < end && start < s.end);
  const local = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  const shared: Addr = { name: 'Kvalitetsutmärkelsen', address: SHARED_MAILBOX };

  // Shared mailbox: info meetings, jury, ceremony (with every examiner and participating manager).
  ctx.infoMeetings.forEach((m, i) =>
    put({
      key: `info-${ctx.year}-${i}`,
      subject: `Informationsmöte Kvalitetsutmärkelsen ${ctx.year}`,
      start: DateTime.fromISO(m.start).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
      end: DateTime.fromISO(m.end).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
      location: m.place,
      online: m.place === 'Teams',
      organizer: shared,
      body: 'Information om hur det går till att delta i Stockholms stads kvalitetsutmärkelse.',
    }),
  );
  put({
    key: `jury-${ctx.year}`,
    subject: `Juryns sammanträde Kvalitetsutmärkelsen ${ctx.year}`,
    start: `${ctx.juryDate}T13:00:00`,
    end: `${ctx.juryDate}T16:00:00`,
    location: 'Stadshuset, Rådssalen',
    organizer: shared,
  });
  put({
    key: `calibration-${ctx.year}`,
    subject: 'Kalibreringsmöte examinatorslagen',
    start: `${ctx.year}-10-28T09:00:00`,
    end: `${ctx.year}-10-28T12:00:00`,
    location: 'Stadshuset, Ragnar Östbergs plan 1',
    organizer: shared,
    attendees: ctx.teams.map((t) => t.leader),
  });
  put({
    key: `kickoff-${ctx.year}`,
    subject: `Uppstart examinatorer ${ctx.year}`,
    start: `${ctx.year}-09-01T13:00:00`,
    end: `${ctx.year}-09-01T16:30:00`,
    location: 'Stadshuset, Ragnar Östbergs plan 1',
    organizer: shared,
    attendees: ctx.examiners,
  });
  put({
    key: `ceremony-${ctx.year}`,
    subject: `Prisutdelning Kvalitetsutmärkelsen ${ctx.year}`,
    start: `${ctx.ceremonyDate}T16:00:00`,
    end: `${ctx.ceremonyDate}T19:30:00`,
    location: 'Stadshuset, Blå hallen',
    organizer: shared,
    attendees: [
      ...ctx.examiners,
      ...ctx.teams.flatMap((t) =>
        t.units.map((u) => ({ name: u.managerName, address: u.managerEmail })),
      ),
    ],
    body: 'Välkommen till prisutdelningen! Mingel från kl. 16.00, ceremonin börjar kl. 16.30.',
  });

  // Site visits already held in the site-visit window, one per examined unit, with the whole team.
  ctx.teams.forEach((team, t) => {
    team.units.forEach((unit, i) => {
      const day = DateTime.fromISO(`${ctx.year}-09-14`, { zone: ZONE }).plus({
        days: t + i * 7 + (i % 2) * 2,
      });
      const weekday = day.weekday > 5 ? day.plus({ days: 8 - day.weekday }) : day;
      const digital = (t + i) % 4 === 3;
      // Each team's last unit (of two or more) is left unbooked, for the app to book.
      const unbooked = i > 0 && i === team.units.length - 1;
      if (!unbooked)
        put({
          key: `sitevisit-${ctx.year}-${unit.key}`,
          subject: `Platsbesök Kvalitetsutmärkelsen: ${unit.name}`,
          start: local(weekday.set({ hour: 9 })),
          end: local(weekday.set({ hour: 12 })),
          location: digital
            ? 'Microsoft Teams-möte'
            : `${unit.name}, ${addressLine(unit.visitingAddress)}`,
          online: digital,
          organizer: team.leader,
          attendees: [
            ...team.members.filter((m) => m.address !== team.leader.address),
            { name: unit.managerName, address: unit.managerEmail },
          ],
          body: `Platsbesök inom Kvalitetsutmärkelsen ${ctx.year}. Ha verksamhetsplan, årsredovisning, kvalitetsgaranti, rutiner för klagomålshantering samt dokumentation av brukardialog och medarbetarenkät tillgängliga.`,
          categories: ['Kvalitetsutmärkelsen'],
        });
      put({
        key: `consensus-${ctx.year}-${unit.key}`,
        subject: `Konsensusmöte: ${unit.name}`,
        start: local(weekday.plus({ days: 7 }).set({ hour: 13 })),
        end: local(weekday.plus({ days: 7 }).set({ hour: 15, minute: 30 })),
        location: 'Microsoft Teams-möte',
        online: true,
        organizer: team.leader,
        attendees: team.members.filter((m) => m.address !== team.leader.address),
      });
    });
  });
  // One feedback visit is already booked; the rest are the app's to book.
  const lastTeam = ctx.teams[ctx.teams.length - 1];
  const firstUnit = lastTeam?.units[0];
  if (lastTeam && firstUnit) {
    put({
      key: `feedback-${ctx.year}-${firstUnit.key}`,
      subject: `Återföringsbesök Kvalitetsutmärkelsen: ${firstUnit.name}`,
      start: `${ctx.year}-12-03T13:00:00`,
      end: `${ctx.year}-12-03T15:00:00`,
      location: `${firstUnit.name}, ${addressLine(firstUnit.visitingAddress)}`,
      organizer: lastTeam.leader,
      attendees: [
        ...lastTeam.members.filter((m) => m.address !== lastTeam.leader.address),
        { name: firstUnit.managerName, address: firstUnit.managerEmail },
      ],
      categories: ['Kvalitetsutmärkelsen'],
    });
  }

  // Everyday calendars.
  const from = DateTime.fromISO(`${ctx.year}-09-01`, { zone: ZONE });
  const to = DateTime.fromISO(`${ctx.year + 1}-03-01`, { zone: ZONE });
  const closed = holidays(ctx.year);
  const people = [
    ...ctx.examiners.map((addr) => ({
      addr,
      pool: EXAMINER_MEETINGS,
      weekly: 'Veckomöte enheten',
      perDay: [0, 1, 1, 2, 2, 3],
    })),
    ...ctx.managers.map(({ addr }) => ({
      addr,
      pool: MANAGER_MEETINGS,
      weekly: 'Ledningsgrupp',
      perDay: [0, 0, 1, 1, 2],
    })),
  ];
  for (const { addr, pool, weekly, perDay } of people) {
    const r = prng(`calendar|${ctx.year}|${addr.address}`);
    const key = (s: string) => `${addr.address}|${s}`;
    // Holidays as all-day out-of-office blocks.
    const christmas = r.pick([
      [`${ctx.year}-12-21`, `${ctx.year + 1}-01-07`],
      [`${ctx.year}-12-23`, `${ctx.year + 1}-01-02`],
      [`${ctx.year}-12-28`, `${ctx.year + 1}-01-09`],
    ] as const);
    const off: Array<[string, string, string]> = [[christmas[0], christmas[1], 'Semester']];
    if (r.chance(0.35)) off.push([`${ctx.year}-10-26`, `${ctx.year}-10-31`, 'Ledig – höstlov']);
    if (r.chance(0.35))
      off.push([`${ctx.year + 1}-02-22`, `${ctx.year + 1}-02-27`, 'Ledig – sportlov']);
    for (const [s, e, subject] of off) {
      put({
        key: key(`off-${s}`),
        subject,
        start: `${s}T00:00:00`,
        end: `${e}T00:00:00`,
        allDay: true,
        showAs: 'oof',
        organizer: addr,
        sensitivity: 'private',
      });
    }
    const isOff = (day: DateTime) =>
      off.some(([s, e]) => day.toISODate()! >= s && day.toISODate()! < e);
    for (let day = from; day < to; day = day.plus({ days: 1 })) {
      const date = day.toISODate()!;
      if (day.weekday > 5 || closed.has(date) || isOff(day)) continue;
      if (r.chance(0.012)) {
        put({
          key: key(`sick-${date}`),
          subject: r.pick(['Sjuk', 'VAB']),
          start: `${date}T00:00:00`,
          end: `${day.plus({ days: 1 }).toISODate()}T00:00:00`,
          allDay: true,
          showAs: 'oof',
          organizer: addr,
        });
        continue;
      }
      if (r.chance(0.015)) {
        put({
          key: key(`course-${date}`),
          subject: r.pick([
            'Utbildning: Arbetsmiljö för chefer',
            'Kurs: Tillitsbaserat ledarskap',
            'Konferens: Kvalitetsdagen',
          ]),
          start: `${date}T08:30:00`,
          end: `${date}T16:30:00`,
          showAs: 'busy',
          location: 'Stadshuset',
          organizer: addr,
        });
        continue;
      }
      if (day.weekday === 1) {
        const s = day.set({ hour: 9 });
        if (free(addr.address, s, s.plus({ hours: 1 }))) {
          put({
            key: key(`weekly-${date}`),
            subject: weekly,
            start: local(s),
            end: local(s.plus({ hours: 1 })),
            location: 'Microsoft Teams-möte',
            online: true,
            organizer: addr,
          });
        }
      }
      const meetings = r.pick(perDay);
      for (let m = 0; m < meetings; m++) {
        for (let attempt = 0; attempt < 4; attempt++) {
          const s = day.set({ hour: r.int(8, 15), minute: r.pick([0, 30]) });
          const e = s.plus({ minutes: r.pick([30, 60, 60, 90, 120]) });
          if (e.hour > 17 || (e.hour === 17 && e.minute > 0) || !free(addr.address, s, e)) continue;
          put({
            key: key(`meeting-${date}-${m}`),
            subject: r.pick(pool),
            start: local(s),
            end: local(e),
            showAs: r.chance(0.1) ? 'tentative' : 'busy',
            location: r.chance(0.5) ? 'Microsoft Teams-möte' : '',
            online: r.chance(0.4),
            organizer: addr,
          });
          break;
        }
      }
    }
  }
  for (const events of Object.values(out))
    events.sort((a, b) => (a.start?.dateTime ?? '').localeCompare(b.start?.dateTime ?? ''));
  return out;
}
