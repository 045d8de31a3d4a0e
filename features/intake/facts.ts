// From a Graph message to the plain facts core/intake reasons over: subject, body as text (HTML turned
// into text; scripts and styles never reach anyone), sender, attachment names and sizes, the headers
// that mark auto-replies and mailing lists, and the sent time lateness is judged by.
import type { Message } from '@microsoft/microsoft-graph-types';
import { htmlToText } from '../../core/intake/index.js';
import type { MailFacts, MailHeader } from '../../core/intake/index.js';
import { MESSAGE_WITH_BODY_SELECT, type AttachmentInfo } from '../../graph/index.js';

/** What intake reads of a message (the body and the headers auto-replies are recognised by). */
export const INTAKE_MESSAGE_SELECT = [...MESSAGE_WITH_BODY_SELECT, 'internetMessageHeaders'];

const HEADERS_KEPT = [
  'auto-submitted',
  'x-auto-response-suppress',
  'precedence',
  'list-id',
  'list-unsubscribe',
  'x-autoreply',
  'x-autorespond',
  'x-ms-exchange-generated-message-source',
  // multipart/report; report-type=delivery-status: a non-delivery report (RFC 3464).
  'content-type',
];

export function bodyText(message: Message): string {
  const body = message.body;
  if (!body?.content) return '';
  return body.contentType === 'html' ? htmlToText(body.content) : body.content;
}

export function mailFacts(message: Message, attachments: readonly AttachmentInfo[]): MailFacts {
  const headers: MailHeader[] = (message.internetMessageHeaders ?? [])
    .filter((h) => h.name && HEADERS_KEPT.includes(h.name.toLowerCase()))
    .map((h) => ({ name: h.name ?? '', value: h.value ?? '' }));
  const from = message.from?.emailAddress ?? message.sender?.emailAddress;
  return {
    subject: message.subject ?? '',
    body: bodyText(message),
    from: {
      address: (from?.address ?? '').toLowerCase(),
      ...(from?.name ? { name: from.name } : {}),
    },
    attachments: attachments.map((a) => ({
      name: a.name,
      size: a.size,
      contentType: a.contentType,
      isInline: a.isInline,
    })),
    headers,
    sentAt: message.sentDateTime ?? message.receivedDateTime ?? new Date(0).toISOString(),
  };
}
