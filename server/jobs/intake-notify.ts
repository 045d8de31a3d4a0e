// New triage items as cards to the coordinators (members of the coordinators' group who have a
// conversation with the bot). Each card goes to each coordinator once (a delivery record per mail and
// person), and never for mail from before go-live: the first start must not flood anyone's chat.
import { triageCard } from '../../cards/triage.js';
import type { IntakeDetails, TriageItem } from '../../features/intake/index.js';
import { createGraphApi } from '../../graph/index.js';
import type { MailRecord } from '../../store/index.js';
import type { FeatureContext } from '../features.js';

export const COORDINATORS_GROUP = 'kvalitet-samordnare';
const MEMBERS_TTL_MS = 10 * 60_000;

/** The coordinators' AAD object ids (members of the coordinators' group), cached for ten minutes. */
export function coordinatorIds(graph: FeatureContext['graph']): () => Promise<string[]> {
  const api = createGraphApi(graph);
  let members: { at: number; ids: Promise<string[]> } | undefined;
  return () => {
    if (!members || Date.now() - members.at > MEMBERS_TTL_MS) {
      const ids = api.users
        .listGroupMembersByMailNickname(COORDINATORS_GROUP, ['id'])
        .then((users) => users.map((u) => u.id).filter((id): id is string => !!id));
      ids.catch(() => (members = undefined));
      members = { at: Date.now(), ids };
    }
    return members.ids;
  };
}

export function createTriageNotifier(
  context: Pick<FeatureContext, 'graph' | 'store' | 'logger' | 'sendCard'>,
): (mail: MailRecord, details: IntakeDetails) => Promise<void> {
  const coordinators = coordinatorIds(context.graph);

  const notify = async (mail: MailRecord, details: IntakeDetails) => {
    const send = context.sendCard;
    if (!send || details.historical) return;
    const item: TriageItem = {
      messageId: mail.messageId,
      receivedAt: mail.receivedAt,
      ...((mail.from ?? details.from) ? { from: mail.from ?? details.from } : {}),
      ...(details.subject ? { subject: details.subject } : {}),
      ...(details.preview ? { preview: details.preview } : {}),
      suggestedKind: details.kind,
      confidence: details.confidence,
      ...(details.suggestedUnitId ? { suggestedUnitId: details.suggestedUnitId } : {}),
      candidates: details.candidates ?? [],
      reasons: details.reasons,
      triageReasons: details.triageReasons ?? [],
    };
    const units = (await context.store.units.list()).map((u) => ({ id: u.id, name: u.name }));
    const ids = await coordinators();
    // Each coordinator's card refreshes itself: a colleague's decision shows at once.
    const card = triageCard({ locale: 'sv', item, units, refreshUserIds: ids.slice(0, 60) });
    for (const id of ids) {
      const key = { reminderId: `triage:${mail.mailbox}:${mail.messageId}`, recipient: id };
      if (
        !(await context.store.reminderDeliveries.claim({
          ...key,
          channel: 'teams',
          leaseMs: 5 * 60_000,
        }))
      )
        continue;
      try {
        const sent = await send(id, card);
        if (sent) await context.store.reminderDeliveries.markDelivered(key);
        else await context.store.reminderDeliveries.markFailed(key, 'no conversation with the bot');
      } catch (err) {
        context.logger.warn({ err, recipient: id }, 'triage card not delivered');
        await context.store.reminderDeliveries.markFailed(
          key,
          String((err as Error)?.message ?? err),
        );
      }
    }
  };

  return notify;
}
