// The browser tests' one set-up: the tab built, the real server in the local mode (with the emulator)
// and Debian's Chromium started side by side, a demo person signed in through the local sign-in
// page, and axe-core's verdict on a page. One per test file (started in beforeAll, stopped in
// afterAll): the whole suite shares its time budget.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildTab } from '../../scripts/tab-build.mjs';
import type { ServerFeature } from '../../server/features.js';
import { startTestServer, type TestServer } from '../server/harness.js';
import { launchChromium } from './chromium.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface TabBrowser {
  server: TestServer;
  browser: Browser;
  /** Where this file's screenshots go (created). */
  artifacts: string;
  /** A page signed in as the demo person whose name starts with `person`, on the tab (or `path`). */
  signIn(person: string, options?: SignInOptions): Promise<Page>;
  stop(): Promise<void>;
}

export interface SignInOptions {
  /** Browser locale (default sv-SE); the tab also gets ?locale= from it. */
  locale?: string;
  width?: number;
  colorScheme?: 'light' | 'dark';
  forcedColors?: 'active' | 'none';
  /** The award cycle to pick once signed in (the demo units are in 2026). */
  year?: number;
}

export async function startTabBrowser(options: {
  env: Record<string, string>;
  features: ServerFeature[];
  artifacts: string;
}): Promise<TabBrowser> {
  mkdirSync(options.artifacts, { recursive: true });
  await buildTab();
  const [server, browser] = await Promise.all([
    startTestServer(options.env, { features: options.features }),
    launchChromium(),
  ]);
  return {
    server,
    browser,
    artifacts: options.artifacts,
    async signIn(person, o = {}) {
      const locale = o.locale ?? 'sv-SE';
      const page = await browser.newPage({
        locale,
        viewport: { width: o.width ?? 1280, height: 900 },
        colorScheme: o.colorScheme ?? 'light',
        forcedColors: o.forcedColors ?? 'none',
      });
      page.on('dialog', (d) => void d.dismiss());
      await page.goto(`${server.url}/tab/?locale=${locale.slice(0, 2)}`);
      await page.getByRole('heading', { name: /demo/ }).waitFor({ timeout: 20_000 });
      await page
        .getByRole('button', { name: new RegExp(`^${person}`) })
        .first()
        .click();
      await page.getByText(/Inloggad som|Signed in as/).waitFor({ timeout: 20_000 });
      await page
        .getByRole('combobox', { name: /Omgång|Cycle/ })
        .selectOption(String(o.year ?? 2026));
      return page;
    },
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

/** No serious or critical axe-core violations on the page as it stands. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Evaluated through the DevTools protocol: the pages' Content-Security-Policy (script-src 'self')
  // rightly refuses an injected inline script.
  // Colours are judged as they settle: a Fluent UI transition (a focus ring, a button's fade) caught
  // half-way reads as low contrast. Finite animations are awaited; a spinner's endless one is not.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((r) => setTimeout(r, 5_000)),
    ]),
  );
  await page.evaluate(AXE);
  const result = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<unknown> };
      }
    ).axe;
    // Tabster's focus guards (<i data-tabster-dummy>, Fluent UI's focus management) are aria-hidden
    // on purpose and hand focus on at once; axe cannot know that.
    return axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
  })) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}
