// Vitest global setup: the migrated PGlite template test servers start from is built once per
// schema, before any test file runs (see pglite-template.ts).
import { ensurePgliteTemplate } from './pglite-template.js';

export default async function setup(): Promise<void> {
  await ensurePgliteTemplate();
}
