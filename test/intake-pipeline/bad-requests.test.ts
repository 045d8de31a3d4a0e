// A client's mistake gets a 400 with a message, never a 500, and changes nothing: odd activities to
// the bot, odd ids, kinds and years to the tab API. Spoken as Teams and the tab speak to the app.
// Every such 400 is the one error shape with both messages: English, and the Swedish a coordinator
// reads in the tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusFeature } from '../../server/jobs/status.js';
import { COORD } from './tenant.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';

let h: IntakeHarness;
let auth: Record<string, string>;
beforeAll(async () => {
  h = await startIntakeHarness({ features: [createStatusFeature()] });
  const res = await fetch(`${h.server.url}/api/local-sign-in/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ upn: COORD }),
  });
  auth = {
    authorization: `Bearer ${((await res.json()) as { access_token: string }).access_token}`,
  };
}, 300_000);
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
  const body = (await res.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string; messageSv?: string };
  };
  expect(res.status, `${what}: ${JSON.stringify(body)}`).toBe(400);
  expect(body.error?.code, what).toBeTruthy();
  expect(body.error?.message, what).toBeTruthy();
  // Swedish, not the English copied: a Swedish word, and not the English text.
  expect(body.error?.messageSv, `${what}: ${JSON.stringify(body)}`).toMatch(
    /[åäö]|\b(är|och|ska|inte|ange)\b/i,
  );
  expect(body.error?.messageSv, what).not.toBe(body.error?.message);
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

describe('every other route a person reaches', () => {
  const url = (path: string) => `${h.server.url}${path}`;
  const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  // [what, path, request]: each answered 400 with both messages.
  const cases: [string, string, () => RequestInit][] = [
    [
      'the unit list with a year that is no year',
      '/api/tab/status/units?year=20x7',
      () => ({ headers: auth }),
    ],
    [
      'the unit list with an unknown state',
      '/api/tab/status/units?state=sleeping',
      () => ({ headers: auth }),
    ],
    [
      'the unit list with an unknown class',
      '/api/tab/status/units?class=zoo',
      () => ({ headers: auth }),
    ],
    [
      'the unit list with an unknown problem',
      '/api/tab/status/units?problem=odd',
      () => ({ headers: auth }),
    ],
    [
      'the unit list with a negative page',
      '/api/tab/status/units?page=-1',
      () => ({ headers: auth }),
    ],
    [
      "a unit's page with a year that is no year",
      '/api/tab/status/units/u-solrosen?year=x',
      () => ({ headers: auth }),
    ],
    [
      'the participant list with a year that is no year',
      '/api/tab/status/participants.csv?year=x',
      () => ({ headers: auth }),
    ],
    [
      "the bot's export link without its signature",
      '/api/status/participants.csv?year=2027',
      () => ({}),
    ],
    [
      'a triage decision that is not JSON',
      '/api/tab/triage/AAMkAGI2TG93AAA=',
      () => post('{"kind":', auth),
    ],
    [
      'a triage decision with an unknown kind',
      '/api/tab/triage/AAMkAGI2TG93AAA=',
      () => post('{"kind":"spam"}', auth),
    ],
    [
      'a triage decision with a meeting id that is a number',
      '/api/tab/triage/AAMkAGI2TG93AAA=',
      () => post('{"kind":"info-meeting-signup","meetingId":2}', auth),
    ],
    [
      'the info-meeting signups with a year that is no year',
      '/api/tab/info-meetings/signups?year=x',
      () => ({ headers: auth }),
    ],
    ['an address holding %00', '/api/tab/status/units/u%00', () => ({ headers: auth })],
    [
      'an address holding a broken percent-encoding',
      '/api/tab/triage/%ff',
      () => post('{"kind":"question"}', auth),
    ],
    ['the local sign-in without a person', '/api/local-sign-in/token', () => post('{}')],
    [
      'an appointment saved with nothing in it',
      '/api/local-office/appointments',
      () => post('{}', auth),
    ],
    ['a bot activity that is a list', '/api/messages', () => post('[]')],
    [
      'a bot activity without a conversation',
      '/api/messages',
      () => post(JSON.stringify({ ...activity, conversation: undefined })),
    ],
    [
      'a Graph notification without its list',
      '/api/graph/notifications',
      () => post('{"value":7}'),
    ],
  ];
  it.each(cases)('%s is answered 400 in English and Swedish', async (what, path, init) => {
    await expect400(await fetch(url(path), init()), what);
  });
});
