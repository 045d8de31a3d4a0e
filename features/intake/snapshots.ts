// What the delta round already read of a new mail (the message with its body, and its attachments'
// metadata), kept in memory until the worker processes it, so processing a mail costs no Graph read
// of its own: the delta pages and their $batch lookups read the mails twenty or a hundred at a time.
// The headers are not in the delta pages; they are read, twenty mails to a $batch, only for the mails
// whose handling they can change (an answer about to be sent, a mail for a coordinator). A mail
// without a snapshot (seen by another instance, after a restart, or evicted) is read from Graph as
// before, so the cache only saves requests, it never decides.
import type { InternetMessageHeader, Message } from '@microsoft/microsoft-graph-types';
import type { MailAssessment, MailKind } from '../../core/intake/index.js';
import type { AttachmentInfo } from '../../graph/index.js';

export interface MailSnapshot {
  message: Message;
  attachments: AttachmentInfo[];
  /** The message's internetMessageHeaders were not read (ask `headers` when they matter). */
  withoutHeaders?: true;
}

/** Mails held at most (a rush of this many waits in memory; beyond it the oldest are read again). */
const DEFAULT_LIMIT = 5_000;
/** Mails whose headers one $batch reads (Graph takes 20 calls per $batch). */
const HEADERS_PER_BATCH = 20;
/** How long a header read waits for others to share its $batch: far below a mail's processing. */
const LINGER_MS = 25;

export interface MailSnapshots {
  put(messageId: string, snapshot: MailSnapshot): void;
  /** The snapshot, once: a mail processed again (a retry) reads Graph for what changed since. */
  take(messageId: string): MailSnapshot | undefined;
  /** A mail's headers, read together with other mails' ([] when the mail is gone). */
  headers(messageId: string): Promise<InternetMessageHeader[]>;
  readonly size: number;
}

/** Reads the headers of many mails at once (by id; a mail gone is left out). */
export type HeadersReader = (messageIds: string[]) => Promise<Map<string, Message>>;

export function createMailSnapshots(
  readHeaders: HeadersReader,
  limit = DEFAULT_LIMIT,
): MailSnapshots {
  const map = new Map<string, MailSnapshot>();
  const waiting: {
    id: string;
    resolve: (h: InternetMessageHeader[]) => void;
    reject: (e: unknown) => void;
  }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const jobs = waiting.splice(0, HEADERS_PER_BATCH);
    if (waiting.length > 0) timer = setTimeout(flush, 0);
    if (jobs.length === 0) return;
    readHeaders([...new Set(jobs.map((j) => j.id))]).then(
      (found) => jobs.forEach((j) => j.resolve(found.get(j.id)?.internetMessageHeaders ?? [])),
      (e: unknown) => jobs.forEach((j) => j.reject(e)),
    );
  };
  return {
    put(messageId, snapshot) {
      map.delete(messageId);
      map.set(messageId, snapshot);
      while (map.size > limit) map.delete(map.keys().next().value!);
    },
    take(messageId) {
      const s = map.get(messageId);
      map.delete(messageId);
      return s;
    },
    headers(messageId) {
      return new Promise((resolve, reject) => {
        waiting.push({ id: messageId, resolve, reject });
        if (waiting.length >= HEADERS_PER_BATCH) flush();
        else timer ??= setTimeout(flush, LINGER_MS);
      });
    },
    get size() {
      return map.size;
    },
  };
}

/** Kinds answered automatically. */
const ANSWERED: readonly MailKind[] = [
  'pre-registration',
  'withdrawal',
  'submission',
  'info-meeting-signup',
];

/**
 * Whether a mail's headers can change what happens to it: before an automatic answer (an auto-reply
 * must never get one) and before a coordinator is asked (an auto-reply known by its headers is
 * filed without them), and for a non-delivery report whose body quotes no Message-ID (its
 * In-Reply-To may still name the bounced mail). Questions, protocols and bulk mail are handled the
 * same either way.
 */
export function headersMatter(a: MailAssessment): boolean {
  const report = a.classification.nonDelivery;
  return (
    a.decision === 'triage' ||
    ANSWERED.includes(a.classification.kind) ||
    (report !== undefined && report.originalMessageId === undefined)
  );
}
