// Writes test/fixtures/documents/ from fixtures.ts: `npx tsx emulator/seed/write-fixtures.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { documentFixtures, fixtureManifest } from './fixtures.js';

export const FIXTURE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test',
  'fixtures',
  'documents',
);

const fixtures = await documentFixtures();
mkdirSync(FIXTURE_DIR, { recursive: true });
for (const f of fixtures) writeFileSync(join(FIXTURE_DIR, f.file), f.bytes);
const manifestPath = join(FIXTURE_DIR, 'manifest.json');
// Formatted as the repository's prettier check expects.
const options = (await prettier.resolveConfig(manifestPath)) ?? {};
writeFileSync(
  manifestPath,
  await prettier.format(fixtureManifest(fixtures), { ...options, parser: 'json' }),
);
process.stdout.write(`Wrote ${fixtures.length} documents and manifest.json to ${FIXTURE_DIR}\n`);
