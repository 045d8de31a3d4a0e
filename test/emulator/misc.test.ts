// Teams app installation, state persisted to a file across restarts, upload sessions, and the seeded
// demo tenant served by default.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/server.js';
import { CLIENT_ID, MANAGER, SHARED } from './fixture-tenant.js';
import { appToken, graph, start } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'emu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Teams app installation', () => {
  it('installs our app for a user once and lists it', async () => {
    const emu = await start({ teamsAppCatalogId: 'catalog-app-1' });
    try {
      const g = graph(emu, await appToken(emu));
      const bind = { 'teamsApp@odata.bind': `${emu.graphUrl}/appCatalogs/teamsApps/catalog-app-1` };
      expect((await g('POST', `/users/${MANAGER}/teamwork/installedApps`, bind)).status).toBe(201);
      expect((await g('POST', `/users/${MANAGER}/teamwork/installedApps`, bind)).status).toBe(409);
      const list = await g('GET', `/users/${MANAGER}/teamwork/installedApps?$expand=teamsApp`);
      expect(list.body.value[0].teamsApp).toMatchObject({
        id: 'catalog-app-1',
        externalId: CLIENT_ID,
      });
      const chat = await g(
        'GET',
        `/users/${MANAGER}/teamwork/installedApps/${list.body.value[0].id}/chat`,
      );
      expect(chat.body).toMatchObject({ chatType: 'oneOnOne' });
      expect(chat.body.id).toMatch(/^19:.*@unq\.gbl\.spaces$/);
      const recorded = Object.values(emu.admin.installedApps(MANAGER))[0]!;
      expect(recorded.map((a) => a.teamsAppId)).toEqual(['catalog-app-1']);
      const unknown = await g('POST', `/users/${MANAGER}/teamwork/installedApps`, {
        'teamsApp@odata.bind': `${emu.graphUrl}/appCatalogs/teamsApps/other`,
      });
      expect(unknown.status).toBe(404);
    } finally {
      await emu.close();
    }
  });
});

describe('persistence', () => {
  it('keeps mailbox changes in the state file across restarts', async () => {
    const stateFile = join(dir, 'state.json');
    const a = await start({ stateFile });
    const token = await appToken(a);
    const g = graph(a, token);
    const folder = await g('POST', `/users/${SHARED}/mailFolders`, { displayName: 'Sparad' });
    await a.close();
    const b = await start({ stateFile });
    try {
      // The token issued before the restart is still accepted: the signing key is kept with the state.
      const got = await graph(b, token)('GET', `/users/${SHARED}/mailFolders/${folder.body.id}`);
      expect(got.body.displayName).toBe('Sparad');
    } finally {
      await b.close();
    }
  });
});

describe('upload sessions', () => {
  it('attaches a file over 3 MB in ranges', async () => {
    const emu = await start();
    try {
      const g = graph(emu, await appToken(emu));
      const draft = (await g('POST', `/users/${SHARED}/messages`, { subject: 'Stor bilaga' })).body;
      const size = 3 * 1024 * 1024 + 100;
      const sess = await g(
        'POST',
        `/users/${SHARED}/messages/${draft.id}/attachments/createUploadSession`,
        {
          AttachmentItem: { attachmentType: 'file', name: 'stor.pdf', size },
        },
      );
      expect(sess.status).toBe(201);
      expect(sess.body.nextExpectedRanges).toEqual(['0-']);
      const bytes = Buffer.alloc(size, 7);
      const half = 2 * 1024 * 1024;
      const put = (from: number, to: number) =>
        fetch(sess.body.uploadUrl, {
          method: 'PUT',
          headers: {
            'Content-Range': `bytes ${from}-${to - 1}/${size}`,
            'Content-Type': 'application/octet-stream',
          },
          body: bytes.subarray(from, to),
        });
      const r1 = await put(0, half);
      expect(r1.status).toBe(200);
      expect((await r1.json()).nextExpectedRanges).toEqual([`${half}-${size - 1}`]);
      const r2 = await put(half, size);
      expect(r2.status).toBe(201);
      const list = await g(
        'GET',
        `/users/${SHARED}/messages/${draft.id}/attachments?$select=name,size`,
      );
      expect(list.body.value).toEqual([expect.objectContaining({ name: 'stor.pdf', size })]);
    } finally {
      await emu.close();
    }
  });
});

describe('seeded demo tenant', () => {
  it('serves the seed by default: shared mailbox with mail and the two groups', async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      const g = graph(emu, await appToken(emu));
      const inbox = await g('GET', `/users/${SHARED}/mailFolders/inbox?$select=totalItemCount`);
      expect(inbox.status).toBe(200);
      expect(inbox.body.totalItemCount).toBeGreaterThan(5);
      for (const nick of ['kvalitet-samordnare', 'kvalitet-examinatorer']) {
        const gr = await g('GET', `/groups?$filter=mailNickname eq '${nick}'`);
        expect(gr.body.value).toHaveLength(1);
      }
    } finally {
      await emu.close();
    }
    // Builds the demo tenant with its documents: 15 s on a loaded 2-core machine.
  }, 90_000);
});

describe('size limits', () => {
  it('refuses an attachment over the inline limit and a request over the request limit with 413', async () => {
    const emu = await start({ limits: { attachmentBytes: 1024, requestBytes: 64 * 1024 } });
    try {
      const g = graph(emu, await appToken(emu));
      const draft = (await g('POST', `/users/${SHARED}/messages`, { subject: 'x' })).body;
      const att = await g('POST', `/users/${SHARED}/messages/${draft.id}/attachments`, {
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'a.bin',
        contentBytes: Buffer.alloc(2048).toString('base64'),
      });
      expect(att.status).toBe(413);
      expect(att.body.error.message).toMatch(/upload session/);
      const big = await g('POST', `/users/${SHARED}/sendMail`, {
        message: {
          subject: 'x'.repeat(70 * 1024),
          toRecipients: [{ emailAddress: { address: MANAGER } }],
        },
      });
      expect(big.status).toBe(413);
      expect(big.body.error.message).toMatch(/maximum request length/);
    } finally {
      await emu.close();
    }
  });
});
