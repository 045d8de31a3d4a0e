// A minimal stand-in for the local Microsoft 365 emulator for fault tests: a token endpoint and the one
// Graph read readiness makes, slowed down or failing on request. Everything else runs the real emulator.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubOptions {
  port: number;
  graphDelayMs?: number;
  /** Answer Graph reads with this status (e.g. 503) instead of 200. */
  graphStatus?: number;
  /** Told of each Graph read as it arrives (before its delay), so a test can act while it is in flight. */
  onGraphRead?: (path: string) => void;
}

export async function startStubEmulator(options: StubOptions) {
  const server = createServer((req, res) => {
    if (req.method === 'POST' && /\/oauth2\/v2\.0\/token(\?|$)/.test(req.url ?? '')) {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: 'stub.token.value',
        }),
      );
      return;
    }
    if (req.method === 'GET' && req.url?.startsWith('/v1.0/users/')) {
      options.onGraphRead?.(req.url);
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        if (options.graphStatus) {
          res.statusCode = options.graphStatus;
          res.end(
            JSON.stringify({ error: { code: 'ServiceNotAvailable', message: 'Try again later' } }),
          );
          return;
        }
        res.end(JSON.stringify({ id: '00000000-0000-0000-0000-000000000001' }));
      }, options.graphDelayMs ?? 0);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
