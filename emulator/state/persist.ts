// Persistence of the emulator's state, durable per change: an append-only journal beside the state
// file gets every change to a message, event or folder before the request that made it is answered
// (a synchronous append: it survives a kill -9 of the process), and the whole state is written now
// and then (atomically) as a compacted snapshot, after which the journal starts over. At start the
// snapshot is read and the journal replayed onto it. Changes the store does not announce (master
// categories, subscriptions, app installations) reach the disk with the next snapshot.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type {
  EventRec,
  FolderRec,
  MailboxRec,
  MessageRec,
  PendingRec,
  StateData,
  SubscriptionRec,
  Tombstone,
} from './model.js';
import type { ChangeEvent } from './store.js';

/** One journal line: the record as it is after the change (null: removed). */
type JournalEntry =
  | { u: string; mailbox: MailboxRec }
  | { u: string; seq: number; message: string; rec: MessageRec | null; tombstones?: Tombstone[] }
  | { u: string; seq: number; event: string; rec: EventRec | null }
  | { u: string; folder: string; rec: FolderRec | null }
  | { u: string; subscription: string; rec: SubscriptionRec | null }
  | { u: string; pending: string; rec: PendingRec | null };

export function journalPath(statePath: string): string {
  return `${statePath}.journal`;
}

export function loadStateFile(path: string): StateData | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let data: StateData;
  try {
    data = JSON.parse(text) as StateData;
  } catch (e) {
    throw new Error(`Emulator state file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (data.version !== 1 || typeof data.tenantId !== 'string' || !data.mailboxes)
    throw new Error(`Emulator state file ${path} is not an emulator state (version 1).`);
  replayJournal(journalPath(path), data);
  return data;
}

function replayJournal(path: string, data: StateData): void {
  if (!existsSync(path)) return;
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      // Only the last line can be cut short (killed mid-append); anything else is damage.
      if (i >= lines.length - 2) break;
      throw new Error(`Emulator journal ${path} is damaged at line ${i + 1}.`);
    }
    apply(data, entry);
  }
}

function apply(data: StateData, e: JournalEntry): void {
  if ('mailbox' in e) {
    data.mailboxes[e.u] = e.mailbox;
    return;
  }
  if ('subscription' in e) {
    if (e.rec) data.subscriptions[e.subscription] = e.rec;
    else delete data.subscriptions[e.subscription];
    return;
  }
  if ('pending' in e) {
    data.pending ??= {};
    if (e.rec) data.pending[e.pending] = e.rec;
    else delete data.pending[e.pending];
    return;
  }
  const mb = data.mailboxes[e.u];
  if (!mb) return;
  if ('folder' in e) {
    if (e.rec) mb.folders[e.folder] = e.rec;
    else delete mb.folders[e.folder];
    return;
  }
  mb.seq = Math.max(mb.seq, e.seq);
  if ('message' in e) {
    if (e.rec) mb.messages[e.message] = e.rec;
    else delete mb.messages[e.message];
    for (const t of e.tombstones ?? [])
      if (!mb.tombstones.some((x) => x.id === t.id && x.seq === t.seq)) mb.tombstones.push(t);
    return;
  }
  if (e.rec) mb.events[e.event] = e.rec;
  else delete mb.events[e.event];
}

export function saveStateFile(path: string, data: StateData): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, path);
}

/** Snapshot when the journal has grown past this, or `delayMs` after an unannounced change. */
const COMPACT_BYTES = 8 * 1024 * 1024;

/**
 * record() after each announced change (journal, synchronous), schedule() after other changes
 * (snapshot soon), flush() at close.
 */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;
  private readonly journal: string;
  private journalBytes = 0;
  /** Mailboxes the snapshot or the journal holds in full. */
  private durable = new Set<string>();
  /** Tombstones of each mailbox already journaled or in the snapshot. */
  private tombstonesKept = new Map<string, number>();

  constructor(
    private readonly path: string,
    private readonly data: () => StateData,
    private readonly delayMs = 10_000,
  ) {
    this.journal = journalPath(path);
    // A first start writes the fresh tenant at once: the journal always has a snapshot under it.
    if (!existsSync(path)) this.flush();
    else {
      this.noteSnapshot();
      this.journalBytes = existsSync(this.journal) ? statSync(this.journal).size : 0;
    }
  }

  record(e: ChangeEvent): void {
    const data = this.data();
    const mb = data.mailboxes[e.userId];
    if (!mb) return;
    const lines: JournalEntry[] = [];
    if (e.kind === 'pending') {
      // A change Exchange makes later: planned (the record) or made (null), whatever the mailbox.
      lines.push({ u: e.userId, pending: e.id, rec: data.pending?.[e.id] ?? null });
    } else if (!this.durable.has(mb.userId)) {
      // A mailbox created since the snapshot (its folder ids are new): journaled whole, once.
      lines.push({ u: mb.userId, mailbox: mb });
      this.durable.add(mb.userId);
      this.tombstonesKept.set(mb.userId, mb.tombstones.length);
    } else if (e.kind === 'message') {
      // A move announces "deleted" from the old folder, then "created" in the new one: the second
      // journals the moved mail (and the tombstone), once.
      if (e.changeType === 'deleted' && mb.messages[e.id]) return;
      const kept = this.tombstonesKept.get(mb.userId) ?? 0;
      const fresh = mb.tombstones.length >= kept ? mb.tombstones.slice(kept) : mb.tombstones;
      this.tombstonesKept.set(mb.userId, mb.tombstones.length);
      lines.push({
        u: mb.userId,
        seq: mb.seq,
        message: e.id,
        rec: mb.messages[e.id] ?? null,
        ...(fresh.length > 0 ? { tombstones: fresh } : {}),
      });
    } else if (e.kind === 'event') {
      lines.push({ u: mb.userId, seq: mb.seq, event: e.id, rec: mb.events[e.id] ?? null });
    } else if (mb.folders[e.id]) {
      lines.push({ u: mb.userId, folder: e.id, rec: mb.folders[e.id] ?? null });
    } else if (data.subscriptions[e.id] || e.changeType === 'deleted') {
      lines.push({ u: mb.userId, subscription: e.id, rec: data.subscriptions[e.id] ?? null });
    }
    if (lines.length === 0) {
      this.schedule();
      return;
    }
    const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    appendFileSync(this.journal, text);
    this.journalBytes += Buffer.byteLength(text);
    if (this.journalBytes > COMPACT_BYTES) this.flush();
    else this.schedule();
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.delayMs);
    this.timer.unref?.();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    saveStateFile(this.path, this.data());
    // Everything journaled is in the snapshot now. A kill between the two writes replays the
    // journal onto a snapshot that already holds it, which changes nothing.
    writeFileSync(this.journal, '');
    this.journalBytes = 0;
    this.noteSnapshot();
  }

  private noteSnapshot(): void {
    const data = this.data();
    this.durable = new Set(Object.keys(data.mailboxes));
    this.tombstonesKept = new Map(
      Object.values(data.mailboxes).map((mb) => [mb.userId, mb.tombstones.length]),
    );
  }
}
