// A stand-in for the local Microsoft 365 emulator while emulator/ is being written: a token endpoint
// and the one Graph read readiness makes. Replaced by the real emulator in the final tests.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startStubEmulator(options: { port: number; graphDelayMs?: number }) {
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
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
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
