// App-only and on-behalf-of tokens for Graph through msal-node's confidential client.
// Against a local token endpoint (the emulator) the authority stays https (msal-node refuses http)
// and the endpoints come from authorityMetadata/cloudDiscoveryMetadata, so msal makes no discovery call.
import {
  ConfidentialClientApplication,
  type AuthenticationResult,
  type Configuration,
  type INetworkModule,
} from '@azure/msal-node';
import { createHash } from 'node:crypto';
import { localError } from './errors.js';

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export interface ClientCertificate {
  /** SHA-256 thumbprint (hex) — preferred by Entra; or `thumbprint` (SHA-1 hex) for older setups. */
  thumbprintSha256?: string;
  thumbprint?: string;
  /** PEM private key (-----BEGIN PRIVATE KEY-----). */
  privateKey: string;
  /** Optional public certificate chain (PEM) for subject-name/issuer auth. */
  x5c?: string;
}

export interface TokenProviderOptions {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificate?: ClientCertificate;
  /** https://login.microsoftonline.com by default (AUTHORITY_HOST for national clouds). */
  authorityHost?: string;
  /**
   * Base URL of a local Entra-like token service (the emulator, e.g. http://127.0.0.1:3979):
   * tokens are then posted to `${localTokenEndpoint}/${tenantId}/oauth2/v2.0/token`.
   */
  localTokenEndpoint?: string;
  /** Refresh a cached token this long before it expires (default 5 minutes). */
  refreshSkewMs?: number;
  /** Injected clock (ms since epoch) for tests. */
  now?: () => number;
  /** msal's network module, replaceable in tests. */
  networkClient?: INetworkModule;
}

export interface TokenProvider {
  /**
   * App-only token (client credentials) for Graph, cached and renewed before expiry.
   * forceRefresh: a new one now (after Graph answered 401 to the cached one).
   */
  getAppToken(scopes?: string[], options?: { forceRefresh?: boolean }): Promise<string>;
  /** Token for the tab's signed-in user, exchanged from the user's token (on-behalf-of). */
  getOboToken(userAssertion: string, scopes: string[]): Promise<string>;
}

interface CachedToken {
  token: string;
  expiresAtMs: number;
}

/** The endpoints msal-node needs for a local token service, so it never calls discovery. */
export function localAuthorityMetadata(localBase: string, tenantId: string, authorityHost: string) {
  const base = localBase.replace(/\/+$/, '');
  const host = new URL(authorityHost).host;
  const authorityMetadata = {
    token_endpoint: `${base}/${tenantId}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/${tenantId}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/${tenantId}/oauth2/v2.0/logout`,
    device_authorization_endpoint: `${base}/${tenantId}/oauth2/v2.0/devicecode`,
    issuer: `${base}/${tenantId}/v2.0`,
    jwks_uri: `${base}/${tenantId}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid'],
  };
  const cloudDiscoveryMetadata = {
    tenant_discovery_endpoint: `${base}/${tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
  return {
    authorityMetadata: JSON.stringify(authorityMetadata),
    cloudDiscoveryMetadata: JSON.stringify(cloudDiscoveryMetadata),
    knownAuthorities: [host],
  };
}

export function createTokenProvider(opts: TokenProviderOptions): TokenProvider {
  if (!opts.clientSecret && !opts.certificate) {
    throw localError('unauthorized', 'Graph auth needs a client secret or a client certificate');
  }
  const now = opts.now ?? Date.now;
  const skew = opts.refreshSkewMs ?? 5 * 60_000;
  const authorityHost = (opts.authorityHost ?? 'https://login.microsoftonline.com').replace(
    /\/+$/,
    '',
  );
  const authority = `${authorityHost}/${opts.tenantId}`;

  const auth: Configuration['auth'] = { clientId: opts.clientId, authority };
  if (opts.clientSecret) auth.clientSecret = opts.clientSecret;
  else if (opts.certificate) {
    auth.clientCertificate = {
      privateKey: opts.certificate.privateKey,
      ...(opts.certificate.thumbprintSha256
        ? { thumbprintSha256: opts.certificate.thumbprintSha256 }
        : { thumbprint: opts.certificate.thumbprint }),
      ...(opts.certificate.x5c ? { x5c: opts.certificate.x5c } : {}),
    };
  }
  if (opts.localTokenEndpoint) {
    Object.assign(auth, localAuthorityMetadata(opts.localTokenEndpoint, opts.tenantId, authority));
  }
  const msal = new ConfidentialClientApplication({
    auth,
    system: opts.networkClient ? { networkClient: opts.networkClient } : {},
  });

  const appCache = new Map<string, CachedToken>();
  const oboCache = new Map<string, CachedToken>();
  const inFlight = new Map<string, Promise<string>>();

  const fresh = (c: CachedToken | undefined) => c !== undefined && c.expiresAtMs - skew > now();

  function remember(cache: Map<string, CachedToken>, key: string, r: AuthenticationResult | null) {
    if (!r?.accessToken) {
      throw localError('unauthorized', 'The token endpoint returned no access token');
    }
    const expiresAtMs = r.expiresOn ? r.expiresOn.getTime() : now() + 60 * 60_000;
    cache.set(key, { token: r.accessToken, expiresAtMs });
    return r.accessToken;
  }

  // One request per key at a time: a burst of Graph calls at start-up shares one token request.
  function singleFlight(key: string, fn: () => Promise<string>): Promise<string> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const p = fn().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  }

  async function wrapAuthFailure<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw localError('unauthorized', `Token request failed: ${msg}`, { cause: e });
    }
  }

  return {
    async getAppToken(scopes = [GRAPH_DEFAULT_SCOPE], options = {}) {
      const key = scopes.slice().sort().join(' ');
      const cached = appCache.get(key);
      if (options.forceRefresh) appCache.delete(key);
      else if (fresh(cached)) return cached!.token;
      return singleFlight(`app:${key}`, () =>
        wrapAuthFailure(async () => {
          // skipCache: msal's own cache would hand back the same token until it expires,
          // and we want a new one a few minutes before.
          const r = await msal.acquireTokenByClientCredential({
            scopes,
            skipCache: cached !== undefined,
          });
          return remember(appCache, key, r);
        }),
      );
    },

    async getOboToken(userAssertion, scopes) {
      const assertionHash = createHash('sha256').update(userAssertion).digest('base64url');
      const key = `${assertionHash} ${scopes.slice().sort().join(' ')}`;
      const cached = oboCache.get(key);
      if (fresh(cached)) return cached!.token;
      // Drop entries that expired long ago so the per-user cache doesn't grow forever.
      for (const [k, v] of oboCache) if (v.expiresAtMs < now()) oboCache.delete(k);
      return singleFlight(`obo:${key}`, () =>
        wrapAuthFailure(async () => {
          const r = await msal.acquireTokenOnBehalfOf({
            oboAssertion: userAssertion,
            scopes,
            skipCache: cached !== undefined,
          });
          return remember(oboCache, key, r);
        }),
      );
    },
  };
}

/** A fixed-token provider for tests and scripts. */
export function staticTokenProvider(token: string): TokenProvider {
  return {
    getAppToken: async () => token,
    getOboToken: async () => token,
  };
}
