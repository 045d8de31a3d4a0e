// What a message asks of the status feature, in Swedish or English, typo-tolerant: the overview, a
// list (and by what), "what is missing for us", "my units", the participant export, or a unit by
// name. Pure: text in, intent and score out (the bot routes by score, bot/routing.ts).
import { fold } from '../core/intake/index.js';
import type { ParticipationState, UnitClassId } from '../core/model.js';
import type { ProblemKind } from '../core/status.js';

export interface ListFilterWords {
  states?: ParticipationState[];
  classId?: UnitClassId;
  notSubmitted?: boolean;
  missingFromProtocol?: boolean;
  problem?: ProblemKind;
}

export type StatusIntent =
  | { kind: 'status' }
  | { kind: 'list'; filter: ListFilterWords; rest: string; year?: number }
  | { kind: 'missing' }
  | { kind: 'mine' }
  | { kind: 'export'; year?: number }
  | { kind: 'unit'; query: string; year?: number };

const STATUS = [
  'läget',
  'läge',
  'status',
  'lägesbild',
  'hur ligger vi till',
  'hur går det',
  'översikt',
  'overview',
  'how are we doing',
  'where do we stand',
  'how is it going',
  'statistik',
  'siffror',
];
const MISSING = [
  'vad saknas',
  'vad fattas',
  'vad återstår',
  'vad har vi kvar',
  'what is missing',
  'whats missing',
  "what's missing",
  'what are we missing',
  'what is left',
];
const MINE = ['mina enheter', 'my units', 'våra enheter', 'our units', 'mina bidrag'];
const EXPORT = [
  'exportera',
  'export',
  'deltagarlista',
  'deltagarlistan',
  'participant list',
  'participants list',
  'csv',
];
const LIST_WORDS = ['alla', 'lista', 'list', 'all', 'vilka', 'which', 'visa alla', 'show all'];

const FILTERS: { words: string[]; filter: ListFilterWords }[] = [
  {
    words: [
      'saknas i protokoll',
      'saknas i protokollet',
      'saknas i protokollen',
      'inte i protokoll',
      'inte med i protokoll',
      'saknar protokoll',
      'missing from protocol',
      'missing from the protocol',
      'not in protocol',
      'not in the protocol',
      'missing protocol',
    ],
    filter: { missingFromProtocol: true },
  },
  {
    words: [
      'inte skickat in',
      'ej skickat in',
      'inte lämnat in',
      'inte skickat',
      'saknar bidrag',
      'inga bidrag',
      'not submitted',
      'havent submitted',
      'have not submitted',
      'not yet submitted',
      'no application',
    ],
    filter: { notSubmitted: true },
  },
  {
    words: ['sena bidrag', 'sena', 'för sent', 'late', 'too late', 'late submissions'],
    filter: { problem: 'late' },
  },
  {
    words: ['för långa', 'över 85', 'för många tecken', 'too long', 'over 85', 'over the limit'],
    filter: { problem: 'over-limit' },
  },
  {
    words: ['oläsbara', 'kan inte öppnas', 'trasiga', 'unreadable', 'cannot be opened', 'broken'],
    filter: { problem: 'unreadable' },
  },
  {
    words: ['inte uppfyller villkoren', 'uppfyller inte villkoren', 'not eligible', 'ineligible'],
    filter: { states: ['not-eligible'] },
  },
  {
    words: ['uppfyller villkoren', 'eligible', 'godkända'],
    filter: { states: ['eligible'] },
  },
  { words: ['avanmälda', 'avanmält', 'withdrawn'], filter: { states: ['withdrawn'] } },
  {
    words: ['intresseanmälda', 'intresseanmälningar', 'pre registered', 'preregistered'],
    filter: { states: ['pre-registered'] },
  },
  {
    words: ['inskickade', 'har skickat in', 'submitted'],
    filter: { states: ['submitted'] },
  },
  {
    words: ['under examination', 'examineras', 'being examined'],
    filter: { states: ['under-examination'] },
  },
  // Plural only: "Förskolan Vasaparken" names a unit, "alla förskolor" asks for a list.
  { words: ['förskolor', 'preschools'], filter: { classId: 'forskola' } },
  { words: ['skolor', 'schools'], filter: { classId: 'skola' } },
  {
    words: ['äldreomsorg', 'äldreboenden', 'elderly care', 'elder care'],
    filter: { classId: 'aldreomsorg' },
  },
  {
    words: ['socialtjänst', 'socialtjänsten', 'social services', 'funktionsnedsättning'],
    filter: { classId: 'socialtjanst' },
  },
  { words: ['andra verksamheter', 'other operations'], filter: { classId: 'andra' } },
];

/** Word equality with one typo allowed in words of five letters or more (two from ten). */
function close(a: string, b: string): boolean {
  if (a === b) return true;
  const allowed =
    Math.min(a.length, b.length) >= 10 ? 2 : Math.min(a.length, b.length) >= 5 ? 1 : 0;
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return false;
  return distance(a, b) <= allowed;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  const prev2: number[] = [];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev.splice(0, prev.length, ...row);
  }
  return prev[b.length]!;
}

/** Where the phrase's words occur in a row in `words` (fuzzy), or -1. */
function findPhrase(words: readonly string[], phrase: string): number {
  const p = fold(phrase).split(' ');
  for (let i = 0; i + p.length <= words.length; i++)
    if (p.every((w, k) => close(words[i + k]!, w))) return i;
  return -1;
}

function has(words: readonly string[], phrases: readonly string[]): boolean {
  return phrases.some((p) => findPhrase(words, p) >= 0);
}

/** Removes the words of every matching phrase; what is left may name a board or a year. */
function without(words: string[], phrases: readonly string[]): string[] {
  let rest = [...words];
  for (const phrase of phrases) {
    const at = findPhrase(rest, phrase);
    if (at >= 0) rest = [...rest.slice(0, at), ...rest.slice(at + fold(phrase).split(' ').length)];
  }
  return rest;
}

const FILLER = new Set(
  fold(
    'vilka som har de den det är i på för av till och med vi oss visa ge mig alla lista enheter enheten units unit the which who are in of for show me all list have has with our is do kan du please tack',
  ).split(' '),
);

export function parseStatusIntent(
  text: string,
): { intent: StatusIntent; score: number } | undefined {
  const words = fold(text).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  const yearWord = words.find((w) => /^20\d\d$/.test(w));
  const year = yearWord ? Number(yearWord) : undefined;
  const y = year !== undefined ? { year } : {};
  if (has(words, EXPORT)) return { intent: { kind: 'export', ...y }, score: 0.9 };
  if (has(words, MINE)) return { intent: { kind: 'mine' }, score: 0.9 };

  const filter: ListFilterWords = {};
  let rest = words.filter((w) => w !== yearWord);
  for (const f of FILTERS) {
    if (!has(rest, f.words)) continue;
    if (f.filter.states && filter.states) continue; // the first (more specific) state wins
    if (f.filter.classId && filter.classId) continue;
    Object.assign(filter, f.filter);
    rest = without(rest, f.words);
  }
  if (Object.keys(filter).length > 0)
    return {
      intent: { kind: 'list', filter, rest: rest.filter((w) => !FILLER.has(w)).join(' '), ...y },
      score: 0.9,
    };
  if (has(words, MISSING)) return { intent: { kind: 'missing' }, score: 0.9 };
  if (has(words, STATUS) && words.length <= 6) return { intent: { kind: 'status' }, score: 0.95 };
  if (has(words, LIST_WORDS))
    return {
      intent: {
        kind: 'list',
        filter: {},
        rest: without(rest, LIST_WORDS)
          .filter((w) => !FILLER.has(w))
          .join(' '),
        ...y,
      },
      score: 0.7,
    };
  // Anything short may be a unit's (or a board's) name; the handler checks and says so if not.
  const query = words.filter((w) => w !== yearWord && !FILLER.has(w));
  if (query.length > 0 && query.length <= 8 && query.some((w) => w.length >= 3))
    return {
      intent: { kind: 'unit', query: text.replace(/\b20\d\d\b/, '').trim(), ...y },
      score: 0.55,
    };
  return undefined;
}
