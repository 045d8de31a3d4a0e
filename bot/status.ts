// The status feature in the bot: coordinators ask where the award stands, list units, open a unit and
// act on it (confirmed on a card, recorded with who and when); unit managers ask what is missing for
// their own unit; examiners ask for their team's units. Everyone else gets the help card and nothing
// about units. Roles come from features/roles (the same resolution as the tab's), per turn.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { helpCard } from '../cards/help.js';
import {
  ACT_KINDS,
  ACT_LABELS,
  confirmActCard,
  missingCard,
  statusCard,
  unitChoiceCard,
  unitDetailCard,
  unitListCard,
  type ActKind,
} from '../cards/status.js';
import { adaptiveCard, type AdaptiveCard } from '../cards/types.js';
import { UNIT_CLASS_IDS } from '../core/classes.js';
import { ELIGIBILITY_RULE_LABELS, type EligibilityRuleId } from '../core/eligibility.js';
import { fold } from '../core/intake/index.js';
import { formatInstant } from '../core/format.js';
import type { Locale, ParticipationState } from '../core/model.js';
import { PARTICIPATION_STATES } from '../core/participation.js';
import type { UnitListFilter } from '../core/status.js';
import type { Principal, RoleResolver } from '../features/roles/types.js';
import type { Act, ActInput, ActResult, StatusService } from '../features/status/index.js';
import type { Store } from '../store/index.js';
import type { BotActionResult, BotContribution, BotReply, BotTurn } from './contributions.js';
import { userMessageFor } from './errors.js';
import { parseStatusIntent, type StatusIntent } from './status-intents.js';

export interface StatusBotDeps {
  status: StatusService;
  roles: Pick<RoleResolver, 'resolve'>;
  /** The examiner teams (who examines which units). */
  examinerTeams: Pick<Store['examinerTeams'], 'teamsOf' | 'getTeam'>;
  act(input: ActInput): Promise<ActResult>;
  /** A short-lived link to the participant list as CSV. */
  exportLink(year: number): Promise<string>;
  now: () => Date;
  tabUrl?: string;
}

/** How many units a list card shows at a time (a 200-unit list is 20 pages, never one huge card). */
export const LIST_PAGE_SIZE = 10;

const TEXT = {
  coordinatorsOnly: {
    sv: 'Det här är till för Kvalitetsutmärkelsens samordnare. Du kan fråga om din egen enhet, till exempel ”vad saknas för oss?”.',
    en: 'This is for the award\'s coordinators. You can ask about your own unit, for example "what is missing?".',
  },
  notYourUnit: {
    sv: 'Jag kan bara berätta om era egna enheter. Fråga samordnarna i funktionsbrevlådan om andra enheter.',
    en: 'I can only tell you about your own units. Please ask the coordinators through the shared mailbox about other units.',
  },
  noSuchUnit: {
    sv: (q: string) => `Jag hittar ingen enhet som heter ”${q.slice(0, 60)}”.`,
    en: (q: string) => `I can't find a unit called "${q.slice(0, 60)}".`,
  },
  noUnits: {
    sv: 'Du är inte chef för någon enhet i Kvalitetsutmärkelsen och har inga enheter att examinera.',
    en: 'You do not manage a unit in the award and have no units to examine.',
  },
  examinerNone: {
    sv: 'Ditt examinatorslag har inga enheter tilldelade ännu.',
    en: 'Your examiner team has no units assigned yet.',
  },
  invalid: {
    sv: 'Kortet saknar uppgifter eller är ändrat. Inget har ändrats.',
    en: 'The card is missing data or was altered. Nothing was changed.',
  },
  exportReady: {
    sv: 'Deltagarlistan är klar. Länken gäller i 15 minuter.',
    en: 'The participant list is ready. The link is valid for 15 minutes.',
  },
} as const;

type Who = { principal?: Principal; coordinator: boolean; managed: string[]; examined: string[] };

export function statusContribution(deps: StatusBotDeps): BotContribution {
  async function whoIs(turn: BotTurn): Promise<Who> {
    const principal = turn.userObjectId
      ? await deps.roles.resolve({ objectId: turn.userObjectId })
      : undefined;
    if (!principal) return { coordinator: false, managed: [], examined: [] };
    return {
      principal,
      coordinator: principal.roles.includes('coordinator'),
      managed: principal.unitIds,
      examined: principal.roles.includes('examiner') ? await examinedUnits(principal) : [],
    };
  }

  async function examinedUnits(principal: Principal): Promise<string[]> {
    const year = deps.status.workingYear();
    let teams = principal.examinerTeams;
    if (teams.length === 0)
      teams = await deps.examinerTeams.teamsOf({
        objectId: principal.objectId,
        address: principal.userPrincipalName,
      });
    const mine = teams.filter((t) => t.year === year || t.year === year - 1);
    const records = await Promise.all(mine.map((t) => deps.examinerTeams.getTeam(t.teamId)));
    return [...new Set(records.flatMap((r) => r?.unitIds ?? []))];
  }

  const help = (turn: BotTurn, unrecognised?: string): BotReply => ({
    card: helpCard({
      locale: turn.locale,
      ...(deps.tabUrl ? { tabUrl: deps.tabUrl } : {}),
      ...(unrecognised !== undefined ? { unrecognised } : {}),
    }),
  });

  // ---- messages -----------------------------------------------------------------------------------

  async function onIntent(turn: BotTurn, intent: StatusIntent): Promise<BotReply | BotReply[]> {
    const { locale } = turn;
    const who = await whoIs(turn);
    const anyRole = who.coordinator || who.managed.length > 0 || who.examined.length > 0;
    if (!anyRole && !who.principal?.roles.includes('examiner'))
      return help(turn, intent.kind === 'unit' ? turn.text : undefined);

    switch (intent.kind) {
      case 'status':
        if (!who.coordinator) return { text: TEXT.coordinatorsOnly[locale] };
        return { card: statusCard(await deps.status.overview(), locale) };
      case 'export':
        if (!who.coordinator) return { text: TEXT.coordinatorsOnly[locale] };
        return {
          card: exportCard(await deps.exportLink(intent.year ?? deps.status.workingYear()), locale),
        };
      case 'list': {
        if (!who.coordinator) return { text: TEXT.coordinatorsOnly[locale] };
        const filter: UnitListFilter = {
          ...intent.filter,
          ...(intent.year ? { year: intent.year } : {}),
        };
        let organisationName: string | undefined;
        if (intent.rest) {
          const org = await organisationNamed(intent.rest);
          if (org) {
            filter.organisationId = org.id;
            organisationName = org.name;
          }
        }
        return { card: await listCard(filter, 0, locale, organisationName) };
      }
      case 'missing':
      case 'mine':
        return mine(turn, who, intent.kind);
      case 'unit':
        return unitByName(turn, who, intent.query, intent.year);
    }
  }

  async function organisationNamed(
    text: string,
  ): Promise<{ id: string; name: string } | undefined> {
    const words = fold(text)
      .split(' ')
      .filter((w) => w.length >= 4);
    if (words.length === 0) return undefined;
    const orgs = await deps.status.organisations();
    const hits = orgs.filter((o) => {
      const name = fold(o.name).split(' ');
      return words.every((w) =>
        name.some((n) => n.startsWith(w) || w.startsWith(n.slice(0, Math.max(4, n.length - 1)))),
      );
    });
    return hits.length === 1 ? hits[0] : undefined;
  }

  async function listCard(
    filter: UnitListFilter,
    page: number,
    locale: Locale,
    organisationName?: string,
    title?: string,
  ): Promise<AdaptiveCard> {
    const result = await deps.status.units(filter, { page, pageSize: LIST_PAGE_SIZE });
    if (!organisationName && filter.organisationId)
      organisationName = (await deps.status.organisations()).find(
        (o) => o.id === filter.organisationId,
      )?.name;
    return unitListCard(result, locale, {
      ...(organisationName ? { organisationName } : {}),
      ...(title ? { title } : {}),
    });
  }

  async function mine(
    turn: BotTurn,
    who: Who,
    kind: 'missing' | 'mine',
  ): Promise<BotReply | BotReply[]> {
    const { locale } = turn;
    if (kind === 'mine' && who.principal?.roles.includes('examiner')) {
      if (who.examined.length === 0) return { text: TEXT.examinerNone[locale] };
      return {
        card: await listCard(
          { unitIds: who.examined },
          0,
          locale,
          undefined,
          examinerTitle(locale),
        ),
      };
    }
    if (who.managed.length > 0) {
      const details = await Promise.all(
        who.managed.slice(0, 3).map((id) => deps.status.detail(id)),
      );
      return details.map((d) => ({ card: missingCard(d, locale) }));
    }
    if (who.coordinator)
      return {
        text:
          locale === 'sv'
            ? 'Som samordnare ser du alla enheter: skriv ”läget”, en lista (”vilka har inte skickat in?”) eller en enhets namn.'
            : 'As a coordinator you see every unit: write "status", a list ("not submitted") or a unit\'s name.',
      };
    return { text: TEXT.noUnits[locale] };
  }

  async function unitByName(
    turn: BotTurn,
    who: Who,
    query: string,
    year?: number,
  ): Promise<BotReply | BotReply[]> {
    const { locale } = turn;
    if (who.coordinator) {
      const org = await organisationNamed(query);
      const found = await deps.status.find(query);
      if (!found.found && found.candidates.length === 0 && org)
        return {
          card: await listCard(
            { organisationId: org.id, ...(year ? { year } : {}) },
            0,
            locale,
            org.name,
          ),
        };
      if (found.found)
        return {
          card: unitDetailCard(await deps.status.detail(found.found.id, year), locale, {
            coordinator: true,
          }),
        };
      if (found.candidates.length > 0)
        return {
          card: unitChoiceCard(
            query,
            found.candidates.map((c) => ({ unitId: c.unit.id, name: c.unit.name })),
            year ?? deps.status.workingYear(),
            locale,
          ),
        };
      return [{ text: TEXT.noSuchUnit[locale](query) }, help(turn, query)];
    }
    // Unit managers and examiners: their own units only; naming another unit is refused politely.
    const own = [...new Set([...who.managed, ...who.examined])];
    const all = await deps.status.find(query);
    const inOwn = await deps.status.find(query, own);
    const target =
      inOwn.found ?? (inOwn.candidates.length === 1 ? inOwn.candidates[0]!.unit : undefined);
    if (target && (!all.found || all.found.id === target.id)) {
      const detail = await deps.status.detail(target.id, year);
      return {
        card: who.managed.includes(target.id)
          ? missingCard(detail, locale)
          : unitDetailCard(detail, locale, { coordinator: false }),
      };
    }
    if (all.found || all.candidates.length > 0) return { text: TEXT.notYourUnit[locale] };
    return help(turn, query);
  }

  // ---- card actions -------------------------------------------------------------------------------

  const unitRef = z.object({
    unitId: z.string().min(1).max(128),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  });
  const listData = z.object({
    filter: z
      .object({
        year: z.number().int().min(2000).max(2100).optional(),
        states: z
          .array(z.enum(PARTICIPATION_STATES as [ParticipationState, ...ParticipationState[]]))
          .max(11)
          .optional(),
        classId: z.enum(UNIT_CLASS_IDS as [string, ...string[]]).optional(),
        organisationId: z.string().max(128).optional(),
        notSubmitted: z.boolean().optional(),
        missingFromProtocol: z.boolean().optional(),
        problem: z.enum(['late', 'over-limit', 'unreadable']).optional(),
        unitIds: z.array(z.string().max(128)).max(1000).optional(),
      })
      .strict()
      .default({}),
    page: z.number().int().min(0).max(10_000).default(0),
  });
  const prepareData = unitRef.extend({
    act: z.enum(ACT_KINDS as unknown as [ActKind, ...ActKind[]]),
    expectedState: z.enum(['none', ...PARTICIPATION_STATES] as [string, ...string[]]),
  });
  const actData = prepareData.extend({
    confirmationId: z.string().uuid(),
    note: z.string().max(2000).optional(),
    rules: z.string().max(500).optional(),
  });

  const message = (text: string): BotActionResult => ({ message: text });
  const refused = (locale: Locale) => message(TEXT.coordinatorsOnly[locale]);

  const actorOf = (turn: BotTurn, who: Who) => ({
    id: who.principal?.userPrincipalName || turn.userObjectId || 'unknown',
    ...(who.principal?.displayName || turn.userName
      ? { name: who.principal?.displayName ?? turn.userName! }
      : {}),
  });

  const EXAMPLES: Record<'coordinator' | 'manager' | 'examiner', Record<Locale, string[]>> = {
    coordinator: {
      sv: [
        'läget',
        'vilka har inte skickat in?',
        'saknas i protokoll',
        'alla förskolor Södermalm',
        'sena bidrag',
        'Förskolan Vasaparken',
        'exportera deltagarlistan',
        'granska',
      ],
      en: [
        'status',
        'who has not submitted?',
        'missing from protocol',
        'all preschools Södermalm',
        'late submissions',
        'Förskolan Vasaparken',
        'export participant list',
        'triage',
      ],
    },
    manager: { sv: ['vad saknas för oss?', 'tidsplan'], en: ['what is missing?', 'deadlines'] },
    examiner: { sv: ['mina enheter'], en: ['my units'] },
  };

  return {
    async help(turn) {
      const who = await whoIs(turn).catch(() => undefined);
      if (!who) return [];
      return [
        ...(who.coordinator ? EXAMPLES.coordinator[turn.locale] : []),
        ...(who.managed.length > 0 ? EXAMPLES.manager[turn.locale] : []),
        ...(who.principal?.roles.includes('examiner') ? EXAMPLES.examiner[turn.locale] : []),
      ];
    },
    commands: [
      {
        name: 'status',
        examples: {
          sv: [
            'läget',
            'vilka har inte skickat in?',
            'saknas i protokoll',
            'Förskolan Vasaparken',
            'exportera deltagarlistan',
            'vad saknas för oss?',
            'mina enheter',
          ],
          en: [
            'status',
            'who has not submitted?',
            'missing from protocol',
            'Förskolan Vasaparken',
            'export participant list',
            'what is missing?',
            'my units',
          ],
        },
        match: (text) => parseStatusIntent(text)?.score ?? 0,
        async handle(turn) {
          const parsed = parseStatusIntent(turn.text);
          if (!parsed) return help(turn, turn.text);
          return onIntent(turn, parsed.intent);
        },
      },
    ],
    actions: {
      'status.overview': {
        async handle(turn) {
          const who = await whoIs(turn);
          if (!who.coordinator) return refused(turn.locale);
          return { card: statusCard(await deps.status.overview(), turn.locale) };
        },
      },
      'status.list': {
        async handle(turn, data) {
          const parsed = listData.safeParse(data);
          if (!parsed.success) return message(TEXT.invalid[turn.locale]);
          const who = await whoIs(turn);
          const filter = parsed.data.filter as UnitListFilter;
          if (!who.coordinator) {
            // An examiner's paging: the units are recomputed here, never taken from the card.
            if (!filter.unitIds || who.examined.length === 0) return refused(turn.locale);
            return {
              card: await listCard(
                { ...filter, unitIds: who.examined },
                parsed.data.page,
                turn.locale,
                undefined,
                examinerTitle(turn.locale),
              ),
            };
          }
          return { card: await listCard(filter, parsed.data.page, turn.locale) };
        },
      },
      'status.unit': {
        async handle(turn, data) {
          const parsed = unitRef.safeParse(data);
          if (!parsed.success) return message(TEXT.invalid[turn.locale]);
          const who = await whoIs(turn);
          const { unitId, year } = parsed.data;
          const mayRead =
            who.coordinator || who.managed.includes(unitId) || who.examined.includes(unitId);
          if (!mayRead) return message(TEXT.notYourUnit[turn.locale]);
          try {
            const detail = await deps.status.detail(unitId, year);
            if (!who.coordinator && who.managed.includes(unitId))
              return { card: missingCard(detail, turn.locale) };
            return { card: unitDetailCard(detail, turn.locale, { coordinator: who.coordinator }) };
          } catch (e) {
            return message(userMessageFor(e, turn.locale));
          }
        },
      },
      'status.prepare': {
        async handle(turn, data) {
          const parsed = prepareData.safeParse(data);
          if (!parsed.success) return message(TEXT.invalid[turn.locale]);
          const who = await whoIs(turn);
          if (!who.coordinator) return refused(turn.locale);
          try {
            const detail = await deps.status.detail(parsed.data.unitId, parsed.data.year);
            return {
              card: confirmActCard({
                locale: turn.locale,
                unitId: detail.unit.unitId,
                unitName: detail.unit.name,
                year: detail.year,
                act: parsed.data.act,
                expectedState: parsed.data.expectedState as ParticipationState | 'none',
                confirmationId: randomUUID(),
              }),
            };
          } catch (e) {
            return message(userMessageFor(e, turn.locale));
          }
        },
      },
      'status.act': {
        async handle(turn, data) {
          const parsed = actData.safeParse(data);
          if (!parsed.success) return message(TEXT.invalid[turn.locale]);
          const who = await whoIs(turn);
          if (!who.coordinator) return refused(turn.locale);
          const d = parsed.data;
          const year = d.year ?? deps.status.workingYear();
          const note = d.note?.trim() || undefined;
          const rules = (d.rules ?? '')
            .split(',')
            .map((r) => r.trim())
            .filter((r): r is EligibilityRuleId => r in ELIGIBILITY_RULE_LABELS);
          const act: Act =
            d.act === 'note'
              ? { kind: 'note', text: note ?? '' }
              : d.act === 'not-eligible'
                ? { kind: 'not-eligible', rules, ...(note ? { note } : {}) }
                : d.act === 'eligible'
                  ? { kind: 'eligible' }
                  : { kind: d.act, ...(note ? { note } : {}) };
          const at = deps.now();
          try {
            const result = await deps.act({
              unitId: d.unitId,
              year,
              act,
              actor: actorOf(turn, who),
              confirmationId: d.confirmationId,
              expectedState: d.expectedState as ParticipationState | 'none',
              at,
            });
            const detail = await deps.status.detail(d.unitId, year);
            const card = unitDetailCard(detail, turn.locale, { coordinator: true });
            const by = actorOf(turn, who).name ?? actorOf(turn, who).id;
            const what = ACT_LABELS[d.act][turn.locale];
            card.body.unshift({
              type: 'TextBlock',
              wrap: true,
              color: 'good',
              weight: 'bolder',
              text: result.applied
                ? turn.locale === 'sv'
                  ? `Registrerat: ${what}, av ${by} ${formatInstant(at, 'sv')}.`
                  : `Recorded: ${what}, by ${by} ${formatInstant(at, 'en')}.`
                : turn.locale === 'sv'
                  ? `Redan registrerat: ${what}.`
                  : `Already recorded: ${what}.`,
            });
            return { card };
          } catch (e) {
            return message(userMessageFor(e, turn.locale));
          }
        },
      },
      'status.export': {
        async handle(turn, data) {
          const who = await whoIs(turn);
          if (!who.coordinator) return refused(turn.locale);
          const year = z.object({ year: z.number().int().min(2000).max(2100) }).safeParse(data);
          const link = await deps.exportLink(
            year.success ? year.data.year : deps.status.workingYear(),
          );
          return { card: exportCard(link, turn.locale) };
        },
      },
    },
  };
}

function examinerTitle(locale: Locale): string {
  return locale === 'sv' ? 'Era enheter att examinera' : 'Your units to examine';
}

function exportCard(url: string, locale: Locale): AdaptiveCard {
  return adaptiveCard({
    fallbackText: `${TEXT.exportReady[locale]} ${url}`,
    body: [{ type: 'TextBlock', text: TEXT.exportReady[locale], wrap: true }],
    actions: [
      {
        type: 'Action.OpenUrl',
        title:
          locale === 'sv'
            ? 'Ladda ner deltagarlistan (CSV)'
            : 'Download the participant list (CSV)',
        url,
      },
    ],
  });
}
