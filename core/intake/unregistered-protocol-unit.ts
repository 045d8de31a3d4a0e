// A board's protocol for a unit the register does not know: the intake acts only for a registered
// unit (the lead's label rule of 7 December 2026), so a coordinator adds or identifies the unit first.
// Filed alone, such a protocol marks nothing and stands filed as done ("Enheter i protokollet: inga").
// Only the mail's own decision wording counts: "Nämnden anmäler Kista bibliotek till …", "… anmäler
// att Fritidsgården Tensta träff deltar", "styrelsen godkänner att Hotellhemmet Gröndal deltar".
// A protocol whose mail names no unit at all is not this rule's: its units are in the attached
// excerpt, read at runtime (core/intake/plan.ts, `unregisteredProtocolReason`). A named unit that is
// registered (also by its short name, "Kundservice"), that could be one of several registered units,
// or that is a district or a board ("att Skarpnäcks stadsdelsförvaltning deltar") is left alone.
import type { Bilingual } from '../model.js';
import type { Classification } from './classify.js';
import { matchProtocol, type MatchableUnit, type PreparedUnit } from './match.js';
import { similarity } from './similarity.js';
import { fold } from './text.js';

/**
 * Diacritics off, case kept, so the decision wording is matched without them and a name keeps its
 * capital; `at[i]` is the index in the text of the plain text's i-th character (the name is quoted
 * to the coordinator as written).
 */
function plain(text: string): { plain: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const p = text[i]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += p;
    for (let k = 0; k < p.length; k++) at.push(i);
  }
  return { plain: out, at };
}

/** A board's decision verb ("anmäler", "godkände", "beslutade", "ställer sig bakom", "noterar"). */
const DECIDES =
  /\b(anmaler|anmalde|anmalt|anmala|anmals|anmaldes|anmalts|godkanner|godkande|godkant|godkanna|godkanns|beslutade|beslutar|beslutat|beslot|besluta|noterar|noterade|staller sig bakom|stallde sig bakom|tillstyrker|tillstyrkte|approved|approves|registers|registered)\b/i;
/** "… att X deltar" / "… that X takes part": the unit the decision is about. */
const THAT_TAKES_PART =
  /\b(?:att|that) ((?:(?!att |that )\S+ ){0,8}?\S+) (?:deltar|ska delta|skall delta|far delta|kommer att delta|medverkar|takes part|participates|will (?:take part|participate))\b/dgi;
/** "anmäler X till …", "godkänna X:s deltagande", "anmäler X." (the name capitalised). */
const REGISTERS_NAME =
  /\b(?:anmaler|anmalde|anmalt|anmala|godkanner|godkande|godkant|godkanna)\s+([A-Z]\S*(?: \S+){0,7}?)(?:\s+(?:till|i|som|for)\b|:?s? deltagande\b|\s*$)/dg;
/** Words that start no unit's name in such a sentence ("att följande enheter deltar", "att de deltar"). */
const NOT_A_NAME =
  /^(foljande|nedanstaende|de|vi|dessa|samtliga|alla|enheterna|verksamheterna|deltagande|intresse|sitt|sin|sina|var|vart|vara|our|the|all|its)\b/;
/** A district's or a board's name, not a unit's. */
const BOARD =
  /\b(\w*namnd\w*|\w*forvaltning\w*|styrelse\w*|stadsdel\w*|kommunstyrelse\w*|kansli\w*|stadsledningskontor\w*|ab|bolag\w*|koncern\w*|board|committee)\b/;
/** Words that say what kind of unit it is, not which one: they name none alone. */
const KIND_WORDS = new Set(['forskolan', 'forskola', 'skolan', 'skola', 'enheten', 'enhet', 'och']);

function asMatchable(units: readonly MatchableUnit[] | PreparedUnit[]): MatchableUnit[] {
  return units.map((u) => ('variants' in u ? u.unit : u));
}

/** Some registered unit's name holds every distinctive word of the name: it may be that one (or one of them). */
function couldBeRegistered(name: string, units: readonly MatchableUnit[]): boolean {
  const words = fold(name.replace(/\(.*?\)/g, ' '))
    .split(' ')
    .filter((w) => w.length >= 3 && !KIND_WORDS.has(w));
  if (words.length === 0) return true;
  return units.some((u) => {
    const unitWords = fold(u.name).split(' ');
    return words.every((w) => unitWords.some((x) => x === w || similarity(w, x) >= 0.85));
  });
}

/** The names a protocol's mail says its board decided on, as written. */
export function decidedUnitNames(text: string): string[] {
  const names: string[] = [];
  for (const raw of text.split(/(?<=[.!?;])\s+|\n\s*\n/)) {
    const written = raw.replace(/\s+/g, ' ').trim();
    const { plain: sentence, at } = plain(written);
    if (!DECIDES.test(sentence)) continue;
    for (const m of [...sentence.matchAll(THAT_TAKES_PART), ...sentence.matchAll(REGISTERS_NAME)]) {
      const [start, end] = m.indices?.[1] ?? [0, 0];
      if (end > start) names.push(written.slice(at[start], at[end - 1]! + 1));
    }
  }
  return [
    ...new Set(
      names
        .map((n) => n.replace(/[.,:]+$/, '').trim())
        .filter((n) => /^\p{Lu}/u.test(n) && !NOT_A_NAME.test(fold(n)) && !BOARD.test(fold(n))),
    ),
  ];
}

/** The first unit the protocol's mail names that is in no register, if any. */
export function unregisteredProtocolUnit(
  c: Pick<Classification, 'kind' | 'parts'>,
  units: readonly MatchableUnit[] | PreparedUnit[],
): string | undefined {
  if (c.kind !== 'board-protocol') return undefined;
  const names = decidedUnitNames(`${c.parts.own}\n\n${c.parts.forwarded}`);
  if (names.length === 0) return undefined;
  const register = asMatchable(units);
  for (const name of names) {
    // Read as a list ("A, B och C"), each piece against the register as a protocol's list is read.
    const { unmatchedLines } = matchProtocol(`Följande enheter deltar: ${name}`, register);
    const unknown = unmatchedLines.find(
      (line) => !BOARD.test(fold(line)) && !couldBeRegistered(line, register),
    );
    if (unknown) return unknown;
  }
  return undefined;
}

/** Why a coordinator must look at a protocol for a unit in no register; undefined otherwise. */
export function unregisteredProtocolUnitReason(
  c: Pick<Classification, 'kind' | 'parts'>,
  units: readonly MatchableUnit[] | PreparedUnit[],
): Bilingual | undefined {
  const unit = unregisteredProtocolUnit(c, units);
  if (!unit) return undefined;
  return {
    sv: `Protokollet gäller "${unit}", som inte finns i enhetsregistret: en samordnare lägger till eller identifierar enheten`,
    en: `The protocol concerns "${unit}", which is not in the unit register: a coordinator adds or identifies the unit`,
  };
}

/**
 * At runtime, once the protocol's documents were read: a protocol in which no registered unit was
 * found marks nothing, and filed as done ("Enheter i protokollet: inga") it is easily missed, so a
 * coordinator reads which units it is for (a unit the register lacks, a name written otherwise, a file
 * that could not be read). Only when there was a document to read: a protocol's mail with none (a
 * protocol said to follow) is filed as before.
 */
export function noRegisteredUnitReason(
  protocol: {
    units: readonly unknown[];
    unmatchedLines: readonly string[];
    unreadable: readonly { fileName: string }[];
  },
  documentsRead: boolean,
): Bilingual | undefined {
  if (protocol.units.length > 0 || (!documentsRead && protocol.unreadable.length === 0))
    return undefined;
  const lines = protocol.unmatchedLines.length > 0 ? protocol.unmatchedLines.join('; ') : '';
  const files = protocol.unreadable.map((d) => d.fileName).join(', ');
  return {
    sv:
      `Ingen enhet i enhetsregistret hittades i protokollet` +
      (lines ? ` (namn som inte motsvarar någon känd enhet: ${lines})` : '') +
      (files ? ` (kunde inte läsas: ${files})` : '') +
      `: en samordnare läser vilka enheter det gäller och lägger till eller identifierar dem`,
    en:
      `No unit of the unit register was found in the protocol` +
      (lines ? ` (names that match no known unit: ${lines})` : '') +
      (files ? ` (could not be read: ${files})` : '') +
      `: a coordinator reads which units it is for and adds or identifies them`,
  };
}
