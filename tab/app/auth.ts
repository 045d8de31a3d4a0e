// Who is signed in. Inside Teams, Outlook or microsoft365.com: the host's single sign-on token
// (teams-js authentication.getAuthToken). Outside a host (app.initialize() rejects at once in a top
// level window): the local mode's sign-in page, whose token the emulator mints. teams-js is loaded
// only inside a frame, so the first view outside Teams does not carry it.
export type Session =
  | {
      kind: 'teams';
      token: () => Promise<string>;
      locale?: string;
      theme?: string;
      onTheme?: (cb: (t: string) => void) => void;
    }
  | { kind: 'local'; token: () => Promise<string> };

const LOCAL_KEY = 'kvalitet.localToken';

export async function teamsSession(): Promise<Session | undefined> {
  if (window.parent === window) return undefined;
  const { app, authentication } = await import('@microsoft/teams-js');
  try {
    // In a foreign frame app.initialize() waits a long time: give up early.
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no Teams host')), 3000)),
    ]);
  } catch {
    return undefined;
  }
  const context = await app.getContext();
  return {
    kind: 'teams',
    token: () => authentication.getAuthToken(),
    locale: context.app.locale,
    theme: context.app.theme,
    onTheme: (cb) => app.registerOnThemeChangeHandler(cb),
  };
}

export function storedLocalSession(): Session | undefined {
  const token = sessionStorage.getItem(LOCAL_KEY);
  // Expiry is the server's call (the app's clock may be moved by AWARD_NOW): a 401 signs out.
  if (!token) return undefined;
  return { kind: 'local', token: async () => token };
}

export async function localSignIn(upn: string): Promise<Session> {
  const res = await fetch('/api/local-sign-in/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ upn }),
  });
  if (!res.ok) throw new Error(`sign-in failed (${res.status})`);
  const { access_token } = (await res.json()) as { access_token: string };
  sessionStorage.setItem(LOCAL_KEY, access_token);
  return { kind: 'local', token: async () => access_token };
}

export function signOut(): void {
  sessionStorage.removeItem(LOCAL_KEY);
}
