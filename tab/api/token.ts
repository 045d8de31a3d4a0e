// The one place a user's token for the tab API is checked (tab SSO in Teams/Outlook, the add-in, and
// the local sign-in): RS256 signature from the tenant's published keys (the emulator's in the local
// mode, fetched the same way), audience = the tab's app (client id for v2 tokens, the Application ID
// URI api://<host>/<client id> for v1), issuer and `tid` of our tenant, lifetime, and the delegated
// scope `access_as_user`. Entra's rules: https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';

export const TAB_SCOPE = 'access_as_user';

export interface TokenValidatorOptions {
  tenantId: string;
  clientId: string;
  /** api://<host>/<client id>: the Application ID URI the tab's SSO token carries as `aud` (v1). */
  appIdUri?: string;
  /** https://login.microsoftonline.com (national clouds differ); issuers are built on it. */
  authorityHost: string;
  /** Where the signing keys are published: `{authority}/{tenant}/discovery/v2.0/keys`. */
  jwksUrl: string;
  /** The app's clock (AWARD_NOW moves it, and the emulator issues tokens on the same clock). */
  now: () => Date;
  /** Seconds of clock skew tolerated on exp/nbf. */
  clockToleranceS?: number;
}

export interface VerifiedUser {
  objectId: string;
  tenantId: string;
  upn?: string;
  name?: string;
  scopes: string[];
}

export type TokenRejectReason =
  | 'malformed'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'wrong-tenant'
  | 'missing-scope'
  | 'not-a-user'
  | 'keys-unavailable';

export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';
  constructor(
    readonly reason: TokenRejectReason,
    message: string,
  ) {
    super(message);
  }
}

export type TokenValidator = (token: string) => Promise<VerifiedUser>;

export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: 30_000,
    cacheMaxAge: 60 * 60_000,
  });
  const tid = options.tenantId.toLowerCase();
  const host = options.authorityHost.replace(/\/+$/, '');
  const issuers = [
    `${host}/${options.tenantId}/v2.0`,
    `https://sts.windows.net/${options.tenantId}/`,
  ];
  if (host !== 'https://login.microsoftonline.com')
    issuers.push(`https://login.microsoftonline.com/${options.tenantId}/v2.0`);
  const audiences = [options.clientId, ...(options.appIdUri ? [options.appIdUri] : [])];

  return async (token) => {
    if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token))
      throw new TokenRejected('malformed', 'The token is not a JWT.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        currentDate: options.now(),
        clockTolerance: options.clockToleranceS ?? 60,
        requiredClaims: ['exp', 'iat', 'aud', 'iss', 'tid', 'oid'],
      }));
    } catch (e) {
      throw rejection(e);
    }
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud ?? ''];
    if (!aud.some((a) => audiences.includes(a)))
      throw new TokenRejected('wrong-audience', 'The token is not for this app.');
    if (String(payload.tid).toLowerCase() !== tid)
      throw new TokenRejected('wrong-tenant', 'The token is from another tenant.');
    if (!issuers.includes(String(payload.iss)))
      throw new TokenRejected('wrong-issuer', 'The token has an unexpected issuer.');
    if (payload.idtyp === 'app')
      throw new TokenRejected('not-a-user', 'An app-only token cannot sign in to the tab.');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
    if (!scopes.includes(TAB_SCOPE))
      throw new TokenRejected('missing-scope', `The token lacks the scope ${TAB_SCOPE}.`);
    const upn =
      typeof payload.upn === 'string'
        ? payload.upn
        : typeof payload.preferred_username === 'string'
          ? payload.preferred_username
          : undefined;
    return {
      objectId: String(payload.oid),
      tenantId: String(payload.tid),
      ...(upn ? { upn } : {}),
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
      scopes,
    };
  };
}

function rejection(e: unknown): TokenRejected {
  if (e instanceof TokenRejected) return e;
  if (e instanceof joseErrors.JWTExpired)
    return new TokenRejected('expired', 'The token has expired.');
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    if (e.claim === 'nbf') return new TokenRejected('not-yet-valid', 'The token is not valid yet.');
    return new TokenRejected('malformed', `The token lacks a valid ${e.claim} claim.`);
  }
  if (
    e instanceof joseErrors.JWSSignatureVerificationFailed ||
    e instanceof joseErrors.JWKSNoMatchingKey ||
    e instanceof joseErrors.JOSEAlgNotAllowed
  )
    return new TokenRejected('bad-signature', 'The token is not signed by the tenant.');
  if (e instanceof joseErrors.JWKSTimeout || (e instanceof Error && /fetch|ECONN/i.test(e.message)))
    return new TokenRejected('keys-unavailable', 'The signing keys could not be fetched.');
  return new TokenRejected('malformed', 'The token could not be read.');
}
