// Offline validation of the manifest and its localization file with @microsoft/app-manifest's bundled
// JSON schemas (no network: the schema files are read from the package, not fetched).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

const require = createRequire(import.meta.url);
const SCHEMAS = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

function bundledSchema(schemaUrl: unknown, file: string): object {
  const match =
    typeof schemaUrl === 'string' ? /\/teams\/(v[\d.]+|vDevPreview)\//.exec(schemaUrl) : null;
  if (!match) throw new Error(`$schema ${String(schemaUrl)} is not a Teams schema URL`);
  const text = readFileSync(join(SCHEMAS, match[1]!, file), 'utf8');
  // The localization schema has a pattern with an unescaped "]" (after \\b) that ajv's unicode
  // regular expressions reject; escaping it keeps the pattern's meaning.
  return JSON.parse(text.replace(/\\\\b\]/g, '\\\\b\\\\]')) as object;
}

/** Schema failures of a manifest (empty when valid). */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = bundledSchema(manifest.$schema, 'MicrosoftTeams.schema.json');
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
}

/** Schema failures of a localization file (empty when valid). */
export async function validateLocalization(
  localization: Record<string, unknown>,
): Promise<string[]> {
  const schema = bundledSchema(localization.$schema, 'MicrosoftTeams.Localization.schema.json');
  return AppManifestUtils.validateAgainstSchema(localization as never, schema as never);
}
