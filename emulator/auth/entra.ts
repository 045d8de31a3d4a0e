// The Entra ID (login.microsoftonline.com) side: OpenID metadata, JWKS and the v2.0 token endpoint
// with client credentials (secret or certificate assertion) and on-behalf-of. Errors in Entra's shape:
// { error, error_description: "AADSTSnnnn: ...", error_codes, timestamp, trace_id, correlation_id, error_uri }.
import { createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { Clock } from '../clock.js';
import { guid } from '../ids.js';
import type { GraphResponse } from '../router.js';
import type { AppRec, StateData } from '../state/model.js';
import type { SigningKeys } from './keys.js';
import {
  GRAPH_APP_ID,
  GRAPH_AUDIENCE,
  TOKEN_LIFETIME_S,
  TokenProblem,
  type TokenService,
} from './tokens.js';

export interface EntraDeps {
  data: () => StateData;
  keys: SigningKeys;
  tokens: TokenService;
  clock: Clock;
  /** The emulator's own base URL (http://127.0.0.1:3979). */
  baseUrl: () => string;
  /** Delegated scopes granted to a user token obtained on-behalf-of with /.default. */
  defaultDelegatedScopes: string[];
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function entraError(
  clock: Clock,
  status: number,
  error: string,
  code: number,
  description: string,
): GraphResponse {
  const trace = guid();
  const corr = guid();
  const ts = clock
    .now()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${trace} Correlation ID: ${corr} Timestamp: ${ts}`,
      error_codes: [code],
      timestamp: ts,
      trace_id: trace,
      correlation_id: corr,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

function tenantMatches(data: StateData, tenant: string): boolean {
  const t = tenant.toLowerCase();
  return t === data.tenantId.toLowerCase() || t === data.domain.toLowerCase();
}

export function openIdConfiguration(deps: EntraDeps, tenant: string): GraphResponse {
  const data = deps.data();
  if (!tenantMatches(data, tenant))
    return entraError(deps.clock, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
  const base = deps.baseUrl();
  const tid = data.tenantId;
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/${tid}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: [
        'client_secret_post',
        'private_key_jwt',
        'client_secret_basic',
      ],
      jwks_uri: `${base}/${tid}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `https://login.microsoftonline.com/${tid}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/oidc/userinfo`,
      authorization_endpoint: `${base}/${tid}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/${tid}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/${tid}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'acr',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'ver',
        'at_hash',
        'c_hash',
        'email',
      ],
      kerberos_endpoint: `${base}/${tid}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    },
  };
}

export function jwks(deps: EntraDeps): GraphResponse {
  return { status: 200, body: deps.keys.jwks };
}

/** Which app a request authenticates as, checking the secret or certificate assertion. */
async function authenticateClient(
  deps: EntraDeps,
  form: URLSearchParams,
  headers: Record<string, string>,
  tokenEndpoint: string,
): Promise<{ app: AppRec; appidacr: '1' | '2' } | GraphResponse> {
  const data = deps.data();
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+(.+)$/i.exec(headers['authorization'] ?? '');
  if (basic) {
    const [id, pw] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    clientId = clientId ?? decodeURIComponent(id ?? '');
    secret = secret ?? decodeURIComponent(pw ?? '');
  }
  const assertion = form.get('client_assertion');
  if (!clientId && assertion) {
    try {
      const claims = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString());
      clientId = typeof claims.iss === 'string' ? claims.iss : undefined;
    } catch {
      // reported below as a missing client_id
    }
  }
  if (!clientId)
    return entraError(
      deps.clock,
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  const app = data.apps.find((a) => a.clientId.toLowerCase() === clientId!.toLowerCase());
  if (!app)
    return entraError(
      deps.clock,
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${data.domain}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  if (assertion) {
    if (form.get('client_assertion_type') !== ASSERTION_TYPE)
      return entraError(
        deps.clock,
        400,
        'invalid_request',
        50027,
        'Invalid client_assertion_type.',
      );
    return verifyAssertion(deps, app, assertion, tokenEndpoint);
  }
  if (!secret)
    return entraError(
      deps.clock,
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  if (secret !== app.clientSecret)
    return entraError(
      deps.clock,
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
    );
  return { app, appidacr: '1' };
}

async function verifyAssertion(
  deps: EntraDeps,
  app: AppRec,
  assertion: string,
  tokenEndpoint: string,
): Promise<{ app: AppRec; appidacr: '2' } | GraphResponse> {
  const certs = app.certificates ?? [];
  let header: { x5t?: string; 'x5t#S256'?: string };
  try {
    header = decodeProtectedHeader(assertion) as typeof header;
  } catch {
    return entraError(
      deps.clock,
      400,
      'invalid_client',
      50027,
      'JWT token is invalid or malformed.',
    );
  }
  const thumb = header['x5t#S256'] ?? header.x5t;
  const candidates = certs.filter(
    (c) => !c.thumbprint || !thumb || sameThumbprint(c.thumbprint, thumb),
  );
  for (const c of candidates) {
    try {
      const key = createPublicKey(c.publicKeyPem);
      const { payload } = await jwtVerify(assertion, key, {
        currentDate: deps.clock.now(),
        clockTolerance: 300,
      });
      const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      const okAud = aud.some(
        (a) => a === tokenEndpoint || (typeof a === 'string' && a.endsWith('/oauth2/v2.0/token')),
      );
      if (payload.iss !== app.clientId || payload.sub !== app.clientId || !okAud) continue;
      return { app, appidacr: '2' };
    } catch {
      // try the next certificate
    }
  }
  return entraError(
    deps.clock,
    401,
    'invalid_client',
    700027,
    `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumb ?? ''}']`,
  );
}

function sameThumbprint(registered: string, headerValue: string): boolean {
  // x5t is base64url of the SHA-1 digest; registered thumbprints are usually hex.
  const hex = Buffer.from(headerValue, 'base64url').toString('hex');
  const reg = registered.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return reg === hex || registered === headerValue;
}

function graphScope(scope: string | null): 'default' | string[] | undefined {
  if (!scope) return undefined;
  const parts = scope
    .split(/\s+/)
    .filter(Boolean)
    .filter((s) => !['openid', 'profile', 'offline_access', 'email'].includes(s));
  const resources = [`${GRAPH_AUDIENCE}/`, `${GRAPH_APP_ID}/`, 'https://graph.microsoft.com//'];
  const named: string[] = [];
  for (const p of parts) {
    const r = resources.find((prefix) => p.toLowerCase().startsWith(prefix));
    if (!r && !/^[\w.]+$/.test(p)) return undefined;
    const name = r ? p.slice(r.length) : p;
    if (name === '.default') return 'default';
    named.push(name);
  }
  return named.length ? named : undefined;
}

export async function tokenEndpoint(
  deps: EntraDeps,
  tenant: string,
  form: URLSearchParams,
  headers: Record<string, string>,
): Promise<GraphResponse> {
  const data = deps.data();
  if (!tenantMatches(data, tenant))
    return entraError(
      deps.clock,
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  const endpoint = `${deps.baseUrl()}/${tenant}/oauth2/v2.0/token`;
  const grant = form.get('grant_type');
  if (!grant)
    return entraError(
      deps.clock,
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
    );
  const client = await authenticateClient(deps, form, headers, endpoint);
  if ('status' in client) return client;
  const { app, appidacr } = client;

  if (grant === 'client_credentials') {
    const scope = form.get('scope');
    const parsed = graphScope(scope);
    if (parsed !== 'default')
      return entraError(
        deps.clock,
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    const token = await deps.tokens.appToken({
      tenantId: data.tenantId,
      appId: app.clientId,
      appDisplayName: app.displayName,
      servicePrincipalId: app.servicePrincipalId,
      roles: app.roles,
      appidacr,
    });
    return tokenResponse(token);
  }

  if (grant === JWT_BEARER) {
    if (form.get('requested_token_use') !== 'on_behalf_of')
      return entraError(
        deps.clock,
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'requested_token_use'.",
      );
    const assertion = form.get('assertion');
    if (!assertion)
      return entraError(
        deps.clock,
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'assertion'.",
      );
    let claims;
    try {
      claims = await deps.tokens.verify(
        assertion,
        (aud) =>
          aud === app.clientId ||
          aud.endsWith(`/${app.clientId}`) ||
          aud === `api://${app.clientId}`,
      );
    } catch (e) {
      const why = e instanceof TokenProblem ? e.message : 'invalid';
      if (/expired/.test(why))
        return entraError(
          deps.clock,
          400,
          'invalid_grant',
          500133,
          'Assertion is not within its valid time range.',
        );
      return entraError(
        deps.clock,
        400,
        'invalid_grant',
        50027,
        `JWT token is invalid or malformed. ${why}`,
      );
    }
    const user = data.users.find((u) => u.id === claims.oid);
    if (!user || claims.tid !== data.tenantId)
      return entraError(
        deps.clock,
        400,
        'invalid_grant',
        50034,
        'The user account does not exist in the directory.',
      );
    const parsed = graphScope(form.get('scope'));
    if (!parsed)
      return entraError(
        deps.clock,
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid.`,
      );
    const scopes = parsed === 'default' ? deps.defaultDelegatedScopes : parsed;
    const token = await deps.tokens.userToken({
      tenantId: data.tenantId,
      userId: user.id!,
      upn: user.userPrincipalName ?? '',
      name: user.displayName ?? '',
      audience: GRAPH_AUDIENCE,
      clientId: app.clientId,
      scopes,
      version: '1.0',
    });
    return tokenResponse(token, scopes.join(' '));
  }

  return entraError(
    deps.clock,
    400,
    'unsupported_grant_type',
    70003,
    `The app requested an unsupported grant type '${grant}'.`,
  );
}

function tokenResponse(token: string, scope?: string): GraphResponse {
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
    body: {
      token_type: 'Bearer',
      ...(scope ? { scope } : {}),
      expires_in: TOKEN_LIFETIME_S,
      ext_expires_in: TOKEN_LIFETIME_S,
      access_token: token,
    },
  };
}
