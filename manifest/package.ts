// `npm run package`: writes manifest/build/app-<version>.zip with ids and host filled from the
// configuration (the same environment and .env the server reads). Refuses, naming what is missing,
// when a tenant package lacks PUBLIC_URL or BOT_APP_ID; the local mode packages demo values.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../server/config.js';
import { buildAppPackage, buildManifestFiles, manifestValues } from './build.js';
import { validateLocalization, validateManifest } from './validate.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const values = manifestValues({
    mode: config.mode,
    version: config.version,
    publicUrl: config.publicUrl,
    port: config.port,
    botAppId: config.bot.appId,
    aadAppId: config.m365.clientId,
  });
  const files = buildManifestFiles(values);
  const failures = [
    ...(await validateManifest(JSON.parse(files['manifest.json']) as Record<string, unknown>)),
    ...(await validateLocalization(JSON.parse(files['en-us.json']) as Record<string, unknown>)),
  ];
  if (failures.length > 0) {
    throw new Error(`The manifest does not validate:\n  ${failures.join('\n  ')}`);
  }
  const dir = new URL('./build/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const out = new URL(`app-${values.version}.zip`, dir);
  writeFileSync(out, await buildAppPackage(files));
  console.log(`Wrote ${out.pathname}`);
  console.log(
    `  mode ${config.mode}, host ${values.publicHostname}, bot ${values.botAppId}, SSO app ${values.aadAppId}`,
  );
  if (config.mode === 'local') {
    console.log(
      '  (local mode: demo values, for the Agents Playground; set PUBLIC_URL and BOT_APP_ID for a tenant)',
    );
  }
}

main().catch((err: unknown) => {
  console.error(
    err instanceof Error && err.name !== 'Error'
      ? err.message
      : String(err instanceof Error ? err.message : err),
  );
  process.exit(1);
});
