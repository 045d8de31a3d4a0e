// A cycle (one award year) as validated data: the zod schema of a cycle file, cross-field checks of its
// timeline, and lookup by year. Loading the files from disk happens outside core (features/ or server/).
import { z } from 'zod';
import { DomainError } from './errors.js';
import type { Bilingual, Cycle } from './model.js';
import { reminderRuleSchema } from './reminders.js';
import { isIsoInstant, isLocalDate, toStockholm } from './time.js';

const localDate = z.string().refine(isLocalDate, {
  message: 'must be a date written YYYY-MM-DD',
  params: { sv: 'ska vara ett datum skrivet ÅÅÅÅ-MM-DD' },
});
const isoInstant = z.string().refine(isIsoInstant, {
  message: 'must be a time with offset, e.g. 2027-02-16T09:00:00+01:00',
  params: { sv: 'ska vara en tidpunkt med tidszon, t.ex. 2027-02-16T09:00:00+01:00' },
});
const text = z.string().trim().min(1);

export const infoMeetingSchema = z.strictObject({
  id: text,
  start: isoInstant,
  end: isoInstant,
  place: text,
  teamsUrl: z.url().optional(),
  signupDeadline: localDate,
});

export const dateWindowSchema = z.strictObject({ from: localDate, to: localDate });

export const cycleTimelineSchema = z.strictObject({
  infoMeetings: z.array(infoMeetingSchema),
  preRegistrationDeadline: localDate,
  submissionDeadline: localDate,
  boardProtocolDeadline: localDate,
  siteVisitWindow: dateWindowSchema,
  juryDate: localDate,
  ceremony: z.strictObject({ date: localDate, place: text, start: isoInstant.optional() }),
  feedbackVisitWindow: dateWindowSchema,
});

export const cycleRulesSchema = z.strictObject({
  maxCharacters: z.number().int().positive(),
  minStaff: z.number().int().min(1),
  minStockholmShare: z.number().min(0).max(1),
  winnerLockoutYears: z.number().int().min(0),
  budgetRule: z.enum(['balance', 'no-deficit-last-year-or-forecast']),
});

/** Visit lengths and booking rules of a cycle (core/visits/rules.ts has the defaults). */
export const cycleVisitRulesSchema = z.strictObject({
  siteOnSiteMinutes: z.number().int().min(30).max(480).optional(),
  siteDigitalMinutes: z.number().int().min(30).max(480).optional(),
  feedbackMinutes: z.number().int().min(30).max(480).optional(),
  leadWorkingDays: z.number().int().min(0).max(60).optional(),
  travelBufferMinutes: z.number().int().min(0).max(240).optional(),
  maxVisitsPerExaminerPerDay: z.number().int().min(1).max(4).optional(),
});

/** The shape of a cycle file (cycles/<year>.json). */
export const cycleSchema = z.strictObject({
  /** Format 2 adds `reminders`; a format-1 file (no `schema`) gets core/reminders' defaults. */
  schema: z.literal(2).optional(),
  year: z.number().int().min(2000).max(2100),
  version: z.number().int().min(1),
  mailbox: z.email(),
  timeline: cycleTimelineSchema,
  rules: cycleRulesSchema,
  reminders: z.array(reminderRuleSchema).optional(),
  /** Site and feedback visits: lengths, lead time, travel buffer, daily cap (optional). */
  visits: cycleVisitRulesSchema.optional(),
});

/** One problem in a cycle file, with the field's path ("timeline.infoMeetings[0].signupDeadline"). */
export interface CycleIssue {
  path: string;
  message: Bilingual;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

function issueText(issue: z.core.$ZodIssue, input: unknown): Bilingual {
  switch (issue.code) {
    case 'invalid_type': {
      const value = issue.path.reduce<unknown>(
        (v, key) =>
          v !== null && typeof v === 'object'
            ? (v as Record<PropertyKey, unknown>)[key]
            : undefined,
        input,
      );
      return value === undefined
        ? { sv: 'saknas', en: 'is missing' }
        : {
            sv: `har fel typ (väntade ${issue.expected})`,
            en: `has the wrong type (expected ${issue.expected})`,
          };
    }
    case 'unrecognized_keys':
      return {
        sv: `okända fält: ${issue.keys.join(', ')}`,
        en: `unknown fields: ${issue.keys.join(', ')}`,
      };
    case 'invalid_value':
      return {
        sv: `ska vara ett av ${issue.values.map(String).join(', ')}`,
        en: `must be one of ${issue.values.map(String).join(', ')}`,
      };
    case 'too_small':
      return {
        sv: `är för litet (minst ${String(issue.minimum)})`,
        en: `is too small (at least ${String(issue.minimum)})`,
      };
    case 'too_big':
      return {
        sv: `är för stort (högst ${String(issue.maximum)})`,
        en: `is too big (at most ${String(issue.maximum)})`,
      };
    case 'custom': {
      const sv = (issue.params as { sv?: string } | undefined)?.sv;
      return { sv: sv ?? issue.message, en: issue.message };
    }
    default:
      return { sv: `är ogiltigt (${issue.message})`, en: `is invalid (${issue.message})` };
  }
}

// The steps of a year happen in this order; a file that breaks it has a typo in a date.
const ORDER: [string, (c: Cycle) => string][] = [
  ['timeline.preRegistrationDeadline', (c) => c.timeline.preRegistrationDeadline],
  ['timeline.submissionDeadline', (c) => c.timeline.submissionDeadline],
  ['timeline.boardProtocolDeadline', (c) => c.timeline.boardProtocolDeadline],
  ['timeline.siteVisitWindow.from', (c) => c.timeline.siteVisitWindow.from],
  ['timeline.siteVisitWindow.to', (c) => c.timeline.siteVisitWindow.to],
  ['timeline.juryDate', (c) => c.timeline.juryDate],
  ['timeline.ceremony.date', (c) => c.timeline.ceremony.date],
  ['timeline.feedbackVisitWindow.from', (c) => c.timeline.feedbackVisitWindow.from],
  ['timeline.feedbackVisitWindow.to', (c) => c.timeline.feedbackVisitWindow.to],
];

function timelineIssues(cycle: Cycle): CycleIssue[] {
  const issues: CycleIssue[] = [];
  for (let i = 1; i < ORDER.length; i++) {
    const [prevPath, prev] = ORDER[i - 1]!;
    const [path, get] = ORDER[i]!;
    if (get(cycle) < prev(cycle)) {
      issues.push({
        path,
        message: {
          sv: `ligger före ${prevPath} (${prev(cycle)})`,
          en: `is before ${prevPath} (${prev(cycle)})`,
        },
      });
    }
  }
  const yearOf = (date: string) => Number(date.slice(0, 4));
  for (const [path, get] of ORDER.slice(0, 7)) {
    if (yearOf(get(cycle)) !== cycle.year) {
      issues.push({
        path,
        message: { sv: `ligger inte år ${cycle.year}`, en: `is not in ${cycle.year}` },
      });
    }
  }
  const ids = new Set<string>();
  cycle.timeline.infoMeetings.forEach((meeting, i) => {
    const base = `timeline.infoMeetings[${i}]`;
    if (ids.has(meeting.id)) {
      issues.push({
        path: `${base}.id`,
        message: { sv: `finns redan (${meeting.id})`, en: `is a duplicate (${meeting.id})` },
      });
    }
    ids.add(meeting.id);
    const start = toStockholm(meeting.start);
    if (toStockholm(meeting.end) <= start) {
      issues.push({
        path: `${base}.end`,
        message: { sv: 'ligger inte efter start', en: 'is not after start' },
      });
    }
    if (meeting.signupDeadline > (start.toISODate() ?? '')) {
      issues.push({
        path: `${base}.signupDeadline`,
        message: { sv: 'ligger efter mötets dag', en: "is after the meeting's day" },
      });
    }
  });
  const ceremonyStart = cycle.timeline.ceremony.start;
  if (ceremonyStart && toStockholm(ceremonyStart).toISODate() !== cycle.timeline.ceremony.date) {
    issues.push({
      path: 'timeline.ceremony.start',
      message: { sv: 'ligger inte på ceremonins datum', en: "is not on the ceremony's date" },
    });
  }
  return issues;
}

function invalidCycle(
  issues: CycleIssue[],
  source: string | undefined,
  year: unknown,
): DomainError {
  const where = source ? ` (${source})` : '';
  const what = typeof year === 'number' ? ` ${year}` : '';
  const root = { sv: '(roten)', en: '(root)' };
  const list = (locale: 'sv' | 'en') =>
    issues.map((i) => `${i.path || root[locale]}: ${i.message[locale]}`).join('; ');
  return new DomainError(
    'invalid-cycle',
    {
      sv: `Omgångsfilen${what}${where} är ogiltig: ${list('sv')}`,
      en: `The cycle file${what}${where} is invalid: ${list('en')}`,
    },
    { source, year, path: issues[0]?.path, issues },
  );
}

/**
 * Validates one cycle file's parsed JSON. Throws DomainError 'invalid-cycle' naming every bad field
 * (details.path is the first, details.issues all). `source` (a file name) goes into the message.
 */
export function parseCycle(json: unknown, source?: string): Cycle {
  const result = cycleSchema.safeParse(json);
  const year =
    json !== null && typeof json === 'object' ? (json as { year?: unknown }).year : undefined;
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: pathText(issue.path),
      message: issueText(issue, json),
    }));
    throw invalidCycle(issues, source, year);
  }
  const cycle = result.data as Cycle;
  const issues = timelineIssues(cycle);
  if (issues.length > 0) throw invalidCycle(issues, source, year);
  return cycle;
}

/** Validates several cycle files; the result is sorted by year. Two files for one year are an error. */
export function parseCycles(files: readonly { json: unknown; source?: string }[]): Cycle[] {
  const cycles = files.map((f) => parseCycle(f.json, f.source));
  const seen = new Set<number>();
  for (const cycle of cycles) {
    if (seen.has(cycle.year)) {
      throw new DomainError(
        'invalid-cycle',
        {
          sv: `Året ${cycle.year} finns i fler än en omgångsfil`,
          en: `Year ${cycle.year} is in more than one cycle file`,
        },
        { year: cycle.year, path: 'year' },
      );
    }
    seen.add(cycle.year);
  }
  return cycles.sort((a, b) => a.year - b.year);
}

/** The cycle of a year; DomainError 'unknown-cycle' listing the known years otherwise. */
export function cycleForYear(cycles: readonly Cycle[], year: number): Cycle {
  const found = cycles.find((c) => c.year === year);
  if (found) return found;
  const known = cycles.map((c) => c.year).sort((a, b) => a - b);
  const list = known.length > 0 ? known.join(', ') : '–';
  throw new DomainError(
    'unknown-cycle',
    {
      sv: `Inget omgångsår ${year} finns; kända år: ${list}`,
      en: `No cycle for the year ${year}; known years: ${list}`,
    },
    { year, knownYears: known },
  );
}
