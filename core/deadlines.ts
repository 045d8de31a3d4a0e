// Deadline semantics and a cycle's timeline as dated entries: "17 maj kl. 24.00" is the instant the next
// local day begins in Europe/Stockholm; lateness, time left, the current phase and what comes next.
// Time is always a parameter.
import type { DateTime } from 'luxon';
import { formatDate, formatDeadline, formatTimeRange, formatWindow } from './format.js';
import type { Bilingual, Cycle, IsoInstant, LocalDate } from './model.js';
import { isLocalDate, localDay, toIsoInstant, toStockholm } from './time.js';

/**
 * Every kind of dated step of a cycle. `cycleTimeline` produces all but the two per-visit kinds
 * ('site-visit-documents', 'feedback-visit-booking'), which reminders derive from booked visits.
 */
export type DeadlineKind =
  | 'info-meeting'
  | 'info-meeting-signup'
  | 'pre-registration'
  | 'submission'
  | 'board-protocol'
  | 'site-visit-window'
  | 'site-visit-documents'
  | 'jury'
  | 'ceremony'
  | 'feedback-visit-window'
  | 'feedback-visit-booking';

export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  'info-meeting',
  'info-meeting-signup',
  'pre-registration',
  'submission',
  'board-protocol',
  'site-visit-window',
  'site-visit-documents',
  'jury',
  'ceremony',
  'feedback-visit-window',
  'feedback-visit-booking',
];

/** What someone must do or attend, in words for cards and lists. */
export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, Bilingual>> = {
  'info-meeting': { sv: 'Informationsmöte', en: 'Information meeting' },
  'info-meeting-signup': {
    sv: 'Sista dag att anmäla sig till informationsmöte',
    en: 'Last day to sign up for an information meeting',
  },
  'pre-registration': { sv: 'Sista dag för intresseanmälan', en: 'Last day to pre-register' },
  submission: {
    sv: 'Sista dag att skicka in tävlingsbidraget',
    en: 'Last day to send in the application',
  },
  'board-protocol': {
    sv: 'Sista dag för protokollsutdrag från nämnd eller styrelse',
    en: "Last day for the board's protocol excerpt",
  },
  'site-visit-window': { sv: 'Platsbesök', en: 'Site visits' },
  'site-visit-documents': {
    sv: 'Dokument klara inför platsbesöket',
    en: 'Documents ready for the site visit',
  },
  jury: { sv: 'Domarkommitténs beslut', en: 'Jury decision' },
  ceremony: { sv: 'Prisutdelning', en: 'Prize ceremony' },
  'feedback-visit-window': { sv: 'Återföringsbesök', en: 'Feedback visits' },
  'feedback-visit-booking': { sv: 'Boka återföringsbesök', en: 'Book the feedback visit' },
};

/**
 * 'due': a last day (due at its end, 24.00); 'event': something that happens at a time or on a day;
 * 'window': a span of days.
 */
export type TimelineShape = 'due' | 'event' | 'window';

export interface TimelineEntry {
  /** Stable natural key, e.g. "2027/submission", "2027/info-meeting-signup/im-2027-1"; reminders key on it. */
  id: string;
  year: number;
  kind: DeadlineKind;
  shape: TimelineShape;
  /** When it begins to apply: for 'due' the deadline instant itself; for events and windows their start. */
  start: IsoInstant;
  /** When it is over: the deadline instant, the event's end, or the end of a window's last day. */
  end: IsoInstant;
  /** The local date as written in the instructions (the last day, the event's day, a window's first day). */
  date: LocalDate;
  /** A window's last day. */
  until?: LocalDate;
  /** For info-meeting entries: the meeting they belong to. */
  meetingId?: string;
  label: Bilingual;
  /** The date in words: "måndag 17 maj 2027 kl. 24.00" / "Monday 17 May 2027 at 24:00". */
  when: Bilingual;
}

/** A date or an instant given to the deadline functions: "YYYY-MM-DD" means "that day kl. 24.00". */
export type DeadlineInput = LocalDate | IsoInstant;

/**
 * The instant a deadline date ends: "17 maj kl. 24.00" → 18 May 00:00 Europe/Stockholm. Computed on the
 * calendar, not by adding 24 hours, so a deadline on a daylight-saving day (23 or 25 hours) is right.
 */
export function deadlineInstant(date: LocalDate): IsoInstant {
  return toIsoInstant(endOfLocalDay(date));
}

function endOfLocalDay(date: LocalDate): DateTime {
  return localDay(date).plus({ days: 1 }).startOf('day');
}

function deadlineAsDateTime(deadline: DeadlineInput): DateTime {
  return isLocalDate(deadline) ? endOfLocalDay(deadline) : toStockholm(deadline);
}

/** True when something sent at `sentAt` missed the deadline: sent at or after the deadline instant. */
export function isLate(sentAt: IsoInstant | Date, deadline: DeadlineInput): boolean {
  return toStockholm(sentAt).toMillis() >= deadlineAsDateTime(deadline).toMillis();
}

export interface TimeLeft {
  /** Milliseconds until the deadline; negative once it has passed. */
  ms: number;
  overdue: boolean;
  /** Calendar days, hours and minutes in Stockholm time (a DST day counts as one day), all ≥ 0. */
  days: number;
  hours: number;
  minutes: number;
  /** "3 dagar och 4 timmar kvar" / "3 days and 4 hours left"; "passerades för 2 timmar sedan" / "passed 2 hours ago". */
  text: Bilingual;
}

const UNITS = {
  days: { sv: ['dag', 'dagar'], en: ['day', 'days'] },
  hours: { sv: ['timme', 'timmar'], en: ['hour', 'hours'] },
  minutes: { sv: ['minut', 'minuter'], en: ['minute', 'minutes'] },
} as const;

function amountText(
  parts: { days: number; hours: number; minutes: number },
  locale: 'sv' | 'en',
): string {
  const words = (['days', 'hours', 'minutes'] as const)
    .filter((unit) => parts[unit] > 0)
    .slice(0, 2)
    .map((unit) => `${parts[unit]} ${UNITS[unit][locale][parts[unit] === 1 ? 0 : 1]}`);
  if (words.length === 0) return locale === 'sv' ? 'mindre än en minut' : 'less than a minute';
  return words.join(locale === 'sv' ? ' och ' : ' and ');
}

/** How long until a deadline, in numbers and words (the two largest units). */
export function timeLeft(now: IsoInstant | Date, deadline: DeadlineInput): TimeLeft {
  const at = toStockholm(now);
  const due = deadlineAsDateTime(deadline);
  const ms = due.toMillis() - at.toMillis();
  const overdue = ms <= 0;
  const [early, late] = overdue ? [due, at] : [at, due];
  const diff = late.diff(early, ['days', 'hours', 'minutes']).toObject();
  const parts = {
    days: Math.floor(diff.days ?? 0),
    hours: Math.floor(diff.hours ?? 0),
    minutes: Math.floor(diff.minutes ?? 0),
  };
  const amount = { sv: amountText(parts, 'sv'), en: amountText(parts, 'en') };
  const text = overdue
    ? { sv: `passerades för ${amount.sv} sedan`, en: `passed ${amount.en} ago` }
    : { sv: `${amount.sv} kvar`, en: `${amount.en} left` };
  return { ms, overdue, ...parts, text };
}

function dueEntry(
  cycle: Cycle,
  kind: DeadlineKind,
  date: LocalDate,
  extra: Partial<TimelineEntry> = {},
): TimelineEntry {
  const instant = deadlineInstant(date);
  return {
    id: `${cycle.year}/${kind}`,
    year: cycle.year,
    kind,
    shape: 'due',
    start: instant,
    end: instant,
    date,
    label: DEADLINE_KIND_LABELS[kind],
    when: { sv: formatDeadline(date, 'sv'), en: formatDeadline(date, 'en') },
    ...extra,
  };
}

function dayEntry(
  cycle: Cycle,
  kind: DeadlineKind,
  date: LocalDate,
  label: Bilingual,
): TimelineEntry {
  return {
    id: `${cycle.year}/${kind}`,
    year: cycle.year,
    kind,
    shape: 'event',
    start: toIsoInstant(localDay(date)),
    end: deadlineInstant(date),
    date,
    label,
    when: { sv: formatDate(date, 'sv'), en: formatDate(date, 'en') },
  };
}

function windowEntry(
  cycle: Cycle,
  kind: DeadlineKind,
  from: LocalDate,
  to: LocalDate,
): TimelineEntry {
  return {
    id: `${cycle.year}/${kind}`,
    year: cycle.year,
    kind,
    shape: 'window',
    start: toIsoInstant(localDay(from)),
    end: deadlineInstant(to),
    date: from,
    until: to,
    label: DEADLINE_KIND_LABELS[kind],
    when: { sv: formatWindow({ from, to }, 'sv'), en: formatWindow({ from, to }, 'en') },
  };
}

/** Every dated step of a cycle, ordered by when it is over (then by start). */
export function cycleTimeline(cycle: Cycle): TimelineEntry[] {
  const t = cycle.timeline;
  const entries: TimelineEntry[] = [];
  for (const meeting of t.infoMeetings) {
    const range = {
      sv: formatTimeRange(meeting.start, meeting.end, 'sv'),
      en: formatTimeRange(meeting.start, meeting.end, 'en'),
    };
    entries.push({
      id: `${cycle.year}/info-meeting/${meeting.id}`,
      year: cycle.year,
      kind: 'info-meeting',
      shape: 'event',
      start: toIsoInstant(toStockholm(meeting.start)),
      end: toIsoInstant(toStockholm(meeting.end)),
      date: toStockholm(meeting.start).toISODate() as LocalDate,
      meetingId: meeting.id,
      label: {
        sv: `Informationsmöte (${meeting.place})`,
        en: `Information meeting (${meeting.place})`,
      },
      when: range,
    });
    entries.push(
      dueEntry(cycle, 'info-meeting-signup', meeting.signupDeadline, {
        id: `${cycle.year}/info-meeting-signup/${meeting.id}`,
        meetingId: meeting.id,
        label: {
          sv: `Sista dag att anmäla sig till informationsmötet ${range.sv}`,
          en: `Last day to sign up for the information meeting on ${range.en}`,
        },
      }),
    );
  }
  entries.push(dueEntry(cycle, 'pre-registration', t.preRegistrationDeadline));
  entries.push(dueEntry(cycle, 'submission', t.submissionDeadline));
  entries.push(dueEntry(cycle, 'board-protocol', t.boardProtocolDeadline));
  entries.push(
    windowEntry(cycle, 'site-visit-window', t.siteVisitWindow.from, t.siteVisitWindow.to),
  );
  entries.push(dayEntry(cycle, 'jury', t.juryDate, DEADLINE_KIND_LABELS.jury));
  const ceremony = dayEntry(cycle, 'ceremony', t.ceremony.date, {
    sv: `Prisutdelning, ${t.ceremony.place}`,
    en: `Prize ceremony, ${t.ceremony.place}`,
  });
  if (t.ceremony.start) {
    const start = toStockholm(t.ceremony.start);
    ceremony.start = toIsoInstant(start);
    ceremony.when = {
      sv: `${formatDate(t.ceremony.date, 'sv')} kl. ${start.hour}.${String(start.minute).padStart(2, '0')}`,
      en: `${formatDate(t.ceremony.date, 'en')} at ${start.hour}:${String(start.minute).padStart(2, '0')}`,
    };
  }
  entries.push(ceremony);
  entries.push(
    windowEntry(
      cycle,
      'feedback-visit-window',
      t.feedbackVisitWindow.from,
      t.feedbackVisitWindow.to,
    ),
  );
  return entries.sort((a, b) => compareInstants(a.end, b.end) || compareInstants(a.start, b.start));
}

function compareInstants(a: IsoInstant, b: IsoInstant): number {
  return toStockholm(a).toMillis() - toStockholm(b).toMillis();
}

/**
 * What is not over yet at `now`, soonest-ending first: deadlines still ahead, events not yet ended,
 * windows that are open or still to come. `kinds` narrows to the kinds a caller acts on.
 */
export function upcomingDeadlines(
  cycle: Cycle,
  now: IsoInstant | Date,
  options: { kinds?: readonly DeadlineKind[] } = {},
): TimelineEntry[] {
  const at = toStockholm(now).toMillis();
  return cycleTimeline(cycle).filter(
    (entry) =>
      toStockholm(entry.end).toMillis() > at &&
      (options.kinds === undefined || options.kinds.includes(entry.kind)),
  );
}

/** The stretch of the year a cycle is in; each phase lasts until the step it is named after is over. */
export type CyclePhase =
  | 'pre-registration'
  | 'submission'
  | 'board-protocols'
  | 'examination'
  | 'site-visits'
  | 'jury'
  | 'ceremony'
  | 'feedback-visits'
  | 'closed';

export const CYCLE_PHASES: readonly CyclePhase[] = [
  'pre-registration',
  'submission',
  'board-protocols',
  'examination',
  'site-visits',
  'jury',
  'ceremony',
  'feedback-visits',
  'closed',
];

export const CYCLE_PHASE_LABELS: Readonly<Record<CyclePhase, Bilingual>> = {
  'pre-registration': {
    sv: 'Informationsmöten och intresseanmälan',
    en: 'Information meetings and pre-registration',
  },
  submission: { sv: 'Skrivande av tävlingsbidrag', en: 'Writing the applications' },
  'board-protocols': { sv: 'Protokoll från nämnder och styrelser', en: 'Protocols from boards' },
  examination: { sv: 'Examinatorerna läser bidragen', en: 'Examiners read the applications' },
  'site-visits': { sv: 'Platsbesök', en: 'Site visits' },
  jury: { sv: 'Domarkommittén beslutar', en: 'The jury decides' },
  ceremony: { sv: 'Inför prisutdelningen', en: 'Before the prize ceremony' },
  'feedback-visits': { sv: 'Återföringsbesök', en: 'Feedback visits' },
  closed: { sv: 'Avslutad', en: 'Closed' },
};

export interface PhaseInfo {
  phase: CyclePhase;
  label: Bilingual;
  /** When the phase began (absent for the first phase, which has no configured opening). */
  since?: IsoInstant;
  /** When the phase ends (absent for 'closed'). */
  until?: IsoInstant;
}

/** Where the cycle stands at `now`. */
export function currentPhase(cycle: Cycle, now: IsoInstant | Date): PhaseInfo {
  const t = cycle.timeline;
  const ends: [CyclePhase, IsoInstant][] = [
    ['pre-registration', deadlineInstant(t.preRegistrationDeadline)],
    ['submission', deadlineInstant(t.submissionDeadline)],
    ['board-protocols', deadlineInstant(t.boardProtocolDeadline)],
    ['examination', toIsoInstant(localDay(t.siteVisitWindow.from))],
    ['site-visits', deadlineInstant(t.siteVisitWindow.to)],
    ['jury', deadlineInstant(t.juryDate)],
    ['ceremony', deadlineInstant(t.ceremony.date)],
    ['feedback-visits', deadlineInstant(t.feedbackVisitWindow.to)],
  ];
  const at = toStockholm(now).toMillis();
  let since: IsoInstant | undefined;
  for (const [phase, until] of ends) {
    if (at < toStockholm(until).toMillis()) {
      return { phase, label: CYCLE_PHASE_LABELS[phase], ...(since ? { since } : {}), until };
    }
    since = until;
  }
  return { phase: 'closed', label: CYCLE_PHASE_LABELS.closed, ...(since ? { since } : {}) };
}
