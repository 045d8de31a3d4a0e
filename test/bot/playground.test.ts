// The bot in the Microsoft 365 Agents Playground (a Teams-like chat, run locally from npm), driven in
// headless Chromium: the app installs, the bot welcomes the user, and "hjälp" brings the help card.
// This is the path a developer takes with the README's Playground command.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/harness.js';

const ROOT = new URL('../../', import.meta.url).pathname;

let server: TestServer;
let playground: ChildProcess;
let playgroundUrl: string;
let browser: Browser;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  server = await startTestServer();
  const port = await freePort();
  playground = spawn(
    join(ROOT, 'node_modules', '.bin', 'agentsplayground'),
    [
      '-e',
      `http://127.0.0.1:${server.port}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--disable-telemetry',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  playgroundUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Playground did not start')), 60_000);
    playground.stdout!.on('data', (chunk: Buffer) => {
      const match = /Listening on (\d+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve(`http://localhost:${match[1]}`);
      }
    });
    playground.once('exit', (code) => reject(new Error(`the Playground exited with ${code}`)));
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  playground?.kill('SIGTERM');
  await server?.stop();
});

describe('the bot in the Agents Playground', () => {
  it('welcomes the user and answers "hjälp" with the help card', async () => {
    const page = await browser.newPage();
    await page.goto(playgroundUrl);
    // The Playground installs the app (conversationUpdate): the welcome card arrives.
    await page.getByText('Kvalitetsutmärkelsen').first().waitFor({ timeout: 30_000 });

    const compose = page.locator('[contenteditable="true"], textarea, input[type="text"]').first();
    await compose.click();
    await compose.fill('hjälp');
    await page.keyboard.press('Enter');

    // The Playground's user writes in English (en-US), so the card answers in English.
    await page.getByText('Write to me:').first().waitFor({ timeout: 30_000 });
    expect(await page.getByText('deadlines', { exact: true }).count()).toBeGreaterThan(0);
    await page.close();
  });
});
