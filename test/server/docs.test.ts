// The documentation a newcomer reads first stays true to the code: the README opens with the two
// commands, and every configuration variable is documented in .env.example and the README's table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../server/config.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README and .env.example', () => {
  it('the README opens with the start command and the test command', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(read('README.md'))?.[1] ?? '';
    const commands = firstBlock
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm install && npm start', 'npm ci && npm test']);
  });

  it.each(CONFIG_VARIABLES)('documents %s', (variable) => {
    expect(read('.env.example')).toMatch(new RegExp(`^${variable}=`, 'm'));
    expect(read('README.md')).toContain(`| \`${variable}\` |`);
  });

  it('documents no variable the config module does not read', () => {
    const documented = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('npm start and the package scripts are what the README says', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    // The tab is built (Vite) when missing or stale, then the server runs from TypeScript.
    expect(scripts.start).toBe('node scripts/tab-build.mjs && tsx server/main.ts');
    expect(scripts.build).toBe('node scripts/build.mjs');
    expect(scripts.package).toBe('tsx manifest/package.ts');
    expect(scripts.bench).toBe('tsx bench/run.ts');
  });
});

describe('the project stands alone', () => {
  it('no tracked file links or points into a folder beside the project', async () => {
    const { execFileSync } = await import('node:child_process');
    const root = new URL('../../', import.meta.url);
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('package-lock.json') && !f.startsWith('test-artifacts/'));
    const pointing = files.filter((f) => {
      if (f === 'test/server/docs.test.ts') return false;
      const text = readFileSync(new URL(f, root), 'utf8');
      return /\.\.\/shared\b/.test(text);
    });
    expect(pointing).toEqual([]);
  });
});
