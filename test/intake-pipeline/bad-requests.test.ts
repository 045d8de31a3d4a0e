// A client's mistake gets a 400 with a message, never a 500, and changes nothing: odd activities to
// the bot, odd ids, kinds and years to the tab API. Spoken as Teams and the tab speak to the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COORD } from './tenant.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';

let h: IntakeHarness;
let auth: Record<string, string>;
beforeAll(async () => {
  h = await startIntakeHarness();
  const res = await fetch(`${h.server.url}/api/local-sign-in/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ upn: COORD }),
  });
  auth = {
    authorization: `Bearer ${((await res.json()) as { access_token: string }).access_token}`,
  };
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const activity = {
  type: 'message',
  text: 'hjälp',
  locale: 'sv-SE',
  channelId: 'msteams',
  deliveryMode: 'expectReplies',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:demo-user', aadObjectId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' },
  recipient: { id: '28:kvalitet-bot' },
  conversation: { id: 'a:demo-conversation', conversationType: 'personal' },
};

const without = (key: keyof typeof activity) => {
  const copy: Record<string, unknown> = { ...activity };
  delete copy[key];
  return copy;
};

async function expect400(res: Response, what: string) {
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  expect(res.status, `${what}: ${JSON.stringify(body)}`).toBe(400);
  expect(body.error?.message, what).toBeTruthy();
}

describe('the bot endpoint', () => {
  it.each(['recipient', 'channelId', 'from'] as const)(
    'an activity without %s is answered 400 naming it',
    async (key) => {
      const res = await fetch(`${h.server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(without(key)),
      });
      await expect400(res, key);
    },
  );

  it('a whole activity still gets its answer', async () => {
    const res = await fetch(`${h.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(200);
  });
});

describe('the tab API', () => {
  const decide = (id: string, body: unknown) =>
    fetch(`${h.server.url}/api/tab/triage/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    });

  it.each(['%00', '%ff', 'a%00b', '%E0%A4%A'])('a message id %s is answered 400', async (id) => {
    await expect400(await decide(id, { kind: 'question' }), id);
  });

  it.each([
    ['a kind that is an object', { kind: { toString: 1 } }],
    ['a kind in a list', { kind: ['question'] }],
    ['an unknown kind', { kind: 'spam' }],
    ['a unit id that is an object', { kind: 'question', unitId: { id: 1 } }],
    ['a unit id of 10 000 characters', { kind: 'question', unitId: 'x'.repeat(10_000) }],
    ['a meeting id that is a number', { kind: 'info-meeting-signup', meetingId: 2 }],
  ])('a decision with %s is answered 400', async (what, body) => {
    await expect400(await decide('AAMkAGI2TG93AAA=', body), what);
  });

  it.each(['1e21', '20270', '2027.0', '-2027', 'x', ''])(
    'year=%s is answered 400',
    async (year) => {
      for (const path of ['info-meetings/signups', 'protocols/missing'])
        await expect400(
          await fetch(`${h.server.url}/api/tab/${path}?year=${year}`, { headers: auth }),
          `${path} ${year}`,
        );
    },
  );

  it.each(['status/units/%00', 'status/units/u-solrosen%00', 'status/units?q=%00'])(
    'GET /api/tab/%s is answered 400',
    async (path) => {
      await expect400(await fetch(`${h.server.url}/api/tab/${path}`, { headers: auth }), path);
    },
  );

  it('year=2027 is answered', async () => {
    const res = await fetch(`${h.server.url}/api/tab/info-meetings/signups?year=2027`, {
      headers: auth,
    });
    expect(res.status).toBe(200);
  });
});
