// Real mail is typed in a hurry: a key held a beat too long ("villl anmäla") or a consonant doubled
// in a long compound ("informationsmöttet", "kvalitetsutmärkelssen"). Such a word is missed by every
// rule that looks for it, and the mail then reads as something else ("vill anmäla" without the
// meeting it names reads as a registration). Two mends, over folded text (`fold`, text.ts):
//
// 1. A letter typed three times or more is typed twice: Swedish and English write no letter three
//    times in a row, so "villl" becomes "vill", "mottt" becomes "mott". (Only in the classifier's
//    reading: unit names are matched on their own fold, where "Enhet III" is not "Enhet II".)
// 2. The award's key words, and only they, forgive a consonant typed twice: "informationsmottet" is
//    "informationsmotet", "biddrag" is "bidrag". Only whole stems are mended, so no other word can
//    turn into one of them: "informationsmottagare" (no vowel "e" after the "tt") stays itself, and
//    so does "mötte" (met), which is no key word. Vowels are left alone.

/** The key words' stems as folded, each mended wherever it begins (compounds: "verksamhetsbidrag"). */
const KEY_STEMS = [
  'kvalitetsutmarkelse',
  'protokollsutdrag',
  'intresseanmalan',
  'informationsmote',
  'infomote',
  'protokoll',
  'bidrag',
  'anmal',
];

const VOWEL = /[aeiouy]/;

/**
 * A stem's pattern: each consonant once or twice (a double in the stem, "ll", stays a double or
 * becomes a triple already mended to a double), each vowel as written.
 */
function stemPattern(stem: string): string {
  let out = '';
  for (let i = 0; i < stem.length;) {
    const ch = stem[i] as string;
    let run = 1;
    while (stem[i + run] === ch) run++;
    out += VOWEL.test(ch) ? ch.repeat(run) : run === 1 ? `${ch}{1,2}` : ch.repeat(run);
    i += run;
  }
  return out;
}

const KEY_WORDS = KEY_STEMS.map((stem) => ({ stem, re: new RegExp(stemPattern(stem), 'g') }));

/** Folded text with letters typed thrice and doubled consonants in the award's key words mended. */
export function mendTypos(folded: string): string {
  let out = folded.replace(/([a-z])\1{2,}/g, '$1$1');
  for (const { stem, re } of KEY_WORDS) out = out.replace(re, stem);
  return out;
}
