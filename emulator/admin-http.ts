// The admin API over HTTP under /_admin (for tests in other processes, demos and benchmarks).
// Every route mirrors an EmulatorAdmin method; bodies and answers are JSON.
import type { EmulatorAdmin } from './admin.js';
import { GraphError } from './errors.js';
import type { GraphResponse } from './router.js';

export function registerAdminHttp(
  admin: EmulatorAdmin,
): (
  method: string,
  parts: string[],
  query: URLSearchParams,
  raw: Buffer,
) => Promise<GraphResponse> {
  return async (method, parts, query, raw) => {
    let body: Record<string, unknown> = {};
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        return { status: 400, body: { error: { code: 'BadRequest', message: 'Malformed JSON.' } } };
      }
    }
    const route = `${method} ${parts.join('/')}`;
    const ok = (b?: unknown): GraphResponse =>
      b === undefined ? { status: 204 } : { status: 200, body: b };
    try {
      switch (route) {
        case 'POST reset':
          admin.reset();
          return ok();
        case 'GET outbox':
          return ok({ value: admin.outbox() });
        case 'DELETE outbox':
          admin.clearOutbox();
          return ok();
        case 'GET requests':
          return ok(admin.requestCounts());
        case 'DELETE requests':
          admin.resetRequestCounts();
          return ok();
        case 'POST deliver':
          return ok({ value: admin.deliver(body as never) });
        case 'POST send':
          // A typo in the body ("sender" for "from") is the caller's mistake: say so, not "no such user".
          if (typeof body.from !== 'string' || typeof body.message !== 'object' || !body.message)
            return {
              status: 400,
              body: {
                error: {
                  code: 'BadRequest',
                  message: 'Give { from: "<upn>", message: { subject, body, toRecipients, ... } }.',
                },
              },
            };
          admin.sendMailAs(
            String(body.from),
            body.message as never,
            body.saveToSentItems !== false,
          );
          return { status: 202 };
        case 'POST delta/invalidate':
          admin.invalidateDelta(typeof body.upn === 'string' ? body.upn : undefined);
          return ok();
        case 'GET clock':
          return ok({ now: admin.now().toISOString() });
        case 'POST clock':
          if (typeof body.advanceMs === 'number') admin.advanceClock(body.advanceMs);
          else admin.setClock(typeof body.now === 'string' ? body.now : undefined);
          return ok({ now: admin.now().toISOString() });
        case 'GET faults':
          return ok({ config: admin.faults(), stats: admin.faultStats() });
        case 'POST faults':
        case 'PATCH faults':
          admin.setFaults(body);
          return ok({ config: admin.faults() });
        case 'POST tokens/user':
          return ok({
            access_token: await admin.mintUserToken(body as never),
            token_type: 'Bearer',
          });
        case 'GET subscriptions':
          return ok({ value: admin.subscriptions() });
        case 'GET notifications':
          return ok({ value: admin.notifications() });
        case 'GET installedApps':
          return ok(admin.installedApps(query.get('upn') ?? undefined));
        case 'POST apps':
          admin.registerApp(body as never);
          return ok();
        case 'GET state': {
          const { signingKey: _key, ...state } = admin.state();
          return ok(state);
        }
        case 'GET messages':
          return ok({
            value: admin.messages(query.get('upn') ?? '', query.get('folder') ?? undefined),
          });
      }
      if (method === 'POST' && parts[0] === 'subscriptions' && parts[2] === 'lifecycle') {
        await admin.triggerLifecycle(parts[1]!, String(body.lifecycleEvent) as never);
        return ok();
      }
      return {
        status: 404,
        body: { error: { code: 'NotFound', message: `No admin route ${route}` } },
      };
    } catch (e) {
      if (e instanceof GraphError)
        return { status: e.status, body: { error: { code: e.code, message: e.message } } };
      return {
        status: 400,
        body: { error: { code: 'BadRequest', message: (e as Error).message } },
      };
    }
  };
}
