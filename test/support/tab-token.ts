// A signed-in person for the tab API in tests: a user token minted by the emulator (the same token
// the local sign-in gets), sent as Authorization: Bearer.
export const DEMO_COORDINATOR = 'maria.lindqvist@stockholm.example';

export async function tabToken(
  emulatorUrl: string,
  upn: string,
  extra: { audience?: string; scopes?: string[]; lifetimeSeconds?: number } = {},
): Promise<string> {
  const res = await fetch(`${emulatorUrl}/_admin/tokens/user`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ upn, ...extra }),
  });
  if (!res.ok) throw new Error(`token for ${upn}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** fetch with the person's bearer token. */
export function signedInFetch(token: string): typeof fetch {
  return (input, init = {}) =>
    fetch(input, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
    });
}

/** fetch as a coordinator (a fresh token per call: tests move the emulator's clock). */
export function asCoordinator(emulatorUrl: string, upn = DEMO_COORDINATOR): typeof fetch {
  return async (input, init) => signedInFetch(await tabToken(emulatorUrl, upn))(input, init);
}
