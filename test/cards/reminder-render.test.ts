// The reminder cards rendered in Chromium by the Adaptive Cards renderer (the JavaScript SDK Teams'
// web renderer family uses), Swedish and English, every state: each renders without errors, shows its
// deadline and buttons, and a screenshot goes to test-artifacts/cards/ for people to look at.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderCard } from '../../cards/reminder.js';
import type { Locale } from '../../core/model.js';
import { launchChromium } from '../support/chromium.js';
import { REMINDER_EXAMPLES, REMINDER_STATES } from './reminder-examples.js';

const OUT = new URL('../../test-artifacts/cards/', import.meta.url);
const require = createRequire(import.meta.url);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 480, height: 900 } });
  await page.setContent(
    '<!doctype html><html><body style="font-family:Segoe UI, sans-serif;background:#f5f5f5"><div id="card" style="width:440px;background:#fff;padding:8px"></div></body></html>',
  );
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function render(
  card: unknown,
): Promise<{ text: string; buttons: string[]; errors: string[] }> {
  return page.evaluate((json) => {
    interface Renderer {
      parse(json: unknown, context: unknown): void;
      render(): HTMLElement | undefined;
      validateProperties(): { validationEvents: { message: string }[] };
    }
    const AC = (
      window as unknown as {
        AdaptiveCards: {
          AdaptiveCard: new () => Renderer;
          SerializationContext: new (v: unknown) => unknown;
          Versions: { v1_5: unknown };
        };
      }
    ).AdaptiveCards;
    const target = document.getElementById('card')!;
    target.innerHTML = '';
    const ac = new AC.AdaptiveCard();
    const errors: string[] = [];
    ac.parse(json, new AC.SerializationContext(AC.Versions.v1_5));
    const el = ac.render();
    if (!el) errors.push('nothing rendered');
    else target.appendChild(el);
    for (const e of ac.validateProperties().validationEvents) errors.push(e.message);
    return {
      text: target.innerText,
      buttons: [...target.querySelectorAll('button')].map((b) => b.innerText.trim()),
      errors,
    };
  }, card);
}

describe('reminder cards in Chromium', () => {
  const locales: Locale[] = ['sv', 'en'];
  for (const locale of locales) {
    for (const [name, example] of Object.entries(REMINDER_EXAMPLES))
      it(`${name} (${locale})`, async () => {
        const result = await render(reminderCard({ ...example, locale }));
        expect(result.errors).toEqual([]);
        if (example.kind === 'feedback-visit') {
          expect(result.text).toContain(locale === 'sv' ? 'Återföringsbesök' : 'Feedback visit');
          expect(result.buttons).toEqual([
            locale === 'sv' ? 'Fråga samordnarna' : 'Ask the coordinators',
          ]);
        } else if (example.kind === 'site-visit-documents') {
          expect(result.text).toContain(locale === 'sv' ? 'Platsbesök' : 'Site visit');
          expect(result.buttons).toEqual([
            locale === 'sv' ? 'Fråga samordnarna' : 'Ask the coordinators',
          ]);
        } else {
          expect(result.text).toContain(locale === 'sv' ? 'kl. 24.00' : 'at 24:00');
          expect(result.buttons).toContain(locale === 'sv' ? 'Vi har skickat' : 'We have sent it');
        }
        await page
          .locator('#card')
          .screenshot({ path: new URL(`reminder-${name}-${locale}.png`, OUT).pathname });
      });
    for (const state of REMINDER_STATES)
      it(`submission card, ${state} (${locale})`, async () => {
        const result = await render(
          reminderCard({
            ...REMINDER_EXAMPLES.submission!,
            locale,
            state,
            ...(state === 'snoozed' ? { snoozedUntil: '2027-05-17T09:00:00+02:00' } : {}),
          }),
        );
        expect(result.errors).toEqual([]);
        expect(result.buttons.length).toBeGreaterThan(0);
        await page
          .locator('#card')
          .screenshot({ path: new URL(`reminder-state-${state}-${locale}.png`, OUT).pathname });
      });
  }
});
