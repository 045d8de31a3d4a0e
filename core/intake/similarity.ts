// String distance for fuzzy unit-name matching. A small Levenshtein of our own: core may import only
// luxon and zod, and this is all we need of a string-similarity library.

/** Edit distance (insert, delete, substitute) with an early exit once it exceeds `max`. */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] ?? 0;
}

/** Edits tolerated for a folded string of this length: none for short names, then 1, then 2. */
export function allowedEdits(length: number): number {
  return length <= 5 ? 0 : length <= 11 ? 1 : 2;
}

/** 1 for equal strings, falling with each edit; 0 when more edits than `allowedEdits` are needed. */
export function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 1;
  const max = allowedEdits(len);
  const d = levenshtein(a, b, max);
  return d > max ? 0 : 1 - d / len;
}
