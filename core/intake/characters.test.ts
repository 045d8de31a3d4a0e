import { describe, expect, it } from 'vitest';
import {
  checkCharacterLimit,
  countCharactersNoSpaces,
  countCharactersWithSpaces,
} from './characters.js';

describe('countCharactersNoSpaces (Word: "Characters (no spaces)")', () => {
  it('counts letters, digits and punctuation and skips spaces, tabs and line breaks', () => {
    expect(countCharactersNoSpaces('Hej på dig!')).toBe(9);
    expect(countCharactersNoSpaces('a\tb\nc\r\nd')).toBe(4);
    expect(countCharactersNoSpaces('')).toBe(0);
    expect(countCharactersNoSpaces(' \n\t ')).toBe(0);
  });

  it('counts å, ä, ö once whether precomposed or decomposed (as PDFs sometimes give them)', () => {
    const precomposed = 'Förskolan Årstaskogen';
    const decomposed = precomposed.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(precomposed.length);
    expect(countCharactersNoSpaces(decomposed)).toBe(countCharactersNoSpaces(precomposed));
    expect(countCharactersNoSpaces(precomposed)).toBe(20);
  });

  it('counts an emoji or a flag as one character, not as UTF-16 units', () => {
    expect(countCharactersNoSpaces('👍🏽')).toBe(1);
    expect(countCharactersNoSpaces('🇸🇪 ok')).toBe(3);
  });

  it('treats non-breaking and other Unicode spaces as spaces, and ignores invisible marks', () => {
    expect(countCharactersNoSpaces('85\u00a0000 tecken')).toBe(11);
    expect(countCharactersNoSpaces('52\u202f%')).toBe(3);
    expect(countCharactersNoSpaces('a\u2003b\u3000c')).toBe(3);
    expect(countCharactersNoSpaces('kvalitets\u00adutmärkelsen\u200b')).toBe(20);
    expect(countCharactersNoSpaces('\ufeffHej')).toBe(3);
  });

  it('counts with spaces too, line breaks excluded', () => {
    expect(countCharactersWithSpaces('Hej på\ndig')).toBe(9);
  });
});

describe('checkCharacterLimit', () => {
  it('allows exactly the limit and reports how far over', () => {
    expect(checkCharacterLimit('x'.repeat(85_000), 85_000)).toEqual({
      count: 85_000,
      max: 85_000,
      over: false,
      excess: 0,
    });
    expect(checkCharacterLimit(`${'x'.repeat(85_001)}   `, 85_000)).toEqual({
      count: 85_001,
      max: 85_000,
      over: true,
      excess: 1,
    });
  });
});
