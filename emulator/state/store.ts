// The in-memory store: lookups over the directory and mailboxes, and the primitive changes to messages,
// folders and events. Every change bumps the mailbox's sequence (for delta) and is announced to listeners
// (for change notifications and persistence).
import type * as MG from '@microsoft/microsoft-graph-types';
import type { Clock } from '../clock.js';
import { changeKey, guid, outlookId } from '../ids.js';
import { isoZ } from '../timezones.js';
import type {
  AttachmentRec,
  EventRec,
  FolderRec,
  MailboxRec,
  MessageFields,
  MessageRec,
  PendingMailOp,
  PendingRec,
  StateData,
} from './model.js';

export const WELL_KNOWN_FOLDERS: Array<{ name: string; displayName: string }> = [
  { name: 'inbox', displayName: 'Inbox' },
  { name: 'drafts', displayName: 'Drafts' },
  { name: 'sentitems', displayName: 'Sent Items' },
  { name: 'deleteditems', displayName: 'Deleted Items' },
  { name: 'archive', displayName: 'Archive' },
  { name: 'junkemail', displayName: 'Junk Email' },
  { name: 'outbox', displayName: 'Outbox' },
];

export interface ChangeEvent {
  userId: string;
  /** 'pending': a change Exchange will make later was planned or made (StateData.pending). */
  kind: 'message' | 'event' | 'other' | 'pending';
  changeType: 'created' | 'updated' | 'deleted';
  id: string;
  folderId?: string;
}

export type ChangeListener = (e: ChangeEvent) => void;

export class Store {
  private readonly listeners: ChangeListener[] = [];
  /** Root folder id per mailbox ("msgfolderroot"). */
  constructor(
    public data: StateData,
    readonly clock: Clock,
  ) {}

  onChange(l: ChangeListener): void {
    this.listeners.push(l);
  }

  /**
   * Makes a change Exchange makes a little later (a sent mail's Sent Items copy, a delayed delivery,
   * a bounce) once `ms` have passed on the emulator's clock (checked on every Graph request) or in
   * real time (a timer, for a frozen clock), whichever comes first. The change is kept in the state
   * (StateData.pending, journalled as it is planned and when it is made), so a process killed in
   * between makes it after its restart (resumePending).
   */
  later(ms: number, op: PendingMailOp): void {
    if (ms <= 0) {
      this.makePending(op);
      return;
    }
    const rec: PendingRec = { id: guid(), dueAt: this.clock.now().getTime() + ms, op };
    (this.data.pending ??= {})[rec.id] = rec;
    this.emit({ userId: op.senderId, kind: 'pending', changeType: 'created', id: rec.id });
    this.arm(rec);
  }

  /** How planned changes are made (mail-ops' applyPendingMailOp; given, not imported: no cycle). */
  private runner: ((store: Store, op: PendingMailOp) => void) | undefined;

  /**
   * Starts making planned changes with `run`: those a restarted emulator found in its state (due
   * ones at once, the rest at their time) and every later one. Called once the journal listens, so
   * what they change is journalled too.
   */
  resumePending(run: (store: Store, op: PendingMailOp) => void): void {
    this.runner = run;
    for (const rec of Object.values(this.data.pending ?? {})) this.arm(rec);
    this.settle();
  }

  private makePending(op: PendingMailOp): void {
    if (!this.runner)
      throw new Error('the emulator store makes no mail changes before resumePending');
    this.runner(this, op);
  }

  /** Makes the planned changes that are due on the emulator's clock, oldest first. */
  settle(): void {
    const pending = this.data.pending;
    if (!pending || !this.runner) return;
    const now = this.clock.now().getTime();
    const due = Object.values(pending)
      .filter((rec) => rec.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt);
    for (const rec of due) this.run(rec);
  }

  private readonly timers = new Set<NodeJS.Timeout>();

  private arm(rec: PendingRec): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.run(rec);
      },
      Math.max(0, rec.dueAt - this.clock.now().getTime()),
    );
    timer.unref?.();
    this.timers.add(timer);
  }

  /**
   * Stops making planned changes (the emulator closes): they stay in the state, as after a kill, and
   * a restart makes them. Without this a timer could fire after close and journal into a state
   * folder already removed.
   */
  stopPending(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.runner = undefined;
  }

  private run(rec: PendingRec): void {
    // Made already (by settle or its timer), or the state was reset since.
    if (this.data.pending?.[rec.id] !== rec || !this.runner) return;
    // Made first, then forgotten: a kill between the two makes it again after a restart rather
    // than never (a second Sent Items copy is the smaller harm than a lost mail).
    this.makePending(rec.op);
    delete this.data.pending[rec.id];
    this.emit({ userId: rec.op.senderId, kind: 'pending', changeType: 'deleted', id: rec.id });
  }

  emit(e: ChangeEvent): void {
    for (const l of this.listeners) l(e);
  }

  nowIso(): string {
    return isoZ(this.clock.now());
  }

  // ---- directory ----

  findUser(idOrAddress: string): MG.User | undefined {
    const key = idOrAddress.toLowerCase();
    return this.data.users.find(
      (u) =>
        u.id?.toLowerCase() === key ||
        u.userPrincipalName?.toLowerCase() === key ||
        u.mail?.toLowerCase() === key,
    );
  }

  /**
   * The user of a /users/{x} path segment: Graph resolves the object id or the user principal name
   * only, not a mail address that differs from the UPN
   * (https://learn.microsoft.com/graph/api/user-get: GET /users/{id | userPrincipalName}).
   */
  userByIdOrUpn(idOrUpn: string): MG.User | undefined {
    const key = idOrUpn.toLowerCase();
    return this.data.users.find(
      (u) => u.id?.toLowerCase() === key || u.userPrincipalName?.toLowerCase() === key,
    );
  }

  findGroupByAddress(address: string): { group: MG.Group; memberIds: string[] } | undefined {
    const key = address.toLowerCase();
    return this.data.groups.find(
      (g) => g.group.mail?.toLowerCase() === key || g.group.id?.toLowerCase() === key,
    );
  }

  // ---- mailboxes and folders ----

  mailbox(userId: string): MailboxRec {
    let mb = this.data.mailboxes[userId];
    if (!mb) {
      const user = this.data.users.find((u) => u.id === userId);
      mb = createMailbox(userId, user?.userPrincipalName ?? userId);
      this.data.mailboxes[userId] = mb;
    }
    return mb;
  }

  rootFolderId(mb: MailboxRec): string {
    return Object.values(mb.folders).find((f) => f.wellKnownName === 'msgfolderroot')!.id;
  }

  /** A folder by id, well-known name, or (for seeds) display name. */
  folder(mb: MailboxRec, idOrName: string): FolderRec | undefined {
    const byId = mb.folders[idOrName];
    if (byId) return byId;
    const key = idOrName.toLowerCase();
    return Object.values(mb.folders).find((f) => f.wellKnownName === key);
  }

  folderByDisplayName(mb: MailboxRec, name: string): FolderRec | undefined {
    const key = name.toLowerCase();
    return (
      this.folder(mb, key) ??
      Object.values(mb.folders).find((f) => f.displayName.toLowerCase() === key)
    );
  }

  createFolder(mb: MailboxRec, parentFolderId: string, displayName: string): FolderRec {
    const f: FolderRec = { id: outlookId(), displayName, parentFolderId, isHidden: false };
    mb.folders[f.id] = f;
    this.emit({ userId: mb.userId, kind: 'other', changeType: 'updated', id: f.id });
    return f;
  }

  nextSeq(mb: MailboxRec): number {
    mb.seq += 1;
    return mb.seq;
  }

  // ---- messages ----

  messagesIn(mb: MailboxRec, folderId?: string): MessageRec[] {
    const all = Object.values(mb.messages);
    return folderId ? all.filter((m) => m.folderId === folderId) : all;
  }

  addMessage(
    mb: MailboxRec,
    folderId: string,
    fields: MessageFields,
    attachments: Array<
      Omit<AttachmentRec, 'id' | 'size' | 'lastModifiedDateTime'> & { size?: number }
    > = [],
    createdDateTime?: string,
  ): MessageRec {
    const now = this.nowIso();
    // Every message belongs to a conversation, so replies can carry its id.
    fields.conversationId ??= 'AAQkA' + guid().replace(/-/g, '');
    // Exchange gives an item its Message-ID when it is created: a draft from POST /messages or
    // createReply already shows internetMessageId in the 201 (isDraft: true;
    // https://learn.microsoft.com/graph/api/user-post-messages, examples 1 and 2), and sending keeps it.
    fields.internetMessageId ??= `<${guid().replace(/-/g, '').toUpperCase()}@${this.data.domain}>`;
    const rec: MessageRec = {
      id: outlookId(),
      folderId,
      seq: this.nextSeq(mb),
      createdDateTime: createdDateTime ?? now,
      lastModifiedDateTime: createdDateTime ?? now,
      changeKey: changeKey(),
      fields,
      attachments: attachments.map((a) => ({
        ...a,
        id: outlookId(),
        size: a.size ?? Buffer.from(a.contentBytes, 'base64').length,
        lastModifiedDateTime: createdDateTime ?? now,
      })),
    };
    mb.messages[rec.id] = rec;
    this.emit({ userId: mb.userId, kind: 'message', changeType: 'created', id: rec.id, folderId });
    return rec;
  }

  touchMessage(mb: MailboxRec, rec: MessageRec): void {
    rec.seq = this.nextSeq(mb);
    rec.lastModifiedDateTime = this.nowIso();
    rec.changeKey = changeKey();
    this.emit({
      userId: mb.userId,
      kind: 'message',
      changeType: 'updated',
      id: rec.id,
      folderId: rec.folderId,
    });
  }

  moveMessage(mb: MailboxRec, rec: MessageRec, destFolderId: string): void {
    if (rec.folderId === destFolderId) return;
    const from = rec.folderId;
    mb.tombstones.push({ folderId: from, id: rec.id, seq: this.nextSeq(mb) });
    rec.folderId = destFolderId;
    rec.seq = this.nextSeq(mb);
    rec.lastModifiedDateTime = this.nowIso();
    rec.changeKey = changeKey();
    this.emit({
      userId: mb.userId,
      kind: 'message',
      changeType: 'deleted',
      id: rec.id,
      folderId: from,
    });
    this.emit({
      userId: mb.userId,
      kind: 'message',
      changeType: 'created',
      id: rec.id,
      folderId: destFolderId,
    });
  }

  removeMessage(mb: MailboxRec, rec: MessageRec): void {
    delete mb.messages[rec.id];
    mb.tombstones.push({ folderId: rec.folderId, id: rec.id, seq: this.nextSeq(mb) });
    this.emit({
      userId: mb.userId,
      kind: 'message',
      changeType: 'deleted',
      id: rec.id,
      folderId: rec.folderId,
    });
  }

  // ---- events ----

  addEvent(
    mb: MailboxRec,
    rec: Omit<EventRec, 'id' | 'seq' | 'createdDateTime' | 'lastModifiedDateTime' | 'changeKey'>,
  ): EventRec {
    const now = this.nowIso();
    const full: EventRec = {
      ...rec,
      id: outlookId(),
      seq: this.nextSeq(mb),
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: changeKey(),
    };
    mb.events[full.id] = full;
    this.emit({ userId: mb.userId, kind: 'event', changeType: 'created', id: full.id });
    return full;
  }

  touchEvent(mb: MailboxRec, rec: EventRec): void {
    rec.seq = this.nextSeq(mb);
    rec.lastModifiedDateTime = this.nowIso();
    rec.changeKey = changeKey();
    this.emit({ userId: mb.userId, kind: 'event', changeType: 'updated', id: rec.id });
  }

  removeEvent(mb: MailboxRec, rec: EventRec): void {
    delete mb.events[rec.id];
    this.emit({ userId: mb.userId, kind: 'event', changeType: 'deleted', id: rec.id });
  }
}

export function createMailbox(userId: string, upn: string): MailboxRec {
  const folders: Record<string, FolderRec> = {};
  const root: FolderRec = {
    id: outlookId(),
    displayName: 'Top of Information Store',
    parentFolderId: '',
    wellKnownName: 'msgfolderroot',
    isHidden: true,
  };
  folders[root.id] = root;
  for (const wk of WELL_KNOWN_FOLDERS) {
    const f: FolderRec = {
      id: outlookId(),
      displayName: wk.displayName,
      parentFolderId: root.id,
      wellKnownName: wk.name,
      isHidden: false,
    };
    folders[f.id] = f;
  }
  return {
    userId,
    upn,
    folders,
    messages: {},
    tombstones: [],
    events: {},
    masterCategories: [],
    deltaEpoch: 1,
    sendLog: [],
    seq: 0,
  };
}
