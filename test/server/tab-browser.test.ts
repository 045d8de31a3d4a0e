// The tab page in real (headless) Chromium, outside Teams: it must not wait for a Teams host, and it
// shows the cycle's next deadlines in the browser's language.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ AWARD_NOW: '2027-05-10T09:00:00+02:00' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('tab page in a browser', () => {
  it('shows the next deadlines in Swedish', async () => {
    const page = await browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${server.url}/tab/`);
    await page.locator('#deadlines li').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('h1').textContent()).toBe('Kvalitetsutmärkelsen 2027');
    const first = await page.locator('#deadlines li').first().textContent();
    expect(first).toContain('Sista dag att skicka in tävlingsbidraget');
    expect(first).toContain('kl. 24.00');
    expect(await page.locator('#error').isHidden()).toBe(true);
    await page.close();
  });

  it('speaks English when Teams passes an English locale', async () => {
    const page = await browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${server.url}/tab/?locale=en-US`);
    await page.locator('#deadlines li').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('#deadlines-title').textContent()).toBe('Coming dates');
    expect(await page.locator('#deadlines li').first().textContent()).toContain(
      'Last day to send in the application',
    );
    await page.close();
  });
});
