// The bot's side of triage: "granska"/"triage" lists waiting mails as cards, and the cards' actions
// (triage.confirm / triage.apply) record the coordinator's decision through the intake feature, which
// processes the mail as it would an automatic decision. The answer replaces the card in Teams.
import {
  CardFactory,
  MessageFactory,
  RouteRank,
  type AgentApplication,
  type TurnState,
} from '@microsoft/agents-hosting';
import { z } from 'zod';
import { MAIL_KINDS, type MailKind } from '../core/intake/index.js';
import type { Locale } from '../core/model.js';
import { isIntakeError, type TriageItem, type TriageResolution } from '../features/intake/index.js';
import { normaliseCommandText } from './commands.js';
import { localeOf } from './locale.js';
import {
  TRIAGE_VERBS,
  triageCard,
  triageDoneCard,
  triageSummaryCard,
  type TriageCard,
  type TriageVerb,
} from '../cards/triage.js';

/** What the bot needs of intake (the server passes the running intake service and the units). */
export interface TriageBackend {
  listTriage(options?: { limit?: number }): Promise<TriageItem[]>;
  resolveTriage(resolution: TriageResolution): Promise<unknown>;
  units(): Promise<{ id: string; name: string }[]>;
  /** Whether this user (AAD object id) may see and decide triage: the coordinators. */
  mayTriage(aadObjectId: string | undefined): Promise<boolean>;
  /** Where a mail stands now (for a card's refresh): still waiting, or decided. */
  outcome(messageId: string): Promise<TriageOutcome | undefined>;
  /** Whose cards refresh themselves (the coordinators), at most 60. */
  refreshUserIds?(): Promise<string[]>;
}

export type TriageOutcome =
  | { waiting: TriageItem }
  | { done: { kind: MailKind; unitId?: string; by?: string; subject?: string } };

/** The card a mail's triage card should show now (Universal Actions refresh). */
export async function refreshedTriageCard(
  backend: TriageBackend,
  messageId: string,
  locale: Locale,
): Promise<TriageCard | string> {
  const outcome = await backend.outcome(messageId);
  if (!outcome) return locale === 'sv' ? 'Mejlet finns inte längre.' : 'The mail no longer exists.';
  if ('waiting' in outcome) {
    const [units, userIds] = await Promise.all([backend.units(), backend.refreshUserIds?.()]);
    return triageCard({
      locale,
      item: outcome.waiting,
      units,
      ...(userIds ? { refreshUserIds: userIds } : {}),
    });
  }
  const { kind, unitId, by, subject } = outcome.done;
  const unitName = unitId ? (await backend.units()).find((u) => u.id === unitId)?.name : undefined;
  return triageDoneCard({
    locale,
    kind,
    by: by ?? (locale === 'sv' ? 'Appen' : 'The app'),
    ...(subject ? { subject } : {}),
    ...(unitName ? { unitName } : {}),
  });
}

/** How many triage cards one "granska" sends (a chat is no place for a long list; the tab has it). */
export const TRIAGE_CARDS_PER_MESSAGE = 5;

export async function triageListCards(
  backend: TriageBackend,
  locale: Locale,
): Promise<TriageCard[]> {
  const items = await backend.listTriage({ limit: 100 });
  const units = await backend.units();
  const shown = items.slice(0, TRIAGE_CARDS_PER_MESSAGE);
  return [
    triageSummaryCard(locale, items.length, shown.length),
    ...shown.map((item) => triageCard({ locale, item, units })),
  ];
}

const actionData = z.object({
  messageId: z.string().min(1).max(512),
  kind: z.enum(MAIL_KINDS as [MailKind, ...MailKind[]]).optional(),
  unitId: z.string().max(128).optional(),
  meetingId: z.string().max(200).optional(),
});

/**
 * Handles one triage action. `data` is what Teams sent (the action's data merged with the inputs);
 * `by` is who clicked (UPN, e-mail or AAD object id). Returns the card to show in place of the old one.
 */
export async function handleTriageAction(
  backend: TriageBackend,
  verb: TriageVerb,
  data: unknown,
  by: string,
  locale: Locale,
): Promise<TriageCard | string> {
  const parsed = actionData.safeParse(data);
  if (!parsed.success || !parsed.data.kind)
    return locale === 'sv'
      ? 'Välj vilken typ av mejl det är och försök igen.'
      : 'Choose the kind of mail and try again.';
  const { messageId, kind } = parsed.data;
  const unitId = parsed.data.unitId?.trim() || undefined;
  // The meeting choice is on every such card; it means something only when the mail is a signup.
  const meetingId =
    kind === 'info-meeting-signup' ? parsed.data.meetingId?.trim() || undefined : undefined;
  const item = (await backend.listTriage({ limit: 500 })).find((i) => i.messageId === messageId);
  try {
    await backend.resolveTriage({
      messageId,
      kind,
      by,
      ...(unitId ? { unitId } : {}),
      ...(meetingId ? { meetingId } : {}),
    });
  } catch (e) {
    if (isIntakeError(e)) return e.messages[locale];
    throw e;
  }
  const unitName = unitId ? (await backend.units()).find((u) => u.id === unitId)?.name : undefined;
  void verb; // both verbs end the same way; confirm carries the suggestion, apply the inputs
  return triageDoneCard({
    locale,
    kind,
    by,
    ...(item?.subject ? { subject: item.subject } : {}),
    ...(unitName ? { unitName } : {}),
  });
}

/** The SDK's adaptive card type, as actionExecute handlers return it. */
type ExecuteHandler = Parameters<AgentApplication<TurnState>['adaptiveCards']['actionExecute']>[1];
type CardJson = Exclude<Awaited<ReturnType<ExecuteHandler>>, string>;

/** What a user writes to see the triage list. */
export const TRIAGE_WORDS: readonly string[] = ['granska', 'att granska', 'triage', 'review'];

export function isTriageCommand(text: string | undefined | null): boolean {
  return TRIAGE_WORDS.includes(normaliseCommandText(text));
}

const NOT_ALLOWED = {
  sv: 'Granskningen av funktionsbrevlådan är till för samordnarna.',
  en: "Reviewing the shared mailbox is for the award's coordinators.",
} as const;

const NOT_RUNNING = {
  sv: 'Granskningen är inte igång just nu (brevlådan läses inte). Försök igen om en stund.',
  en: 'Triage is not running right now (the mailbox is not being read). Please try again shortly.',
} as const;

/**
 * Adds the triage command and the card actions to the bot. `backend` is asked at each turn (the
 * intake feature starts after the bot), so a bot without a running intake says so instead of failing.
 */
export function registerTriage(
  agent: AgentApplication<TurnState>,
  backend: () => TriageBackend | undefined,
): void {
  agent.onMessage(
    async (context) => isTriageCommand(context.activity.text),
    async (context) => {
      const locale = localeOf(context.activity.locale);
      const b = backend();
      if (!b) {
        await context.sendActivity(MessageFactory.text(NOT_RUNNING[locale]));
        return;
      }
      if (!(await b.mayTriage(context.activity.from?.aadObjectId))) {
        await context.sendActivity(MessageFactory.text(NOT_ALLOWED[locale]));
        return;
      }
      for (const card of await triageListCards(b, locale)) {
        const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
        activity.summary = card.fallbackText;
        await context.sendActivity(activity);
      }
    },
    undefined,
    RouteRank.First,
  );
  agent.adaptiveCards.actionExecute<{ verb?: string; data?: unknown }>(
    [...TRIAGE_VERBS],
    async (context, _state, action) => {
      const locale = localeOf(context.activity.locale);
      const b = backend();
      if (!b) return NOT_RUNNING[locale];
      if (!(await b.mayTriage(context.activity.from?.aadObjectId))) return NOT_ALLOWED[locale];
      // The SDK hands over the whole Action.Execute ({ type, verb, data }); data holds the inputs too.
      const data = action.data;
      if (action.verb === 'triage.refresh') {
        const messageId = (data as { messageId?: unknown } | undefined)?.messageId;
        if (typeof messageId !== 'string') return NOT_RUNNING[locale];
        const card = await refreshedTriageCard(b, messageId, locale);
        return typeof card === 'string' ? card : (card as unknown as CardJson);
      }
      const verb: TriageVerb = action.verb === 'triage.confirm' ? 'triage.confirm' : 'triage.apply';
      const from = context.activity.from;
      const by = from?.aadObjectId ?? from?.id ?? 'unknown';
      const result = await handleTriageAction(
        b,
        verb,
        data,
        from?.name ? `${from.name}` : by,
        locale,
      );
      return typeof result === 'string' ? result : (result as unknown as CardJson);
    },
  );
}
