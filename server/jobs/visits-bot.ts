// The visits feature in the bot: "besök"/"visits" lists a team leader's units (and the coordinators'
// visit calendar), "fördela"/"assign" proposes the assignment, "jury <enhet>: vinnare" records the
// jury's result, "jäv <enhet>" declares a conflict of interest; the Action.Execute verbs book,
// propose, cancel and assign. Card data is untrusted: validated with zod, then checked against the
// store (only the team leader may book their team's visits).
import { z } from 'zod';
import type {
  BotAction,
  BotActionResult,
  BotContribution,
  BotTurn,
} from '../../bot/contributions.js';
import {
  assignmentProposalCard,
  visitBookedCard,
  visitListCard,
  visitProposalsCard,
  type ProposalsOccasion,
} from '../../cards/visits.js';
import type { Cycle, JuryResult, Locale } from '../../core/model.js';
import type { RoleResolver } from '../../features/roles/types.js';
import {
  isVisitError,
  type BookOutcome,
  type Proposals,
  type VisitsService,
} from '../../features/visits/index.js';
import type { Store } from '../../store/index.js';

const ref = z.object({
  unitId: z.string().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(['site', 'feedback']),
});
const mode = z.enum(['on-site', 'digital']);
const bookData = ref.extend({
  mode,
  start: z.string().min(10).max(40),
  end: z.string().min(10).max(40),
});
const proposeData = ref.extend({ mode: mode.default('on-site'), rebook: z.boolean().optional() });

export function proposalsCard(
  p: Proposals,
  locale: Locale,
  occasion: ProposalsOccasion = 'first',
  declinedBy?: string,
) {
  return visitProposalsCard({
    locale,
    ref: p.ref,
    unitName: p.unit.name,
    mode: p.mode,
    slots: p.answer.slots,
    tentativeOnly: p.answer.tentativeOnly,
    alternatives: p.answer.alternatives,
    ...(p.answer.reason ? { reason: p.answer.reason } : {}),
    occasion,
    ...(declinedBy ? { declinedBy } : {}),
    ...(p.managerWithoutMailbox ? { managerWithoutMailbox: p.managerWithoutMailbox } : {}),
    names: p.names,
  });
}

export function bookedCard(o: Extract<BookOutcome, { visit: unknown }>, locale: Locale) {
  const { visit, unit, details } = o;
  return visitBookedCard({
    locale,
    ref: { unitId: visit.unitId, year: visit.year, kind: visit.kind },
    unitName: unit.name,
    mode: details.mode,
    start: visit.start!,
    end: visit.end!,
    ...(details.location ? { location: details.location } : {}),
    ...(details.joinUrl ? { joinUrl: details.joinUrl } : {}),
    ...(details.missingJoinUrl ? { missingJoinUrl: true } : {}),
    attendees: details.attendees,
    occasion: o.outcome,
  });
}

/** The cycle whose visits are current: the latest year whose feedback window has not ended. */
export function activeYear(cycles: readonly Cycle[], now: Date): number {
  const today = now.toISOString().slice(0, 10);
  const open = [...cycles]
    .sort((a, b) => a.year - b.year)
    .find((c) => c.timeline.feedbackVisitWindow.to >= today && `${c.year}-01-01` <= today);
  return open?.year ?? now.getUTCFullYear();
}

export function visitsBot(deps: {
  service: VisitsService;
  store: Store;
  roles?: RoleResolver;
  cycles: readonly Cycle[];
  now: () => Date;
  /** Sends each team leader a proposals card per unit to visit; returns how many went out. */
  sendProposals?: (year: number, kind: 'site' | 'feedback') => Promise<number>;
}): BotContribution {
  const { service } = deps;
  const actorOf = (turn: BotTurn) => ({
    ...(turn.userObjectId ? { objectId: turn.userObjectId } : {}),
    ...(turn.userName ? { name: turn.userName } : {}),
  });
  const isCoordinator = async (turn: BotTurn) => {
    if (!deps.roles || !turn.userObjectId) return false;
    const p = await deps.roles.resolve({ objectId: turn.userObjectId });
    return p?.roles.includes('coordinator') ?? false;
  };
  const hasRole = async (
    turn: BotTurn,
    ...roles: ('examiner' | 'team-leader' | 'coordinator')[]
  ) => {
    if (!deps.roles || !turn.userObjectId) return false;
    const p = await deps.roles.resolve({ objectId: turn.userObjectId });
    return roles.some((r) => p?.roles.includes(r));
  };
  const kindNow = (year: number): 'site' | 'feedback' => {
    const cycle = deps.cycles.find((c) => c.year === year);
    const today = deps.now().toISOString().slice(0, 10);
    return cycle && today > cycle.timeline.siteVisitWindow.to ? 'feedback' : 'site';
  };
  const guard = async (
    turn: BotTurn,
    work: () => Promise<BotActionResult>,
  ): Promise<BotActionResult> => {
    try {
      return await work();
    } catch (e) {
      if (isVisitError(e)) return { message: e.text[turn.locale] };
      throw e;
    }
  };
  const bad = (turn: BotTurn): BotActionResult => ({
    message:
      turn.locale === 'sv'
        ? 'Kortet saknar uppgifter om besöket. Skriv "besök" för att få ett nytt.'
        : 'The card lacks the visit details. Type "visits" for a new one.',
  });
  const findUnit = async (name: string) => {
    const wanted = name.trim().toLowerCase();
    const units = await deps.store.units.list();
    return (
      units.find((u) => u.name.toLowerCase() === wanted) ??
      units.find((u) => u.name.toLowerCase().includes(wanted))
    );
  };

  const actions: Record<string, BotAction> = {
    'visit.propose': {
      handle: (turn, data) =>
        guard(turn, async () => {
          const parsed = proposeData.safeParse(data);
          if (!parsed.success) return bad(turn);
          const { mode: m, rebook, ...r } = parsed.data;
          const p = await service.proposeFor(actorOf(turn), r, m);
          return { card: proposalsCard(p, turn.locale, rebook ? 'rebook' : 'first') };
        }),
    },
    'visit.book': {
      handle: (turn, data) =>
        guard(turn, async () => {
          const parsed = bookData.safeParse(data);
          if (!parsed.success) return bad(turn);
          const { mode: m, start, end, ...r } = parsed.data;
          const outcome = await service.book(actorOf(turn), r, m, start, end);
          if (outcome.outcome === 'taken')
            return { card: proposalsCard(outcome.proposals, turn.locale, 'taken') };
          return { card: bookedCard(outcome, turn.locale) };
        }),
    },
    'visit.cancel': {
      handle: (turn, data) =>
        guard(turn, async () => {
          const parsed = ref.safeParse(data);
          if (!parsed.success) return bad(turn);
          const { unit } = await service.context(parsed.data);
          await service.cancel(actorOf(turn), parsed.data);
          return {
            message:
              turn.locale === 'sv'
                ? `Besöket hos ${unit.name} är avbokat; alla inbjudna har fått en avbokning. Skriv "besök" för att boka en ny tid.`
                : `The visit at ${unit.name} is cancelled; everyone invited got a cancellation. Type "visits" to book a new time.`,
          };
        }),
    },
    'visit.assign': {
      handle: (turn, data) =>
        guard(turn, async () => {
          const parsed = z.object({ year: z.number().int() }).safeParse(data);
          if (!parsed.success) return bad(turn);
          if (!(await isCoordinator(turn)))
            return {
              message:
                turn.locale === 'sv'
                  ? 'Bara samordnare kan fördela enheter.'
                  : 'Only coordinators can assign units.',
            };
          const { assigned } = await service.assign(
            { id: turn.userObjectId ?? 'bot', ...(turn.userName ? { name: turn.userName } : {}) },
            parsed.data.year,
          );
          return {
            message:
              turn.locale === 'sv'
                ? `${assigned.length} enheter fördelade till examinatorslagen; de är nu under examination.`
                : `${assigned.length} units assigned to the examiner teams; they are now under examination.`,
          };
        }),
    },
  };

  const say = (turn: BotTurn, sv: string, en: string) => ({ text: turn.locale === 'sv' ? sv : en });

  return {
    actions,
    commands: [
      {
        name: 'visits',
        examples: { sv: ['besök', 'besökskalender'], en: ['visits', 'visit calendar'] },
        match: (text) =>
          /^(besök|besok|visits?|besökskalender|visit calendar)\b/i.test(text.trim()) ? 0.9 : 0,
        async handle(turn) {
          const year = activeYear(deps.cycles, deps.now());
          const kind = kindNow(year);
          try {
            const mine = await service.myVisits(actorOf(turn), year, kind);
            const coordinator = await isCoordinator(turn);
            if (coordinator && (mine.rows.length === 0 || /kalender|calendar/i.test(turn.text))) {
              const rows = await service.calendar(year, kind);
              return {
                card: visitListCard({
                  locale: turn.locale,
                  title: turn.locale === 'sv' ? `Besökskalender ${year}` : `Visit calendar ${year}`,
                  items: rows,
                }),
              };
            }
            if (mine.rows.length === 0)
              return say(
                turn,
                'Du är inte med i något examinatorslag i år.',
                'You are not in an examiner team this year.',
              );
            return {
              card: visitListCard({
                locale: turn.locale,
                title: turn.locale === 'sv' ? `Dina besök ${year}` : `Your visits ${year}`,
                items: mine.rows,
                bookable: mine.leading.length > 0,
              }),
            };
          } catch (e) {
            if (isVisitError(e)) return { text: e.text[turn.locale] };
            throw e;
          }
        },
      },
      {
        name: 'visits.send',
        examples: { sv: ['skicka besöksförslag'], en: ['send visit proposals'] },
        match: (text) =>
          /^(skicka besöksförslag|skicka besoksforslag|send visit proposals)\b/i.test(text.trim())
            ? 0.95
            : 0,
        async handle(turn) {
          if (!(await isCoordinator(turn)) || !deps.sendProposals)
            return say(
              turn,
              'Bara samordnare kan skicka besöksförslag.',
              'Only coordinators can send visit proposals.',
            );
          const year = activeYear(deps.cycles, deps.now());
          const sent = await deps.sendProposals(year, kindNow(year));
          return say(
            turn,
            `${sent} förslagskort skickade till lagledarna (ett per enhet som saknar bokat besök).`,
            `${sent} proposal cards sent to the team leaders (one per unit without a booked visit).`,
          );
        },
      },
      {
        name: 'visits.assign',
        examples: { sv: ['fördela'], en: ['assign'] },
        match: (text) => (/^(fördela|fordela|assign)\b/i.test(text.trim()) ? 0.9 : 0),
        async handle(turn) {
          if (!(await isCoordinator(turn)))
            return say(
              turn,
              'Bara samordnare kan fördela enheter.',
              'Only coordinators can assign units.',
            );
          const year = activeYear(deps.cycles, deps.now());
          const { proposal, units, teams } = await service.proposeAssignment(year);
          const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
          const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
          return {
            card: assignmentProposalCard({
              locale: turn.locale,
              year,
              rows: proposal.assignments.map((a) => ({
                unitName: unitName(a.unitId),
                teamName: teamName(a.teamId),
              })),
              unassignable: proposal.unassignable.map((u) => ({
                unitName: unitName(u.unitId),
                why:
                  turn.locale === 'sv'
                    ? 'inget lag utan jäv eller egen förvaltning'
                    : 'no team without a conflict or own administration',
              })),
            }),
          };
        },
      },
      {
        name: 'visits.jury',
        examples: {
          sv: ['jury Förskolan Ekorren: vinnare'],
          en: ['jury Förskolan Ekorren: winner'],
        },
        match: (text) => (/^jury\s+.+:\s*\S+/i.test(text.trim()) ? 0.9 : 0),
        async handle(turn) {
          if (!(await isCoordinator(turn)))
            return say(
              turn,
              'Bara samordnare registrerar juryns beslut.',
              "Only coordinators record the jury's decisions.",
            );
          const m = /^jury\s+(.+):\s*(\S+)/i.exec(turn.text.trim())!;
          const results: Record<string, JuryResult> = {
            vinnare: 'winner',
            winner: 'winner',
            hedersomnämnande: 'honourable-mention',
            mention: 'honourable-mention',
            deltagare: 'none',
            participant: 'none',
          };
          const result = results[m[2]!.toLowerCase()];
          const unit = await findUnit(m[1]!);
          if (!result || !unit)
            return say(
              turn,
              'Skriv till exempel "jury Förskolan Ekorren: vinnare" (vinnare, hedersomnämnande eller deltagare).',
              'Write for example "jury Förskolan Ekorren: winner" (winner, mention or participant).',
            );
          const year = activeYear(deps.cycles, deps.now());
          const moved = await service.recordJury(
            { id: turn.userObjectId ?? 'bot' },
            year,
            unit.id,
            result,
          );
          return moved
            ? say(
                turn,
                `Juryns beslut för ${unit.name} är registrerat; återföringsbesöket kan bokas.`,
                `The jury's decision for ${unit.name} is recorded; the feedback visit can be booked.`,
              )
            : say(
                turn,
                `${unit.name} kan inte få ett jurybeslut nu (fel läge i processen).`,
                `${unit.name} cannot get a jury decision now (wrong stage).`,
              );
        },
      },
      {
        name: 'visits.conflict',
        examples: { sv: ['jäv Förskolan Ekorren'], en: ['conflict Förskolan Ekorren'] },
        match: (text) => (/^(jäv|jav|conflict)\s+\S/i.test(text.trim()) ? 0.9 : 0),
        async handle(turn) {
          if (!(await hasRole(turn, 'examiner', 'team-leader')))
            return say(
              turn,
              'Bara examinatorer anmäler jäv.',
              'Only examiners declare conflicts of interest.',
            );
          const name = turn.text.trim().replace(/^(jäv|jav|conflict)\s+/i, '');
          const unit = await findUnit(name);
          if (!unit)
            return say(
              turn,
              `Hittar ingen enhet som heter "${name}".`,
              `No unit called "${name}".`,
            );
          const year = activeYear(deps.cycles, deps.now());
          const { unassigned } = await service.declareConflict(actorOf(turn), year, unit.id);
          return say(
            turn,
            `Jäv anmält för ${unit.name}.${unassigned ? ' Ditt lag har tagits bort från enheten; samordnarna fördelar den på nytt.' : ''}`,
            `Conflict of interest declared for ${unit.name}.${unassigned ? ' Your team no longer examines the unit; the coordinators will reassign it.' : ''}`,
          );
        },
      },
    ],
  };
}
