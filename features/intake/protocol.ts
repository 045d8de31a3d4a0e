// A board's protocol excerpt: the units it lists are marked "in protocol" (source: the mail), lines
// that name no known unit are kept for coordinators, and missingFromProtocol(year) tells which
// pre-registered or submitted units their board has not reported yet.
import { matchProtocol, type MatchableUnit, type ProtocolMatch } from '../../core/intake/index.js';
import { fold } from '../../core/intake/index.js';
import type { Bilingual, Organisation, ParticipationState, Unit } from '../../core/model.js';
import type { IntakeContext } from './context.js';
import type { ReadDocument } from './documents.js';
import { applyMailTransition } from './transitions.js';

export interface ProtocolOutcome {
  match: ProtocolMatch;
  /** Units moved to in-protocol by this mail. */
  marked: string[];
  facts: Bilingual[];
}

export function toMatchable(unit: Unit): MatchableUnit {
  return {
    id: unit.id,
    name: unit.name,
    managerEmail: unit.managerEmail,
    managerName: unit.managerName,
    organisationId: unit.organisationId,
    ...(unit.email ? { email: unit.email } : {}),
  };
}

export async function handleProtocol(
  ctx: IntakeContext,
  input: {
    messageId: string;
    year: number;
    sentAt: string;
    bodyText: string;
    documents: ReadDocument[];
    units: readonly Unit[];
    organisations: readonly Organisation[];
  },
): Promise<ProtocolOutcome> {
  const text = [
    ...input.documents.map((d) => (d.result.ok ? d.result.text : '')),
    input.bodyText,
  ].join('\n\n');
  // A board reports its own units: when the excerpt names one board, only its units are matched.
  const board = boardOf(text, input.organisations);
  const match = matchProtocol(
    text,
    input.units.map(toMatchable),
    board ? { organisationId: board } : {},
  );
  const marked: string[] = [];
  const facts: Bilingual[] = [];
  for (const u of match.units) {
    const r = await applyMailTransition(ctx, {
      unitId: u.unitId,
      year: input.year,
      to: 'in-protocol',
      messageId: input.messageId,
      at: input.sentAt,
    });
    if (r.applied) marked.push(u.unitId);
    if (r.fact)
      facts.push({ sv: `${u.unitName}: ${r.fact.sv}`, en: `${u.unitName}: ${r.fact.en}` });
  }
  for (const d of input.documents) {
    if (!d.result.ok)
      facts.push({
        sv: `Protokollet ${d.fileName} gick inte att läsa (${d.result.reason}).`,
        en: `The protocol ${d.fileName} could not be read (${d.result.reason}).`,
      });
  }
  return { match, marked, facts };
}

const GENERIC_BOARD_WORDS = new Set([
  'stadsdelsforvaltning',
  'stadsdelsforvaltningen',
  'stadsdelsnamnd',
  'stadsdelsnamnden',
  'forvaltning',
  'forvaltningen',
  'namnd',
  'namnden',
  'styrelse',
  'styrelsen',
  'bolag',
  'ab',
]);

/** What names a board in running text: "Norrmalms", "Utbildnings" (from "Utbildningsförvaltningen"). */
function boardStem(name: string): string {
  const words = fold(name)
    .split(' ')
    .filter((w) => w && !GENERIC_BOARD_WORDS.has(w));
  const stem = words.join(' ');
  return stem.replace(/(stadsdels)?(forvaltningen|forvaltning|namnden|namnd|styrelsen)$/, '');
}

/** The one organisation whose name the text uses, if exactly one. */
export function boardOf(text: string, organisations: readonly Organisation[]): string | undefined {
  const folded = ` ${fold(text)} `;
  const hits = organisations.filter((o) => {
    const stem = boardStem(o.name);
    return (
      stem.length >= 4 &&
      new RegExp(`\\b${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(folded)
    );
  });
  return hits.length === 1 ? hits[0]!.id : undefined;
}

export interface MissingFromProtocol {
  organisationId: string;
  organisationName?: string;
  units: { unitId: string; unitName: string; state: ParticipationState }[];
}

const EXPECTED: readonly ParticipationState[] = ['pre-registered', 'submitted'];

/**
 * Units that pre-registered or submitted in `year` and that no protocol has reported, grouped by
 * their board (for the bot and the tab: "which boards still owe us a protocol, for whom").
 */
export async function missingFromProtocol(
  ctx: Pick<IntakeContext, 'store'>,
  year: number,
): Promise<MissingFromProtocol[]> {
  const participations = await ctx.store.participations.list({ year, state: EXPECTED });
  const [units, organisations] = await Promise.all([
    ctx.store.units.list(),
    ctx.store.organisations.list(),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const byOrg = new Map<string, MissingFromProtocol>();
  for (const p of participations) {
    if (p.history.some((t) => t.to === 'in-protocol')) continue;
    const unit = unitById.get(p.unitId);
    if (!unit) continue;
    let group = byOrg.get(unit.organisationId);
    if (!group) {
      const name = orgName.get(unit.organisationId);
      group = {
        organisationId: unit.organisationId,
        ...(name ? { organisationName: name } : {}),
        units: [],
      };
      byOrg.set(unit.organisationId, group);
    }
    group.units.push({ unitId: unit.id, unitName: unit.name, state: p.state });
  }
  return [...byOrg.values()].sort((a, b) =>
    (a.organisationName ?? a.organisationId).localeCompare(
      b.organisationName ?? b.organisationId,
      'sv',
    ),
  );
}
