import { describe, expect, it } from 'vitest';
import { sameDocumentText } from './same-document.js';

const words = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => `ord${(i * 7919 + seed * 104729) % 100_003}`).join(' ');

describe('sameDocumentText', () => {
  it('the same text with other line breaks and hyphenation is the same document', () => {
    const a = `Vi arbetar med kvalitet varje dag. ${words(400, 1)}`;
    const b = `Vi arbetar med kvali-\ntet varje dag.\n\n${words(400, 1).replace(/ /g, '\n')}\nSida 1 av 3`;
    expect(sameDocumentText(a, b)).toBe(true);
  });

  it('two parts of one application, or two applications, are not', () => {
    expect(sameDocumentText(words(400, 1), words(400, 2))).toBe(false);
    expect(sameDocumentText(words(400, 1), `${words(400, 1)} ${words(400, 3)}`)).toBe(false);
    expect(sameDocumentText('', 'text')).toBe(false);
  });
});
