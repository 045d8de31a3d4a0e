// A migrated PGlite data directory that test servers start from. Creating one runs initdb and every
// migration (several seconds per server on the shared 2-core machine); copying one takes a fraction
// and opens the same: openStore finds the schema current and applies nothing. Built once per schema
// (keyed by store/migrations.ts and the PGlite version) by the global setup, kept under
// node_modules/.cache, and copied into a test's new data directory before its server opens it.
// Tests about a first start on an empty directory do not use it.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { openStore, pgliteDir } from '../../store/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Where the template for the current schema lives (a data dir: `<it>/pglite`). */
export function pgliteTemplateDir(): string {
  const hash = createHash('sha256')
    .update(readFileSync(join(ROOT, 'store/migrations.ts')))
    .update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')))
    .digest('hex')
    .slice(0, 16);
  return join(ROOT, 'node_modules/.cache/kvalitet-test', `pglite-${hash}`);
}

/** Builds the template when there is none for this schema; concurrent runs keep the first one. */
export async function ensurePgliteTemplate(): Promise<string> {
  const dir = pgliteTemplateDir();
  await pruneOldTemplates(dir);
  if (existsSync(join(pgliteDir(dir), 'PG_VERSION'))) return dir;
  const building = `${dir}.tmp-${process.pid}-${Date.now()}`;
  const store = await openStore({ dataDir: building });
  await store.close();
  try {
    await rename(building, dir);
  } catch {
    // Another run renamed its copy into place first: theirs is as good.
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return dir;
}

/** Templates of other schemas, made over a week ago (40 MB each), go; recent ones may still be in use. */
async function pruneOldTemplates(keep: string): Promise<void> {
  const parent = dirname(keep);
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(parent, name);
    if (path === keep || !name.startsWith('pglite-')) continue;
    const made = (await stat(path).catch(() => undefined))?.mtimeMs ?? Date.now();
    if (Date.now() - made > 7 * 24 * 3_600_000) await rm(path, { recursive: true, force: true });
  }
}

/**
 * Puts a copy of the migrated template in `dataDir` (which must not hold a database yet), so the
 * server opening it skips initdb. Without a template (a run without the global setup) it does
 * nothing and the server creates the database itself, as on a first start.
 */
export function seedPgliteDataDir(dataDir: string): void {
  const template = pgliteDir(pgliteTemplateDir());
  if (!existsSync(join(template, 'PG_VERSION'))) return;
  cpSync(template, pgliteDir(dataDir), { recursive: true, errorOnExist: true, force: false });
}
