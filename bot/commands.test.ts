import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.js';
import { localeOf } from './locale.js';

describe('parseCommand', () => {
  it.each([
    'hjälp',
    'Hjälp',
    ' HJÄLP! ',
    'help',
    '/help',
    '?',
    '<at>Kvalitetsutmärkelsen</at> hjälp',
    '',
  ])('reads %j as help', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help' });
  });

  it.each(['tidsplan', 'Deadlines', 'datum'])('reads %j as deadlines', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'deadlines' });
  });

  it('keeps unknown text for the hint', () => {
    expect(parseCommand('  boka besök ')).toEqual({ kind: 'unrecognised', text: 'boka besök' });
  });
});

describe('localeOf', () => {
  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['en', 'en'],
    ['sv-SE', 'sv'],
    ['fi-FI', 'sv'],
    [undefined, 'sv'],
    ['enx', 'sv'],
  ] as const)('%s → %s', (tag, locale) => {
    expect(localeOf(tag)).toBe(locale);
  });
});
