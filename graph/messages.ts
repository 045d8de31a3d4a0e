// Mail in a mailbox: list (filter/top/orderby, paged), get, update categories/flag/isRead, move,
// reply in thread, createReply + send, and sendMail from the shared mailbox.
import type { FollowupFlag, ItemBody, Message, Recipient } from '@microsoft/microsoft-graph-types';
import { pages, userPath, type Graph, type GraphRequest } from './client.js';
import { folderSegment, type WellKnownFolder } from './folders.js';

/** What the app reads of a mail in lists and delta (no body: fetch it when needed). */
export const MESSAGE_SELECT = [
  'id',
  'subject',
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'replyTo',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'categories',
  'flag',
  'isRead',
  'conversationId',
  'internetMessageId',
  'parentFolderId',
  'bodyPreview',
  'importance',
] as const;

export const MESSAGE_WITH_BODY_SELECT = [...MESSAGE_SELECT, 'body', 'uniqueBody'] as const;

export interface ListMessagesOptions {
  /** A folder id or well-known name; the whole mailbox when absent. */
  folder?: WellKnownFolder | string;
  filter?: string;
  orderby?: string;
  /** Stop after this many messages in total. */
  top?: number;
  /** Page size asked of Graph (Prefer odata.maxpagesize / $top), default 100. */
  pageSize?: number;
  select?: readonly string[];
}

function messagesPath(mailbox: string, folder?: string) {
  return folder
    ? `${userPath(mailbox)}/mailFolders/${folderSegment(folder)}/messages`
    : `${userPath(mailbox)}/messages`;
}

function listRequest(mailbox: string, o: ListMessagesOptions): GraphRequest {
  const pageSize = Math.min(o.pageSize ?? 100, o.top ?? Infinity, 1000);
  return {
    path: messagesPath(mailbox, o.folder),
    query: {
      $select: [...(o.select ?? MESSAGE_SELECT)],
      $filter: o.filter,
      $orderby: o.orderby,
      $top: pageSize,
    },
  };
}

/** Messages one by one, following nextLinks lazily. */
export async function* iterateMessages(
  graph: Graph,
  mailbox: string,
  o: ListMessagesOptions = {},
): AsyncGenerator<Message> {
  let n = 0;
  for await (const page of pages<Message>(graph, listRequest(mailbox, o))) {
    for (const m of page) {
      if (o.top !== undefined && n >= o.top) return;
      n++;
      yield m;
    }
  }
}

export async function listMessages(
  graph: Graph,
  mailbox: string,
  o: ListMessagesOptions = {},
): Promise<Message[]> {
  const out: Message[] = [];
  for await (const m of iterateMessages(graph, mailbox, o)) out.push(m);
  return out;
}

export interface GetMessageOptions {
  select?: readonly string[];
  /** Ask Graph for the body as text or html (Prefer outlook.body-content-type). */
  bodyType?: 'text' | 'html';
}

export async function getMessage(
  graph: Graph,
  mailbox: string,
  id: string,
  o: GetMessageOptions = {},
): Promise<Message> {
  return graph.json<Message>({
    path: `${userPath(mailbox)}/messages/${encodeURIComponent(id)}`,
    query: { $select: [...(o.select ?? MESSAGE_WITH_BODY_SELECT)] },
    prefer: o.bodyType ? [`outlook.body-content-type="${o.bodyType}"`] : undefined,
  });
}

export interface MessagePatch {
  categories?: string[];
  flag?: FollowupFlag;
  isRead?: boolean;
}

export async function updateMessage(
  graph: Graph,
  mailbox: string,
  id: string,
  patch: MessagePatch,
): Promise<Message> {
  return graph.json<Message>({
    method: 'PATCH',
    path: `${userPath(mailbox)}/messages/${encodeURIComponent(id)}`,
    body: patch,
  });
}

/** Add categories to those already on the mail (read, merge, write). Returns the new list. */
export async function addCategories(
  graph: Graph,
  mailbox: string,
  id: string,
  categories: string[],
): Promise<string[]> {
  const current = await graph.json<Message>({
    path: `${userPath(mailbox)}/messages/${encodeURIComponent(id)}`,
    query: { $select: 'categories' },
  });
  const have = current.categories ?? [];
  const merged = [...have, ...categories.filter((c) => !have.includes(c))];
  if (merged.length !== have.length)
    await updateMessage(graph, mailbox, id, { categories: merged });
  return merged;
}

/** Move a mail; with immutable ids the id stays the same. Returns the moved message. */
export async function moveMessage(
  graph: Graph,
  mailbox: string,
  id: string,
  destinationId: WellKnownFolder | string,
): Promise<Message> {
  return graph.json<Message>({
    method: 'POST',
    path: `${userPath(mailbox)}/messages/${encodeURIComponent(id)}/move`,
    body: { destinationId },
  });
}

export type ReplyContent = { comment: string; html?: never } | { html: string; comment?: never };

export interface ReplyOptions {
  replyAll?: boolean;
  /** Extra recipients on the reply (e.g. the unit's other address). */
  cc?: string[];
  /** Replace the default "RE: …" subject. */
  subject?: string;
  /** Custom internet headers (names start with x-), e.g. an idempotency key to find it in Sent Items. */
  headers?: Record<string, string>;
}

const internetHeaders = (h: Record<string, string>) =>
  Object.entries(h).map(([name, value]) => ({ name, value }));

const toRecipients = (addresses: string[] = []): Recipient[] =>
  addresses.map((address) => ({ emailAddress: { address } }));

/**
 * Reply in the mail's thread (Graph keeps the conversation and quotes the original).
 * A plain comment, or an HTML body for the reply message.
 */
export async function replyToMessage(
  graph: Graph,
  mailbox: string,
  id: string,
  content: ReplyContent,
  o: ReplyOptions = {},
): Promise<void> {
  const message: Partial<Message> = {};
  if (o.cc?.length) message.ccRecipients = toRecipients(o.cc);
  if (o.subject !== undefined) message.subject = o.subject;
  if (o.headers) message.internetMessageHeaders = internetHeaders(o.headers);
  if (content.html !== undefined) message.body = { contentType: 'html', content: content.html };
  const hasMessage = Object.keys(message).length > 0;
  // Graph takes a comment or a message body, not both; other message properties go with either.
  const body =
    content.html !== undefined
      ? { message }
      : { comment: content.comment, ...(hasMessage ? { message } : {}) };
  await graph.json<void>({
    method: 'POST',
    path: `${userPath(mailbox)}/messages/${encodeURIComponent(id)}/${o.replyAll ? 'replyAll' : 'reply'}`,
    body,
  });
}

/**
 * A draft reply in the thread (in Drafts), to edit or send. `message` sets its writable properties at
 * creation (body, cc, subject, and custom headers, which Graph takes only when an item is created).
 * Graph takes a comment or a message body, not both.
 */
export async function createReply(
  graph: Graph,
  mailbox: string,
  id: string,
  comment?: string,
  message?: Partial<Message>,
): Promise<Message> {
  return graph.json<Message>({
    method: 'POST',
    path: `${userPath(mailbox)}/messages/${encodeURIComponent(id)}/createReply`,
    body: { ...(comment ? { comment } : {}), ...(message ? { message } : {}) },
  });
}

/**
 * A new message saved in Drafts (POST /messages): its immutable id stays the same when it is sent
 * and moves to Sent Items, so a sender can keep the id and later tell whether it went out.
 * https://learn.microsoft.com/graph/outlook-immutable-id
 */
export async function createDraft(
  graph: Graph,
  mailbox: string,
  message: Message,
): Promise<Message> {
  return graph.json<Message>({
    method: 'POST',
    path: `${userPath(mailbox)}/messages`,
    body: message,
  });
}

/** Send a draft (from createReply or a created message). */
export async function sendDraft(graph: Graph, mailbox: string, draftId: string): Promise<void> {
  await graph.json<void>({
    method: 'POST',
    path: `${userPath(mailbox)}/messages/${encodeURIComponent(draftId)}/send`,
  });
}

export interface OutgoingAttachment {
  name: string;
  contentType: string;
  /** base64 */
  contentBytes: string;
}

export interface NewMail {
  subject: string;
  /** Either html or text. */
  html?: string;
  text?: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  attachments?: OutgoingAttachment[];
  saveToSentItems?: boolean;
  /** Custom internet headers must start with x-. */
  headers?: Record<string, string>;
}

/** Send a new mail as `fromMailbox` (the shared mailbox): 202, nothing returned. */
export async function sendMail(graph: Graph, fromMailbox: string, mail: NewMail): Promise<void> {
  const body: ItemBody =
    mail.html !== undefined
      ? { contentType: 'html', content: mail.html }
      : { contentType: 'text', content: mail.text ?? '' };
  const message: Message = {
    subject: mail.subject,
    body,
    toRecipients: toRecipients(mail.to),
    ...(mail.cc?.length ? { ccRecipients: toRecipients(mail.cc) } : {}),
    ...(mail.bcc?.length ? { bccRecipients: toRecipients(mail.bcc) } : {}),
    ...(mail.replyTo?.length ? { replyTo: toRecipients(mail.replyTo) } : {}),
    ...(mail.headers ? { internetMessageHeaders: internetHeaders(mail.headers) } : {}),
  };
  if (mail.attachments?.length) {
    (message as { attachments?: unknown[] }).attachments = mail.attachments.map((a) => ({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: a.name,
      contentType: a.contentType,
      contentBytes: a.contentBytes,
    }));
  }
  await graph.json<void>({
    method: 'POST',
    path: `${userPath(fromMailbox)}/sendMail`,
    body: { message, saveToSentItems: mail.saveToSentItems ?? true },
  });
}
