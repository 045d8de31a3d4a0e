import { describe, expect, it } from 'vitest';
import { cardProblems } from '../test/cards/card-validator.js';
import { deadlinesCard } from './deadlines.js';
import { helpCard } from './help.js';

const texts = (card: { body: unknown[] }) => JSON.stringify(card.body);

describe('help card', () => {
  it('lists the commands in Swedish by default and parses cleanly as Adaptive Card 1.5', () => {
    const card = helpCard({ locale: 'sv' });
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('hjälp');
    expect(texts(card)).toContain('tidsplan');
    expect(card.fallbackText).toContain('hjälp');
    expect(card).toMatchSnapshot();
  });

  it('speaks English to English users', () => {
    const card = helpCard({ locale: 'en' });
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('deadlines');
    expect(texts(card)).not.toContain('hjälp');
    expect(card).toMatchSnapshot();
  });

  it('echoes unrecognised text shortened and without markdown, and offers the tab when there is one', () => {
    const card = helpCard({
      locale: 'sv',
      unrecognised: `**boka** ${'x'.repeat(100)}`,
      tabUrl: 'https://kvalitet.example/tab/',
    });
    expect(cardProblems(card)).toEqual([]);
    const body = texts(card);
    expect(body).toContain('Jag förstod inte');
    expect(body).not.toContain('**');
    expect(body).toContain('…');
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Öppna översikten', url: 'https://kvalitet.example/tab/' },
    ]);
  });

  it('greets on welcome', () => {
    const card = helpCard({ locale: 'sv', welcome: true });
    expect(texts(card)).toContain('Hej!');
    expect(cardProblems(card)).toEqual([]);
  });

  it('stays far below the Teams message size limit', () => {
    expect(
      JSON.stringify(helpCard({ locale: 'sv', tabUrl: 'https://x.example/tab/' })).length,
    ).toBeLessThan(28_000);
  });
});

describe('deadlines card', () => {
  it('shows each date with its wording and parses cleanly', () => {
    const card = deadlinesCard({
      locale: 'sv',
      year: 2027,
      items: [
        { label: 'Sista dag för intresseanmälan', when: 'måndag 22 mars 2027 kl. 24.00' },
        { label: 'Sista dag att skicka in tävlingsbidraget', when: 'måndag 17 maj 2027 kl. 24.00' },
      ],
    });
    expect(cardProblems(card)).toEqual([]);
    expect(card.fallbackText).toContain('måndag 17 maj 2027 kl. 24.00');
    expect(card).toMatchSnapshot();
  });

  it('says so when the cycle has no dates left', () => {
    const card = deadlinesCard({ locale: 'en', year: 2026, items: [] });
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('No more dates');
  });

  it("shows the examples for the asker's roles", () => {
    const card = helpCard({ locale: 'sv', examples: ['läget', 'vad saknas för oss?'] });
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('Till exempel:');
    expect(texts(card)).toContain('- vad saknas för oss?');
    expect(texts(helpCard({ locale: 'en' }))).not.toContain('For example:');
  });
});
