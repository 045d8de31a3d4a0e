// The emulator's journal on its own: every announced change (a mail created, updated, moved and
// removed, a folder created, a mailbox first used) read back from the snapshot plus the journal,
// without the process ever writing its state again (as after a kill -9).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { Clock } from '../../emulator/clock.js';
import { loadTenant } from '../../emulator/state/load.js';
import { loadStateFile, StateSaver } from '../../emulator/state/persist.js';
import { Store } from '../../emulator/state/store.js';
import { fixtureTenant, SHARED } from './fixture-tenant.js';

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
});
