// Change and lifecycle notifications for subscriptions: watches store changes, matches them to
// subscriptions, and POSTs Graph's changeNotificationCollection to the subscriber; also runs the
// validationToken handshake that subscription create/update needs.
import type { Clock } from './clock.js';
import { guid } from './ids.js';
import type { SubscriptionRec } from './state/model.js';
import type { ChangeEvent, Store } from './state/store.js';
import { isoZ } from './timezones.js';

export interface NotificationRecord {
  subscriptionId: string;
  url: string;
  kind: 'change' | 'lifecycle' | 'validation';
  body: unknown;
  status: number | 'error';
  at: string;
}

export interface NotifierOptions {
  /** How long the subscriber has to answer validation (Graph: 10 s). */
  validationTimeoutMs: number;
  /** How long the subscriber has to acknowledge a notification (Graph expects ~3 s). */
  deliveryTimeoutMs: number;
  logger?: { warn: (o: unknown, msg?: string) => void };
}

export class Notifier {
  readonly log: NotificationRecord[] = [];
  private readonly pending = new Map<string, unknown[]>();
  private scheduled = false;
  private closed = false;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly opts: NotifierOptions,
    private readonly plan: () => { copies: number; delayMs: number } = () => ({
      copies: 1,
      delayMs: 0,
    }),
  ) {
    store.onChange((e) => this.onChange(e));
  }

  private onChange(e: ChangeEvent): void {
    if (this.closed || e.kind === 'other' || e.kind === 'pending') return;
    const now = this.clock.now().getTime();
    for (const sub of Object.values(this.store.data.subscriptions)) {
      if (Date.parse(sub.expirationDateTime) <= now) continue;
      const t = sub.target;
      if (t.userId !== e.userId) continue;
      if ((t.kind === 'messages') !== (e.kind === 'message')) continue;
      if (t.kind === 'messages' && t.folderId && t.folderId !== e.folderId) continue;
      if (t.kind === 'messages' && !e.folderId) continue; // folder/category changes are not message changes
      if (
        !sub.changeType
          .split(',')
          .map((c) => c.trim())
          .includes(e.changeType)
      )
        continue;
      const entity = e.kind === 'message' ? 'Messages' : 'Events';
      const odataId = `Users/${e.userId}/${entity}/${e.id}`;
      const item = {
        subscriptionId: sub.id,
        subscriptionExpirationDateTime: sub.expirationDateTime,
        changeType: e.changeType,
        resource: odataId,
        resourceData: {
          '@odata.type':
            e.kind === 'message' ? '#Microsoft.Graph.Message' : '#Microsoft.Graph.Event',
          '@odata.id': odataId,
          '@odata.etag': `W/"${guid().slice(0, 8)}"`,
          id: e.id,
        },
        clientState: sub.clientState ?? null,
        tenantId: this.store.data.tenantId,
      };
      const list = this.pending.get(sub.id) ?? [];
      list.push(item);
      this.pending.set(sub.id, list);
    }
    if (this.pending.size && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    for (const [id, items] of this.pending) {
      const sub = this.store.data.subscriptions[id];
      if (!sub) continue;
      const { copies, delayMs } = this.plan();
      for (let i = 0; i < copies; i++) {
        const send = () => this.post(sub.notificationUrl, { value: items }, 'change', id);
        this.track(delayMs > 0 ? new Promise((r) => setTimeout(r, delayMs)).then(send) : send());
      }
    }
    this.pending.clear();
  }

  private track(p: Promise<unknown>): void {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  private async post(
    url: string,
    body: unknown,
    kind: NotificationRecord['kind'],
    subscriptionId: string,
  ): Promise<number | 'error'> {
    let status: number | 'error';
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.deliveryTimeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      status = 'error';
      this.opts.logger?.warn({ url, err: (e as Error).message }, 'notification delivery failed');
    }
    this.record({ subscriptionId, url, kind, body, status, at: isoZ(this.clock.now()) });
    return status;
  }

  private record(r: NotificationRecord): void {
    this.log.push(r);
    // A long local session keeps only the recent history.
    if (this.log.length > 2000) this.log.splice(0, this.log.length - 2000);
  }

  /** Graph's handshake: POST {url}?validationToken=… must answer 200 text/plain with the token. */
  async validate(url: string, subscriptionId: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${guid()}`;
    const sep = url.includes('?') ? '&' : '?';
    const target = `${url}${sep}validationToken=${encodeURIComponent(token)}`;
    let ok = false;
    let status: number | 'error' = 'error';
    try {
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        body: '',
        signal: AbortSignal.timeout(this.opts.validationTimeoutMs),
      });
      status = res.status;
      const text = await res.text();
      // Graph wants the token back verbatim, as text/plain, with 200 OK.
      const plain = (res.headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain');
      ok = res.status === 200 && plain && text === token;
    } catch {
      ok = false;
    }
    this.record({
      subscriptionId,
      url,
      kind: 'validation',
      body: { validationToken: token },
      status,
      at: isoZ(this.clock.now()),
    });
    return ok;
  }

  async lifecycle(
    subscriptionId: string,
    event: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed',
  ): Promise<void> {
    const sub: SubscriptionRec | undefined = this.store.data.subscriptions[subscriptionId];
    if (!sub) throw new Error(`No subscription ${subscriptionId}`);
    if (!sub.lifecycleNotificationUrl)
      throw new Error(`Subscription ${subscriptionId} has no lifecycleNotificationUrl`);
    if (event === 'subscriptionRemoved') delete this.store.data.subscriptions[subscriptionId];
    await this.post(
      sub.lifecycleNotificationUrl,
      {
        value: [
          {
            subscriptionId: sub.id,
            subscriptionExpirationDateTime: sub.expirationDateTime,
            tenantId: this.store.data.tenantId,
            clientState: sub.clientState ?? null,
            lifecycleEvent: event,
          },
        ],
      },
      'lifecycle',
      sub.id,
    );
  }

  /** Waits for notifications in flight (tests, close). */
  async idle(): Promise<void> {
    if (this.scheduled) await new Promise((r) => setImmediate(r));
    await Promise.allSettled([...this.inflight]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }
}
