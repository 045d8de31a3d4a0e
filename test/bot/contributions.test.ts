// The bot's registration seam through /api/messages as Teams speaks it: a feature's command answers
// the text it scores highest (with an @mention in a channel too), its Action.Execute verb answers the
// invoke with the card Teams puts in place, and an unknown (stale or forged) verb changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCard } from '../../cards/types.js';
import type { BotContribution } from '../../bot/contributions.js';
import type { ServerFeature } from '../../server/features.js';
import { postActivity, startTestServer, teamsMessage, type TestServer } from '../server/harness.js';

const acted: unknown[] = [];
const contribution: BotContribution = {
  commands: [
    {
      name: 'echo',
      match: (text) => (/^eko\b/i.test(text) ? 0.9 : /eko/i.test(text) ? 0.4 : 0),
      handle: async (turn) => ({
        text: `eko:${turn.text}:${turn.conversationType}:${turn.locale}:${turn.userObjectId}`,
      }),
    },
    {
      name: 'slow',
      match: (text) => (text === 'långsam' ? 1 : 0),
      handle: async () => {
        await new Promise((r) => setTimeout(r, 600));
        return { text: 'klar' };
      },
    },
  ],
  actions: {
    'test.act': {
      handle: async (_turn, data) => {
        acted.push(data);
        return {
          card: adaptiveCard({
            fallbackText: 'gjort',
            body: [{ type: 'TextBlock', text: 'Gjort' }],
          }),
        };
      },
      refresh: async () => ({ message: 'uppdaterad' }),
    },
  },
};
const feature: ServerFeature = { name: 'test-bot', start: () => ({ bot: contribution }) };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { features: [feature] });
});
afterAll(async () => {
  await server?.stop();
});

/** The invoke response Teams reads: with expectReplies it rides in the replies as invokeResponse. */
function invokeBody(res: { body: unknown }): { statusCode: number; type: string; value: unknown } {
  const activities = (res.body as { activities?: Array<{ type: string; value?: unknown }> })
    .activities;
  const response = activities?.find((a) => a.type === 'invokeResponse');
  return (response?.value as { body: { statusCode: number; type: string; value: unknown } }).body;
}

function invoke(verb: string, data: unknown, trigger = 'manual') {
  const activity = teamsMessage('', {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger },
  });
  delete (activity as { text?: string }).text;
  return activity;
}

describe('bot contributions', () => {
  it('routes a message to the command that scores it', async () => {
    const res = await postActivity(server, teamsMessage('eko hej'));
    expect(res.status).toBe(200);
    expect(res.text).toContain('eko:eko hej:personal:sv:6f1d2c3b');
  });

  it('strips the mention in a channel and answers in English', async () => {
    const res = await postActivity(
      server,
      teamsMessage('<at>Kvalitetsutmärkelsen</at> eko hi', {
        locale: 'en-US',
        conversation: {
          conversationType: 'channel',
          id: '19:abc@thread.tacv2;messageid=1',
          tenantId: '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17',
        },
        entities: [
          {
            type: 'mention',
            text: '<at>Kvalitetsutmärkelsen</at>',
            mentioned: {
              id: '28:0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f',
              name: 'Kvalitetsutmärkelsen',
            },
          },
        ],
      }),
    );
    expect(res.text).toContain('eko:eko hi:channel:en:');
  });

  it('shows the typing indicator before a slow answer, not before a quick one', async () => {
    const types = (res: { body: unknown }) =>
      (res.body as { activities: { type: string; text?: string }[] }).activities.map((a) =>
        a.type === 'message' ? `message:${a.text}` : a.type,
      );
    expect(types(await postActivity(server, teamsMessage('långsam')))).toEqual([
      'typing',
      'message:klar',
    ]);
    expect(types(await postActivity(server, teamsMessage('eko snabb')))[0]).toMatch(/^message:/);
  });

  it('leaves a low score to the help card', async () => {
    const res = await postActivity(server, teamsMessage('något om eko'));
    expect(res.text).toContain('Jag förstod inte');
    expect(res.text).not.toContain('eko:');
  });

  it('answers an Action.Execute with the card that replaces the old one', async () => {
    const res = await postActivity(server, invoke('test.act', { unitId: 'u1' }));
    expect(res.status).toBe(200);
    const body = invokeBody(res);
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Gjort');
    expect(acted).toEqual([{ unitId: 'u1' }]);
  });

  it('uses the refresh handler for an automatic refresh', async () => {
    const res = await postActivity(server, invoke('test.act', {}, 'automatic'));
    expect(res.text).toContain('uppdaterad');
    expect(acted).toHaveLength(1);
  });

  it('answers a stale or forged verb with a message and changes nothing', async () => {
    const res = await postActivity(server, invoke('status.nosuchverb', { unitId: 'x' }));
    expect(res.status).toBe(200);
    const body = invokeBody(res);
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value).toContain('Inget har ändrats');
    expect(acted).toHaveLength(1);
  });
});
