// A tiny path router for Graph-style URLs, shared by the HTTP front and $batch (which replays sub-requests
// through the same handlers). Segments match case-insensitively, as Graph's do.
import type { AuthContext } from './auth/context.js';

export interface GraphRequest {
  method: string;
  /** Path after /v1.0, normalized (key segments like mailFolders('inbox') become mailFolders/inbox). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  rawBody?: Buffer;
  /** e.g. http://127.0.0.1:3979/v1.0 — used to build @odata.nextLink and context URLs. */
  baseUrl: string;
  requestId: string;
  clientRequestId: string;
  auth: AuthContext;
  prefer: Prefer;
  /** Set inside $batch so handlers don't re-enter per-mailbox concurrency accounting. */
  inBatch?: boolean;
}

export interface Prefer {
  immutableId: boolean;
  maxPageSize?: number;
  timeZone?: string;
  bodyContentType?: 'text' | 'html';
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body (undefined for no content). */
  body?: unknown;
  /** Raw body instead of JSON (e.g. attachment $value). */
  raw?: Buffer | string;
}

export type Params = Record<string, string>;
export type Handler = (req: GraphRequest, params: Params) => Promise<GraphResponse> | GraphResponse;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
  /** A short name for request counting ("messages.list"). */
  kind: string;
}

export interface RouteMatch {
  handler: Handler;
  params: Params;
  kind: string;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, kind: string, handler: Handler): void {
    this.routes.push({
      method: method.toUpperCase(),
      segments: pattern.split('/').filter(Boolean),
      handler,
      kind,
    });
  }

  get(pattern: string, kind: string, handler: Handler): void {
    this.add('GET', pattern, kind, handler);
  }
  post(pattern: string, kind: string, handler: Handler): void {
    this.add('POST', pattern, kind, handler);
  }
  patch(pattern: string, kind: string, handler: Handler): void {
    this.add('PATCH', pattern, kind, handler);
  }
  delete(pattern: string, kind: string, handler: Handler): void {
    this.add('DELETE', pattern, kind, handler);
  }

  /**
   * Returns the match, 'method' when the path exists under another method, or undefined.
   * Literal segments win over parameters (messages/delta before messages/{id}).
   */
  match(method: string, path: string): RouteMatch | 'method' | undefined {
    const parts = path.split('/').filter(Boolean);
    let pathMatched = false;
    let best: { route: Route; params: Params; score: number } | undefined;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method !== method.toUpperCase()) {
        pathMatched = true;
        continue;
      }
      const score = route.segments.filter((seg) => !seg.startsWith(':')).length;
      if (!best || score > best.score) best = { route, params, score };
    }
    if (best) return { handler: best.route.handler, params: best.params, kind: best.route.kind };
    return pathMatched ? 'method' : undefined;
  }
}

function matchSegments(pattern: string[], parts: string[]): Params | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const v = parts[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = v;
    else if (p.toLowerCase() !== v.toLowerCase()) return undefined;
  }
  return params;
}

/**
 * Normalizes a Graph path: strips /v1.0, turns key syntax `name('key')` into `name/key`,
 * decodes percent-escapes per segment and drops a trailing slash.
 */
export function normalizePath(rawPath: string): string {
  let p = rawPath.replace(/^\/v1\.0(?=\/|$)/i, '').replace(/\(\)/g, '');
  p = p.replace(/([A-Za-z]+)\('([^']*)'\)/g, (_m, name: string, key: string) => `${name}/${key}`);
  p = p.replace(/([A-Za-z]+)\(([^)']+)\)/g, (_m, name: string, key: string) => `${name}/${key}`);
  const segs = p
    .split('/')
    .filter(Boolean)
    .map((s) => {
      let seg = s;
      try {
        seg = decodeURIComponent(s);
      } catch {
        // keep the raw segment
      }
      return seg.replace(/^microsoft\.graph\./i, '');
    });
  return '/' + segs.join('/');
}
