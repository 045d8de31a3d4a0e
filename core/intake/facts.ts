// The plain facts about one mail that intake reasons over. The pipeline builds them from a Graph
// message (HTML body already turned into text); tests and fixtures write them by hand.
import type { IsoInstant } from '../model.js';

export interface MailAttachmentFacts {
  name: string;
  contentType?: string;
  /** Size in bytes as Graph reports it. */
  size: number;
  isInline?: boolean;
}

export interface MailHeader {
  name: string;
  value: string;
}

export interface MailFacts {
  subject: string;
  /** Plain text body (HTML already converted with `htmlToText`). May be empty. */
  body: string;
  from: { address: string; name?: string };
  attachments: MailAttachmentFacts[];
  /** A subset of the internet message headers (Auto-Submitted, X-Auto-Response-Suppress, List-*, Precedence). */
  headers?: MailHeader[];
  sentAt: IsoInstant;
}

export type MailKind =
  | 'pre-registration'
  | 'withdrawal'
  | 'submission'
  | 'board-protocol'
  | 'info-meeting-signup'
  | 'question'
  | 'auto-reply'
  | 'other';

export const MAIL_KINDS: readonly MailKind[] = [
  'pre-registration',
  'withdrawal',
  'submission',
  'board-protocol',
  'info-meeting-signup',
  'question',
  'auto-reply',
  'other',
];

/** Names of the kinds for coordinators (triage card, tab) and the Outlook category each is filed under. */
export const MAIL_KIND_LABELS: Record<MailKind, { sv: string; en: string; category: string }> = {
  'pre-registration': {
    sv: 'Intresseanmälan',
    en: 'Pre-registration',
    category: 'Intresseanmälan',
  },
  withdrawal: { sv: 'Avanmälan', en: 'Withdrawal', category: 'Avanmälan' },
  submission: { sv: 'Bidrag', en: 'Submission', category: 'Bidrag' },
  'board-protocol': { sv: 'Protokollsutdrag', en: 'Board protocol', category: 'Protokoll' },
  'info-meeting-signup': {
    sv: 'Anmälan till informationsmöte',
    en: 'Info meeting signup',
    category: 'Informationsmöte',
  },
  question: { sv: 'Fråga', en: 'Question', category: 'Fråga' },
  'auto-reply': { sv: 'Autosvar', en: 'Auto-reply', category: 'Autosvar' },
  other: { sv: 'Övrigt', en: 'Other', category: 'Övrigt' },
};

/** The document formats intake reads, and those it recognises only to ask for another. */
export const READABLE_EXTENSIONS = ['docx', 'pdf'] as const;
export const UNSUPPORTED_DOCUMENT_EXTENSIONS = [
  'doc',
  'docm',
  'dotx',
  'odt',
  'pages',
  'rtf',
  'wpd',
  'txt',
  'xps',
  // A zip of the application and its appendices: recognised, so the receipt asks for the files.
  'zip',
] as const;

/** The lower-case extension of a file name without the dot ("" when none). */
export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]{1,8})$/i.exec(name.trim());
  return m ? (m[1] ?? '').toLowerCase() : '';
}

/** True for attachments that look like a written document (not a logo in a signature). */
export function isDocumentAttachment(a: MailAttachmentFacts): boolean {
  if (a.isInline) return false;
  const ext = extensionOf(a.name);
  return (
    (READABLE_EXTENSIONS as readonly string[]).includes(ext) ||
    (UNSUPPORTED_DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)
  );
}

/** Case-insensitive header lookup. */
export function headerValue(facts: MailFacts, name: string): string | undefined {
  const lower = name.toLowerCase();
  return facts.headers?.find((h) => h.name.toLowerCase() === lower)?.value;
}
