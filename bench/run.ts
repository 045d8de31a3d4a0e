// `npm run bench`: runs every bench/*.bench.ts (or those named: `npm run bench -- server`) one after
// another and prints their figures as a table. A bench file default-exports
// `async () => Record<string, number | string>`.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Bench = () => Promise<Record<string, number | string>>;

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2).map((name) => name.replace(/\.bench\.ts$/, ''));
const all = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort()
  .map((file) => ({ name: basename(file, '.bench.ts'), path: join(dir, file) }));
const unknown = wanted.filter((name) => !all.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(
    `No bench named ${unknown.join(', ')}. Known: ${all.map((b) => b.name).join(', ')}`,
  );
  process.exit(1);
}
const selected = wanted.length > 0 ? all.filter((b) => wanted.includes(b.name)) : all;

const rows: Array<[string, string, string]> = [];
let failed = 0;
for (const bench of selected) {
  console.log(`== ${bench.name}`);
  const started = performance.now();
  try {
    const mod = (await import(pathToFileURL(bench.path).href)) as { default?: Bench };
    if (typeof mod.default !== 'function') throw new Error('no default export function');
    const figures = await mod.default();
    for (const [metric, value] of Object.entries(figures))
      rows.push([bench.name, metric, format(value)]);
    rows.push([bench.name, 'bench wall time (s)', format((performance.now() - started) / 1000)]);
  } catch (err) {
    failed++;
    rows.push([bench.name, 'FAILED', err instanceof Error ? err.message : String(err)]);
    console.error(err);
  }
}

printTable(['bench', 'figure', 'value'], rows);
process.exit(failed > 0 ? 1 : 0);

function format(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

function printTable(header: [string, string, string], body: Array<[string, string, string]>): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
}
