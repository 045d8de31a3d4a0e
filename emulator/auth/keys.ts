// The emulator's signing key (RS256) and its JWKS, generated per process.
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import { randomBytes } from 'node:crypto';

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwks: { keys: JWK[] };
}

/** The signing key as kept in a state file, so tokens stay valid across restarts. */
export interface StoredSigningKey {
  kid: string;
  privateJwk: JWK;
}

export async function createSigningKeys(stored?: StoredSigningKey): Promise<SigningKeys> {
  if (stored) {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = stored.privateJwk;
    const privateKey = (await importJWK(stored.privateJwk, 'RS256')) as CryptoKey;
    const publicKey = (await importJWK(pub, 'RS256')) as CryptoKey;
    return {
      kid: stored.kid,
      privateKey,
      publicKey,
      jwks: { keys: [{ ...pub, kid: stored.kid, kty: 'RSA', use: 'sig', alg: 'RS256' }] },
    };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(20).toString('base64url');
  const jwk = await exportJWK(publicKey);
  return {
    kid,
    privateKey,
    publicKey,
    jwks: { keys: [{ ...jwk, kid, kty: 'RSA', use: 'sig', alg: 'RS256' }] },
  };
}

export async function storeSigningKey(keys: SigningKeys): Promise<StoredSigningKey> {
  return { kid: keys.kid, privateJwk: await exportJWK(keys.privateKey) };
}
