// Inbound payloads are checked with zod at the route: a client's mistake is answered 400 with a
// message naming what is wrong (never a 500, never passed on half-checked), in the one error shape
// { error: { code, message, messageSv } }: the tab shows a Swedish user the Swedish one.
import type { RequestHandler, Response } from 'express';
import type { z } from 'zod';

/** "kind: Invalid option; …" from a zod error, short enough for an answer. */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}

/** "kind, unitId": the fields zod refused, for a Swedish message (zod's own words are English). */
export function issueFields(error: z.ZodError): string {
  const fields = [...new Set(error.issues.map((i) => i.path.map(String).join('.')))];
  return fields.filter(Boolean).slice(0, 5).join(', ');
}

/**
 * Parses `value`; on failure answers 400 `{ error: { code, message, messageSv } }` and returns
 * undefined. `what` says what was expected, in English and Swedish; zod's detail follows the English
 * and the refused fields' names the Swedish.
 */
export function parseOr400<T extends z.ZodType>(
  schema: T,
  value: unknown,
  res: Response,
  code: string,
  what: { en: string; sv: string },
): z.infer<T> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = issueFields(parsed.error);
  res.status(400).json({
    error: {
      code,
      message: `${what.en}: ${issuesText(parsed.error)}`,
      messageSv: fields ? `${what.sv} (fält: ${fields})` : what.sv,
    },
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
      error: {
        code: 'malformed-url',
        message: 'The address holds a NUL character (%00).',
        messageSv: 'Adressen innehåller ett otillåtet tecken (%00).',
      },
    });
    return;
  }
  next();
};
