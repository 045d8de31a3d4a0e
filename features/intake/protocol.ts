// A board's protocol excerpt: the units it lists (marked "in protocol" by the intake's plan, source:
// the mail), lines that name no known unit (kept for coordinators), and missingFromProtocol(year) tells which
// pre-registered or submitted units their board has not reported yet.
import { matchProtocol, type MatchableUnit } from '../../core/intake/index.js';
import type { ProtocolFindings } from '../../core/intake/plan.js';
import { fold } from '../../core/intake/index.js';
import type { Organisation, ParticipationState, Unit } from '../../core/model.js';
import type { IntakeContext } from './context.js';
import type { ReadDocument } from './documents.js';

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

/**
 * What a protocol excerpt says (its documents' text and the mail's body): the units it lists — of
 * its board's when it names one board — the lines naming no known unit, and the files not read.
 * The intake's plan marks the units (core/intake/plan.ts).
 */
export function readProtocol(input: {
  bodyText: string;
  documents: readonly ReadDocument[];
  units: readonly Unit[];
  organisations: readonly Organisation[];
}): ProtocolFindings {
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
  return {
    units: match.units.map((u) => ({ unitId: u.unitId, unitName: u.unitName })),
    unmatchedLines: match.unmatchedLines,
    unreadable: input.documents.flatMap((d) =>
      d.result.ok ? [] : [{ fileName: d.fileName, reason: d.result.reason }],
    ),
  };
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
