// OData query options and collection responses: $select, $filter, $orderby, $top/$skip, $count,
// Prefer parsing, and @odata.nextLink paging built from the URL the client used.
import { badRequest } from './errors.js';
import { parseFilter } from './filter.js';
import type { GraphRequest, Prefer } from './router.js';

export function parsePrefer(headers: Record<string, string>): Prefer {
  const raw = headers['prefer'] ?? '';
  const prefer: Prefer = { immutableId: false };
  for (const part of raw.split(',')) {
    const m = /^\s*([\w.-]+)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!;
    if (key === 'idtype' && value.toLowerCase() === 'immutableid') prefer.immutableId = true;
    else if (key === 'odata.maxpagesize') {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0) prefer.maxPageSize = n;
    } else if (key === 'outlook.timezone') prefer.timeZone = value;
    else if (key === 'outlook.body-content-type')
      prefer.bodyContentType = value.toLowerCase() === 'text' ? 'text' : 'html';
  }
  return prefer;
}

export function preferenceApplied(prefer: Prefer): Record<string, string> {
  const parts: string[] = [];
  if (prefer.immutableId) parts.push('IdType="ImmutableId"');
  if (prefer.maxPageSize) parts.push(`odata.maxpagesize=${prefer.maxPageSize}`);
  if (prefer.timeZone) parts.push(`outlook.timezone="${prefer.timeZone}"`);
  return parts.length ? { 'Preference-Applied': parts.join(',') } : {};
}

/** Picks $select-ed properties (case-insensitively); id and @odata.* annotations are always kept. */
export function applySelect<T extends object>(
  item: T,
  select: string | null,
): Record<string, unknown> {
  const obj = item as Record<string, unknown>;
  if (!select) return { ...obj };
  const wanted = select
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('@odata.') || k === 'id' || wanted.includes(k.toLowerCase())) out[k] = v;
  }
  return out;
}

export function applyFilter<T extends object>(items: T[], filter: string | null): T[] {
  if (!filter) return items;
  const pred = parseFilter(filter);
  return items.filter((i) => pred(i as Record<string, unknown>));
}

export function applyOrderBy<T extends object>(items: T[], orderby: string | null): T[] {
  if (!orderby) return items;
  const keys = orderby.split(',').map((k) => {
    const [path, dir] = k.trim().split(/\s+/);
    return { parts: (path ?? '').split('/'), desc: (dir ?? '').toLowerCase() === 'desc' };
  });
  const get = (o: unknown, parts: string[]) =>
    parts.reduce<unknown>(
      (cur, p) =>
        cur && typeof cur === 'object'
          ? (cur as Record<string, unknown>)[
              Object.keys(cur).find((k) => k.toLowerCase() === p.toLowerCase()) ?? p
            ]
          : undefined,
      o,
    );
  return [...items].sort((a, b) => {
    for (const k of keys) {
      const x = get(a, k.parts) as string | number | undefined;
      const y = get(b, k.parts) as string | number | undefined;
      if (x === y) continue;
      if (x === undefined || x === null) return k.desc ? 1 : -1;
      if (y === undefined || y === null) return k.desc ? -1 : 1;
      const c =
        typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : x < y ? -1 : 1;
      return k.desc ? -c : c;
    }
    return 0;
  });
}

export function intParam(req: GraphRequest, name: string): number | undefined {
  const v = req.query.get(name);
  if (v === null) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw badRequest(`Invalid value '${v}' for query parameter ${name}.`);
  return n;
}

/** The URL of this request with some query parameters replaced (for nextLink/deltaLink). */
export function selfUrl(req: GraphRequest, set: Record<string, string | undefined>): string {
  const q = new URLSearchParams(req.query);
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) q.delete(k);
    else q.set(k, v);
  }
  const qs = q.toString().replace(/%24/g, '$').replace(/%2C/gi, ',');
  return `${req.baseUrl}${req.path}${qs ? '?' + qs : ''}`;
}

export interface PageOptions {
  defaultPageSize: number;
  maxPageSize: number;
  /** Use $skiptoken (directory style) instead of $skip (Outlook style). */
  skipToken?: boolean;
}

/**
 * Runs $filter/$orderby/$count/$top/$skip/$select over an in-memory collection and returns Graph's
 * collection body with @odata.nextLink when more remain.
 */
export function collection<T extends object>(
  req: GraphRequest,
  context: string,
  items: T[],
  opts: PageOptions,
  shape: (item: T) => Record<string, unknown> = (i) => ({ ...(i as Record<string, unknown>) }),
  /** Applied to the page after filtering and ordering (e.g. a default property set). */
  project: (row: Record<string, unknown>) => Record<string, unknown> = (r) => r,
): Record<string, unknown> {
  let rows = items.map(shape);
  rows = applyFilter(rows, req.query.get('$filter'));
  rows = applyOrderBy(rows, req.query.get('$orderby'));
  const total = rows.length;
  const top = intParam(req, '$top');
  let skip = intParam(req, '$skip') ?? 0;
  const token = req.query.get('$skiptoken');
  if (token !== null) {
    const n = Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(n) || n < 0) throw badRequest('Invalid $skiptoken.');
    skip = n;
  }
  const pageSize = Math.min(
    top ?? req.prefer.maxPageSize ?? opts.defaultPageSize,
    req.prefer.maxPageSize ?? opts.maxPageSize,
    opts.maxPageSize,
  );
  const page = rows.slice(skip, skip + pageSize);
  const body: Record<string, unknown> = { '@odata.context': context };
  const count = req.query.get('$count');
  if (count && count.toLowerCase() === 'true') body['@odata.count'] = total;
  body.value = page.map((r) => applySelect(project(r), req.query.get('$select')));
  if (skip + pageSize < total) {
    const next = skip + pageSize;
    body['@odata.nextLink'] = opts.skipToken
      ? selfUrl(req, {
          $skip: undefined,
          $skiptoken: Buffer.from(String(next)).toString('base64url'),
        })
      : selfUrl(req, { $skip: String(next) });
  }
  return body;
}

export function metadataContext(req: GraphRequest, fragment: string): string {
  return `${req.baseUrl}/$metadata#${fragment}`;
}
