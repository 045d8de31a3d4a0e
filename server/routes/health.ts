// Liveness and readiness: /healthz says the process answers (and which version), /readyz says its
// dependencies answer too (storage ping, a cheap Graph read of the shared mailbox user).
import { Router } from 'express';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface HealthOptions {
  version: string;
  checks: readonly ReadinessCheck[];
  /** A check that takes longer than this counts as failed. */
  timeoutMs?: number;
}

export function healthRoutes(options: HealthOptions): Router {
  const router = Router();
  const timeoutMs = options.timeoutMs ?? 5000;

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: options.version });
  });

  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      options.checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), timeoutMs, `${name} did not answer within ${timeoutMs} ms`);
          return [name, 'ok'] as const;
        } catch (err) {
          return [name, err instanceof Error ? err.message : String(err)] as const;
        }
      }),
    );
    const failed = results.filter(([, result]) => result !== 'ok').map(([name]) => name);
    res.status(failed.length === 0 ? 200 : 503).json({
      status: failed.length === 0 ? 'ready' : 'not-ready',
      version: options.version,
      ...(failed.length > 0 ? { failed } : {}),
      checks: Object.fromEntries(results),
    });
  });

  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
