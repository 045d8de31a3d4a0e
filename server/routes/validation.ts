// Inbound payloads are checked with zod at the route: a client's mistake is answered 400 with a
// message naming what is wrong (never a 500, never passed on half-checked).
import type { RequestHandler, Response } from 'express';
import type { z } from 'zod';

/** "kind: Invalid option; …" from a zod error, short enough for an answer. */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}

/** Parses `value`; on failure answers 400 `{ error: { code, message } }` and returns undefined. */
export function parseOr400<T extends z.ZodType>(
  schema: T,
  value: unknown,
  res: Response,
  code: string,
  what: string,
): z.infer<T> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  res.status(400).json({
    error: { code, message: `${what}: ${issuesText(parsed.error)}` },
  });
  return undefined;
}

/**
 * A NUL anywhere in the address ("%00" in an id or a query) is never a real id and would reach
 * storage as text PostgreSQL refuses: answered 400 for every route at once.
 */
export const rejectNulInUrl: RequestHandler = (req, res, next) => {
  if (/%00/i.test(req.originalUrl)) {
    res.status(400).json({
      error: { code: 'malformed-url', message: 'The address holds a NUL character (%00).' },
    });
    return;
  }
  next();
};
