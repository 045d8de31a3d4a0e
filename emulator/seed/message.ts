// Turns a compact mail description into a Graph message as Outlook stores it: ids, conversation,
// internet message id, HTML body and preview, recipients, times in UTC. Shared by the mailbox builders.
import type * as MG from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import type { MailKind } from '../../core/intake/facts.js';
import { stableToken } from './ids.js';
import type { SeedAttachment, SeedMessage } from './types.js';

export interface Addr {
  name: string;
  address: string;
}

/** The ground-truth kinds are intake's own kinds. */
export type MailLabelKind = MailKind;

/** What a mail is (ground truth for intake tests): its kind, the units it concerns and notable traits. */
export interface MailLabel {
  kind: MailLabelKind;
  unitIds: string[];
  /** E.g. "english", "typo", "forwarded", "late", "over-limit", "missing-questions", "split", "unsupported-format". */
  tags: string[];
}

export interface LabelledSeedMessage extends SeedMessage {
  /** Present on mails into the shared mailbox; the tenant handed to the emulator leaves it out. */
  label?: MailLabel;
}

export interface MailSpec {
  key: string;
  folder?: string;
  from: Addr;
  to: Addr[];
  cc?: Addr[];
  bcc?: Addr[];
  subject: string;
  /** Plain text; paragraphs separated by blank lines. */
  text: string;
  /** How the body is stored (Outlook mails are HTML; some clients send text). Default html. */
  format?: 'html' | 'text';
  /** Extra HTML put before the end of the body (an inline logo, a script in a hostile mail). */
  htmlExtra?: string;
  /** Local time in Europe/Stockholm, "2026-03-12T14:03:00". */
  sent: string;
  delaySeconds?: number;
  attachments?: SeedAttachment[];
  importance?: 'low' | 'normal' | 'high';
  isRead?: boolean;
  headers?: Array<{ name: string; value: string }>;
  /** Conversation key: replies share their thread's key. Default the mail's own key. */
  thread?: string;
  /** The key of the mail this one answers (sets In-Reply-To and References). */
  inReplyTo?: string;
  label?: MailLabel;
}

export const STOCKHOLM = 'Europe/Stockholm';

/** Local Stockholm wall-clock time → Graph's UTC form ("2026-05-17T21:58:30Z"). */
export function utc(local: string, plusSeconds = 0): string {
  const dt = DateTime.fromISO(local, { zone: STOCKHOLM }).plus({ seconds: plusSeconds });
  if (!dt.isValid) throw new RangeError(`Bad local time ${local}`);
  return dt.toUTC().toISO({ suppressMilliseconds: true })!;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Plain text → the HTML Outlook on the web writes (paragraph divs, <br> for line breaks). */
export function textToHtml(text: string, extra = ''): string {
  const body = text
    .split(/\n{2,}/)
    .map((p) => `<div>${escapeHtml(p).replace(/\n/g, '<br>\r\n')}</div><div><br></div>`)
    .join('\r\n');
  return (
    '<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">' +
    '<style type="text/css" style="display:none">P {margin-top:0;margin-bottom:0;}</style>\r\n</head>\r\n' +
    '<body dir="ltr"><div class="elementToProof" style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt;">\r\n' +
    body +
    extra +
    '</div>\r\n</body>\r\n</html>\r\n'
  );
}

export function preview(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

function recipient(a: Addr): MG.Recipient {
  return { emailAddress: { name: a.name, address: a.address } };
}

export function messageId(key: string): string {
  return `AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A${stableToken(40, 'message', key)}AAA=`;
}

export function conversationId(thread: string): string {
  return `AAQkAGQ5ZmI3${stableToken(32, 'conversation', thread)}=`;
}

export function internetMessageId(key: string, from: Addr): string {
  const domain = from.address.split('@')[1] ?? 'stockholm.example';
  const local = stableToken(24, 'imid', key).replace(/[-_]/g, 'X');
  return domain.endsWith('stockholm.example')
    ? `<GV0P278MB${local}@GV0P278MB0${stableToken(4, 'host', key).replace(/[-_]/g, '7')}.CHEP278.PROD.OUTLOOK.COM>`
    : `<${local}@${domain}>`;
}

/** The Graph message (and its folder and attachments) for a spec. */
export function buildMessage(spec: MailSpec): LabelledSeedMessage {
  const sent = utc(spec.sent);
  const received = utc(spec.sent, spec.delaySeconds ?? 4);
  const format = spec.format ?? 'html';
  const attachments = spec.attachments ?? [];
  const headers = [...(spec.headers ?? [])];
  if (spec.inReplyTo) {
    const parent = internetMessageId(spec.inReplyTo, { name: '', address: 'x@stockholm.example' });
    headers.push({ name: 'In-Reply-To', value: parent }, { name: 'References', value: parent });
  }
  const message: MG.Message = {
    id: messageId(spec.key),
    createdDateTime: received,
    lastModifiedDateTime: received,
    receivedDateTime: received,
    sentDateTime: sent,
    hasAttachments: attachments.some((a) => !a.isInline),
    internetMessageId: internetMessageId(spec.key, spec.from),
    subject: spec.subject,
    bodyPreview: preview(spec.text),
    importance: spec.importance ?? 'normal',
    conversationId: conversationId(spec.thread ?? spec.key),
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: spec.isRead ?? false,
    isDraft: false,
    inferenceClassification: 'focused',
    categories: [],
    body: {
      contentType: format,
      content: format === 'html' ? textToHtml(spec.text, spec.htmlExtra) : spec.text,
    },
    sender: recipient(spec.from),
    from: recipient(spec.from),
    toRecipients: spec.to.map(recipient),
    ccRecipients: (spec.cc ?? []).map(recipient),
    bccRecipients: (spec.bcc ?? []).map(recipient),
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
  };
  if (headers.length > 0) message.internetMessageHeaders = headers;
  const seed: LabelledSeedMessage = { folder: spec.folder ?? 'inbox', message };
  if (attachments.length > 0) seed.attachments = attachments;
  if (spec.label) seed.label = spec.label;
  return seed;
}
