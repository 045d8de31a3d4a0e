// Deterministic identifiers and randomness for the demo tenant: the same names always give the same ids,
// and every "random" choice comes from a PRNG seeded by a string, so two builds are identical.
import { createHash } from 'node:crypto';

/** A namespace for the demo tenant's name-based ids (any fixed UUID works; this one is ours). */
const NAMESPACE = '6f3b1e52-94c1-4d7a-b1f0-1c2d3e4f5a6b';

/** A UUID (version 5 layout, SHA-1 over namespace and name) derived from the given name parts. */
export function stableId(...parts: Array<string | number>): string {
  const hash = createHash('sha1')
    .update(NAMESPACE + '|' + parts.join('|'))
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A short, URL-safe token derived from the name parts (for Graph-like opaque ids). */
export function stableToken(length: number, ...parts: Array<string | number>): string {
  let out = '';
  let counter = 0;
  while (out.length < length) {
    out += createHash('sha256')
      .update(parts.join('|') + '#' + counter++)
      .digest('base64url');
  }
  return out.slice(0, length);
}

/** A seeded pseudo-random generator (mulberry32) with the helpers the seed needs. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  shuffle<T>(items: readonly T[]): T[];
}

export function prng(seed: string): Prng {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance: (probability: number) => next() < probability,
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
}
