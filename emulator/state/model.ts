// The emulator's state as plain JSON-serializable records: directory, mailboxes (folders, messages,
// attachments, tombstones for delta), calendars, subscriptions, Teams app installations, external outbox.
import type * as MG from '@microsoft/microsoft-graph-types';

export interface AppRec {
  clientId: string;
  clientSecret: string;
  displayName: string;
  roles: string[];
  /** Exchange RBAC for Applications role assignments ('Application Mail.ReadWrite', …). */
  rbacRoles?: string[];
  /** UPNs (or '*') the app may use for mail, as Exchange RBAC for Applications scopes it. */
  mailboxScope: string[];
  /** UPNs (or '*') whose calendars the app may use. */
  calendarScope: string[];
  /** Public keys (PEM, certificate or SPKI) accepted for client_assertion, by thumbprint (x5t). */
  certificates?: Array<{ thumbprint?: string; publicKeyPem: string }>;
  servicePrincipalId: string;
}

export interface FolderRec {
  id: string;
  displayName: string;
  parentFolderId: string;
  wellKnownName?: string;
  isHidden: boolean;
}

export interface AttachmentRec {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  contentId?: string;
  lastModifiedDateTime: string;
  /** base64 (a forwarded mail: its MIME; a link: empty) */
  contentBytes: string;
  /**
   * file (default), item (a mail forwarded as an attachment: itemAttachment), or reference (a
   * OneDrive/SharePoint link in place of the file: referenceAttachment, no bytes to download).
   */
  kind?: 'file' | 'item' | 'reference';
}

/** Message properties kept as Graph writes them (id, folder and timestamps live on the record). */
export type MessageFields = Omit<
  MG.Message,
  | 'id'
  | 'parentFolderId'
  | 'attachments'
  | 'createdDateTime'
  | 'lastModifiedDateTime'
  | 'changeKey'
  | 'hasAttachments'
>;

export interface MessageRec {
  id: string;
  folderId: string;
  /** Mailbox-wide change sequence of the last change (drives delta). */
  seq: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  fields: MessageFields;
  attachments: AttachmentRec[];
}

export interface Tombstone {
  folderId: string;
  id: string;
  seq: number;
}

export type EventFields = Omit<
  MG.Event,
  'id' | 'start' | 'end' | 'createdDateTime' | 'lastModifiedDateTime' | 'changeKey'
>;

export interface EventRec {
  id: string;
  seq: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  startMs: number;
  endMs: number;
  startTimeZone: string;
  endTimeZone: string;
  fields: EventFields;
}

export interface MailboxRec {
  userId: string;
  upn: string;
  folders: Record<string, FolderRec>;
  messages: Record<string, MessageRec>;
  tombstones: Tombstone[];
  events: Record<string, EventRec>;
  masterCategories: MG.OutlookCategory[];
  /** Bumped to invalidate every delta token of the mailbox (410 on next use). */
  deltaEpoch: number;
  /** Send times (ms) within the last minute and recipient counts within the last day, for sending limits. */
  sendLog: Array<{ at: number; recipients: number }>;
  seq: number;
}

export interface SubscriptionRec {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState?: string;
  expirationDateTime: string;
  applicationId: string;
  creatorId: string;
  latestSupportedTlsVersion: string;
  notificationUrlAppId?: string | null;
  includeResourceData?: boolean;
  /** Parsed target. */
  target: { userId: string; kind: 'messages' | 'events'; folderId?: string };
}

export interface InstalledAppRec {
  id: string;
  teamsAppId: string;
  installedAt: string;
  installedBy: string;
}

export interface OutboxRec {
  /** The sending mailbox's UPN. */
  from: string;
  /** External recipient addresses of this message. */
  to: string[];
  sentAt: string;
  message: MG.Message;
}

/** A user's personal chat with the bot: its conversation id, the bot's activities, blocked or not. */
export interface TeamsChatRec {
  conversationId: string;
  userId: string;
  blocked?: boolean;
  activities: Array<Record<string, unknown>>;
}

/** An attachment as a change waiting to be made carries it (ids are given when it is stored). */
export type PendingAttachment = Omit<AttachmentRec, 'id' | 'size' | 'lastModifiedDateTime'>;

/**
 * A change Exchange makes a moment after it answered (mail_ops.ts): delivery of a sent mail (queued
 * past 30 a minute), a non-delivery report, the sender's Sent Items copy. Plain data, so the journal
 * keeps it and a restart still makes the change.
 */
export type PendingMailOp =
  | {
      kind: 'deliver';
      senderId: string;
      fields: MessageFields;
      recipients: string[];
      attachments: PendingAttachment[];
    }
  | {
      kind: 'bounce';
      senderId: string;
      fields: MessageFields;
      recipients: string[];
      reason: string;
    }
  | { kind: 'sent-copy'; senderId: string; fields: MessageFields; attachments: PendingAttachment[] }
  | { kind: 'sent-draft'; senderId: string; draftId: string; fields: MessageFields };

export interface PendingRec {
  id: string;
  /** When it is due, on the emulator's clock (ms). */
  dueAt: number;
  op: PendingMailOp;
}

export interface StateData {
  version: 1;
  tenantId: string;
  domain: string;
  apps: AppRec[];
  users: MG.User[];
  groups: Array<{ group: MG.Group; memberIds: string[] }>;
  mailboxes: Record<string /* userId */, MailboxRec>;
  subscriptions: Record<string, SubscriptionRec>;
  installedApps: Record<string /* userId */, InstalledAppRec[]>;
  outbox: OutboxRec[];
  /** Kept only when state is persisted, so tokens survive a restart (a JWK with the private part). */
  signingKey?: { kid: string; privateJwk: Record<string, unknown> };
  /**
   * Catalog id of our Teams app, and the others known to the catalog. externalId is the manifest's
   * id; appId the Entra app behind the app's bot (who may install it with ...SelfForUser.All).
   */
  teamsCatalog: Array<{ id: string; externalId?: string; appId?: string; displayName: string }>;
  /** The bot's personal chats per user id (the Bot Connector stand-in, emulator/teams). */
  teamsChats?: Record<string, TeamsChatRec>;
  /** Changes Exchange will make a moment later, by id (journalled: a restart still makes them). */
  pending?: Record<string, PendingRec>;
}
