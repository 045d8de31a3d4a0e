// The Graph calls of the outbox, all through graph/messages: create the item's mail as a draft (a
// reply in its thread with createReply, or a new message in Drafts), send that draft, and after a
// crash or an unclear failure look the draft up by its immutable id to tell whether it went out.
//
// Why drafts: Graph's sendMail and reply return nothing to find the mail by, and Sent Items copies do
// not carry custom internet headers, so a search for a marker header can never succeed in a tenant.
// A draft's immutable id stays the same when it is sent and moves to Sent Items
// (https://learn.microsoft.com/graph/outlook-immutable-id: "the immutable ID will NOT change if the
// item is moved to a different folder in the mailbox"), so the id the sender keeps answers "sent?".
import type { InternetMessageHeader, Message, Recipient } from '@microsoft/microsoft-graph-types';
import { isGraphError, type GraphApi } from '../../graph/index.js';
import { OUTBOX_KEY_HEADER, type MailAddress, type OutboxMessage } from './types.js';

export type OutboxGraph = Pick<GraphApi, 'messages' | 'folders'>;

const recipients = (list: MailAddress[] | undefined): Recipient[] =>
  (list ?? []).map((a) => ({
    emailAddress: a.name ? { address: a.address, name: a.name } : { address: a.address },
  }));

/** A draft the outbox created: its immutable id, and the Message-ID the sent mail will carry. */
export interface OutboxDraft {
  id: string;
  /**
   * Graph assigns internetMessageId when the draft is created: the 201 of POST /messages shows it on
   * a message that is still `isDraft: true`
   * (https://learn.microsoft.com/graph/api/user-post-messages, examples 1 and 2), and createReply
   * answers with the same message resource (https://learn.microsoft.com/graph/api/message-createreply).
   * Sending keeps it (RFC 5322 Message-ID), so a non-delivery report's copy of the original headers
   * names it. Kept with the draft id at no extra request; absent if Graph ever omits it.
   */
  internetMessageId?: string;
}

/**
 * Creates the item's mail as a draft and returns its immutable id and Message-ID. The outbox key goes
 * along as an x- header (headers are accepted only when an item is created): recipients' copies carry
 * it, which helps support trace a mail, though Sent Items will not show it.
 */
export async function createOutboxDraft(
  api: OutboxGraph,
  key: string,
  message: OutboxMessage,
): Promise<OutboxDraft> {
  const internetMessageHeaders: InternetMessageHeader[] = [{ name: OUTBOX_KEY_HEADER, value: key }];
  const body = { contentType: 'html' as const, content: message.html };
  let draft: Message;
  if (message.kind === 'reply') {
    const reply: Message = { body, internetMessageHeaders };
    if (message.cc?.length) reply.ccRecipients = recipients(message.cc);
    if (message.subject !== undefined) reply.subject = message.subject;
    draft = await api.messages.createReply(message.mailbox, message.messageId, undefined, reply);
  } else {
    const mail: Message = {
      subject: message.subject,
      body,
      toRecipients: recipients(message.to),
      internetMessageHeaders,
    };
    if (message.cc?.length) mail.ccRecipients = recipients(message.cc);
    if (message.bcc?.length) mail.bccRecipients = recipients(message.bcc);
    draft = await api.messages.createDraft(message.mailbox, mail);
  }
  if (!draft.id) throw new Error('Graph created the draft but returned no id');
  return draft.internetMessageId
    ? { id: draft.id, internetMessageId: draft.internetMessageId }
    : { id: draft.id };
}

/** Sends a draft; resolves when Graph accepted it (202). Throws GraphError when Graph refuses. */
export async function sendOutboxDraft(
  api: OutboxGraph,
  mailbox: string,
  draftId: string,
): Promise<void> {
  await api.messages.sendDraft(mailbox, draftId);
}

/**
 * What became of a draft the outbox created:
 * - `sent`: it is no longer a draft (in Sent Items, or wherever someone moved it afterwards);
 * - `submitted`: still marked a draft but out of Drafts (in the Outbox while Exchange sends it):
 *   sending it again would be a second mail, so it counts as sent;
 * - `draft`: still in Drafts, never sent: send it;
 * - `gone`: deleted (by a person, or the mailbox was emptied): create it again.
 */
export type DraftOutcome =
  | { state: 'sent'; sentAt?: string }
  | { state: 'submitted' }
  | { state: 'draft' }
  | { state: 'gone' };

export async function draftOutcome(
  api: OutboxGraph,
  mailbox: string,
  draftId: string,
  draftsFolderId: () => Promise<string>,
): Promise<DraftOutcome> {
  let m: Message;
  try {
    m = await api.messages.getMessage(mailbox, draftId, {
      select: ['id', 'isDraft', 'parentFolderId', 'sentDateTime'],
    });
  } catch (error) {
    if (isGraphError(error) && error.status === 404) return { state: 'gone' };
    throw error;
  }
  if (m.isDraft === false)
    return m.sentDateTime ? { state: 'sent', sentAt: m.sentDateTime } : { state: 'sent' };
  if (m.parentFolderId && m.parentFolderId !== (await draftsFolderId()))
    return { state: 'submitted' };
  return { state: 'draft' };
}

/** The id of the mailbox's Drafts folder, asked once per mailbox. */
export function draftsFolderIds(api: OutboxGraph): (mailbox: string) => Promise<string> {
  const known = new Map<string, Promise<string>>();
  return (mailbox) => {
    const key = mailbox.toLowerCase();
    let id = known.get(key);
    if (!id) {
      id = api.folders.getFolder(mailbox, 'drafts').then((f) => f.id ?? '');
      id.catch(() => known.delete(key));
      known.set(key, id);
    }
    return id;
  };
}

/** Creates and sends in one go (tests and tools that need no crash recovery). */
export async function sendOutboxMessage(
  api: OutboxGraph,
  key: string,
  message: OutboxMessage,
): Promise<string> {
  const draft = await createOutboxDraft(api, key, message);
  await sendOutboxDraft(api, message.mailbox, draft.id);
  return draft.id;
}
