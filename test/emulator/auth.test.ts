// The emulator's Entra side: client credentials by secret (raw HTTP and through msal-node with a local
// authority override), Entra-shaped errors, on-behalf-of, and Graph's 401/403 for bad tokens and scope.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.js';
import { CLIENT_ID, CLIENT_SECRET, COORD, MANAGER, SHARED, TENANT_ID } from './fixture-tenant.js';
import { appToken, graph, start } from './helpers.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(async () => {
  await emu.close();
});

const form = (o: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(o),
});

describe('token endpoint', () => {
  it('issues an RS256 app token with the app roles for client credentials', async () => {
    const token = await appToken(emu);
    const [h, p] = token
      .split('.')
      .slice(0, 2)
      .map((x) => JSON.parse(Buffer.from(x, 'base64url').toString()));
    expect(h.alg).toBe('RS256');
    expect(p.aud).toBe('https://graph.microsoft.com');
    expect(p.tid).toBe(TENANT_ID);
    expect(p.appid).toBe(CLIENT_ID);
    expect(p.roles).toContain('User.Read.All');
    // Mail comes from the Exchange RBAC assignment, which is not in the token.
    expect(p.roles).not.toContain('Mail.ReadWrite');
    const jwks = await (await fetch(`${emu.url}/${TENANT_ID}/discovery/v2.0/keys`)).json();
    expect(jwks.keys[0].kid).toBe(h.kid);
  });

  it('lets msal-node obtain a token through knownAuthorities + authorityMetadata', async () => {
    const authority = `https://login.microsoftonline.com/${TENANT_ID}`;
    const meta = await (
      await fetch(`${emu.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`)
    ).json();
    const cca = new ConfidentialClientApplication({
      auth: {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        authority,
        knownAuthorities: ['login.microsoftonline.com'],
        authorityMetadata: JSON.stringify({ ...meta, issuer: `${authority}/v2.0` }),
        cloudDiscoveryMetadata: JSON.stringify({
          tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com', 'login.windows.net'],
            },
          ],
        }),
      },
    });
    const result = await cca.acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    expect(result?.accessToken).toBeTruthy();
    const me = await graph(emu, result!.accessToken)('GET', `/users/${SHARED}?$select=mail`);
    expect(me.status).toBe(200);
    expect(me.body.mail).toBe(SHARED);
  });

  it('answers a wrong secret with invalid_client and AADSTS7000215', async () => {
    const res = await fetch(
      emu.tokenUrl(TENANT_ID),
      form({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: 'nope',
        scope: 'https://graph.microsoft.com/.default',
      }),
    );
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(/^AADSTS7000215:/);
    expect(body.error_codes).toEqual([7000215]);
    expect(body).toHaveProperty('trace_id');
    expect(body).toHaveProperty('correlation_id');
  });

  it('rejects unknown apps, unknown tenants and scopes without /.default', async () => {
    const unknownApp = await fetch(
      emu.tokenUrl(TENANT_ID),
      form({
        grant_type: 'client_credentials',
        client_id: 'x',
        client_secret: 'y',
        scope: 'https://graph.microsoft.com/.default',
      }),
    );
    expect((await unknownApp.json()).error_description).toMatch(/^AADSTS700016:/);
    const unknownTenant = await fetch(
      emu.tokenUrl('00000000-0000-0000-0000-000000000000'),
      form({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        scope: 'https://graph.microsoft.com/.default',
      }),
    );
    expect((await unknownTenant.json()).error_description).toMatch(/^AADSTS90002:/);
    const badScope = await fetch(
      emu.tokenUrl(TENANT_ID),
      form({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        scope: 'Mail.Read',
      }),
    );
    expect(badScope.status).toBe(400);
    expect((await badScope.json()).error).toBe('invalid_scope');
  });

  it('exchanges a user token on-behalf-of for a delegated Graph token', async () => {
    const userToken = await emu.admin.mintUserToken({
      upn: COORD,
      audience: `api://localhost/${CLIENT_ID}`,
    });
    const res = await fetch(
      emu.tokenUrl(TENANT_ID),
      form({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        assertion: userToken,
        scope: 'https://graph.microsoft.com/.default',
        requested_token_use: 'on_behalf_of',
      }),
    );
    expect(res.status).toBe(200);
    const { access_token } = await res.json();
    const me = await graph(emu, access_token)('GET', '/me?$select=userPrincipalName');
    expect(me.status).toBe(200);
    expect(me.body.userPrincipalName).toBe(COORD);
  });
});

describe('Graph authentication and authorization', () => {
  it('answers a missing token with 401 InvalidAuthenticationToken in Graph error shape', async () => {
    const res = await graph(emu, undefined)('GET', '/users');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidAuthenticationToken');
    expect(Object.keys(res.body.error.innerError).sort()).toEqual([
      'client-request-id',
      'date',
      'request-id',
    ]);
    expect(res.headers.get('request-id')).toBe(res.body.error.innerError['request-id']);
  });

  it('rejects malformed, forged and expired tokens', async () => {
    expect((await graph(emu, 'not-a-jwt')('GET', '/users')).status).toBe(401);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({
      aud: 'https://graph.microsoft.com',
      tid: TENANT_ID,
      appid: CLIENT_ID,
      roles: ['User.Read.All'],
    })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const f = await graph(emu, forged)('GET', '/users');
    expect(f.status).toBe(401);
    expect(f.body.error.code).toBe('InvalidAuthenticationToken');
    const token = await appToken(emu);
    emu.admin.advanceClock(2 * 3600_000);
    try {
      const e = await graph(emu, token)('GET', '/users');
      expect(e.status).toBe(401);
      expect(e.body.error.message).toMatch(/expired/);
    } finally {
      emu.admin.advanceClock(-2 * 3600_000);
    }
  });

  it('keeps the app to its Exchange RBAC scope: another mailbox is 403 ErrorAccessDenied', async () => {
    const g = graph(emu, await appToken(emu));
    const res = await g('GET', `/users/${MANAGER}/messages`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ErrorAccessDenied');
  });

  it('answers calls outside the granted roles with 403', async () => {
    emu.admin.registerApp({
      clientId: 'limited-app',
      clientSecret: 's',
      displayName: 'Limited',
      roles: ['Mail.Read'],
      mailboxScope: ['*'],
      calendarScope: [],
    });
    const g = graph(emu, await appToken(emu, 'limited-app', 's'));
    const users = await g('GET', '/users');
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe('Authorization_RequestDenied');
    const send = await g('POST', `/users/${SHARED}/sendMail`, {
      message: { subject: 'x', toRecipients: [{ emailAddress: { address: COORD } }] },
    });
    expect(send.status).toBe(403);
    expect(send.body.error.code).toBe('ErrorAccessDenied');
  });

  it('grants mail through an Exchange RBAC assignment alone, within its scope', async () => {
    emu.admin.registerApp({
      clientId: 'rbac-only-app',
      clientSecret: 's',
      displayName: 'RBAC only',
      roles: [],
      rbacRoles: ['Application Mail.Read'],
      mailboxScope: [SHARED],
      calendarScope: [],
    });
    const g = graph(emu, await appToken(emu, 'rbac-only-app', 's'));
    expect((await g('GET', `/users/${SHARED}/messages`)).status).toBe(200);
    expect((await g('GET', `/users/${MANAGER}/messages`)).status).toBe(403);
    // Read is not send: the assignment names the role.
    const send = await g('POST', `/users/${SHARED}/sendMail`, {
      message: { subject: 'x', toRecipients: [{ emailAddress: { address: COORD } }] },
    });
    expect(send.status).toBe(403);
  });

  it('lets an Entra Mail.* grant reach every mailbox: no RBAC scope narrows it', async () => {
    emu.admin.registerApp({
      clientId: 'entra-mail-app',
      clientSecret: 's',
      displayName: 'Entra Mail.Read',
      roles: ['Mail.Read'],
      mailboxScope: [SHARED],
      calendarScope: [],
    });
    const g = graph(emu, await appToken(emu, 'entra-mail-app', 's'));
    expect((await g('GET', `/users/${MANAGER}/messages`)).status).toBe(200);
  });

  it('needs MailboxSettings, not Mail.*, for the master category list', async () => {
    emu.admin.registerApp({
      clientId: 'no-settings-app',
      clientSecret: 's',
      displayName: 'Mail without mailbox settings',
      roles: [],
      rbacRoles: ['Application Mail.ReadWrite', 'Application Mail.Send'],
      mailboxScope: [SHARED],
      calendarScope: [],
    });
    const without = graph(emu, await appToken(emu, 'no-settings-app', 's'));
    const denied = await without('GET', `/users/${SHARED}/outlook/masterCategories`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('ErrorAccessDenied');
    const create = await without('POST', `/users/${SHARED}/outlook/masterCategories`, {
      displayName: 'Bidrag',
      color: 'preset4',
    });
    expect(create.status).toBe(403);
    const withSettings = graph(emu, await appToken(emu));
    expect((await withSettings('GET', `/users/${SHARED}/outlook/masterCategories`)).status).toBe(
      200,
    );
  });

  it('echoes client-request-id and returns request-id', async () => {
    const g = graph(emu, await appToken(emu));
    const res = await g('GET', `/users/${SHARED}`, undefined, { 'client-request-id': 'abc-123' });
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('certificate credentials', () => {
  it('accepts a client_assertion signed with a registered certificate key (msal-node)', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const thumbprint = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678';
    emu.admin.registerApp({
      clientId: 'cert-app',
      clientSecret: 'unused-secret',
      displayName: 'Cert app',
      roles: ['User.Read.All'],
      mailboxScope: [],
      calendarScope: [],
      certificates: [
        { thumbprint, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      ],
    });
    const authority = `https://login.microsoftonline.com/${TENANT_ID}`;
    const meta = await (
      await fetch(`${emu.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`)
    ).json();
    const make = (key: string) =>
      new ConfidentialClientApplication({
        auth: {
          clientId: 'cert-app',
          clientCertificate: { thumbprint, privateKey: key },
          authority,
          knownAuthorities: ['login.microsoftonline.com'],
          authorityMetadata: JSON.stringify(meta),
          cloudDiscoveryMetadata: JSON.stringify({
            tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [
              {
                preferred_network: 'login.microsoftonline.com',
                preferred_cache: 'login.windows.net',
                aliases: ['login.microsoftonline.com'],
              },
            ],
          }),
        },
      });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const result = await make(pem).acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    const claims = JSON.parse(
      Buffer.from(result!.accessToken.split('.')[1]!, 'base64url').toString(),
    );
    expect(claims).toMatchObject({ appid: 'cert-app', appidacr: '2', roles: ['User.Read.All'] });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(
      make(other).acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      }),
    ).rejects.toThrow(/AADSTS700027/);
  });
});
