// A feature plugged into the host: its route answers, its readiness check counts, Graph notifications
// with the right clientState reach it, and at shutdown it closes after HTTP stopped, before storage.
import { Router } from 'express';
import { describe, expect, it } from 'vitest';
import type { GraphNotification } from '../../server/routes/graph-notifications.js';
import type { ServerFeature } from '../../server/features.js';
import { startTestServer } from './harness.js';
import { startStubEmulator } from './stub-emulator.js';

describe('features', () => {
  it('mounts a feature and closes it in order', async () => {
    const received: GraphNotification[] = [];
    const events: string[] = [];
    let storeOpenAtClose = false;
    let publicUrl = '';
    const feature: ServerFeature = {
      name: 'probe',
      start(context) {
        publicUrl = context.publicUrl;
        const routes = Router();
        routes.get('/api/probe', (_req, res) => {
          res.json({ mailbox: context.config.m365.sharedMailbox });
        });
        return {
          routes,
          readiness: [{ name: 'probe', check: async () => {} }],
          onGraphNotifications: (n) => received.push(...n),
          close: async () => {
            events.push('feature closed');
            storeOpenAtClose = await context.store.ping().then(
              () => true,
              () => false,
            );
          },
        };
      },
    };
    const server = await startTestServer(
      { GRAPH_WEBHOOK_CLIENT_STATE: 'a-client-state-of-some-length' },
      { startEmulator: startStubEmulator, features: [feature] },
    );
    expect(publicUrl).toBe(server.url);

    expect(await (await fetch(`${server.url}/api/probe`)).json()).toEqual({
      mailbox: 'kvalitetsutmarkelsen@stockholm.example',
    });
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
      checks: Record<string, string>;
    };
    expect(ready.checks.probe).toBe('ok');

    const notify = (clientState: string) =>
      fetch(`${server.url}/api/graph/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          value: [{ clientState, changeType: 'created', resource: 'users/x/messages/1' }],
        }),
      });
    expect((await notify('a-client-state-of-some-length')).status).toBe(202);
    expect((await notify('forged')).status).toBe(202);
    expect(received.map((n) => n.resource)).toEqual(['users/x/messages/1']);

    await server.stop();
    expect(events).toEqual(['feature closed']);
    expect(storeOpenAtClose).toBe(true);
  });
});
