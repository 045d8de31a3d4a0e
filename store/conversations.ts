// Conversation references for proactive Teams messages, one per user (AAD object id): saved when the
// bot is installed or the user writes, read when a reminder card goes out.
import type { IsoInstant } from '../core/model.js';
import { excludedSet, json, type RepoContext } from './db.js';
import { compact, toIso } from './time.js';

export interface ConversationRefInput {
  aadObjectId: string;
  tenantId?: string;
  conversationId: string;
  serviceUrl: string;
  /** The Agents SDK ConversationReference as JSON, stored as given. */
  reference: unknown;
}

export interface ConversationRefRecord extends ConversationRefInput {
  updatedAt: IsoInstant;
}

export interface ConversationsRepo {
  /** Inserts or replaces the user's reference (the newest conversation wins). */
  upsert(ref: ConversationRefInput): Promise<void>;
  get(aadObjectId: string): Promise<ConversationRefRecord | undefined>;
  delete(aadObjectId: string): Promise<void>;
}

export function conversationsRepo({ db, now }: RepoContext): ConversationsRepo {
  return {
    async upsert(ref) {
      const row = {
        aad_object_id: ref.aadObjectId,
        tenant_id: ref.tenantId ?? null,
        conversation_id: ref.conversationId,
        service_url: ref.serviceUrl,
        reference: json(ref.reference),
        updated_at: now(),
      };
      await db
        .insertInto('conversation_refs')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('aad_object_id')
            .doUpdateSet(({ ref: r }) => excludedSet(r, row, ['aad_object_id'])),
        )
        .execute();
    },
    async get(aadObjectId) {
      const row = await db
        .selectFrom('conversation_refs')
        .selectAll()
        .where('aad_object_id', '=', aadObjectId)
        .executeTakeFirst();
      return (
        row &&
        compact({
          aadObjectId: row.aad_object_id,
          tenantId: row.tenant_id ?? undefined,
          conversationId: row.conversation_id,
          serviceUrl: row.service_url,
          reference: row.reference,
          updatedAt: toIso(row.updated_at),
        })
      );
    },
    async delete(aadObjectId) {
      await db.deleteFrom('conversation_refs').where('aad_object_id', '=', aadObjectId).execute();
    },
  };
}
