// Mail flow inside the tenant: sending from a mailbox (sending limits, delivery into recipients'
// inboxes, group expansion, external addresses to the outbox, unknown own-domain addresses bounced,
// the sender's Sent Items), inbound mail from outside, and the reply/forward drafts Outlook builds.
import type * as MG from '@microsoft/microsoft-graph-types';
import { GraphError } from '../errors.js';
import type { Faults } from '../faults.js';
import { guid } from '../ids.js';
import { newInternetMessageId, unreadMessageState } from './new-message.js';
import type {
  AttachmentRec,
  MailboxRec,
  MessageFields,
  MessageRec,
  PendingMailOp,
} from './model.js';
import type { Store } from './store.js';

export type AttachmentInput = Omit<AttachmentRec, 'id' | 'size' | 'lastModifiedDateTime'>;

function addressesOf(list: MG.Recipient[] | null | undefined): string[] {
  return (list ?? []).map((r) => r.emailAddress?.address ?? '').filter(Boolean);
}

export function allRecipients(f: MessageFields): string[] {
  return [
    ...addressesOf(f.toRecipients),
    ...addressesOf(f.ccRecipients),
    ...addressesOf(f.bccRecipients),
  ];
}

function stripAttachments(a: AttachmentRec[]): AttachmentInput[] {
  return a.map(({ name, contentType, contentBytes, isInline, contentId }) => ({
    name,
    contentType,
    contentBytes,
    isInline,
    contentId,
  }));
}

/**
 * Resolves addresses to tenant users (groups expand to members), external addresses, and addresses
 * in the tenant's own (accepted, authoritative) domain that no user or group has: Exchange Online
 * does not relay those anywhere, it answers them with a non-delivery report (see deliverSent).
 */
export function resolveRecipients(
  store: Store,
  addresses: string[],
): { userIds: string[]; external: string[]; unknown: string[] } {
  const userIds = new Set<string>();
  const external: string[] = [];
  const unknown: string[] = [];
  const ownDomain = '@' + store.data.domain.toLowerCase();
  for (const addr of addresses) {
    const user = store.findUser(addr);
    if (user) {
      userIds.add(user.id!);
      continue;
    }
    const group = store.findGroupByAddress(addr);
    if (group) {
      group.memberIds.forEach((id) => userIds.add(id));
      continue;
    }
    if (addr.toLowerCase().endsWith(ownDomain)) unknown.push(addr);
    else external.push(addr);
  }
  return { userIds: [...userIds], external, unknown };
}

/**
 * The status Exchange Online gives a recipient in an accepted domain of the organisation that no
 * mailbox, group or contact has: the send was accepted (202), then the resolver finds nobody and the
 * sender gets an NDR, "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address
 * lookup" (https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/fix-error-code-550-5-1-10-in-exchange-online,
 * listed in https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online).
 */
export const RECIPIENT_NOT_FOUND =
  '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup';

export interface SendOptions {
  store: Store;
  faults: Faults;
  sender: MG.User;
  fields: MessageFields;
  attachments: AttachmentInput[];
  saveToSentItems: boolean;
  /** A draft being sent: it moves to Sent Items instead of a copy being made. */
  draft?: MessageRec;
}

export function sendMessage(o: SendOptions): void {
  const { store, sender } = o;
  const mb = store.mailbox(sender.id!);
  const recipients = allRecipients(o.fields);
  if (recipients.length === 0)
    throw new GraphError(
      400,
      'ErrorInvalidRecipients',
      "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
    );
  for (const r of recipients) {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r))
      throw new GraphError(
        400,
        'ErrorInvalidRecipients',
        `At least one recipient isn't valid., Recipient '${r}' is not resolved. All recipients must be resolved before a message can be submitted.`,
      );
  }
  const verdict = o.faults.checkSend(mb, recipients.length);
  const now = store.nowIso();
  const from: MG.Recipient = {
    emailAddress: {
      name: sender.displayName ?? '',
      address: sender.mail ?? sender.userPrincipalName ?? '',
    },
  };
  const sent: MessageFields = {
    ...o.fields,
    from: o.fields.from ?? from,
    sender: from,
    sentDateTime: now,
    receivedDateTime: now,
    isDraft: false,
    internetMessageId: o.fields.internetMessageId ?? newInternetMessageId(store.data.domain),
    conversationId: o.fields.conversationId ?? 'AAQkA' + guid().replace(/-/g, ''),
  };
  const senderId = mb.userId;
  if (verdict.kind === 'bounced')
    // Accepted, then bounced: nobody gets it, the sender gets a non-delivery report.
    store.later(o.faults.config.sentItemsDelayMs ?? 0, {
      kind: 'bounce',
      senderId,
      fields: sent,
      recipients,
      reason: verdict.reason,
    });
  else
    store.later(verdict.kind === 'queued' ? verdict.delayMs : 0, {
      kind: 'deliver',
      senderId,
      fields: sent,
      recipients,
      attachments: o.attachments,
    });
  // The sender's copy appears in Sent Items only once Exchange has sent the mail (a moment after the
  // 202), and without custom internet headers: those travel with the MIME message to recipients, and
  // Graph lists internetMessageHeaders as the headers of "the network path taken by a message from
  // the sender to the recipient" (https://learn.microsoft.com/graph/api/resources/message), so a
  // search of Sent Items for a marker header finds nothing. A draft keeps its (immutable) id:
  // https://learn.microsoft.com/graph/outlook-immutable-id ("will NOT change if the item is moved to
  // a different folder in the mailbox"); until then it waits in the Outbox, still a draft.
  const delayMs =
    (o.faults.config.sentItemsDelayMs ?? 0) + (verdict.kind === 'queued' ? verdict.delayMs : 0);
  const copy: MessageFields = { ...sent, isRead: true, internetMessageHeaders: undefined };
  if (o.draft) {
    const draft = o.draft;
    if (!o.saveToSentItems) {
      store.removeMessage(mb, draft);
      return;
    }
    if (delayMs > 0) store.moveMessage(mb, draft, store.folder(mb, 'outbox')!.id);
    store.later(delayMs, { kind: 'sent-draft', senderId, draftId: draft.id, fields: copy });
  } else if (o.saveToSentItems) {
    store.later(delayMs, { kind: 'sent-copy', senderId, fields: copy, attachments: o.attachments });
  }
}

/** Makes a change planned with store.later (now, or after a restart of the emulator). */
export function applyPendingMailOp(store: Store, op: PendingMailOp): void {
  const mb = store.mailbox(op.senderId);
  switch (op.kind) {
    case 'deliver':
      deliverSent(store, mb, op.fields, op.recipients, op.attachments);
      return;
    case 'bounce':
      deliverNonDeliveryReport(store, mb, op.fields, op.recipients, op.reason);
      return;
    case 'sent-copy':
      store.addMessage(
        mb,
        store.folder(mb, 'sentitems')!.id,
        structuredClone(op.fields),
        structuredClone(op.attachments),
      );
      return;
    case 'sent-draft': {
      const draft = mb.messages[op.draftId];
      if (!draft) return; // deleted meanwhile
      draft.fields = structuredClone(op.fields);
      store.moveMessage(mb, draft, store.folder(mb, 'sentitems')!.id);
      store.touchMessage(mb, draft);
      return;
    }
  }
}

/**
 * A sent mail reaches its recipients: tenant users' inboxes, the outbox for outside addresses, and a
 * non-delivery report to the sender for own-domain addresses nobody has (the others still get it).
 */
function deliverSent(
  store: Store,
  mb: MailboxRec,
  sent: MessageFields,
  recipients: string[],
  attachments: AttachmentInput[],
): void {
  const { userIds, external, unknown } = resolveRecipients(store, recipients);
  const inboxCopy: MessageFields = {
    ...sent,
    bccRecipients: [],
    isRead: false,
    categories: [],
    flag: { flagStatus: 'notFlagged' },
    inferenceClassification: 'focused',
  };
  for (const uid of userIds) {
    const rmb = store.mailbox(uid);
    store.addMessage(
      rmb,
      store.folder(rmb, 'inbox')!.id,
      structuredClone(inboxCopy),
      structuredClone(attachments),
    );
  }
  if (external.length)
    store.data.outbox.push({
      from: mb.upn,
      to: external,
      sentAt: store.nowIso(),
      message: {
        ...structuredClone(sent),
        attachments: attachments.map((a) => ({
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: a.name,
          contentType: a.contentType,
          contentBytes: a.contentBytes,
          isInline: a.isInline,
        })) as MG.Attachment[],
      },
    });
  if (unknown.length) deliverNonDeliveryReport(store, mb, sent, unknown, RECIPIENT_NOT_FOUND);
}

/**
 * The non-delivery report Exchange Online puts in the sender's inbox when a mail could not be sent:
 * from the postmaster, "Undeliverable: <subject>", the recipients, "Diagnostic information for
 * administrators" with the status code, and "Original message headers", whose Message-ID names the
 * mail that bounced
 * (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online).
 * In MIME it is multipart/report; report-type=delivery-status (RFC 3464) with the original embedded
 * as message/rfc822 (https://support.microsoft.com/kb/323484), which Graph lists as an
 * itemAttachment. Headers such as In-Reply-To or X-MS-Exchange-Message-Is-Ndr are seen on real
 * reports but not documented by Microsoft, so the emulator leaves them out (stricter): a reader must
 * find the original's Message-ID in the body's copy of its headers, or in the attached item.
 */
export function deliverNonDeliveryReport(
  store: Store,
  mb: MailboxRec,
  original: MessageFields,
  recipients: string[],
  reason: string,
): MessageRec {
  const postmaster = `postmaster@${store.data.domain}`;
  const list = recipients.map(escapeHtml).join('<br>');
  const from = original.from?.emailAddress?.address ?? mb.upn;
  const headers = [
    `From: ${from}`,
    // The original's own To line (a report about some recipients still quotes the whole mail).
    `To: ${(addressesOf(original.toRecipients).length ? addressesOf(original.toRecipients) : recipients).join(', ')}`,
    `Subject: ${original.subject ?? ''}`,
    `Date: ${original.sentDateTime ?? store.nowIso()}`,
    `Message-ID: ${original.internetMessageId ?? ''}`,
    'Content-Type: text/html; charset=utf-8',
  ];
  const mime = `${headers.join('\r\n')}\r\n\r\n${original.body?.content ?? ''}\r\n`;
  return store.addMessage(
    mb,
    store.folder(mb, 'inbox')!.id,
    {
      subject: `Undeliverable: ${original.subject ?? ''}`,
      from: { emailAddress: { name: 'Microsoft Outlook', address: postmaster } },
      sender: { emailAddress: { name: 'Microsoft Outlook', address: postmaster } },
      toRecipients: [{ emailAddress: { address: mb.upn } }],
      body: {
        contentType: 'html',
        content: `<html><body><p><b>Your message to these recipients couldn't be delivered:</b><br>${list}</p><p>Diagnostic information for administrators:<br>Remote server returned '${escapeHtml(reason)}'</p><p>Original message headers:<br>${headers.slice(0, 5).map(escapeHtml).join('<br>')}</p></body></html>`,
      },
      internetMessageHeaders: [
        { name: 'Content-Type', value: 'multipart/report; report-type=delivery-status' },
        { name: 'Auto-Submitted', value: 'auto-replied' },
      ],
      internetMessageId: newInternetMessageId(store.data.domain),
      conversationId: original.conversationId,
      ...unreadMessageState(),
      sentDateTime: store.nowIso(),
      receivedDateTime: store.nowIso(),
    },
    [
      {
        kind: 'item',
        name: original.subject ?? '',
        contentType: 'message/rfc822',
        contentBytes: Buffer.from(mime).toString('base64'),
        isInline: false,
      },
    ],
  );
}

/** Mail arriving from outside the tenant (or from anyone, for tests): straight into the inboxes. */
export function deliverInbound(
  store: Store,
  fields: MessageFields,
  attachments: AttachmentInput[],
  to?: string[],
): MessageRec[] {
  const targets = to ?? allRecipients(fields);
  const { userIds } = resolveRecipients(store, targets);
  if (userIds.length === 0)
    throw new GraphError(
      400,
      'ErrorInvalidRecipients',
      'No recipient of the message is in the tenant.',
    );
  const now = store.nowIso();
  const full: MessageFields = {
    ...unreadMessageState(),
    internetMessageId: newInternetMessageId('external.example'),
    conversationId: 'AAQkA' + guid().replace(/-/g, ''),
    ...fields,
    sender: fields.sender ?? fields.from,
    sentDateTime: fields.sentDateTime ?? fields.receivedDateTime ?? now,
    receivedDateTime: fields.receivedDateTime ?? now,
  };
  return userIds.map((uid) => {
    const mb = store.mailbox(uid);
    return store.addMessage(
      mb,
      store.folder(mb, 'inbox')!.id,
      structuredClone(full),
      structuredClone(attachments),
    );
  });
}

function quote(orig: MessageRec): string {
  const f = orig.fields;
  const who = f.from?.emailAddress
    ? `${f.from.emailAddress.name ?? ''} <${f.from.emailAddress.address ?? ''}>`
    : '';
  const body =
    f.body?.contentType === 'html' ? (f.body.content ?? '') : escapeHtml(f.body?.content ?? '');
  return `<hr><div><b>From:</b> ${escapeHtml(who)}<br><b>Sent:</b> ${f.sentDateTime ?? ''}<br><b>Subject:</b> ${escapeHtml(f.subject ?? '')}</div><div>${body}</div>`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function prefixed(prefix: string, subject: string | null | undefined): string {
  const s = subject ?? '';
  return s.toLowerCase().startsWith(prefix.toLowerCase()) ? s : `${prefix} ${s}`;
}

export type ReplyKind = 'reply' | 'replyAll' | 'forward';

/** The fields Outlook fills in for a reply/reply-all/forward of `orig` from mailbox `self`. */
export function replyFields(
  kind: ReplyKind,
  orig: MessageRec,
  self: MailboxRec,
  selfAddress: string,
  comment: string,
  overrides: Partial<MessageFields> = {},
): { fields: MessageFields; attachments: AttachmentInput[] } {
  const f = orig.fields;
  const me = selfAddress.toLowerCase();
  let to: MG.Recipient[] = [];
  let cc: MG.Recipient[] = [];
  if (kind !== 'forward') {
    const replyTo = f.replyTo?.length ? f.replyTo : f.from ? [f.from] : [];
    to = [...replyTo];
    if (kind === 'replyAll') {
      to.push(
        ...(f.toRecipients ?? []).filter((r) => r.emailAddress?.address?.toLowerCase() !== me),
      );
      cc = (f.ccRecipients ?? []).filter((r) => r.emailAddress?.address?.toLowerCase() !== me);
    }
  }
  const commentHtml = escapeHtml(comment).replace(/\n/g, '<br>');
  const fields: MessageFields = {
    subject: prefixed(kind === 'forward' ? 'FW:' : 'RE:', f.subject),
    body: {
      contentType: 'html',
      content: `<html><body><div>${commentHtml}</div>${quote(orig)}</body></html>`,
    },
    toRecipients: to,
    ccRecipients: cc,
    bccRecipients: [],
    conversationId: f.conversationId,
    isRead: true,
    isDraft: true,
    importance: 'normal',
    categories: [],
    flag: { flagStatus: 'notFlagged' },
    internetMessageHeaders: undefined,
    ...overrides,
  };
  void self;
  return { fields, attachments: kind === 'forward' ? stripAttachments(orig.attachments) : [] };
}
