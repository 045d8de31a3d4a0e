// The real server in local mode, spoken to over HTTP as Teams, a browser and a load balancer would.
import { asCoordinator } from '../support/tab-token.js';
import { buildTab } from '../../scripts/tab-build.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardProblems } from '../cards/card-validator.js';
import {
  postActivity,
  startTestServer,
  teamsMessage,
  type ReplyActivity,
  type TestServer,
} from './harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ AWARD_NOW: '2027-05-10T09:00:00+02:00' });
});

afterAll(async () => {
  await server?.stop();
});

function cardOf(reply: ReplyActivity | undefined): Record<string, unknown> {
  const attachment = reply?.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment!.content;
}

describe('health', () => {
  it('GET /healthz answers 200 with the version', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: server.config.version });
  });

  it('GET /readyz answers 200 when storage and Graph answer', async () => {
    const res = await fetch(`${server.url}/readyz`);
    const body = (await res.json()) as { status: string; checks: Record<string, string> };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', checks: { storage: 'ok', graph: 'ok' } });
  });
});

describe('bot endpoint', () => {
  it('answers "hjälp" with the Swedish help card in the response body (expectReplies)', async () => {
    const { status, body } = await postActivity(server, teamsMessage('hjälp'));
    expect(status).toBe(200);
    const replies = (body as { activities: ReplyActivity[] }).activities;
    expect(replies).toHaveLength(1);
    expect(replies[0]!.channelId).toBe('msteams');
    const card = cardOf(replies[0]);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Skriv till mig');
    expect(card.fallbackText).toContain('hjälp');
  });

  it('answers "help" in English when the user\'s locale is en-US', async () => {
    const { status, body } = await postActivity(server, teamsMessage('help', { locale: 'en-US' }));
    expect(status).toBe(200);
    const card = cardOf((body as { activities: ReplyActivity[] }).activities[0]);
    expect(JSON.stringify(card)).toContain('Write to me');
    expect(JSON.stringify(card)).not.toContain('Skriv till mig');
  });

  it('answers unknown text with a hint and the help card', async () => {
    const { body } = await postActivity(server, teamsMessage('boka platsbesök'));
    const card = cardOf((body as { activities: ReplyActivity[] }).activities[0]);
    expect(JSON.stringify(card)).toContain('Jag förstod inte ”boka platsbesök”');
  });

  it('answers "tidsplan" with the next dates of the cycle the clock is in', async () => {
    const { body } = await postActivity(server, teamsMessage('tidsplan'));
    const card = cardOf((body as { activities: ReplyActivity[] }).activities[0]);
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('Kvalitetsutmärkelsen 2027');
    expect(text).toContain('kl. 24.00');
  });

  it('welcomes a user who installs the app and remembers the conversation for reminders', async () => {
    const activity = teamsMessage('', {
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: '29:1a2b3c-user', aadObjectId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' }],
    });
    const { status, body } = await postActivity(server, activity);
    expect(status).toBe(200);
    const card = cardOf((body as { activities: ReplyActivity[] }).activities[0]);
    expect(JSON.stringify(card)).toContain('Hej!');
    const saved = await server.store.conversations.get('6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b');
    expect(saved).toMatchObject({
      conversationId: 'a:1xYzPersonalConversation',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
    });
  });

  it('accepts activities without a token only from this machine (no BOT_APP_ID)', async () => {
    // A proxied request is not local, whatever socket it arrives on.
    const res = await postActivity(server, teamsMessage('hjälp'), {
      'x-forwarded-for': '203.0.113.7',
    });
    expect(res.status).toBe(401);
    expect(res.text).toContain('BOT_APP_ID');
  });

  it('welcomes a team when the bot is added, but stays quiet when people join the team later', async () => {
    const team = {
      conversation: {
        id: '19:general@thread.tacv2',
        conversationType: 'channel',
        tenantId: '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17',
      },
      channelData: { team: { id: '19:general@thread.tacv2' }, eventType: 'teamMemberAdded' },
    };
    const botAdded = await postActivity(
      server,
      teamsMessage('', {
        ...team,
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: '28:0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f' }],
      }),
    );
    expect((botAdded.body as { activities: ReplyActivity[] }).activities).toHaveLength(1);
    const personJoined = await postActivity(
      server,
      teamsMessage('', {
        ...team,
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: '29:new-colleague' }],
      }),
    );
    expect(personJoined.status).toBe(200);
    expect((personJoined.body as { activities: ReplyActivity[] }).activities).toEqual([]);
  });

  it('rejects malformed JSON with 400 and a message, and keeps serving', async () => {
    const bad = await postActivity(server, '{"type": "message", "text": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'malformed-json' } });
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
    const ok = await postActivity(server, teamsMessage('hjälp'));
    expect(ok.status).toBe(200);
  });

  it.each([
    ['an array', []],
    ['no type', { conversation: { id: 'x' } }],
    ['no conversation', { type: 'message', text: 'hjälp' }],
    ['a wrongly typed field', { type: 'message', conversation: { id: 'x' }, from: 'someone' }],
  ])('rejects an activity with %s with 400 naming the problem', async (_what, activity) => {
    const res = await postActivity(server, activity);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'malformed-activity' } });
  });
});

describe('tab', () => {
  it('serves the tab page', async () => {
    const res = await fetch(`${server.url}/tab/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Kvalitetsutmärkelsen');
  });

  it('serves the teams-js bundle the page loads', async () => {
    const res = await fetch(`${server.url}/tab/vendor/teams-js.js`);
    expect(res.status).toBe(200);
    expect((await res.text()).length).toBeGreaterThan(10_000);
  });

  it("GET /api/tab/status gives the cycle and its next deadlines at the clock's time", async () => {
    const res = await asCoordinator(server.emulatorUrl!)(`${server.url}/api/tab/status`);
    expect(res.status).toBe(200);
    const status = (await res.json()) as {
      year: number;
      phase: { id: string };
      deadlines: Array<{ kind: string; when: { sv: string; en: string } }>;
    };
    expect(status.year).toBe(2027);
    expect(status.phase.id).toBe('submission');
    expect(status.deadlines[0]).toMatchObject({ kind: 'submission' });
    expect(status.deadlines[0]!.when.sv).toMatch(/maj 2027 kl\. 24\.00/);
  });

  it('serves the Outlook add-in panes and their ribbon icons', async () => {
    await buildTab();
    for (const name of ['mail', 'appointment']) {
      const pane = await fetch(`${server.url}/tab/addin/${name}.html`);
      expect(pane.status).toBe(200);
      // Office.js from Microsoft's CDN, as add-ins must load it.
      expect(await pane.text()).toContain(
        'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      );
    }
    const icon = await fetch(`${server.url}/tab/addin/icon-80.png`);
    expect(icon.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await icon.arrayBuffer());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([80, 80]);
    expect((await fetch(`${server.url}/tab/addin/icon-7.png`)).status).toBe(404);
  });

  it('answers unknown routes with 404 JSON', async () => {
    const res = await fetch(`${server.url}/api/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});

describe('Graph notifications mount point', () => {
  it('echoes the validation token as text/plain', async () => {
    const res = await fetch(`${server.url}/api/graph/notifications?validationToken=abc%20123`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toBe('abc 123');
  });

  it('acknowledges notifications with 202', async () => {
    const res = await fetch(`${server.url}/api/graph/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: [{ clientState: 'wrong', changeType: 'created' }] }),
    });
    expect(res.status).toBe(202);
  });
});
