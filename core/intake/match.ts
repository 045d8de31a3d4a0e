// Matches a mail to the unit it concerns, and a board's protocol excerpt to the units it lists.
// Evidence is the sender's address (the unit's manager or the unit's own mailbox), an address or
// name written in the text, and the unit's name in the subject, body, signature, attachment names
// or the application's administrative data — fuzzy, so "Forskolan Solrosen", "Solrosens förskola"
// and "Förskola Solrosn" all find "Förskolan Solrosen", while another kind word names another unit
// ("Ekbackens förskola" is not "Ekbackens skola"). Two plausible units means no automatic match.
import type { Bilingual } from '../model.js';
import { findEmailAddresses, fold } from './text.js';
import { similarity } from './similarity.js';

export interface MatchableUnit {
  id: string;
  name: string;
  managerEmail: string;
  managerName?: string;
  email?: string;
  organisationId?: string;
  /** Other names the unit goes by ("Solrosen", an older name). */
  aliases?: string[];
}

export type EvidenceKind =
  | 'sender-unit-address'
  | 'sender-manager-address'
  | 'original-sender'
  | 'address-in-text'
  | 'name-in-subject'
  | 'name-in-text'
  | 'name-in-signature'
  | 'name-in-attachment'
  | 'name-in-document'
  | 'manager-name';

/** Evidence that the sender is the address the register holds for the unit: its manager or its mailbox. */
export const REGISTERED_SENDER: readonly EvidenceKind[] = [
  'sender-manager-address',
  'sender-unit-address',
];

export interface MatchEvidence {
  kind: EvidenceKind;
  score: number;
  /** The words or address that matched, as written. */
  found: string;
  sv: string;
  en: string;
}

export interface UnitCandidate {
  unitId: string;
  unitName: string;
  /** 0–1, evidence combined. */
  score: number;
  evidence: MatchEvidence[];
}

export interface UnitMatch {
  /** Set only when one unit is clearly the one: the pipeline may act on it. */
  unitId?: string;
  candidates: UnitCandidate[];
  status: 'matched' | 'ambiguous' | 'unknown';
  reason: Bilingual;
}

export interface MatchInput {
  from: { address: string; name?: string };
  subject: string;
  /** The sender's own text. */
  text: string;
  signature?: string;
  /** A forwarded mail's text (counts almost like the own text). */
  forwarded?: string;
  /** The forwarded/quoted mail's sender when the body names one. */
  originalSender?: { address: string; name?: string };
  attachmentNames?: string[];
  /** Text of an attached application (its first pages hold the administrative data). */
  documentText?: string;
  /** The unit name from the application's administrative data, when detected. */
  documentUnitName?: string;
}

/** A candidate at or above this score, with no close runner-up, is matched automatically. */
export const MATCH_THRESHOLD = 0.8;
/** A runner-up at or above this score makes the match ambiguous. */
export const RUNNER_UP_LIMIT = 0.5;

/** Words that say what kind of unit it is, not which one. */
const GENERIC = new Set([
  'forskolan',
  'forskola',
  'forskolor',
  'forskolorna',
  'forskoleenhet',
  'forskoleenheten',
  'skolan',
  'skola',
  'grundskola',
  'grundskolan',
  'enheten',
  'enhet',
  'preschool',
  'school',
  'the',
  'unit',
]);

/** Words that never name a unit on their own (for leftover protocol fragments). */
const STOP = new Set([
  'och',
  'samt',
  'i',
  'for',
  'av',
  'med',
  'pa',
  'till',
  'den',
  'det',
  'de',
  'som',
  'enheterna',
  'enheter',
  'verksamheter',
  'verksamheterna',
  'foljande',
  'deltar',
]);

interface Variant {
  tokens: string[];
  joined: string;
  /** Score factor: 1 for the full name, less for the name without its "förskolan". */
  factor: number;
  core: boolean;
  /** A core variant's kinds of unit, from the words taken off ("skola", "förskola"). */
  types?: string[];
}

/**
 * The kind of unit a word says: a preschool and a school of the same name are two units ("Ekbackens
 * förskola" is not "Ekbackens skola"), while "enheten" says no kind.
 */
function unitType(token: string): string | undefined {
  if (/^(forskol\w*|forskoleenhet\w*|preschool)$/.test(token)) return 'forskola';
  if (/^(skola|skolan|grundskola|grundskolan|school)$/.test(token)) return 'skola';
  return undefined;
}

/** Units with their name variants computed once (prepareUnits); pass these when matching many mails. */
export interface PreparedUnit {
  unit: MatchableUnit;
  variants: Variant[];
}

function variantsOf(name: string): Variant[] {
  const out: Variant[] = [];
  const add = (text: string, factor: number) => {
    const tokens = fold(text).split(' ').filter(Boolean);
    if (tokens.length === 0) return;
    const joined = tokens.join(' ');
    if (out.some((v) => v.joined === joined)) return;
    out.push({ tokens, joined, factor, core: false });
    const core = tokens.filter((t) => !GENERIC.has(t));
    const coreJoined = core.join(' ');
    if (
      core.length > 0 &&
      core.length < tokens.length &&
      coreJoined.replace(/ /g, '').length >= 5
    ) {
      if (!out.some((v) => v.joined === coreJoined)) {
        const types = tokens.map(unitType).filter((t): t is string => t !== undefined);
        out.push({ tokens: core, joined: coreJoined, factor: factor * 0.9, core: true, types });
      }
    }
  };
  add(name, 1);
  // "Resursenheten, Skärholmen" is also written "Resursenheten"; a parenthesis is a note.
  const short = name.replace(/\(.*?\)/g, '').split(/[,–]| - /)[0] ?? '';
  if (short.trim() && short.trim() !== name.trim()) add(short, 0.9);
  return out;
}

export function prepareUnits(units: readonly MatchableUnit[]): PreparedUnit[] {
  return units.map((unit) => ({
    unit,
    variants: [unit.name, ...(unit.aliases ?? [])].flatMap((n, i) =>
      variantsOf(n).map((v) => (i === 0 ? v : { ...v, factor: v.factor * 0.95 })),
    ),
  }));
}

export interface NameHit {
  similarity: number;
  /** Token index in the searched text. */
  start: number;
  end: number;
  found: string;
}

/** Best fuzzy occurrence of a unit's name in folded tokens, or null. */
function findName(prepared: PreparedUnit, tokens: string[]): NameHit | null {
  let best: NameHit | null = null;
  for (const v of prepared.variants) {
    const n = v.tokens.length;
    // Compare windows of n−1, n and n+1 tokens so "ungdoms enheten" finds "ungdomsenheten".
    for (const size of [n, n + 1, n - 1]) {
      if (size < 1 || size > tokens.length) continue;
      for (let i = 0; i + size <= tokens.length; i++) {
        const first = tokens[i] ?? '';
        const v0 = v.tokens[0] ?? '';
        // Cheap filter: the first letters must agree (typos rarely hit the first letter).
        if (first[0] !== v0[0]) continue;
        const windowTokens = tokens.slice(i, i + size);
        const joined = windowTokens.join(' ');
        let sim = similarity(joined, v.joined);
        // Swedish genitive: "Solrosens förskola" names "Förskolan Solrosen", and "Solängens vård- och
        // omsorgsboendes bidrag" names the full name as surely as it is written.
        if (sim < 1 && joined.endsWith('s') && joined.length >= 6) {
          sim = Math.max(sim, similarity(joined.slice(0, -1), v.joined));
        }
        if (sim === 0 && size !== n)
          sim = similarity(joined.replace(/ /g, ''), v.joined.replace(/ /g, ''));
        if (sim === 0) continue;
        let factor = v.factor;
        if (v.core) {
          // "Solrosens förskola", "förskola Solrosen": the kind word next to the name makes it the full name.
          const before = tokens[i - 1] ?? '';
          const after = tokens[i + size] ?? '';
          // …but a kind word of another kind names another unit: "Ekbackens förskola" written by a
          // preschool the register lacks is not "Ekbackens skola".
          const beside = [before, after].map(unitType).filter((t) => t !== undefined);
          const own = v.types ?? [];
          if (beside.length > 0 && own.length > 0 && !beside.some((t) => own.includes(t))) continue;
          if (GENERIC.has(before) || GENERIC.has(after)) factor = Math.min(1, factor / 0.9);
        }
        const score = sim * factor;
        if (!best || score > best.similarity) {
          best = { similarity: score, start: i, end: i + size, found: joined };
        }
      }
    }
  }
  return best && best.similarity >= 0.82 ? best : null;
}

function tokensOf(text: string): string[] {
  return fold(text).split(' ').filter(Boolean);
}

/** Combines independent pieces of evidence: 1 − Π(1 − s). */
function combine(scores: number[]): number {
  return 1 - scores.reduce((acc, s) => acc * (1 - s), 1);
}

/**
 * Finds the unit a mail concerns. Returns every plausible candidate with its evidence; `unitId` is set
 * only when the best candidate is strong and no other comes close.
 */
export function matchUnit(
  input: MatchInput,
  units: readonly MatchableUnit[] | PreparedUnit[],
): UnitMatch {
  const prepared = isPrepared(units) ? units : prepareUnits(units);
  const sender = input.from.address.trim().toLowerCase();
  const addressesInText = new Set(
    findEmailAddresses(
      `${input.text}\n${input.signature ?? ''}\n${(input.documentText ?? '').slice(0, 6000)}`,
    ),
  );
  const zones: { kind: EvidenceKind; tokens: string[]; weight: number; sv: string; en: string }[] =
    [
      {
        kind: 'name-in-subject',
        tokens: tokensOf(input.subject),
        weight: 0.85,
        sv: 'ämnesraden',
        en: 'the subject',
      },
      {
        kind: 'name-in-text',
        tokens: tokensOf(input.text),
        weight: 0.8,
        sv: 'texten',
        en: 'the text',
      },
      {
        kind: 'name-in-text',
        tokens: tokensOf(input.forwarded ?? ''),
        weight: 0.75,
        sv: 'det vidarebefordrade mejlet',
        en: 'the forwarded mail',
      },
      {
        kind: 'name-in-signature',
        tokens: tokensOf(input.signature ?? ''),
        weight: 0.75,
        sv: 'signaturen',
        en: 'the signature',
      },
      {
        kind: 'name-in-attachment',
        tokens: tokensOf(
          (input.attachmentNames ?? [])
            .map((n) => n.replace(/\.[a-z0-9]+$/i, '').replace(/[_-]+/g, ' '))
            .join(' . '),
        ),
        weight: 0.7,
        sv: 'bilagans namn',
        en: "the attachment's name",
      },
      {
        kind: 'name-in-document',
        tokens: tokensOf(input.documentUnitName ?? ''),
        weight: 0.85,
        sv: 'bidragets administrativa uppgifter',
        en: "the application's administrative data",
      },
      {
        kind: 'name-in-document',
        tokens: tokensOf((input.documentText ?? '').slice(0, 3000)),
        weight: 0.6,
        sv: 'början av bidraget',
        en: 'the start of the application',
      },
    ];

  // A manager of several units says by address only that it is one of them.
  const perAddress = new Map<string, number>();
  for (const p of prepared) {
    const a = p.unit.managerEmail.toLowerCase();
    perAddress.set(a, (perAddress.get(a) ?? 0) + 1);
  }
  const candidates: UnitCandidate[] = [];
  for (const p of prepared) {
    const evidence: MatchEvidence[] = [];
    const u = p.unit;
    const managerEmail = u.managerEmail.toLowerCase();
    const unitEmail = u.email?.toLowerCase();
    if (unitEmail && sender === unitEmail) {
      evidence.push({
        kind: 'sender-unit-address',
        score: 0.95,
        found: sender,
        sv: `avsändaren är enhetens adress ${sender}`,
        en: `the sender is the unit's address ${sender}`,
      });
    } else if (sender === managerEmail) {
      const shared = (perAddress.get(managerEmail) ?? 1) > 1;
      evidence.push({
        kind: 'sender-manager-address',
        score: shared ? 0.45 : 0.9,
        found: sender,
        sv: `avsändaren är enhetens chef ${sender}`,
        en: `the sender is the unit's manager ${sender}`,
      });
    }
    const orig = input.originalSender?.address.toLowerCase();
    if (orig && orig !== sender && (orig === managerEmail || orig === unitEmail)) {
      evidence.push({
        kind: 'original-sender',
        score: 0.8,
        found: orig,
        sv: `det vidarebefordrade mejlet kom från ${orig}`,
        en: `the forwarded mail came from ${orig}`,
      });
    }
    for (const addr of [managerEmail, unitEmail]) {
      if (addr && addr !== sender && addressesInText.has(addr)) {
        evidence.push({
          kind: 'address-in-text',
          score: 0.7,
          found: addr,
          sv: `adressen ${addr} står i texten`,
          en: `the address ${addr} is written in the text`,
        });
        break;
      }
    }
    const seenZone = new Set<string>();
    for (const z of zones) {
      if (z.tokens.length === 0) continue;
      const hit = findName(p, z.tokens);
      if (!hit) continue;
      const key = `${z.kind}`;
      const score = z.weight * hit.similarity;
      const existing = evidence.find((e) => e.kind === z.kind);
      if (seenZone.has(key) && existing && existing.score >= score) continue;
      if (existing) evidence.splice(evidence.indexOf(existing), 1);
      seenZone.add(key);
      const exact = hit.similarity >= 0.999;
      evidence.push({
        kind: z.kind,
        score,
        found: hit.found,
        sv: `${exact ? 'namnet' : 'ett liknande namn'} ”${hit.found}” står i ${z.sv}`,
        en: `${exact ? 'the name' : 'a similar name'} "${hit.found}" appears in ${z.en}`,
      });
    }
    if (u.managerName && evidence.length > 0) {
      const mt = tokensOf(u.managerName).join(' ');
      const all = ` ${tokensOf(`${input.from.name ?? ''} ${input.signature ?? ''} ${input.text}`).join(' ')} `;
      if (mt.length >= 5 && all.includes(` ${mt} `)) {
        evidence.push({
          kind: 'manager-name',
          score: 0.3,
          found: u.managerName,
          sv: `chefens namn ${u.managerName} står i mejlet`,
          en: `the manager's name ${u.managerName} appears in the mail`,
        });
      }
    }
    if (evidence.length === 0) continue;
    evidence.sort((a, b) => b.score - a.score);
    candidates.push({
      unitId: u.id,
      unitName: u.name,
      score: round(combine(evidence.map((e) => e.score))),
      evidence,
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.unitName.localeCompare(b.unitName, 'sv'));
  // A name that is contained in a longer matched name ("Solrosen" in "Solrosen Ekhagen") loses to it.
  const top = candidates.slice(0, 8);
  const best = top[0];
  const second = top[1];
  if (!best) {
    return {
      candidates: [],
      status: 'unknown',
      reason: {
        sv: 'ingen enhet känns igen i avsändare eller text',
        en: 'no unit recognised from the sender or the text',
      },
    };
  }
  if (best.score >= MATCH_THRESHOLD && (!second || second.score < RUNNER_UP_LIMIT)) {
    return {
      unitId: best.unitId,
      candidates: top,
      status: 'matched',
      reason: {
        sv: `${best.unitName}: ${best.evidence[0]?.sv}`,
        en: `${best.unitName}: ${best.evidence[0]?.en}`,
      },
    };
  }
  if (second && second.score >= RUNNER_UP_LIMIT) {
    return {
      candidates: top,
      status: 'ambiguous',
      reason: {
        sv: `flera enheter är möjliga (${best.unitName}, ${second.unitName})`,
        en: `several units are possible (${best.unitName}, ${second.unitName})`,
      },
    };
  }
  return {
    candidates: top,
    status: 'ambiguous',
    reason: {
      sv: `osäker: ${best.unitName} (${Math.round(best.score * 100)} %)`,
      en: `uncertain: ${best.unitName} (${Math.round(best.score * 100)} %)`,
    },
  };
}

function isPrepared(units: readonly MatchableUnit[] | PreparedUnit[]): units is PreparedUnit[] {
  const first = units[0] as PreparedUnit | MatchableUnit | undefined;
  return !!first && 'variants' in first;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Board protocols

export interface ProtocolUnitMatch {
  unitId: string;
  unitName: string;
  score: number;
  /** The protocol line the unit was found on. */
  line: string;
}

export interface ProtocolMatch {
  units: ProtocolUnitMatch[];
  /** List items that look like unit names but matched no unit (coordinators check these). */
  unmatchedLines: string[];
}

const LIST_INTRO =
  /(deltar|delta|planerar|anm[aä]ler|anm[aä]la|anm[aä]lt|godk[aä]nn\w*)\s.*(f[oö]ljande|nedanst[aå]ende)|(f[oö]ljande|nedanst[aå]ende)\s(enheter|verksamheter|skolor|f[oö]rskolor)|participat\w*\s.*(following|units)|following (units|services)/i;
const BULLET = /^\s*(?:[-–•*·▪◦]|\d{1,2}[.)])\s+(.*\S)\s*$/;
/** The award's own name is never a unit ("Stockholms stads kvalitetsutmärkelse 2027"). */
const AWARD_ITSELF =
  /^(i |till )?(stockholms stads? ?)?(kvalitetsutmarkelse\w*|quality award)?( ar)?( \d{4})?$/;

/**
 * Finds every unit a protocol excerpt lists. Lists are bullet or numbered lines, or a sentence such as
 * "deltar följande enheter …: A, B och C". Only units of `organisationId` are considered when given
 * (a district board reports its own units); pieces of a list that match no unit are returned.
 */
export function matchProtocol(
  text: string,
  units: readonly MatchableUnit[],
  options: { organisationId?: string } = {},
): ProtocolMatch {
  const pool = options.organisationId
    ? units.filter((u) => u.organisationId === options.organisationId)
    : units;
  const prepared = prepareUnits(pool.length > 0 ? pool : units);
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  // Collect list items: the bullets after an intro phrase ("följande enheter deltar:") and the items
  // of inline lists after one. An excerpt holds other lists too (the award's conditions: "- En chef
  // med verksamhets-, budget- och personalansvar."), so bullets without an intro count only when the
  // excerpt has no introduced list and one of them names a unit.
  const items: string[] = [];
  const looseBullets: string[] = [];
  let listOpen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const bullet = BULLET.exec(line);
    if (bullet) {
      (listOpen ? items : looseBullets).push(bullet[1] ?? '');
      continue;
    }
    let intro = LIST_INTRO.exec(line);
    if (line) listOpen = intro !== null;
    if (intro) {
      // A decision sentence wrapped at the page width ("… till Stockholms stads kvalitetsutmärkelse"
      // / "2027:") continues on the next lines up to its colon: join it, or its wrapped words would
      // be read as list items.
      let joined = line;
      let next = i + 1;
      while (
        !joined.slice(intro.index + intro[0].length).includes(':') &&
        next < lines.length &&
        next <= i + 2 &&
        lines[next] &&
        !BULLET.test(lines[next]!) &&
        lines.slice(next, i + 3).some((l) => l.includes(':'))
      ) {
        joined = `${joined} ${lines[next]}`;
        next++;
      }
      if (joined !== line) {
        i = next - 1;
        intro = LIST_INTRO.exec(joined)!;
      }
      // The list follows the intro phrase: after a colon, or after "år 2018:" / "2024".
      const after = joined.slice(intro.index + intro[0].length);
      const colon = after.indexOf(':');
      const rest = (colon >= 0 ? after.slice(colon + 1) : after.replace(/^[^A-ZÅÄÖ]*/, '')).trim();
      if (rest) items.push(...splitInlineList(rest.replace(/\.\s.*$|\.$/, ''), prepared));
    }
  }
  if (
    items.length === 0 &&
    looseBullets.some((b) => prepared.some((p) => findName(p, tokensOf(b)) !== undefined))
  )
    items.push(...looseBullets);
  const found = new Map<string, ProtocolUnitMatch>();
  const unmatched: string[] = [];
  for (const item of items) {
    const tokens = tokensOf(item);
    let any = false;
    for (const p of prepared) {
      const hit = findName(p, tokens);
      if (!hit) continue;
      any = true;
      const prev = found.get(p.unit.id);
      if (!prev || prev.score < hit.similarity) {
        found.set(p.unit.id, {
          unitId: p.unit.id,
          unitName: p.unit.name,
          score: round(hit.similarity),
          line: item,
        });
      }
    }
    // A board lists its units, sometimes in other words: the one unit that fits them all.
    const fit = any ? undefined : fitByWords(item, prepared);
    if (fit) {
      any = true;
      if (!found.has(fit.unit.id))
        found.set(fit.unit.id, {
          unitId: fit.unit.id,
          unitName: fit.unit.name,
          score: 0.85,
          line: item,
        });
    }
    if (!any && looksLikeName(item) && !AWARD_ITSELF.test(fold(item))) unmatched.push(item);
  }
  // Units named in the running text but not in a list (a protocol without a list).
  if (items.length === 0) {
    for (const p of prepared) {
      const hit = findName(p, tokensOf(text));
      if (hit)
        found.set(p.unit.id, {
          unitId: p.unit.id,
          unitName: p.unit.name,
          score: round(hit.similarity),
          line: hit.found,
        });
    }
  }
  return {
    units: [...found.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'sv')),
    unmatchedLines: [...new Set(unmatched)],
  };
}

/**
 * Splits "A, B och C" into items without breaking names that contain "och" ("Barn och
 * ungdomsenheten"): known unit names are taken out first, then the rest is split.
 */
function splitInlineList(list: string, prepared: PreparedUnit[]): string[] {
  const items: string[] = [];
  let rest = ` ${list} `;
  for (const p of prepared) {
    for (const name of [p.unit.name, ...(p.unit.aliases ?? [])]) {
      const re = new RegExp(escapeRe(name).replace(/\s+/g, '\\s+'), 'i');
      const m = re.exec(rest);
      if (m) {
        items.push(m[0]);
        rest = rest.slice(0, m.index) + ' , ' + rest.slice(m.index + m[0].length);
      }
    }
  }
  // Fuzzy leftovers: split on commas and a final "och"/"samt"/"and".
  for (const piece of rest.split(/,|\s(?:och|samt|and)\s/)) {
    const t = piece.trim();
    if (t) items.push(t);
  }
  return items;
}

/**
 * The one unit whose name holds every distinctive word of a list item, in any order and spelling
 * close enough ("Ateljé Blå, daglig verksamhet" for "Daglig verksamhet Ateljé Blå", "Kundservice" for
 * "Kundservice S:t Eriks Kommunservice", "Hammarbyhöjdens skola, grundsärskolan" for
 * "Hammarbyhöjdens grundsärskola"); none when two units fit.
 */
function fitByWords(item: string, prepared: PreparedUnit[]): PreparedUnit | undefined {
  const words = tokensOf(item.replace(/\(.*?\)/g, ' ')).filter(
    (t) => t.length >= 3 && !STOP.has(t) && !GENERIC.has(t),
  );
  if (words.length === 0) return undefined;
  const fits = prepared.filter((p) => {
    const unitWords = tokensOf(p.unit.name);
    return words.every((w) => unitWords.some((u) => u === w || similarity(w, u) >= 0.85));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

function looksLikeName(item: string): boolean {
  const tokens = tokensOf(item).filter((t) => !STOP.has(t));
  if (tokens.length === 0 || tokens.length > 10) return false;
  return (
    /\p{Lu}/u.test(item) ||
    tokens.some((t) => GENERIC.has(t) || /enhet|skola|boende|hem|gard/.test(t))
  );
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Units of a board that pre-registered (or submitted) but that its protocol does not list, so the
 * coordinators can ask the board about them.
 */
export function unitsMissingFromProtocol(
  protocol: ProtocolMatch,
  expectedUnitIds: readonly string[],
  units: readonly MatchableUnit[],
  organisationId: string,
): MatchableUnit[] {
  const listed = new Set(protocol.units.map((u) => u.unitId));
  const expected = new Set(expectedUnitIds);
  return units.filter(
    (u) => u.organisationId === organisationId && expected.has(u.id) && !listed.has(u.id),
  );
}

/**
 * A unit name made of two registered units' names ("Solrosen-Ekorren", "Solrosen + Ekorren",
 * "Solrosen och Ekorren" as one name) is a merged unit the register does not know yet, even when the
 * mail comes from one predecessor's manager: returns the combined name for a coordinator, or
 * undefined. Only distinctive one-word names count (the register's own "Enskede-Årsta" districts are
 * one unit's name, not two).
 */
export function combinedUnitName(
  text: string,
  units: readonly MatchableUnit[] | PreparedUnit[],
): string | undefined {
  const prepared = isPrepared(units) ? units : prepareUnits(units);
  const owner = new Map<string, string>();
  for (const p of prepared)
    for (const v of p.variants)
      if (v.tokens.length === 1 && v.joined.length >= 5 && !GENERIC.has(v.joined))
        owner.set(v.joined, p.unit.id);
  const joined = /([\p{L}]{4,})\s*(?:-|–|\+|&|\s(?:och|and)\s)\s*(?=([\p{L}]{4,}))/gu;
  for (const m of text.matchAll(joined)) {
    const a = owner.get(fold(m[1] ?? ''));
    const b = owner.get(fold(m[2] ?? ''));
    // A name already in the register as one unit ("Solrosen-Ekorren") is that unit, not a merger.
    const whole = fold(`${m[1]} ${m[2]}`);
    if (a && b && a !== b && !prepared.some((p) => p.variants.some((v) => v.joined === whole)))
      return `${m[1]}-${m[2]}`;
  }
  return undefined;
}
