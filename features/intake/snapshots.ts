// What the delta round already read of a new mail (the message with its body and headers, and its
// attachments' metadata), kept in memory until the worker processes it, so processing a mail costs
// no Graph read of its own: the delta pages and their $batch lookups read the mails twenty or a
// hundred at a time. A mail without a snapshot (seen by another instance, after a restart, or
// evicted) is read from Graph as before, so the cache only saves requests, it never decides.
import type { Message } from '@microsoft/microsoft-graph-types';
import type { AttachmentInfo } from '../../graph/index.js';

export interface MailSnapshot {
  message: Message;
  attachments: AttachmentInfo[];
}

/** Mails held at most (a rush of this many waits in memory; beyond it the oldest are read again). */
const DEFAULT_LIMIT = 5_000;

export interface MailSnapshots {
  put(messageId: string, snapshot: MailSnapshot): void;
  /** The snapshot, once: a mail processed again (a retry) reads Graph for what changed since. */
  take(messageId: string): MailSnapshot | undefined;
  readonly size: number;
}

export function createMailSnapshots(limit = DEFAULT_LIMIT): MailSnapshots {
  const map = new Map<string, MailSnapshot>();
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
    get size() {
      return map.size;
    },
  };
}
