// The app's version, from package.json (shown by /healthz, the start-up print and the manifest).
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function appVersion(): string {
  cached ??= (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  return cached;
}
