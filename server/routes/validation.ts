// Inbound payloads are checked with zod at the route: a client's mistake is answered 400 with a
// message naming what is wrong (never a 500, never passed on half-checked).
import type { Response } from 'express';
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
