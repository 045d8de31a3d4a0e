// Test helpers: start an emulator on a random port with the fixture tenant, get tokens, call Graph.
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../emulator/server.js';
import { CLIENT_ID, CLIENT_SECRET, TENANT_ID, fixtureTenant } from './fixture-tenant.js';

export async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, tenant: fixtureTenant(), ...opts });
}

export async function appToken(
  emu: RunningEmulator,
  clientId = CLIENT_ID,
  secret = CLIENT_SECRET,
): Promise<string> {
  const res = await fetch(emu.tokenUrl(TENANT_ID), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface Call {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function graph(emu: RunningEmulator, token: string | undefined) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Call> => {
    const url = path.startsWith('http') ? path : `${emu.graphUrl}${path}`;
    const res = await fetch(url, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        Prefer: 'IdType="ImmutableId"',
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // raw body
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
}

/**
 * Waits (real time) until `holds` is true, and fails naming `what` after `ms`: notifications travel
 * over HTTP to a local hook, so how soon they land depends on the machine's load, not on the emulator.
 */
export async function eventually(what: string, holds: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!holds()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
