// The award's key compounds written apart ("informations mötet", "intresse anmälan", "kvalitets
// utmärkelsen", "protokolls utdrag"), or with a hyphen, which folding turns into a space: real mail
// splits Swedish compounds often, and a rule looking for "informationsmötet" would otherwise read
// "mötet" alone, so a manager's "vill anmäla mej till informations mötet den 9 mars" lost its meeting
// and was read as her unit's registration. Only a short, explicit list of the award's own compounds
// is joined, each half a whole word: "information om mötet", "kvalitets arbete" and "intresse för att
// anmäla" stay as written. (Letters typed twice or thrice are another module's matter.)

/** Second halves per first half, folded (fold in text.ts): the compounds the rules read whole. */
const SPLIT_COMPOUNDS: readonly [first: string, second: string][] = [
  [
    'informations',
    'mote|motet|moten|motena|motesdag|traff|traffen|traffar|traffarna|tillfalle|tillfallet|tillfallen|tillfallena',
  ],
  ['info', 'mote|motet|moten|motena|traff|traffen|traffar|traffarna|tillfalle|tillfallet'],
  ['intresse', 'anmalan|anmalningen|anmalningar|anmalningarna|anmalningsblankett\\w*'],
  ['kvalitets', 'utmarkelse|utmarkelsen|utmarkelsens|utmarkelser|utmarkelserna'],
  ['protokolls?', 'utdrag|utdraget|utdragen|utdragets'],
];

const JOIN = SPLIT_COMPOUNDS.map(
  ([first, second]) => new RegExp(`\\b(${first}) (${second})\\b`, 'g'),
);

/** Folded text with the award's split compounds written whole ("informations motet" → "informationsmotet"). */
export function joinSplitCompounds(folded: string): string {
  let out = folded;
  for (const re of JOIN) out = out.replace(re, '$1$2');
  return out;
}
