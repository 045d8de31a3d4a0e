// With BOT_APP_ID set the bot endpoint wants a valid JWT: none, a garbled one, a forged one (wrong
// key) or one for another app get 401; a token signed by the authority's published key gets through.
// The authority is a local JWKS server (AUTHORITY_HOST), so the test needs no network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postActivity, startTestServer, teamsMessage, type TestServer } from './harness.js';

const BOT_APP_ID = '7c0f5a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
const BOT_TENANT_ID = '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17';

let server: TestServer;
let jwksServer: Server;
let authority: string;
let signingKey: CryptoKey;
let otherKey: CryptoKey;

async function token(key: CryptoKey, expiresAt: string | number = '10m'): Promise<string> {
  return new SignJWT({ serviceurl: 'https://smba.trafficmanager.net/emea/' })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1' })
    .setIssuer(`${authority}/${BOT_TENANT_ID}/v2.0`)
    .setAudience(BOT_APP_ID)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(expiresAt)
    .sign(key);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = {
    ...(await exportJWK(pair.publicKey)),
    kid: 'test-key-1',
    use: 'sig',
    alg: 'RS256',
  };
  jwksServer = createServer((req, res) => {
    if (req.url === `/${BOT_TENANT_ID}/discovery/v2.0/keys`) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  authority = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
  server = await startTestServer({ BOT_APP_ID, BOT_TENANT_ID, AUTHORITY_HOST: authority });
});

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => jwksServer?.close(() => resolve()));
});

// A token-carrying request without serviceUrl: replies come back in the body (expectReplies) and the
// bot never needs its own outbound token.
const activity = () => teamsMessage('hjälp', { serviceUrl: undefined });

describe('bot endpoint with BOT_APP_ID', () => {
  it('answers 401 without an Authorization header', async () => {
    const res = await postActivity(server, activity());
    expect(res.status).toBe(401);
  });

  it('answers 401 to a header that is not a bearer token', async () => {
    const res = await postActivity(server, activity(), { authorization: 'Basic dXNlcjpwYXNz' });
    expect(res.status).toBe(401);
  });

  it('answers 401 to a garbled token', async () => {
    const res = await postActivity(server, activity(), { authorization: 'Bearer not.a.jwt' });
    expect(res.status).toBe(401);
  });

  it('answers 401 to a token forged with another key', async () => {
    const res = await postActivity(server, activity(), {
      authorization: `Bearer ${await token(otherKey)}`,
    });
    expect(res.status).toBe(401);
  });

  it('answers 401 to a token for another app', async () => {
    const forOther = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1' })
      .setIssuer(`${authority}/${BOT_TENANT_ID}/v2.0`)
      .setAudience('00000000-0000-4000-8000-000000000000')
      .setExpirationTime('10m')
      .sign(signingKey);
    const res = await postActivity(server, activity(), { authorization: `Bearer ${forOther}` });
    expect(res.status).toBe(401);
  });

  it('answers 401 to an expired token', async () => {
    // An hour past expiry: beyond the SDK's five minutes of clock tolerance.
    const expired = await token(signingKey, Math.floor(Date.now() / 1000) - 3600);
    const res = await postActivity(server, activity(), { authorization: `Bearer ${expired}` });
    expect(res.status).toBe(401);
  });

  it('does not even parse the body of an unauthenticated request', async () => {
    const res = await postActivity(server, '{not json');
    expect(res.status).toBe(401);
  });

  it("accepts a token signed by the authority's key and answers with the help card", async () => {
    const res = await postActivity(server, activity(), {
      authorization: `Bearer ${await token(signingKey)}`,
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('application/vnd.microsoft.card.adaptive');
  });
});
