// The tab API from the browser: JSON with the signed-in person's token, errors as ApiError with the
// server's message in the user's language.
import type { Locale } from './i18n.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** A file download (CSV) as a blob. */
  blob(path: string): Promise<Blob>;
}

export function createApi(
  token: () => Promise<string>,
  locale: Locale,
  onUnauthorized: () => void,
): Api {
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(`/api/tab${path}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${await token()}`,
        accept: 'application/json',
      },
    });
    if (res.ok) return res;
    // The one error shape every route answers (server/errors.ts errorBody): the server's message
    // in the user's language, Swedish first; the status text only when the body is not ours.
    const body = (await res.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; messageSv?: string };
    };
    if (res.status === 401) onUnauthorized();
    const e = body.error ?? {};
    const message = (locale === 'sv' ? e.messageSv : undefined) ?? e.message ?? res.statusText;
    throw new ApiError(res.status, e.code ?? 'error', message);
  };
  return {
    get: async (path) => (await call(path)).json(),
    post: async (path, body) =>
      (
        await call(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json(),
    blob: async (path) => (await call(path)).blob(),
  };
}
