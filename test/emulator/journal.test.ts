// The emulator's journal on its own: every announced change (a mail created, updated, moved and
// removed, a folder created, a mailbox first used, a change Exchange will make a moment later) read
// back from the snapshot plus the journal, without the process ever writing its state again (as
// after a kill -9).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { Clock } from '../../emulator/clock.js';
import { Faults } from '../../emulator/faults.js';
import { applyPendingMailOp, sendMessage } from '../../emulator/state/mail-ops.js';
import { loadTenant } from '../../emulator/state/load.js';
import { loadStateFile, StateSaver } from '../../emulator/state/persist.js';
import { Store } from '../../emulator/state/store.js';
import { fixtureTenant, MANAGER, SHARED } from './fixture-tenant.js';

const dir = mkdtempSync(`${tmpdir()}/kvalitet-journal-`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the emulator journal', () => {
  it('gives back every announced change without a second snapshot', () => {
    const path = `${dir}/emulator.json`;
    const clock = new Clock();
    const store = new Store(loadTenant(fixtureTenant(), clock), clock);
    const saver = new StateSaver(path, () => store.data, 60_000);
    store.onChange((e) => saver.record(e));

    const shared = store.mailbox(store.findUser(SHARED)!.id!);
    const inbox = store.folder(shared, 'inbox')!.id;
    const kept = store.addMessage(shared, inbox, { subject: 'Intresseanmälan' });
    const gone = store.addMessage(shared, inbox, { subject: 'Bort' });
    const folder = store.createFolder(
      shared,
      store.rootFolderId(shared),
      'Kvalitetsutmärkelsen 2027',
    );
    kept.fields.categories = ['Intresseanmälan'];
    store.touchMessage(shared, kept);
    store.moveMessage(shared, kept, folder.id);
    store.removeMessage(shared, gone);
    // A mailbox the snapshot does not hold yet (its folder ids are new).
    const fresh = store.mailbox('a-user-without-a-mailbox-before');
    store.addMessage(fresh, store.folder(fresh, 'inbox')!.id, { subject: 'Kvitto' });

    const back = loadStateFile(path)!;
    const mb = back.mailboxes[shared.userId]!;
    expect(mb.messages[kept.id]).toEqual(kept);
    expect(mb.messages[gone.id]).toBeUndefined();
    expect(mb.folders[folder.id]).toEqual(folder);
    expect(mb.seq).toBe(shared.seq);
    expect(mb.tombstones).toEqual(shared.tombstones);
    expect(back.mailboxes[fresh.userId]).toEqual(fresh);
    saver.flush();
  });

  it('keeps the Sent Items copies still to come: a restart makes them at their time, once', () => {
    const path = `${dir}/pending.json`;
    const at = new Date('2027-03-01T09:00:00Z');
    const clock = new Clock();
    clock.set(at);
    const store = new Store(loadTenant(fixtureTenant(), clock), clock);
    const saver = new StateSaver(path, () => store.data, 60_000);
    store.onChange((e) => saver.record(e));
    store.resumePending(applyPendingMailOp);
    const faults = new Faults(clock, { sentItemsDelayMs: 2_000, sendingLimits: null });

    const sender = store.findUser(SHARED)!;
    const shared = store.mailbox(sender.id!);
    const mail = (subject: string) => ({
      subject,
      body: { contentType: 'text' as const, content: 'Tack för ert bidrag.' },
      toRecipients: [{ emailAddress: { address: MANAGER } }],
      internetMessageHeaders: [{ name: 'x-kvalitet-outbox-key', value: subject }],
    });
    // A draft sent (the outbox's way) and a mail sent in one go (sendMail).
    const draft = store.addMessage(shared, store.folder(shared, 'drafts')!.id, {
      ...mail('Kvitto 1'),
      isDraft: true,
    });
    const send = (subject: string, d?: typeof draft) =>
      sendMessage({
        store,
        faults,
        sender,
        fields: d ? d.fields : mail(subject),
        attachments: [],
        saveToSentItems: true,
        ...(d ? { draft: d } : {}),
      });
    send('Kvitto 1', draft);
    send('Kvitto 2');
    const sentItems = (s: Store) => {
      const mb = s.mailbox(sender.id!);
      return s.messagesIn(mb, s.folder(mb, 'sentitems')!.id).map((m) => m.fields);
    };
    expect(sentItems(store)).toEqual([]);

    // Killed in the gap: the next start finds both copies still to come.
    const restarted = (ms: number) => {
      const c = new Clock();
      c.set(new Date(at.getTime() + ms));
      const s = new Store(loadStateFile(path)!, c);
      s.resumePending(applyPendingMailOp);
      return { s, c };
    };
    const early = restarted(500);
    expect(sentItems(early.s)).toEqual([]);
    expect(early.s.mailbox(sender.id!).messages[draft.id]?.folderId).toBe(
      early.s.folder(shared, 'outbox')!.id,
    );
    early.c.advance(1_500);
    early.s.settle();
    early.s.settle();
    const copies = sentItems(early.s);
    expect(copies.map((f) => f.subject).sort()).toEqual(['Kvitto 1', 'Kvitto 2']);
    // As Exchange's: sent, the same Message-ID as the draft, no custom headers.
    const one = early.s.mailbox(sender.id!).messages[draft.id]!;
    expect([one.fields.isDraft, one.fields.internetMessageId]).toEqual([
      false,
      draft.fields.internetMessageId,
    ]);
    expect(copies.every((f) => f.internetMessageHeaders === undefined)).toBe(true);

    // Started after they were due: made at once.
    const late = restarted(10_000);
    expect(
      sentItems(late.s)
        .map((f) => f.subject)
        .sort(),
    ).toEqual(['Kvitto 1', 'Kvitto 2']);
    expect(Object.keys(late.s.data.pending ?? {})).toEqual([]);

    // The timers of these stores must not write into the removed directory later.
    for (const s of [store, early.s, late.s]) s.stopPending();
    saver.flush();
  });

  it('makes no planned change once stopped (as at close): it stays in the state for a restart', async () => {
    const path = `${dir}/stopped.json`;
    const clock = new Clock();
    const store = new Store(loadTenant(fixtureTenant(), clock), clock);
    const saver = new StateSaver(path, () => store.data, 60_000);
    store.onChange((e) => saver.record(e));
    store.resumePending(applyPendingMailOp);
    const sender = store.findUser(SHARED)!;
    sendMessage({
      store,
      faults: new Faults(clock, { sentItemsDelayMs: 30, sendingLimits: null }),
      sender,
      fields: {
        subject: 'Kvitto',
        body: { contentType: 'text', content: 'Tack.' },
        toRecipients: [{ emailAddress: { address: MANAGER } }],
      },
      attachments: [],
      saveToSentItems: true,
    });
    store.stopPending();
    saver.flush();
    await new Promise((r) => setTimeout(r, 120));

    const mb = store.mailbox(sender.id!);
    expect(store.messagesIn(mb, store.folder(mb, 'sentitems')!.id)).toEqual([]);
    expect(Object.values(loadStateFile(path)!.pending ?? {})).toHaveLength(1);
  });
});
