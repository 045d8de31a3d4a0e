import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { countNonSpace } from './application-text.js';
import { documentFixtures, fixtureManifest, type DocumentFixture } from './fixtures.js';

const DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test',
  'fixtures',
  'documents',
);
let fixtures: DocumentFixture[];

beforeAll(async () => {
  fixtures = await documentFixtures();
});

describe('test/fixtures/documents', () => {
  it('holds exactly what fixtures.ts generates (run `npx tsx emulator/seed/write-fixtures.ts` after a change)', () => {
    for (const f of fixtures) {
      const path = join(DIR, f.file);
      expect(existsSync(path), f.file).toBe(true);
      expect(readFileSync(path).equals(f.bytes), f.file).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'))).toEqual(
      JSON.parse(fixtureManifest(fixtures)),
    );
  });

  it('has submissions whose extracted text has the stated character count', async () => {
    for (const f of fixtures.filter((x) => x.kind === 'submission')) {
      const text = f.file.endsWith('.pdf')
        ? (await extractText(new Uint8Array(f.bytes), { mergePages: true })).text
        : (await mammoth.extractRawText({ buffer: f.bytes })).value;
      expect(countNonSpace(text), f.file).toBe(f.nonSpaceCharacters);
    }
    expect(fixtures.find((f) => f.file === 'submission-over-limit.docx')?.nonSpaceCharacters).toBe(
      85_001,
    );
    expect(fixtures.find((f) => f.file === 'submission-at-limit.docx')?.nonSpaceCharacters).toBe(
      85_000,
    );
  });
});
