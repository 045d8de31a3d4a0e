// The emulator's test-and-demo control surface (also served over HTTP under /_admin): reset, clock,
// faults, external outbox, request counts, inbound mail from outside, sending as any user, delta
// invalidation, lifecycle notifications, Teams app installations and user tokens for the tab.
import type * as MG from '@microsoft/microsoft-graph-types';
import type { TokenService } from './auth/tokens.js';
import type { Clock } from './clock.js';
import type { RequestCounts } from './dispatch.js';
import { GraphError } from './errors.js';
import type { FaultConfig, FaultStats, Faults } from './faults.js';
import type { NotificationRecord, Notifier } from './notifier.js';
import { messageInput } from './routes/mail.js';
import type { SeedApp } from './seed/types.js';
import { appRec } from './state/load.js';
import { deliverInbound, sendMessage, type AttachmentInput } from './state/mail-ops.js';
import type {
  AppRec,
  InstalledAppRec,
  OutboxRec,
  StateData,
  SubscriptionRec,
} from './state/model.js';

export type AppRegistration = SeedApp & { certificates?: AppRec['certificates'] };
import type { Store } from './state/store.js';

export interface InboundMail {
  /** Tenant addresses (users or groups) that receive it. */
  to: string | string[];
  from: string | { name?: string; address: string };
  subject: string;
  /** Plain text, or { contentType, content }. */
  body?: string | { contentType: 'text' | 'html'; content: string };
  cc?: string[];
  receivedDateTime?: string;
  internetMessageHeaders?: Array<{ name: string; value: string }>;
  attachments?: Array<
    | { name: string; contentType: string; contentBytes: string; isInline?: boolean }
    /** A mail forwarded as an attachment (Outlook's "Forward as attachment"). */
    | { kind: 'item'; name: string; item: { subject: string; from: string; body: string } }
    /** A OneDrive or SharePoint link attached in place of the file (Outlook's "Share link"). */
    | { kind: 'reference'; name: string; sourceUrl: string }
  >;
}

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export interface UserTokenRequest {
  upn: string;
  /** Audience of the token (default: the app's client id, as a tab SSO token has). */
  audience?: string;
  scopes?: string[];
  lifetimeSeconds?: number;
  clientId?: string;
}

export interface EmulatorAdmin {
  reset(): void;
  outbox(): OutboxRec[];
  clearOutbox(): void;
  requestCounts(): RequestCounts;
  resetRequestCounts(): void;
  deliver(mail: InboundMail): Array<{ userId: string; messageId: string }>;
  sendMailAs(upn: string, message: MG.Message, saveToSentItems?: boolean): void;
  invalidateDelta(upn?: string): void;
  setClock(instant: string | Date | undefined): void;
  advanceClock(ms: number): void;
  now(): Date;
  setFaults(patch: FaultConfig): void;
  faults(): FaultConfig;
  faultStats(): FaultStats;
  mintUserToken(req: UserTokenRequest): Promise<string>;
  triggerLifecycle(subscriptionId: string, event: LifecycleEvent): Promise<void>;
  subscriptions(): SubscriptionRec[];
  notifications(): NotificationRecord[];
  installedApps(upn?: string): Record<string, InstalledAppRec[]>;
  /** Adds (or replaces) an app registration, e.g. a test harness app with a wider scope or a certificate. */
  registerApp(app: AppRegistration): void;
  state(): StateData;
  /** Messages of a mailbox folder (well-known name, id or display name), newest first. */
  messages(
    upn: string,
    folder?: string,
  ): Array<{
    id: string;
    folderId: string;
    subject: string;
    from?: string;
    categories: string[];
    isRead: boolean;
  }>;
}

export interface AdminDeps {
  store: Store;
  clock: Clock;
  faults: Faults;
  tokens: TokenService;
  notifier: Notifier;
  counts: { value: RequestCounts };
  reset: () => void;
  emptyCounts: () => RequestCounts;
}

function recipient(a: string | { name?: string; address: string }): MG.Recipient {
  return typeof a === 'string'
    ? { emailAddress: { name: a, address: a } }
    : { emailAddress: { name: a.name ?? a.address, address: a.address } };
}

export function createAdmin(d: AdminDeps): EmulatorAdmin {
  const userOr404 = (upn: string) => {
    const u = d.store.findUser(upn);
    if (!u) throw new GraphError(404, 'Request_ResourceNotFound', `User '${upn}' not found.`);
    return u;
  };
  return {
    reset: d.reset,
    outbox: () => {
      d.store.settle(); // what Exchange had sent by now (queued mail goes out on the clock)
      return structuredClone(d.store.data.outbox);
    },
    clearOutbox: () => {
      d.store.data.outbox = [];
    },
    requestCounts: () => structuredClone(d.counts.value),
    resetRequestCounts: () => {
      d.counts.value = d.emptyCounts();
    },
    deliver(mail) {
      const to = Array.isArray(mail.to) ? mail.to : [mail.to];
      const body =
        typeof mail.body === 'object'
          ? mail.body
          : { contentType: 'text' as const, content: mail.body ?? '' };
      const recs = deliverInbound(
        d.store,
        {
          subject: mail.subject,
          body,
          from: recipient(mail.from),
          toRecipients: to.map((a) => recipient(a)),
          ccRecipients: (mail.cc ?? []).map((a) => recipient(a)),
          receivedDateTime: mail.receivedDateTime,
          internetMessageHeaders: mail.internetMessageHeaders,
        },
        (mail.attachments ?? []).map(inboundAttachment),
        to,
      );
      return recs.map((r) => ({
        userId: Object.values(d.store.data.mailboxes).find((mb) => mb.messages[r.id])!.userId,
        messageId: r.id,
      }));
    },
    sendMailAs(upn, message, saveToSentItems = true) {
      const user = userOr404(upn);
      const fields = messageInput(message as Record<string, unknown>, false);
      const atts = ((message.attachments ?? []) as Array<Record<string, unknown>>).map((a) => ({
        name: String(a.name),
        contentType: String(a.contentType ?? 'application/octet-stream'),
        contentBytes: String(a.contentBytes),
        isInline: a.isInline === true,
      }));
      sendMessage({
        store: d.store,
        faults: d.faults,
        sender: user,
        fields,
        attachments: atts,
        saveToSentItems,
      });
    },
    invalidateDelta(upn) {
      const mbs = upn
        ? [d.store.mailbox(userOr404(upn).id!)]
        : Object.values(d.store.data.mailboxes);
      for (const mb of mbs) mb.deltaEpoch += 1;
    },
    setClock(instant) {
      d.clock.set(instant === undefined ? undefined : new Date(instant));
    },
    advanceClock: (ms) => d.clock.advance(ms),
    now: () => d.clock.now(),
    setFaults: (patch) => d.faults.set(patch),
    faults: () => d.faults.config,
    faultStats: () => structuredClone(d.faults.stats),
    async mintUserToken(req) {
      const user = userOr404(req.upn);
      const app = d.store.data.apps.find(
        (a) => a.clientId === (req.clientId ?? d.store.data.apps[0]!.clientId),
      )!;
      return d.tokens.userToken({
        tenantId: d.store.data.tenantId,
        userId: user.id!,
        upn: user.userPrincipalName ?? '',
        name: user.displayName ?? '',
        audience: req.audience ?? app.clientId,
        clientId: app.clientId,
        scopes: req.scopes ?? ['access_as_user'],
        version: '2.0',
        lifetimeS: req.lifetimeSeconds,
      });
    },
    triggerLifecycle: (id, event) => d.notifier.lifecycle(id, event),
    subscriptions: () => structuredClone(Object.values(d.store.data.subscriptions)),
    notifications: () => d.notifier.log.slice(),
    installedApps(upn) {
      if (!upn) return structuredClone(d.store.data.installedApps);
      const u = userOr404(upn);
      return { [u.id!]: structuredClone(d.store.data.installedApps[u.id!] ?? []) };
    },
    registerApp(app) {
      d.store.data.apps = d.store.data.apps.filter((a) => a.clientId !== app.clientId);
      d.store.data.apps.push(appRec(app));
    },
    state: () => {
      d.store.settle();
      return d.store.data;
    },
    messages(upn, folder) {
      d.store.settle();
      const mb = d.store.mailbox(userOr404(upn).id!);
      const f = folder ? d.store.folderByDisplayName(mb, folder) : undefined;
      if (folder && !f)
        throw new GraphError(404, 'ErrorItemNotFound', `Folder '${folder}' not found.`);
      return d.store
        .messagesIn(mb, f?.id)
        .sort((a, b) =>
          (b.fields.receivedDateTime ?? '').localeCompare(a.fields.receivedDateTime ?? ''),
        )
        .map((m) => ({
          id: m.id,
          folderId: m.folderId,
          subject: m.fields.subject ?? '',
          from: m.fields.from?.emailAddress?.address ?? undefined,
          categories: m.fields.categories ?? [],
          isRead: m.fields.isRead ?? false,
        }));
    },
  };
}

/** An inbound attachment as the store keeps it: a forwarded mail as MIME, a link without bytes. */
function inboundAttachment(a: NonNullable<InboundMail['attachments']>[number]): AttachmentInput {
  if ('kind' in a && a.kind === 'item') {
    const mime = `From: ${a.item.from}\r\nSubject: ${a.item.subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${a.item.body}\r\n`;
    return {
      kind: 'item',
      name: a.name,
      contentType: 'message/rfc822',
      contentBytes: Buffer.from(mime).toString('base64'),
      isInline: false,
    };
  }
  if ('kind' in a && a.kind === 'reference')
    return {
      kind: 'reference',
      name: a.name,
      contentType: 'application/octet-stream',
      contentBytes: '',
      isInline: false,
    };
  return { ...a, isInline: a.isInline ?? false };
}
