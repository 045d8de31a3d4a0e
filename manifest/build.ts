// Fills the manifest template with the values of one installation (ids, public host name, version)
// and builds the app package zip Teams, Outlook and the Microsoft 365 admin center accept.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { colorIcon, outlineIcon } from './icons.js';

/** The Teams app's own id in the catalog: fixed, so re-uploads update the same app. */
export const TEAMS_APP_ID = 'b232149b-8655-4dbe-8a27-6f502ae7131d';

export const TEMPLATE_PATH = new URL('./manifest.template.json', import.meta.url);
export const EN_US_PATH = new URL('./en-us.json', import.meta.url);

export interface ManifestValues {
  version: string;
  teamsAppId: string;
  /** The Azure Bot / Entra app id the bot runs as (BOT_APP_ID). */
  botAppId: string;
  /** The Entra app the tab signs in to (SSO, on-behalf-of): M365_CLIENT_ID. */
  aadAppId: string;
  /** Host (and port, if not 443) the app is reachable at: PUBLIC_URL's host. */
  publicHostname: string;
}

/** Missing or unusable values: the package command refuses and names them. */
export class ManifestValuesError extends Error {
  override readonly name = 'ManifestValuesError';
}

export interface ManifestSource {
  mode: 'local' | 'tenant';
  version: string;
  publicUrl?: string;
  port: number;
  botAppId?: string;
  aadAppId: string;
}

/**
 * The values for a configuration. Tenant mode needs PUBLIC_URL (https) and BOT_APP_ID; the local mode
 * fills demo values so the package still builds for the Agents Playground.
 */
export function manifestValues(source: ManifestSource): ManifestValues {
  const problems: string[] = [];
  let publicHostname: string;
  if (source.publicUrl) {
    const url = new URL(source.publicUrl);
    if (url.protocol !== 'https:' && source.mode === 'tenant') {
      problems.push(`PUBLIC_URL must be https:// for Teams (got ${source.publicUrl})`);
    }
    publicHostname = url.host;
  } else if (source.mode === 'local') {
    publicHostname = `localhost:${source.port}`;
  } else {
    problems.push(
      'PUBLIC_URL is required to package the app (the https address Teams loads the tab from)',
    );
    publicHostname = '';
  }
  const botAppId = source.botAppId ?? (source.mode === 'local' ? source.aadAppId : undefined);
  if (!botAppId) problems.push('BOT_APP_ID is required to package the app');
  if (problems.length > 0)
    throw new ManifestValuesError(`Cannot package the app: ${problems.join('; ')}.`);
  return {
    version: source.version,
    teamsAppId: TEAMS_APP_ID,
    botAppId: botAppId!,
    aadAppId: source.aadAppId,
    publicHostname,
  };
}

const PLACEHOLDERS: Record<string, keyof ManifestValues> = {
  VERSION: 'version',
  TEAMS_APP_ID: 'teamsAppId',
  BOT_APP_ID: 'botAppId',
  AAD_APP_ID: 'aadAppId',
  PUBLIC_HOSTNAME: 'publicHostname',
};

/** The template with every {{PLACEHOLDER}} replaced; an unknown placeholder is an error. */
export function fillTemplate(template: string, values: ManifestValues): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const key = PLACEHOLDERS[name];
    if (!key)
      throw new ManifestValuesError(`Unknown placeholder {{${name}}} in the manifest template`);
    // Values go into JSON strings: escape what would break out of one.
    return JSON.stringify(values[key]).slice(1, -1);
  });
}

export interface AppPackageFiles {
  'manifest.json': string;
  'en-us.json': string;
  'color.png': Buffer;
  'outline.png': Buffer;
}

export function buildManifestFiles(values: ManifestValues): AppPackageFiles {
  const manifest = fillTemplate(readFileSync(TEMPLATE_PATH, 'utf8'), values);
  JSON.parse(manifest); // a broken template fails here, not in Teams
  return {
    'manifest.json': manifest,
    'en-us.json': readFileSync(EN_US_PATH, 'utf8'),
    'color.png': colorIcon(),
    'outline.png': outlineIcon(),
  };
}

/** The app package: the manifest and its files at the zip's root, as Teams requires. */
export async function buildAppPackage(files: AppPackageFiles): Promise<Buffer> {
  const zip = new JSZip();
  // A fixed date keeps the zip byte-identical for identical input.
  const date = new Date('2026-01-01T00:00:00Z');
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
