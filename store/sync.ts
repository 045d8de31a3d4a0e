// Where mailbox sync stands: a delta link per mailbox folder (the safety net after restarts) and the
// Graph change-notification subscriptions we created (to renew before expiry and to check clientState).
import type { Selectable } from 'kysely';
import type { IsoInstant } from '../core/model.js';
import { excludedSet, jsonOrNull, type RepoContext } from './db.js';
import type { GraphSubscriptionsTable } from './schema.js';
import { compact, toDate, toIso, type TimeInput } from './time.js';

export interface DeltaLinkRecord {
  mailbox: string;
  folderId: string;
  deltaLink: string;
  updatedAt: IsoInstant;
}

export interface GraphSubscriptionInput {
  /** Graph's subscription id. */
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  clientState: string;
  expiresAt: TimeInput;
  details?: Record<string, unknown>;
}

export interface GraphSubscriptionRecord extends Omit<GraphSubscriptionInput, 'expiresAt'> {
  expiresAt: IsoInstant;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface SyncRepo {
  getDeltaLink(mailbox: string, folderId: string): Promise<string | undefined>;
  setDeltaLink(mailbox: string, folderId: string, deltaLink: string): Promise<void>;
  /** Forget a delta link (Graph answered 410 Gone: the next sync is a full one). */
  clearDeltaLink(mailbox: string, folderId: string): Promise<void>;
  listDeltaLinks(mailbox?: string): Promise<DeltaLinkRecord[]>;

  /** Inserts or replaces (a renewal updates expiresAt). */
  upsertSubscription(subscription: GraphSubscriptionInput): Promise<void>;
  getSubscription(id: string): Promise<GraphSubscriptionRecord | undefined>;
  /** Soonest expiry first. */
  listSubscriptions(): Promise<GraphSubscriptionRecord[]>;
  deleteSubscription(id: string): Promise<void>;
}

export function syncRepo({ db, now }: RepoContext): SyncRepo {
  return {
    async getDeltaLink(mailbox, folderId) {
      const row = await db
        .selectFrom('delta_links')
        .select('delta_link')
        .where('mailbox', '=', mailbox)
        .where('folder_id', '=', folderId)
        .executeTakeFirst();
      return row?.delta_link;
    },
    async setDeltaLink(mailbox, folderId, deltaLink) {
      const row = { mailbox, folder_id: folderId, delta_link: deltaLink, updated_at: now() };
      await db
        .insertInto('delta_links')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['mailbox', 'folder_id'])
            .doUpdateSet(({ ref }) => excludedSet(ref, row, ['mailbox', 'folder_id'])),
        )
        .execute();
    },
    async clearDeltaLink(mailbox, folderId) {
      await db
        .deleteFrom('delta_links')
        .where('mailbox', '=', mailbox)
        .where('folder_id', '=', folderId)
        .execute();
    },
    async listDeltaLinks(mailbox) {
      let query = db.selectFrom('delta_links').selectAll();
      if (mailbox !== undefined) query = query.where('mailbox', '=', mailbox);
      const rows = await query.orderBy('mailbox').orderBy('folder_id').execute();
      return rows.map((row) => ({
        mailbox: row.mailbox,
        folderId: row.folder_id,
        deltaLink: row.delta_link,
        updatedAt: toIso(row.updated_at),
      }));
    },

    async upsertSubscription(subscription) {
      const at = now();
      const row = {
        id: subscription.id,
        resource: subscription.resource,
        change_type: subscription.changeType,
        notification_url: subscription.notificationUrl,
        client_state: subscription.clientState,
        expires_at: toDate(subscription.expiresAt),
        details: jsonOrNull(subscription.details),
        created_at: at,
        updated_at: at,
      };
      await db
        .insertInto('graph_subscriptions')
        .values(row)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet(({ ref }) => excludedSet(ref, row, ['id', 'created_at'])),
        )
        .execute();
    },
    async getSubscription(id) {
      const row = await db
        .selectFrom('graph_subscriptions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toSubscription(row);
    },
    async listSubscriptions() {
      const rows = await db
        .selectFrom('graph_subscriptions')
        .selectAll()
        .orderBy('expires_at')
        .orderBy('id')
        .execute();
      return rows.map(toSubscription);
    },
    async deleteSubscription(id) {
      await db.deleteFrom('graph_subscriptions').where('id', '=', id).execute();
    },
  };
}

function toSubscription(row: Selectable<GraphSubscriptionsTable>): GraphSubscriptionRecord {
  return compact({
    id: row.id,
    resource: row.resource,
    changeType: row.change_type,
    notificationUrl: row.notification_url,
    clientState: row.client_state,
    expiresAt: toIso(row.expires_at),
    details: row.details ?? undefined,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  });
}
