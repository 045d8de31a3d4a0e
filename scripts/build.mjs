/* global process, console */
// `npm run build`: the server compiled to JavaScript (dist/, by tsc) and the tab built by Vite, with
// what the compiled server reads at run time beside it (package.json, the cycle files, the tab's
// static pages and build, the manifest template). Production then runs `node dist/server/main.js`
// with production dependencies only.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTab } from './tab-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--out <dir>` builds elsewhere (the production test builds into a temporary directory).
const outArg = process.argv.indexOf('--out');
const dist = outArg > 0 ? process.argv[outArg + 1] : join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dist],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
await buildTab({ force: true });
cpSync(join(root, 'package.json'), join(dist, 'package.json'));
cpSync(join(root, 'cycles'), join(dist, 'cycles'), { recursive: true });
cpSync(join(root, 'tab/public'), join(dist, 'tab/public'), { recursive: true });
cpSync(join(root, 'tab/dist'), join(dist, 'tab/dist'), { recursive: true });
mkdirSync(join(dist, 'manifest'), { recursive: true });
for (const file of ['manifest.template.json', 'en-us.json'])
  cpSync(join(root, 'manifest', file), join(dist, 'manifest', file));
console.log(`Built ${dist} (run: node ${join(dist, 'server/main.js')})`);
