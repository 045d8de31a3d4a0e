// The bot in the Microsoft 365 Agents Playground (a Teams-like chat, run locally from npm), driven in
// headless Chromium: the app installs, the bot welcomes the user, and "hjälp" brings the help card;
// then a coordinator's conversation: the status card, a unit by name and an act confirmed on a card,
// with screenshots in test-artifacts/bot/. The Playground's user is the demo tenant's coordinator
// (its config file names her object id), so the roles come from the emulator's groups as in Teams.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { getUser } from '../../graph/users.js';
import { importDemoData } from '../../server/jobs/intake-demo-data.js';
import { createStatusFeature } from '../../server/jobs/status.js';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/harness.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ARTIFACTS = join(ROOT, 'test-artifacts', 'bot');
const configPath = join(ROOT, 'bot', 'playground-coordinator.yml');

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
  server = await startTestServer({}, { features: [createStatusFeature()] });
  await importDemoData(server.store, new Date());
  const maria = await getUser(server.graph, 'maria.lindqvist@stockholm.example', ['id']);
  // The Playground's current user is the coordinator (the config file the README names); her id
  // there must be the emulator's.
  expect(readFileSync(configPath, 'utf8')).toContain(`aadObjectId: ${maria.id}`);
  mkdirSync(ARTIFACTS, { recursive: true });
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
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      },
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

// Like the tab's browser tests: a browser's waits (30 s each by default) need more than the
// runner's 30 s per test on a loaded machine.
describe('the bot in the Agents Playground', { timeout: 120_000 }, () => {
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

  it('a coordinator asks for the status, opens a unit and records a note, confirmed on a card', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(playgroundUrl);
    await page.getByText('Kvalitetsutmärkelsen').first().waitFor({ timeout: 30_000 });
    const compose = page.locator('[contenteditable="true"], textarea, input[type="text"]').first();
    const say = async (text: string) => {
      await compose.click();
      await compose.fill(text);
      await page.keyboard.press('Enter');
    };

    await say('status');
    await page
      .getByText('Kvalitetsutmärkelsen: where we stand')
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await page.getByText('Next dates').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-1-status.png'), fullPage: true });

    await say('Förskolan Vasaparkn');
    await page.getByText('Not taking part in').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'playground-2-unit.png'), fullPage: true });

    // Universal Actions: the detail card's "Note" button asks for the note on a confirmation card.
    await page.getByRole('button', { name: 'Note', exact: true }).last().click();
    await page.getByText('Note on Förskolan Vasaparken').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'playground-3-confirm.png'), fullPage: true });
    await page.locator('textarea').last().fill('Called: they will pre-register in January.');
    await page.getByRole('button', { name: 'Confirm', exact: true }).last().click();
    await page.getByText('Recorded: Note').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'playground-4-recorded.png'), fullPage: true });
    await page.close();
  });
});
