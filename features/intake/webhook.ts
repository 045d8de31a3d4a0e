// What a Graph change notification means for intake. The HTTP route answers Graph at once (202) and
// hands the accepted notifications here; a forged one (wrong clientState) never gets this far.
// 'created' → record that mail and wake the worker; lifecycle events → renew, recreate or resync.
import { timingSafeEqual } from 'node:crypto';

export interface ChangeNotification {
  subscriptionId?: string;
  clientState?: string;
  changeType?: string;
  resource?: string;
  resourceData?: { id?: string; [key: string]: unknown };
  lifecycleEvent?: string;
}

/** Constant-time comparison of a notification's clientState with ours. */
export function clientStateMatches(expected: string, actual: unknown): boolean {
  if (typeof actual !== 'string' || expected === '') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type NotificationWork =
  | { kind: 'mail'; messageId: string }
  | { kind: 'renew'; subscriptionId: string }
  | { kind: 'recreate'; subscriptionId: string }
  | { kind: 'resync' };

/** The work the notifications ask for, duplicates removed (Graph may deliver one twice). */
export function workFor(notifications: readonly ChangeNotification[]): NotificationWork[] {
  const out: NotificationWork[] = [];
  const seen = new Set<string>();
  const push = (w: NotificationWork, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(w);
  };
  for (const n of notifications) {
    switch (n.lifecycleEvent) {
      case 'reauthorizationRequired':
        if (n.subscriptionId)
          push({ kind: 'renew', subscriptionId: n.subscriptionId }, `renew:${n.subscriptionId}`);
        continue;
      case 'subscriptionRemoved':
        if (n.subscriptionId)
          push(
            { kind: 'recreate', subscriptionId: n.subscriptionId },
            `recreate:${n.subscriptionId}`,
          );
        push({ kind: 'resync' }, 'resync');
        continue;
      case 'missed':
        push({ kind: 'resync' }, 'resync');
        continue;
      default:
        break;
    }
    const fromResource = /messages(?:\('([^']+)'\)|\/([^/?]+))/i.exec(n.resource ?? '');
    const id = n.resourceData?.id ?? fromResource?.[1] ?? fromResource?.[2];
    if (id) push({ kind: 'mail', messageId: id }, `mail:${id}`);
    else push({ kind: 'resync' }, 'resync');
  }
  return out;
}
