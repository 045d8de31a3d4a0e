// The tab API through HTTP as the tab calls it: the real server in the local mode, tokens minted by
// the emulator (as the local sign-in gets them) or forged, and each role's reach: who gets 401, who
// 403, and that every answer is cut to the caller's units.
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/tab-build.mjs';
import { intakeFeatures } from '../../server/jobs/intake.js';
import { createStatusFeature } from '../../server/jobs/status.js';
import { tabFeature } from '../../server/jobs/tab.js';
import { buildManifestFiles, manifestValues } from '../../manifest/build.js';
import { startTestServer, type TestServer } from '../server/harness.js';
import { DEMO_COORDINATOR, tabToken } from '../support/tab-token.js';

let server: TestServer;
let coordinator: string;
let manager: { upn: string; unitId: string; token: string };
let otherUnitId: string;

const api = (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/tab${path}`, {
    ...init,
    headers: {
      ...(init.headers as Record<string, string>),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });

beforeAll(async () => {
  await buildTab();
  server = await startTestServer(
    { AWARD_NOW: '2026-12-07T10:00:00+01:00' },
    { features: [...intakeFeatures(), tabFeature(), createStatusFeature()] },
  );
  coordinator = await tabToken(server.emulatorUrl!, DEMO_COORDINATOR);
  const units = await server.store.units.list();
  const participations = await server.store.participations.list({ year: 2026 });
  const taking = units.filter((u) => participations.some((p) => p.unitId === u.id));
  const mine = taking[0]!;
  otherUnitId = taking.find((u) => u.managerEmail !== mine.managerEmail)!.id;
  manager = {
    upn: mine.managerEmail,
    unitId: mine.id,
    token: await tabToken(server.emulatorUrl!, mine.managerEmail),
  };
});

afterAll(async () => {
  await server?.stop();
});

describe('tab API sign-in', () => {
  it('answers 401 without a token, with a malformed, expired, wrong-audience or forged one', async () => {
    const expectRejected = async (token: string | undefined, reason?: string) => {
      const res = await api('/me', token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = (await res.json()) as { error: { code: string; reason?: string } };
      if (reason) expect(body.error.reason).toBe(reason);
    };
    await expectRejected(undefined);
    await expectRejected('not.a-token');
    await expectRejected(
      await tabToken(server.emulatorUrl!, DEMO_COORDINATOR, { lifetimeSeconds: -600 }),
      'expired',
    );
    await expectRejected(
      await tabToken(server.emulatorUrl!, DEMO_COORDINATOR, {
        audience: 'https://graph.microsoft.com',
      }),
      'wrong-audience',
    );
    await expectRejected(
      await tabToken(server.emulatorUrl!, DEMO_COORDINATOR, { scopes: ['User.Read'] }),
      'missing-scope',
    );
    // The same claims as a valid token, signed by someone else's key.
    const claims = decodeJwt(coordinator);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .sign(privateKey);
    await expectRejected(forged, 'bad-signature');
    // Another tenant's token (signed by that tenant, here a stranger's key): refused.
    const otherTenant = await new SignJWT({
      ...claims,
      tid: '00000000-0000-0000-0000-000000000001',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'other-tenant' })
      .sign(privateKey);
    await expectRejected(otherTenant);
  });

  it('tells each person who they are to the award', async () => {
    const me = (await (await api('/me', coordinator)).json()) as { roles: string[] };
    expect(me.roles).toContain('coordinator');
    const theirs = (await (await api('/me', manager.token)).json()) as {
      roles: string[];
      units: { unitId: string }[];
    };
    expect(theirs.roles).toEqual(['unit-manager']);
    expect(theirs.units.map((u) => u.unitId)).toContain(manager.unitId);
  });
});

describe('tab API per role and unit', () => {
  it('gives a unit manager only their own units, and 403 for anyone else’s', async () => {
    const list = (await (await api('/units?year=2026', manager.token)).json()) as {
      items: { unitId: string }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    for (const row of list.items)
      expect(
        (await (await api('/me', manager.token)).json()).units.map(
          (u: { unitId: string }) => u.unitId,
        ),
      ).toContain(row.unitId);
    expect((await api(`/units/${manager.unitId}?year=2026`, manager.token)).status).toBe(200);
    expect((await api(`/units/${otherUnitId}?year=2026`, manager.token)).status).toBe(403);
    const withdraw = await api(`/units/${otherUnitId}/withdraw`, manager.token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2026, confirm: true }),
    });
    expect(withdraw.status).toBe(403);
  });

  it('keeps the triage queue, the CSV and the numbers for coordinators', async () => {
    expect((await api('/triage', manager.token)).status).toBe(403);
    expect((await api('/status/participants.csv?year=2026', manager.token)).status).toBe(403);
    const overview = (await (await api('/overview', manager.token)).json()) as {
      years: { byState?: unknown }[];
      deadlines: unknown[];
    };
    expect(overview.years.every((y) => y.byState === undefined)).toBe(true);
    expect((await api('/triage', coordinator)).status).toBe(200);
    // The one participant list (the status feature's, the bot's link gives the same), for Excel.
    const csv = await api('/status/participants.csv?year=2026', coordinator);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toContain('Enhet;Tävlingsklass;Nämnd/förvaltning');
    const all = (await (await api('/units?year=2026&all=true', coordinator)).json()) as {
      items: { name: string; state: string }[];
    };
    const takingPart = all.items.filter((u) => !['withdrawn', 'not-eligible'].includes(u.state));
    expect(text.trim().split('\r\n')).toHaveLength(takingPart.length + 1);
    expect(text).toContain(takingPart[0]!.name);
    expect((await api('/units.csv?year=2026', coordinator)).status).toBe(404);
  });

  it('answers bad input with 400 and a message', async () => {
    const bad = await api('/units?year=1999', coordinator);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBeTruthy();
    expect((await api('/units?state=nonsense', coordinator)).status).toBe(400);
    const unconfirmed = await api(`/units/${manager.unitId}/withdraw`, manager.token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2026 }),
    });
    expect(unconfirmed.status).toBe(400);
  });
});

describe('the manifest and the served tab', () => {
  it('points every tab, add-in page and icon at something the server serves, on a valid domain', async () => {
    const values = manifestValues({
      mode: 'local',
      version: server.config.version,
      port: server.port,
      aadAppId: server.config.m365.clientId,
    });
    const manifest = JSON.parse(buildManifestFiles(values)['manifest.json']) as Record<
      string,
      unknown
    >;
    const urls = new Set<string>();
    const walk = (v: unknown) => {
      if (typeof v === 'string' && /^https:\/\//.test(v)) urls.add(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(manifest);
    const domains = manifest.validDomains as string[];
    const served = [...urls].filter((u) => new URL(u).host === values.publicHostname);
    expect(served.length).toBeGreaterThan(5);
    for (const url of served) {
      expect(domains).toContain(new URL(url).host);
      // The manifest says https; the local server answers plain http on the same host and path.
      const local = new URL(url.replace('{locale}', 'sv-SE'));
      const res = await fetch(`${server.url}${local.pathname}${local.search}`);
      expect(res.status, url).toBe(200);
    }
    // The tab's page is the built React app.
    const page = await (await fetch(`${server.url}/tab/?locale=sv-SE`)).text();
    const script = /<script[^>]+src="([^"]+)"/.exec(page)?.[1];
    expect(script).toMatch(/^\/tab\/assets\//);
    expect((await fetch(`${server.url}${script}`)).status).toBe(200);
  });

  it('accepts an SSO token whose audience is webApplicationInfo.resource', async () => {
    const values = manifestValues({
      mode: 'local',
      version: server.config.version,
      port: server.port,
      aadAppId: server.config.m365.clientId,
    });
    const manifest = JSON.parse(buildManifestFiles(values)['manifest.json']) as {
      webApplicationInfo: { id: string; resource: string };
    };
    expect(manifest.webApplicationInfo.id).toBe(server.config.m365.clientId);
    const token = await tabToken(server.emulatorUrl!, DEMO_COORDINATOR, {
      audience: manifest.webApplicationInfo.resource,
    });
    expect((await api('/me', token)).status).toBe(200);
  });
});
