// New triage items as cards to the coordinators (members of the coordinators' group), through
// delivery: Teams 1:1 (the app installed for them when needed), mail when Teams cannot, each card to
// each coordinator once (key triage:<mailbox>:<message id>). Never for mail from before go-live: the
// first start must not flood anyone's chat.
import { triageCard } from '../../cards/triage.js';
import { unitIndexFor, type IntakeDetails, type TriageItem } from '../../features/intake/index.js';
import { COORDINATORS_GROUP } from '../../features/roles/index.js';
import { createGraphApi } from '../../graph/index.js';
import type { MailRecord } from '../../store/index.js';
import type { FeatureContext } from '../features.js';

const MEMBERS_TTL_MS = 10 * 60_000;

/** The coordinators' Entra object ids (members of the coordinators' group), cached for ten minutes. */
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
  context: Pick<FeatureContext, 'graph' | 'store' | 'logger' | 'delivery' | 'config'>,
): (mail: MailRecord, details: IntakeDetails) => Promise<void> {
  const coordinators = coordinatorIds(context.graph);

  return async (mail, details) => {
    if (details.historical) return;
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
    // The intake's unit index: no full read of the register per triaged mail in a rush.
    const units = (await unitIndexFor(context.store).current()).units.map((u) => ({
      id: u.id,
      name: u.name,
    }));
    const ids = await coordinators();
    const results = await context.delivery.deliverAll(
      ids.map((objectId) => ({
        key: `triage:${mail.mailbox}:${mail.messageId}`,
        to: { objectId },
        // Each coordinator's card refreshes itself: a colleague's decision shows at once.
        card: (person) =>
          triageCard({ locale: person.locale, item, units, refreshUserIds: ids.slice(0, 60) }),
        mail: (person) => triageMail(person.locale, item),
      })),
      4,
    );
    for (const r of results.filter((r) => r.outcome === 'failed'))
      context.logger.warn(
        { recipient: r.recipient, reason: r.reason },
        'triage notice not delivered',
      );
  };
}

function triageMail(locale: 'sv' | 'en', item: TriageItem): { subject: string; html: string } {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const subject =
    locale === 'en'
      ? `To review: ${item.subject ?? item.from ?? item.messageId}`
      : `Att granska: ${item.subject ?? item.from ?? item.messageId}`;
  const lead =
    locale === 'en'
      ? 'A mail to the shared mailbox needs a coordinator’s decision. Open the app in Teams and write “triage”.'
      : 'Ett mejl till funktionsbrevlådan behöver en samordnares beslut. Öppna appen i Teams och skriv ”granska”.';
  return {
    subject,
    html: `<p>${esc(lead)}</p><p><b>${esc(item.from ?? '')}</b><br>${esc(item.subject ?? '')}</p><p>${esc(item.preview ?? '')}</p>`,
  };
}
