// The Graph layer's front door: createGraphApi(graph) groups the per-resource modules so feature
// code holds one object (and tests can fake it whole).
import type { Graph } from './client.js';
import * as attachments from './attachments.js';
import * as batchMod from './batch.js';
import * as calendar from './calendar.js';
import * as categories from './categories.js';
import * as delta from './delta.js';
import * as folders from './folders.js';
import * as messages from './messages.js';
import * as messageBatches from './message-batches.js';
import * as schedule from './schedule.js';
import * as subscriptions from './subscriptions.js';
import * as teamsApps from './teams-apps.js';
import * as users from './users.js';

export * from './auth.js';
export * from './client.js';
export * from './errors.js';
export type { AttachmentInfo, DownloadOptions } from './attachments.js';
export type { BatchItem, BatchOptions, BatchResult } from './batch.js';
export type { AttendeeResponse, EventAttendee, EventPatch, NewEvent } from './calendar.js';
export type { CategorySpec } from './categories.js';
export type { DeltaPage, RemovedItem, SyncFolderOptions, SyncFolderResult } from './delta.js';
export type { WellKnownFolder } from './folders.js';
export type {
  GetMessageOptions,
  ListMessagesOptions,
  MessagePatch,
  NewMail,
  OutgoingAttachment,
  ReplyContent,
  ReplyOptions,
} from './messages.js';
export type { FilingStep } from './message-batches.js';
export type { GetScheduleOptions } from './schedule.js';
export type { CreateSubscriptionOptions } from './subscriptions.js';
export type { InstalledApp } from './teams-apps.js';
export { MESSAGE_SELECT, MESSAGE_WITH_BODY_SELECT } from './messages.js';
export { STOCKHOLM_WINDOWS_TZ } from './calendar.js';
export { MAX_MESSAGE_SUBSCRIPTION_MINUTES } from './subscriptions.js';
export { INLINE_ATTACHMENT_LIMIT } from './attachments.js';

type Bound<F> = F extends (graph: Graph, ...rest: infer A) => infer R ? (...args: A) => R : never;
type BindAll<M> = {
  [K in keyof M as M[K] extends (graph: Graph, ...r: never[]) => unknown ? K : never]: Bound<M[K]>;
};

function bindAll<M extends object>(graph: Graph, mod: M, names: (keyof M)[]): BindAll<M> {
  const out: Record<string, unknown> = {};
  for (const n of names) {
    const f = mod[n] as unknown as (g: Graph, ...a: unknown[]) => unknown;
    out[n as string] = (...a: unknown[]) => f(graph, ...a);
  }
  return out as BindAll<M>;
}

export function createGraphApi(graph: Graph) {
  return {
    graph,
    users: bindAll(graph, users, [
      'getUser',
      'findUserByMail',
      'findGroupByMailNickname',
      'listGroupMembers',
      'listGroupMembersByMailNickname',
    ]),
    folders: bindAll(graph, folders, [
      'getFolder',
      'listFolders',
      'listChildFolders',
      'ensureChildFolder',
      'ensureFolderPath',
    ]),
    messages: bindAll(graph, messages, [
      'iterateMessages',
      'listMessages',
      'getMessage',
      'updateMessage',
      'addCategories',
      'moveMessage',
      'replyToMessage',
      'createReply',
      'createDraft',
      'sendDraft',
      'sendMail',
    ]),
    messageBatches: bindAll(graph, messageBatches, ['getMessages', 'fileMessages']),
    categories: bindAll(graph, categories, ['listMasterCategories', 'ensureMasterCategories']),
    attachments: bindAll(graph, attachments, [
      'listAttachments',
      'listAttachmentsForMessages',
      'syncFolderWithAttachments',
      'getAttachmentInfo',
      'getAttachment',
      'streamAttachment',
      'downloadAttachment',
    ]),
    delta: bindAll(graph, delta, ['syncFolder', 'syncFolderCollect']),
    calendar: bindAll(graph, calendar, [
      'createEvent',
      'updateEvent',
      'getEvent',
      'cancelEvent',
      'getEventResponses',
      'calendarView',
    ]),
    schedule: bindAll(graph, schedule, ['getSchedule']),
    subscriptions: bindAll(graph, subscriptions, [
      'createSubscription',
      'renewSubscription',
      'deleteSubscription',
      'listSubscriptions',
      'keepSubscriptionAlive',
    ]),
    teamsApps: bindAll(graph, teamsApps, [
      'installAppForUser',
      'listInstalledApps',
      'isAppInstalledForUser',
    ]),
    batch: bindAll(graph, batchMod, ['batch']),
  };
}

export type GraphApi = ReturnType<typeof createGraphApi>;
