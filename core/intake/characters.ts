// Counts characters the way the award's rule means them: "max 85 000 tecken exklusive blanksteg",
// which units check with Word's "Characters (no spaces)".
//
// What counts, and why:
// - Word excludes spaces, tabs and paragraph/line breaks. Decision: the non-breaking space
//   (Ctrl+Shift+Space, U+00A0, common in Swedish "85 000" and "52 %") is excluded too, like every
//   Unicode white space (\s in JS: U+0009–000D, U+0020, U+00A0, U+1680, U+2000–200A, U+2028/2029,
//   U+202F, U+205F, U+3000, U+FEFF). It is a space to the writer; we could not confirm Word's own
//   treatment of it here, and a unit can only be harmed by us counting more than Word does, not less.
// - Invisible format characters that Word does not show as characters are excluded too: zero-width
//   space/joiners (U+200B–200D), word joiner (U+2060), soft hyphen (U+00AD, Word's optional hyphen,
//   hidden unless it breaks a line) and directional marks (U+200E/200F).
// - Everything else counts once per user-perceived character (grapheme cluster): "ä" written as
//   a + combining diaeresis counts 1 like the precomposed "ä", an emoji counts 1 (not 2 UTF-16 units).
//   Text extracted from a PDF may come in either normal form, so this keeps the count stable.

const EXCLUDED = /[\s\u200b-\u200d\u2060\u00ad\u200e\u200f\ufeff]/gu;

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('sv', { granularity: 'grapheme' })
    : null;

/** Characters excluding white space, counted as Word's "Characters (no spaces)". */
export function countCharactersNoSpaces(text: string): number {
  const stripped = text.replace(EXCLUDED, '');
  if (stripped.length === 0) return 0;
  // ASCII/Latin-1 only: one UTF-16 unit per character, no combining marks; skip segmentation.
  if (!/[^\u0020-\u02ff]/.test(stripped)) return stripped.length;
  if (segmenter) {
    let n = 0;
    for (const _ of segmenter.segment(stripped)) n++;
    return n;
  }
  // Fallback: code points, with combining marks folded into their base letter.
  return [...stripped.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
}

/** Characters including spaces (Word's "Characters (with spaces)"), paragraph breaks excluded. */
export function countCharactersWithSpaces(text: string): number {
  return (
    countCharactersNoSpaces(text.replace(/[\r\n]+/g, '')) +
    (text.replace(/[\r\n]/g, '').match(/\s/gu)?.length ?? 0)
  );
}

export interface CharacterCheck {
  count: number;
  max: number;
  over: boolean;
  /** How many characters over the limit (0 when within). */
  excess: number;
}

/** The count against a cycle's limit (`cycle.rules.maxCharacters`); exactly the limit is allowed. */
export function checkCharacterLimit(text: string, max: number): CharacterCheck {
  const count = countCharactersNoSpaces(text);
  return { count, max, over: count > max, excess: Math.max(0, count - max) };
}
