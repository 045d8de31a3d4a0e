// translateExchangeIds as Graph documents it: delegated only (an app-only token gets 403), EWS ids
// to immutable REST ids and back for items of the caller's own mailbox, and an id of no item there
// comes back with errorDetails instead of a target id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { ewsIdOf } from '../../emulator/routes/translate-ids.js';
import { EXAMINER } from './fixture-tenant.js';
import { appToken, graph, start } from './helpers.js';

let emu: RunningEmulator;
let asUser: ReturnType<typeof graph>;

beforeAll(async () => {
  emu = await start();
  const token = await emu.admin.mintUserToken({
    upn: EXAMINER,
    audience: 'https://graph.microsoft.com',
    scopes: ['User.Read', 'Calendars.ReadWrite'],
  });
  asUser = graph(emu, token);
});
afterAll(async () => {
  await emu?.close();
});

describe('translateExchangeIds', () => {
  it('translates the EWS id Office.js gives into the immutable id of the same event', async () => {
    const created = await asUser('POST', '/me/events', {
      subject: 'Platsbesök',
      start: { dateTime: '2026-09-01T08:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-09-01T10:00:00', timeZone: 'UTC' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const res = await asUser('POST', '/me/translateExchangeIds', {
      inputIds: [ewsIdOf(id), ewsIdOf(id.replace(/.{6}$/, 'AAAAAA'))],
      sourceIdType: 'ewsId',
      targetIdType: 'restImmutableEntryId',
    });
    expect(res.status).toBe(200);
    expect(res.body.value[0]).toEqual({ sourceId: ewsIdOf(id), targetId: id });
    expect(res.body.value[1].targetId).toBeUndefined();
    expect(res.body.value[1].errorDetails.code).toBeTruthy();
    const back = await asUser('POST', '/me/translateExchangeIds', {
      inputIds: [id],
      sourceIdType: 'restImmutableEntryId',
      targetIdType: 'ewsId',
    });
    expect(back.body.value[0].targetId).toBe(ewsIdOf(id));
  });

  it('refuses application permissions and bad requests', async () => {
    const app = graph(emu, await appToken(emu));
    const denied = await app('POST', `/users/${EXAMINER}/translateExchangeIds`, {
      inputIds: ['x'],
      sourceIdType: 'ewsId',
      targetIdType: 'restImmutableEntryId',
    });
    expect(denied.status).toBe(403);
    const bad = await asUser('POST', '/me/translateExchangeIds', {
      inputIds: [],
      sourceIdType: 'ewsId',
      targetIdType: 'restImmutableEntryId',
    });
    expect(bad.status).toBe(400);
    const badType = await asUser('POST', '/me/translateExchangeIds', {
      inputIds: ['x'],
      sourceIdType: 'owaId',
      targetIdType: 'restImmutableEntryId',
    });
    expect(badType.status).toBe(400);
  });
});
