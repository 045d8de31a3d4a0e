// The two Graph calls of the outbox: send one item (a reply in its thread, or a new mail), stamped
// with the outbox key in an x- header; and look for that stamp in the mailbox's Sent Items, which is
// how a sender that took over an item left in 'sending' tells whether it already went out.
import type { InternetMessageHeader, Message, Recipient } from '@microsoft/microsoft-graph-types';
import { userPath, type GraphApi } from '../../graph/index.js';
import { OUTBOX_KEY_HEADER, type MailAddress, type OutboxMessage } from './types.js';

export type OutboxGraph = Pick<GraphApi, 'graph' | 'messages'>;

const recipients = (list: MailAddress[] | undefined): Recipient[] =>
  (list ?? []).map((a) => ({
    emailAddress: a.name ? { address: a.address, name: a.name } : { address: a.address },
  }));

/** Throws GraphError when Graph refuses; resolves when Graph accepted (202) the message. */
export async function sendOutboxMessage(
  api: OutboxGraph,
  key: string,
  message: OutboxMessage,
): Promise<void> {
  const internetMessageHeaders: InternetMessageHeader[] = [{ name: OUTBOX_KEY_HEADER, value: key }];
  const body = { contentType: 'html' as const, content: message.html };
  if (message.kind === 'reply') {
    const reply: Message = { body, internetMessageHeaders };
    if (message.cc?.length) reply.ccRecipients = recipients(message.cc);
    if (message.subject !== undefined) reply.subject = message.subject;
    await api.graph.json<void>({
      method: 'POST',
      path: `${userPath(message.mailbox)}/messages/${encodeURIComponent(message.messageId)}/reply`,
      body: { message: reply },
    });
    return;
  }
  const mail: Message = {
    subject: message.subject,
    body,
    toRecipients: recipients(message.to),
    internetMessageHeaders,
  };
  if (message.cc?.length) mail.ccRecipients = recipients(message.cc);
  if (message.bcc?.length) mail.bccRecipients = recipients(message.bcc);
  await api.graph.json<void>({
    method: 'POST',
    path: `${userPath(message.mailbox)}/sendMail`,
    body: { message: mail, saveToSentItems: true },
  });
}

export interface SentItemsSearch {
  mailbox: string;
  key: string;
  /** Nothing of this item can have been sent before this instant. */
  since: Date;
  /** Messages to look at, newest first, before giving up (default 2,000). */
  maxScan?: number;
}

/**
 * The sent time of the message carrying `key` in Sent Items, or undefined. Newest first: an item is
 * checked soon after the send it may have missed recording, so a match is near the top.
 */
export async function findSentByKey(
  api: OutboxGraph,
  search: SentItemsSearch,
): Promise<{ sentAt: string; messageId: string } | undefined> {
  const since = search.since.toISOString();
  for await (const m of api.messages.iterateMessages(search.mailbox, {
    folder: 'sentitems',
    filter: `sentDateTime ge ${since}`,
    orderby: 'sentDateTime desc',
    select: ['id', 'sentDateTime', 'internetMessageHeaders'],
    pageSize: 100,
    top: search.maxScan ?? 2_000,
  })) {
    const stamped = (m.internetMessageHeaders ?? []).some(
      (h) => h.name?.toLowerCase() === OUTBOX_KEY_HEADER && h.value === search.key,
    );
    if (stamped) return { sentAt: m.sentDateTime ?? since, messageId: m.id ?? '' };
  }
  return undefined;
}
