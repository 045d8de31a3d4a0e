// Reads the app's client certificate (M365_CLIENT_CERTIFICATE_PATH) into what msal-node takes: the
// PEM private key, the thumbprint (SHA-256 when 64 hex digits) and the chain for x5c. One reader for
// the server's start-up and the tenant smoke test.
import { readFileSync } from 'node:fs';
import type { ClientCertificate } from '../graph/auth.js';
import { StartupError } from './errors.js';

export function readCertificate(cert: { path: string; thumbprint: string }): ClientCertificate {
  let pem: string;
  try {
    pem = readFileSync(cert.path, 'utf8');
  } catch (err) {
    throw new StartupError(
      `Cannot read M365_CLIENT_CERTIFICATE_PATH (${cert.path}): ${(err as Error).message}`,
    );
  }
  const key =
    /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(
      pem,
    );
  if (!key) {
    throw new StartupError(`M365_CLIENT_CERTIFICATE_PATH (${cert.path}) holds no PEM private key`);
  }
  const certs = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  return {
    privateKey: key[0],
    ...(cert.thumbprint.length === 64
      ? { thumbprintSha256: cert.thumbprint }
      : { thumbprint: cert.thumbprint }),
    ...(certs ? { x5c: certs.join('\n') } : {}),
  };
}
