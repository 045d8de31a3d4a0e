// Token provider: msal-node against a local token endpoint (no discovery calls), caching, renewal
// before expiry, on-behalf-of.
import { describe, expect, it } from 'vitest';
import { createTokenProvider, localAuthorityMetadata } from './auth.js';

const TENANT = '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17';
const CLIENT = '0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f';

function fakeNetwork(expiresIn = 3600) {
  const posts: { url: string; body: URLSearchParams }[] = [];
  const gets: string[] = [];
  let n = 0;
  return {
    posts,
    gets,
    client: {
      async sendGetRequestAsync<T>(url: string) {
        gets.push(url);
        return { status: 404, headers: {}, body: {} as T };
      },
      async sendPostRequestAsync<T>(url: string, options?: { body?: string }) {
        const body = new URLSearchParams(options?.body ?? '');
        posts.push({ url, body });
        n++;
        return {
          status: 200,
          headers: {},
          body: {
            token_type: 'Bearer',
            expires_in: expiresIn,
            ext_expires_in: expiresIn,
            access_token: `tok-${n}`,
          } as T,
        };
      },
    },
  };
}

describe('createTokenProvider', () => {
  it('gets an app token from the local endpoint without any discovery call', async () => {
    const net = fakeNetwork();
    const tp = createTokenProvider({
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 'local-demo-secret-kvalitet',
      localTokenEndpoint: 'http://127.0.0.1:3979',
      networkClient: net.client,
    });
    expect(await tp.getAppToken()).toBe('tok-1');
    expect(net.gets).toEqual([]);
    expect(net.posts).toHaveLength(1);
    expect(net.posts[0]!.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:3979/${TENANT}/oauth2/v2\\.0/token`),
    );
    const body = net.posts[0]!.body;
    expect(body.get('grant_type')).toBe('client_credentials');
    expect(body.get('client_id')).toBe(CLIENT);
    expect(body.get('client_secret')).toBe('local-demo-secret-kvalitet');
    expect(body.get('scope')).toContain('https://graph.microsoft.com/.default');
  });

  it('serves the cached token, then renews it a few minutes before it expires', async () => {
    const net = fakeNetwork(3600);
    let now = Date.now();
    const tp = createTokenProvider({
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 's',
      localTokenEndpoint: 'http://127.0.0.1:3979',
      networkClient: net.client,
      now: () => now,
      refreshSkewMs: 5 * 60_000,
    });
    const [a, b] = await Promise.all([tp.getAppToken(), tp.getAppToken()]);
    expect([a, b]).toEqual(['tok-1', 'tok-1']);
    now += 50 * 60_000;
    expect(await tp.getAppToken()).toBe('tok-1');
    now += 6 * 60_000; // 4 minutes before expiry: inside the skew
    expect(await tp.getAppToken()).toBe('tok-2');
    expect(net.posts).toHaveLength(2);
  });

  it('exchanges a user token on behalf of the user', async () => {
    const net = fakeNetwork();
    const tp = createTokenProvider({
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 's',
      localTokenEndpoint: 'http://127.0.0.1:3979',
      networkClient: net.client,
    });
    const token = await tp.getOboToken('user.jwt.assertion', [
      'https://graph.microsoft.com/Calendars.ReadWrite',
    ]);
    expect(token).toBe('tok-1');
    const body = net.posts[0]!.body;
    expect(body.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(body.get('assertion')).toBe('user.jwt.assertion');
    expect(body.get('requested_token_use')).toBe('on_behalf_of');
    // Same user, same scopes: cached.
    await tp.getOboToken('user.jwt.assertion', ['https://graph.microsoft.com/Calendars.ReadWrite']);
    expect(net.posts).toHaveLength(1);
  });

  it('refuses to start without a secret or certificate, and reports token failures as unauthorized', async () => {
    expect(() => createTokenProvider({ tenantId: TENANT, clientId: CLIENT })).toThrow(
      /secret or a client certificate/,
    );
    const tp = createTokenProvider({
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 'wrong',
      localTokenEndpoint: 'http://127.0.0.1:3979',
      networkClient: {
        sendGetRequestAsync: async <T>() => ({ status: 404, headers: {}, body: {} as T }),
        sendPostRequestAsync: async <T>() => ({
          status: 401,
          headers: {},
          body: {
            error: 'invalid_client',
            error_description: 'AADSTS7000215: Invalid client secret provided.',
          } as T,
        }),
      },
    });
    await expect(tp.getAppToken()).rejects.toMatchObject({ reason: 'unauthorized' });
  });

  it('describes the local endpoints so msal-node never needs discovery', () => {
    const m = localAuthorityMetadata(
      'http://127.0.0.1:3979/',
      TENANT,
      'https://login.microsoftonline.com',
    );
    const meta = JSON.parse(m.authorityMetadata);
    expect(meta.token_endpoint).toBe(`http://127.0.0.1:3979/${TENANT}/oauth2/v2.0/token`);
    expect(meta.issuer).toBe(`http://127.0.0.1:3979/${TENANT}/v2.0`);
    expect(m.knownAuthorities).toEqual(['login.microsoftonline.com']);
    expect(JSON.parse(m.cloudDiscoveryMetadata).metadata[0].aliases).toContain(
      'login.microsoftonline.com',
    );
  });
});
