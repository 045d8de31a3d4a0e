// The tab's entry: find the host (Teams/Outlook SSO, or the local sign-in outside a host), pick the
// language and Teams' theme, then show the app.
import { createRoot } from 'react-dom/client';
import { StrictMode, useEffect, useState } from 'react';
import {
  FluentProvider,
  Spinner,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { App } from './App.js';
import { storedLocalSession, teamsSession, type Session } from './auth.js';
import { pickLocale, t, type Locale } from './i18n.js';
import { LocalSignIn } from './views/LocalSignIn.js';

const THEMES: Record<string, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

function themeFor(name?: string): Theme {
  if (name && THEMES[name]) return THEMES[name]!;
  if (matchMedia('(forced-colors: active)').matches) return teamsHighContrastTheme;
  return matchMedia('(prefers-color-scheme: dark)').matches ? teamsDarkTheme : teamsLightTheme;
}

function Root() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [locale, setLocale] = useState<Locale>(pickLocale());
  const [theme, setTheme] = useState<Theme>(
    themeFor(new URLSearchParams(location.search).get('theme') ?? undefined),
  );

  useEffect(() => {
    let live = true;
    void (async () => {
      const teams = await teamsSession();
      if (!live) return;
      if (teams?.kind === 'teams') {
        setLocale(pickLocale(teams.locale));
        setTheme(themeFor(teams.theme));
        teams.onTheme?.((name) => setTheme(themeFor(name)));
        setSession(teams);
        return;
      }
      setSession(storedLocalSession() ?? null);
    })();
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('title', locale);
  }, [locale]);

  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {session === undefined ? (
        <Spinner label={t('loading', locale)} style={{ marginTop: 48 }} />
      ) : session === null ? (
        <LocalSignIn locale={locale} onSignedIn={setSession} />
      ) : (
        <App session={session} locale={locale} onSignOut={() => setSession(null)} />
      )}
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
