// Minting and checking the emulator's JWTs: app-only Graph tokens (v1, like Entra issues for Graph),
// delegated user tokens for the app's own API (v2, for the tab), and Graph tokens obtained on-behalf-of.
import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { guid } from '../ids.js';
import type { SigningKeys } from './keys.js';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const TOKEN_LIFETIME_S = 3599;

export interface AppTokenInput {
  tenantId: string;
  appId: string;
  appDisplayName: string;
  servicePrincipalId: string;
  roles: string[];
  /** '1' secret, '2' certificate. */
  appidacr: '1' | '2';
}

export interface UserTokenInput {
  tenantId: string;
  userId: string;
  upn: string;
  name: string;
  audience: string;
  /** The client app the user signed in to (azp). */
  clientId: string;
  scopes: string[];
  version: '1.0' | '2.0';
  lifetimeS?: number;
}

export class TokenService {
  constructor(
    private readonly keys: SigningKeys,
    private readonly now: () => Date,
  ) {}

  private async sign(claims: JWTPayload, lifetimeS: number): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ ...claims, uti: guid().replace(/-/g, '').slice(0, 22), rh: '0.emulator' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keys.kid })
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + lifetimeS)
      .sign(this.keys.privateKey);
  }

  appToken(i: AppTokenInput): Promise<string> {
    return this.sign(
      {
        aud: GRAPH_AUDIENCE,
        iss: `https://sts.windows.net/${i.tenantId}/`,
        idp: `https://sts.windows.net/${i.tenantId}/`,
        app_displayname: i.appDisplayName,
        appid: i.appId,
        appidacr: i.appidacr,
        idtyp: 'app',
        oid: i.servicePrincipalId,
        sub: i.servicePrincipalId,
        roles: i.roles,
        tid: i.tenantId,
        ver: '1.0',
      },
      TOKEN_LIFETIME_S,
    );
  }

  userToken(i: UserTokenInput): Promise<string> {
    const v2 = i.version === '2.0';
    return this.sign(
      {
        aud: i.audience,
        iss: v2
          ? `https://login.microsoftonline.com/${i.tenantId}/v2.0`
          : `https://sts.windows.net/${i.tenantId}/`,
        [v2 ? 'azp' : 'appid']: i.clientId,
        idtyp: 'user',
        name: i.name,
        oid: i.userId,
        sub: i.userId,
        preferred_username: i.upn,
        upn: i.upn,
        scp: i.scopes.join(' '),
        tid: i.tenantId,
        ver: i.version,
      },
      i.lifetimeS ?? TOKEN_LIFETIME_S,
    );
  }

  /** Verifies a token signed by this emulator; throws a TokenProblem naming what is wrong. */
  async verify(token: string, audienceOk: (aud: string) => boolean): Promise<JWTPayload> {
    if (token.split('.').length !== 3)
      throw new TokenProblem('IDX14100: JWT is not well formed, there are no dots (.).');
    try {
      const { payload } = await jwtVerify(token, this.keys.publicKey, {
        currentDate: this.now(),
        algorithms: ['RS256'],
        clockTolerance: 0,
      });
      const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud ?? ''];
      if (!aud.some((a) => audienceOk(a))) throw new TokenProblem('Invalid audience.');
      return payload;
    } catch (e) {
      if (e instanceof TokenProblem) throw e;
      if (e instanceof joseErrors.JWTExpired)
        throw new TokenProblem('Lifetime validation failed, the token is expired.');
      if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'aud')
        throw new TokenProblem('Invalid audience.');
      if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'nbf')
        throw new TokenProblem('Lifetime validation failed, the token is not yet valid.');
      if (e instanceof joseErrors.JWSSignatureVerificationFailed)
        throw new TokenProblem('Signature verification failed.');
      throw new TokenProblem('IDX14100: JWT is not well formed.');
    }
  }
}

export class TokenProblem extends Error {}
