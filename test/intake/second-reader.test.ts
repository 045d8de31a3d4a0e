// The shipped second reader (core/intake/second-reader-model.ts) is what the labelled sets teach: a
// mail added to or relabelled in test/fixtures/mails/ without `npm run train:reader` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABELLED_SETS } from '../fixtures/mails/sets.js';
import { modelSource } from './reader-source.js';
import { readerTrainedOn } from './reader-training.js';

describe('the shipped second reader', () => {
  it('is the one trained on every labelled set (run `npm run train:reader` after changing them)', () => {
    const shipped = readFileSync(
      new URL('../../core/intake/second-reader-model.ts', import.meta.url),
      'utf8',
    );
    const model = readerTrainedOn();
    expect(model.mails.reduce((n, c) => n + c, 0)).toBe(Object.values(LABELLED_SETS).flat().length);
    expect(shipped === modelSource(model), 'core/intake/second-reader-model.ts is stale').toBe(
      true,
    );
  });
});
