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
  /** Where a failed check's detail goes (never into the public answer). */
  logger?: { warn(obj: object, msg: string): void };
}

const TIMEOUT = 'timeout';

/** A failed check as a code that names no host, id or upstream message. */
export function reasonCode(err: unknown): string {
  if (err instanceof Error && err.message === TIMEOUT) return 'timeout';
  const e = err as { name?: unknown; reason?: unknown } | null;
  const reason = typeof e?.reason === 'string' && /^[a-z-]+$/.test(e.reason) ? e.reason : undefined;
  if (e?.name === 'GraphError') return `graph-${reason ?? 'error'}`;
  if (e?.name === 'StoreError') return `storage-${reason ?? 'error'}`;
  return reason ?? 'failed';
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
          await withTimeout(check(), timeoutMs, TIMEOUT);
          return [name, 'ok'] as const;
        } catch (err) {
          // The probe is public: it gets a reason code; the detail (upstream text, ids) goes to the log.
          const reason = reasonCode(err);
          options.logger?.warn({ check: name, reason, err }, 'readiness check failed');
          return [name, reason] as const;
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
