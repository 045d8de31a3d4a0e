// The tab API's token check against a tenant's published keys (served here on a local port, as Entra
// publishes them): each way a token can be wrong is refused with its reason.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenValidator, type TokenValidator } from './token.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';
const NOW = new Date('2027-03-01T10:00:00Z');
let server: Server;
let validate: TokenValidator;
let key: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  validate = createTokenValidator({
    tenantId: TENANT,
    clientId: CLIENT,
    appIdUri: `api://kvalitet.example/${CLIENT}`,
    authorityHost: 'https://login.microsoftonline.com',
    jwksUrl: `http://127.0.0.1:${port}/${TENANT}/discovery/v2.0/keys`,
    now: () => NOW,
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const iat = Math.floor(NOW.getTime() / 1000) - 60;
function token(claims: Record<string, unknown> = {}, signWith: CryptoKey = key, kid = 'k1') {
  return new SignJWT({
    aud: CLIENT,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    tid: TENANT,
    oid: 'user-1',
    upn: 'anna@stockholm.example',
    name: 'Anna',
    scp: 'access_as_user',
    ver: '2.0',
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuedAt(iat)
    .setExpirationTime((claims.exp as number | undefined) ?? iat + 3600)
    .sign(signWith);
}

describe('tab token validation', () => {
  it('accepts a v2 token for the app, and a v1 token for the Application ID URI', async () => {
    await expect(validate(await token())).resolves.toMatchObject({
      objectId: 'user-1',
      upn: 'anna@stockholm.example',
    });
    const v1 = await token({
      aud: `api://kvalitet.example/${CLIENT}`,
      iss: `https://sts.windows.net/${TENANT}/`,
      ver: '1.0',
    });
    await expect(validate(v1)).resolves.toMatchObject({ objectId: 'user-1' });
  });

  it.each([
    ['expired', { exp: iat - 100 }],
    ['wrong-audience', { aud: 'https://graph.microsoft.com' }],
    ['wrong-tenant', { tid: '99999999-2222-3333-4444-555555555555' }],
    ['wrong-issuer', { iss: 'https://evil.example/' }],
    ['missing-scope', { scp: 'User.Read' }],
    ['not-a-user', { idtyp: 'app' }],
  ])('refuses %s', async (reason, claims) => {
    await expect(validate(await token(claims))).rejects.toMatchObject({ reason });
  });

  it('refuses a token signed with another key, and one that is not a JWT', async () => {
    await expect(validate(await token({}, otherKey))).rejects.toMatchObject({
      reason: 'bad-signature',
    });
    await expect(validate(await token({}, otherKey, 'unknown-kid'))).rejects.toMatchObject({
      reason: 'bad-signature',
    });
    await expect(validate('not-a-token')).rejects.toMatchObject({ reason: 'malformed' });
  });
});
