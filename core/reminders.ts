// Deadline reminders as data and pure decisions: the cycle file's reminder rules (when, relative to
// which deadline), the occurrences they produce for a cycle (each with its send time and the deadline
// it is about), whether an occurrence is due at a given instant (sent late after downtime while its
// deadline is ahead, never after), and which units still have to act, with what they still lack.
// No I/O and no clock: `now` and the units' situations are parameters.
import { z } from 'zod';
import { deadlineInstant } from './deadlines.js';
import type {
  Cycle,
  IsoInstant,
  LocalDate,
  Participation,
  ReminderKind,
  ReminderRule,
} from './model.js';
import { milestones } from './participation.js';
import { localDay, toIsoInstant, toStockholm } from './time.js';

export type { ReminderKind, ReminderRule } from './model.js';

export const REMINDER_KINDS: readonly ReminderKind[] = [
  'pre-registration',
  'info-meeting-signup',
  'submission',
  'board-protocol',
  'site-visit-documents',
  'feedback-visit',
];

export const reminderRuleSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, { message: 'must be lower-case letters, digits and dashes' }),
  kind: z.enum(REMINDER_KINDS as [ReminderKind, ...ReminderKind[]]),
  daysBefore: z.number().int().min(0).max(120),
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM' }),
});

/** The defaults the cycle files carry (schema version 2). */
export const DEFAULT_REMINDER_RULES: readonly ReminderRule[] = [
  { id: 'pre-registration-14d', kind: 'pre-registration', daysBefore: 14, at: '09:00' },
  { id: 'pre-registration-7d', kind: 'pre-registration', daysBefore: 7, at: '09:00' },
  { id: 'pre-registration-1d', kind: 'pre-registration', daysBefore: 1, at: '09:00' },
  { id: 'info-meeting-signup-7d', kind: 'info-meeting-signup', daysBefore: 7, at: '09:00' },
  { id: 'submission-14d', kind: 'submission', daysBefore: 14, at: '09:00' },
  { id: 'submission-7d', kind: 'submission', daysBefore: 7, at: '09:00' },
  { id: 'submission-1d', kind: 'submission', daysBefore: 1, at: '09:00' },
  { id: 'submission-0d', kind: 'submission', daysBefore: 0, at: '08:00' },
  { id: 'board-protocol-14d', kind: 'board-protocol', daysBefore: 14, at: '09:00' },
  { id: 'board-protocol-3d', kind: 'board-protocol', daysBefore: 3, at: '09:00' },
  { id: 'site-visit-documents-14d', kind: 'site-visit-documents', daysBefore: 14, at: '09:00' },
  { id: 'feedback-visit-0d', kind: 'feedback-visit', daysBefore: 0, at: '09:00' },
];

/** One reminder to send: a rule applied to one deadline of one cycle. */
export interface ReminderOccurrence {
  /** "2027:submission-1d" (info meetings: "2027:info-meeting-signup-7d:2027-02-10"). */
  id: string;
  year: number;
  ruleId: string;
  kind: ReminderKind;
  sendAt: IsoInstant;
  /** The end of the deadline day ("kl. 24.00"): nothing is sent at or after it. */
  deadline: IsoInstant;
  deadlineDate: LocalDate;
  /** Info meetings whose signup closes on deadlineDate. */
  meetingIds?: string[];
  /** Only these units (a reminder about one unit's booked visit). */
  unitIds?: string[];
  /** The booked visit's start (site-visit documents, feedback visit). */
  visitStart?: IsoInstant;
}

/** One hour: a reminder on the day of a visit goes out at least this long before it starts. */
const BEFORE_VISIT_MS = 3_600_000;

/**
 * The feedback-visit reminders ("återföringsbesök"), from each `feedback-visit` rule:
 * - one after the ceremony, to every unit the jury decided on that has no booked feedback visit yet
 *   ("the team leader will book it, this is what it is"): the day after the ceremony day at the rule's
 *   time (the ceremony is in the evening and the jury's results are not public before it), due until
 *   the end of the feedback-visit window. `daysBefore` does not move it: the ceremony is no deadline.
 * - one per booked feedback visit, `daysBefore` the visit's day at the rule's time (the default
 *   `feedback-visit-0d`: that morning at 09:00) and at least an hour before it starts, due until it
 *   starts, with its time.
 */
export function feedbackVisitReminderOccurrences(
  cycle: Cycle,
  visits: readonly { unitId: string; start: IsoInstant }[],
  rules: readonly ReminderRule[] = cycle.reminders ?? DEFAULT_REMINDER_RULES,
): ReminderOccurrence[] {
  const out: ReminderOccurrence[] = [];
  const t = cycle.timeline;
  for (const rule of rules.filter((r) => r.kind === 'feedback-visit')) {
    const [hour, minute] = rule.at.split(':').map(Number) as [number, number];
    out.push({
      id: `${cycle.year}:${rule.id}`,
      year: cycle.year,
      ruleId: rule.id,
      kind: rule.kind,
      sendAt: toIsoInstant(localDay(t.ceremony.date).plus({ days: 1 }).set({ hour, minute })),
      deadline: deadlineInstant(t.feedbackVisitWindow.to),
      deadlineDate: t.feedbackVisitWindow.to,
    });
    for (const v of visits) {
      const start = toStockholm(v.start);
      const day = start.startOf('day');
      const planned = day.minus({ days: rule.daysBefore }).set({ hour, minute });
      const latest = start.minus({ milliseconds: BEFORE_VISIT_MS });
      out.push({
        id: `${cycle.year}:${rule.id}:${v.unitId}`,
        year: cycle.year,
        ruleId: rule.id,
        kind: rule.kind,
        sendAt: toIsoInstant(planned < latest ? planned : latest),
        deadline: toIsoInstant(start),
        deadlineDate: day.toISODate() as LocalDate,
        unitIds: [v.unitId],
        visitStart: toIsoInstant(start),
      });
    }
  }
  return out.sort(
    (a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt) || a.id.localeCompare(b.id),
  );
}

/**
 * The reminders about booked site visits: for each `site-visit-documents` rule, one per booked visit,
 * `daysBefore` the visit's day at the rule's time, due until the visit starts.
 */
export function visitReminderOccurrences(
  cycle: Cycle,
  visits: readonly { unitId: string; start: IsoInstant }[],
  rules: readonly ReminderRule[] = cycle.reminders ?? DEFAULT_REMINDER_RULES,
): ReminderOccurrence[] {
  const out: ReminderOccurrence[] = [];
  for (const rule of rules.filter((r) => r.kind === 'site-visit-documents'))
    for (const v of visits) {
      const day = toStockholm(v.start).startOf('day');
      const [hour, minute] = rule.at.split(':').map(Number) as [number, number];
      out.push({
        id: `${cycle.year}:${rule.id}:${v.unitId}`,
        year: cycle.year,
        ruleId: rule.id,
        kind: rule.kind,
        sendAt: toIsoInstant(day.minus({ days: rule.daysBefore }).set({ hour, minute })),
        deadline: toIsoInstant(toStockholm(v.start)),
        deadlineDate: day.toISODate() as LocalDate,
        unitIds: [v.unitId],
        visitStart: toIsoInstant(toStockholm(v.start)),
      });
    }
  return out.sort(
    (a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt) || a.id.localeCompare(b.id),
  );
}

/**
 * Every occurrence of a cycle's rules, by send time. The per-visit kinds (site-visit documents,
 * feedback visit) depend on booked visits and jury results and are not produced from the timeline:
 * see `visitReminderOccurrences` and `feedbackVisitReminderOccurrences`.
 */
export function reminderOccurrences(
  cycle: Cycle,
  rules: readonly ReminderRule[] = cycle.reminders ?? DEFAULT_REMINDER_RULES,
): ReminderOccurrence[] {
  const out: ReminderOccurrence[] = [];
  const add = (rule: ReminderRule, date: LocalDate, suffix = '', meetingIds?: string[]) => {
    const [hour, minute] = rule.at.split(':').map(Number) as [number, number];
    const send = localDay(date).minus({ days: rule.daysBefore }).set({ hour, minute });
    out.push({
      id: `${cycle.year}:${rule.id}${suffix}`,
      year: cycle.year,
      ruleId: rule.id,
      kind: rule.kind,
      sendAt: toIsoInstant(send),
      deadline: deadlineInstant(date),
      deadlineDate: date,
      ...(meetingIds ? { meetingIds } : {}),
    });
  };
  const t = cycle.timeline;
  for (const rule of rules) {
    switch (rule.kind) {
      case 'pre-registration':
        add(rule, t.preRegistrationDeadline);
        break;
      case 'submission':
        add(rule, t.submissionDeadline);
        break;
      case 'board-protocol':
        add(rule, t.boardProtocolDeadline);
        break;
      case 'info-meeting-signup': {
        const byDate = new Map<LocalDate, string[]>();
        for (const m of t.infoMeetings)
          byDate.set(m.signupDeadline, [...(byDate.get(m.signupDeadline) ?? []), m.id]);
        for (const [date, ids] of [...byDate].sort(([a], [b]) => a.localeCompare(b)))
          add(rule, date, `:${date}`, ids);
        break;
      }
      default:
        break;
    }
  }
  return out.sort(
    (a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt) || a.id.localeCompare(b.id),
  );
}

export type OccurrenceWindow = 'not-yet' | 'due' | 'expired';

/** Due from its send time until its deadline; a reminder missed while down goes out late, never after. */
export function occurrenceWindow(o: ReminderOccurrence, now: IsoInstant | Date): OccurrenceWindow {
  const at = toStockholm(now).toMillis();
  if (at < Date.parse(o.sendAt)) return 'not-yet';
  return at < Date.parse(o.deadline) ? 'due' : 'expired';
}

/** A reminder this late (missed while the app was down) gives way to a newer one due within the hour. */
const LATE_MS = 10 * 60_000;
const SOON_MS = 3_600_000;

/**
 * What to send now: the due occurrences not yet done. When several for one deadline are due at once
 * (after downtime), only the newest goes out; and a late one gives way to a newer one for the same
 * deadline due within the hour. The older ones are superseded, so nobody gets two reminders about the
 * same deadline in one morning.
 */
export function dueNow(
  occurrences: readonly ReminderOccurrence[],
  now: IsoInstant | Date,
  done: ReadonlySet<string>,
): { send: ReminderOccurrence[]; superseded: ReminderOccurrence[] } {
  const due = occurrences.filter((o) => !done.has(o.id) && occurrenceWindow(o, now) === 'due');
  const newest = new Map<string, ReminderOccurrence>();
  const topic = (o: ReminderOccurrence) =>
    `${o.year}|${o.kind}|${o.deadlineDate}|${o.unitIds?.join(',') ?? ''}`;
  for (const o of due) {
    const seen = newest.get(topic(o));
    if (!seen || Date.parse(o.sendAt) > Date.parse(seen.sendAt)) newest.set(topic(o), o);
  }
  const at = toStockholm(now).toMillis();
  const send = [...newest.values()].filter(
    (o) =>
      at - Date.parse(o.sendAt) <= LATE_MS ||
      !occurrences.some(
        (p) =>
          topic(p) === topic(o) &&
          Date.parse(p.sendAt) > Date.parse(o.sendAt) &&
          Date.parse(p.sendAt) <= at + SOON_MS,
      ),
  );
  return { send, superseded: due.filter((o) => !send.includes(o)) };
}

/** What a unit still lacks, for the card's "still missing" lines. */
export type MissingItem =
  | { code: 'pre-registration' }
  | { code: 'info-meeting-signup' }
  | { code: 'submission' }
  | { code: 'over-limit'; count: number; max: number }
  | { code: 'unreadable'; fileNames: string[] }
  | { code: 'questions-missing'; numbers: number[] }
  | { code: 'board-protocol' }
  | { code: 'site-visit-documents' }
  /** The jury has decided; the team leader will book the feedback visit. */
  | { code: 'feedback-visit-booking' }
  /** The feedback visit is booked for `start`. */
  | { code: 'feedback-visit'; start: IsoInstant };

/** What the store knows about one unit this cycle, as reminders need it. */
export interface UnitSituation {
  unitId: string;
  participation?: Participation;
  /** The newest submission version, if any. */
  submission?: {
    characterCount: number;
    answeredQuestions: readonly number[];
    problems: readonly string[];
    fileNames: readonly string[];
  };
  /** Signed up for an information meeting (any of the cycle's). */
  signedUpForMeeting?: boolean;
  /** The start of the unit's booked feedback visit this cycle, if one is booked. */
  feedbackVisitStart?: IsoInstant;
}

const ALL_QUESTIONS = Array.from({ length: 24 }, (_, i) => i + 1);

/**
 * What the unit still lacks for a reminder of `kind`; empty when it owes nothing (it gets no
 * reminder). Withdrawn and ineligible units never owe anything; a submission recorded another way
 * (e.g. ILS-webben, a transition to 'submitted' from any source) counts as submitted.
 */
export function stillMissing(kind: ReminderKind, s: UnitSituation, cycle: Cycle): MissingItem[] {
  const p = s.participation;
  if (!p || p.state === 'withdrawn' || p.state === 'not-eligible') return [];
  const m = milestones(p);
  switch (kind) {
    case 'pre-registration':
      return p.state === 'interested' ? [{ code: 'pre-registration' }] : [];
    case 'info-meeting-signup':
      return p.state === 'interested' && !s.signedUpForMeeting
        ? [{ code: 'info-meeting-signup' }]
        : [];
    case 'submission': {
      if (!['pre-registered', 'submitted', 'in-protocol'].includes(p.state)) return [];
      const sub = s.submission;
      if (!m.submitted && !sub) return [{ code: 'submission' }];
      if (!sub) return [];
      const missing: MissingItem[] = [];
      if (sub.characterCount > cycle.rules.maxCharacters)
        missing.push({
          code: 'over-limit',
          count: sub.characterCount,
          max: cycle.rules.maxCharacters,
        });
      if (sub.problems.includes('document-failed') || sub.problems.includes('no-document'))
        missing.push({ code: 'unreadable', fileNames: [...sub.fileNames] });
      if (sub.problems.includes('questions-missing')) {
        const numbers = ALL_QUESTIONS.filter((n) => !sub.answeredQuestions.includes(n));
        if (numbers.length) missing.push({ code: 'questions-missing', numbers });
      }
      return missing;
    }
    case 'board-protocol':
      return !m.inProtocol && ['pre-registered', 'submitted'].includes(p.state)
        ? [{ code: 'board-protocol' }]
        : [];
    case 'site-visit-documents':
      return p.state === 'under-examination' ? [{ code: 'site-visit-documents' }] : [];
    case 'feedback-visit':
      // 'feedback-visit-held' is the only later state: those units are done.
      if (p.state !== 'jury-decided') return [];
      return s.feedbackVisitStart
        ? [{ code: 'feedback-visit', start: s.feedbackVisitStart }]
        : [{ code: 'feedback-visit-booking' }];
    default:
      return [];
  }
}

/** The units an occurrence goes to, each with what it still lacks. */
export function reminderRecipients(
  o: ReminderOccurrence,
  situations: readonly UnitSituation[],
  cycle: Cycle,
): { unitId: string; missing: MissingItem[] }[] {
  return situations
    .filter((s) => !o.unitIds || o.unitIds.includes(s.unitId))
    .map((s) => ({ unitId: s.unitId, missing: stillMissing(o.kind, s, cycle) }))
    .filter((r) => r.missing.length > 0);
}

/** Tomorrow at the rule's usual hour (09:00 Stockholm): when a snoozed reminder comes back. */
export function snoozeUntil(now: IsoInstant | Date): IsoInstant {
  return toIsoInstant(
    toStockholm(now).plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }),
  );
}
