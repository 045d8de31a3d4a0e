// The Graph request pipeline shared by the HTTP front and $batch: route match, /me, fault injection,
// per-mailbox concurrency and rate limits, latency, the handler, and Graph's error bodies.
import type { AuthContext } from './auth/context.js';
import { GraphError, errorBody } from './errors.js';
import type { Faults } from './faults.js';
import { preferenceApplied } from './odata.js';
import { type GraphRequest, type GraphResponse, type Router, normalizePath } from './router.js';
import type { Store } from './state/store.js';

export interface RequestCounts {
  /** Top-level Graph HTTP requests (a $batch counts once). */
  total: number;
  byKind: Record<string, number>;
  /** Requests inside $batch bodies. */
  batchItems: number;
  batchItemsByKind: Record<string, number>;
  /** Token endpoint calls. */
  tokens: number;
}

export function emptyCounts(): RequestCounts {
  return { total: 0, byKind: {}, batchItems: 0, batchItemsByKind: {}, tokens: 0 };
}

const MAILBOX_SEGMENTS = new Set([
  'messages',
  'mailfolders',
  'sendmail',
  'outlook',
  'events',
  'calendar',
  'calendarview',
  'calendars',
]);

export class Dispatcher {
  constructor(
    private readonly router: Router,
    private readonly store: Store,
    private readonly faults: Faults,
    readonly counts: { value: RequestCounts },
    private readonly now: () => Date,
  ) {}

  /** Runs one Graph request. `top` distinguishes HTTP requests from $batch items. */
  async run(req: GraphRequest, top: boolean): Promise<GraphResponse> {
    let res: GraphResponse;
    try {
      res = await this.runInner(req, top);
    } catch (e) {
      res = this.errorResponse(e, req);
    }
    return {
      ...res,
      headers: {
        'request-id': req.requestId,
        'client-request-id': req.clientRequestId,
        ...preferenceApplied(req.prefer),
        ...(res.headers ?? {}),
      },
    };
  }

  errorResponse(
    e: unknown,
    req: Pick<GraphRequest, 'requestId' | 'clientRequestId'>,
  ): GraphResponse {
    if (e instanceof GraphError)
      return {
        status: e.status,
        headers: e.headers,
        body: errorBody(e.code, e.message, req.requestId, req.clientRequestId, this.now()),
      };
    return {
      status: 500,
      body: errorBody(
        'InternalServerError',
        `The emulator failed: ${(e as Error)?.message ?? String(e)}`,
        req.requestId,
        req.clientRequestId,
        this.now(),
      ),
    };
  }

  private async runInner(req: GraphRequest, top: boolean): Promise<GraphResponse> {
    // Exchange's later changes (Sent Items copies) that are due show before this request reads.
    this.store.settle();
    req.path = rewriteMe(normalizePath(req.path), req.auth);
    const match = this.router.match(req.method, req.path);
    const kind = match && match !== 'method' ? match.kind : 'unknown';
    const c = this.counts.value;
    if (top) {
      c.total++;
      c.byKind[kind] = (c.byKind[kind] ?? 0) + 1;
    } else {
      c.batchItems++;
      c.batchItemsByKind[kind] = (c.batchItemsByKind[kind] ?? 0) + 1;
    }
    if (match === undefined) {
      const seg = req.path.split('/').filter(Boolean).pop() ?? '';
      throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${seg}'.`);
    }
    if (match === 'method')
      throw new GraphError(
        405,
        'Request_BadRequest',
        `The HTTP method '${req.method}' is not allowed for the resource.`,
      );
    this.faults.inject(req.path);
    const release = this.acquire(req);
    try {
      if (top) await this.faults.latency();
      return await match.handler(req, match.params);
    } finally {
      release?.();
    }
  }

  private acquire(req: GraphRequest): (() => void) | undefined {
    if (req.auth.kind === 'system') return undefined;
    const parts = req.path.split('/').filter(Boolean);
    if (parts[0]?.toLowerCase() !== 'users' || parts.length < 3) return undefined;
    if (!MAILBOX_SEGMENTS.has(parts[2]!.toLowerCase())) return undefined;
    const user = this.store.findUser(parts[1]!);
    if (!user) return undefined;
    return this.faults.acquireMailbox(req.auth.app.clientId, user.id!);
  }
}

function rewriteMe(path: string, auth: AuthContext): string {
  if (!/^\/me(\/|$)/i.test(path)) return path;
  if (auth.kind !== 'delegated')
    throw new GraphError(
      400,
      'BadRequest',
      '/me request is only valid with delegated authentication flow.',
    );
  return path.replace(/^\/me/i, `/users/${auth.userId}`);
}
