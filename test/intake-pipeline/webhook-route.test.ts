// The notification route as Graph sees it: handshake, 202 for ours (configured or a feature's
// generated clientState), forged ones never handed on.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphNotificationRoutes,
  type GraphNotification,
} from '../../server/routes/graph-notifications.js';

const received: GraphNotification[] = [];
let url = '';
let close: () => void;
beforeAll(async () => {
  const app = express();
  app.use(
    graphNotificationRoutes({
      clientState: 'configured-client-state',
      accepts: (v) => v === 'generated-and-stored-state',
      onNotifications: (n) => received.push(...n),
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const post = (clientState: string, id: string) =>
  fetch(`${url}/api/graph/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ value: [{ clientState, changeType: 'created', resourceData: { id } }] }),
  });

describe('Graph notification route', () => {
  it('hands on notifications with either clientState and drops forged ones', async () => {
    expect((await post('configured-client-state', 'a')).status).toBe(202);
    expect((await post('generated-and-stored-state', 'b')).status).toBe(202);
    expect((await post('forged', 'c')).status).toBeLessThan(500);
    expect(received.map((n) => n.resourceData?.id)).toEqual(['a', 'b']);
  });
});
