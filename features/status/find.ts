// Finding a unit by what someone wrote ("Förskolan Vasaparken", "vasaparken", "Vasaparkn"): every
// word of the query must be close to a word of the name (one typo in short words, two in long ones).
// Pure; several close names mean the bot asks which one.
import { fold } from '../../core/intake/index.js';

export interface NamedUnit {
  id: string;
  name: string;
}

export interface UnitMatch<U extends NamedUnit> {
  unit: U;
  /** 0..1: 1 is the exact name. */
  score: number;
}

/** Words that say what kind of unit it is, not which one: never enough on their own. */
const GENERIC = new Set([
  'forskolan',
  'forskola',
  'skolan',
  'skola',
  'enheten',
  'enhet',
  'aldreboendet',
  'hemtjansten',
  'gruppbostaden',
  'the',
  'unit',
  'och',
  'i',
  'pa',
  'for',
]);

/** Damerau-Levenshtein distance (adjacent swaps count once), bounded: stops early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

function allowedTypos(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 7 ? 1 : 2;
}

/** How well `query` names `name` (0 = not at all). */
export function nameScore(query: string, name: string): number {
  const q = fold(query);
  const n = fold(name);
  if (!q) return 0;
  if (q === n) return 1;
  const queryWords = q.split(' ');
  const nameWords = n.split(' ');
  if (queryWords.every((w) => GENERIC.has(w))) return 0;
  let total = 0;
  for (const word of queryWords) {
    let best = 0;
    for (const candidate of nameWords) {
      if (candidate === word) {
        best = 1;
        break;
      }
      if (word.length >= 4 && candidate.startsWith(word)) best = Math.max(best, 0.9);
      const typos = editDistance(word, candidate, 2);
      if (typos <= allowedTypos(word)) best = Math.max(best, 1 - 0.15 * typos);
    }
    if (best === 0) {
      if (GENERIC.has(word)) continue; // "förskolan X" for a unit named "X förskola"
      return 0;
    }
    total += best;
  }
  const specific = queryWords.filter((w) => !GENERIC.has(w)).length || 1;
  // Names with words the query lacks score a little lower (so "Vasaparken" prefers the exact name).
  const coverage = Math.min(1, queryWords.length / nameWords.length);
  return Math.min(0.99, (total / Math.max(specific, queryWords.length)) * (0.8 + 0.2 * coverage));
}

/** Units the text may mean, best first; `found` when one stands out. */
export function findUnits<U extends NamedUnit>(
  query: string,
  units: readonly U[],
  options: { limit?: number; minScore?: number } = {},
): { found?: U; candidates: UnitMatch<U>[] } {
  const min = options.minScore ?? 0.6;
  const candidates = units
    .map((unit) => ({ unit, score: nameScore(query, unit.name) }))
    .filter((m) => m.score >= min)
    .sort((a, b) => b.score - a.score || a.unit.name.localeCompare(b.unit.name, 'sv'))
    .slice(0, options.limit ?? 8);
  const [first, second] = candidates;
  if (first && (first.score === 1 || !second || first.score - second.score >= 0.1))
    return { found: first.unit, candidates };
  return { candidates };
}
