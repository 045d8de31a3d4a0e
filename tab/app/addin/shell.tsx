// What both panes share: find Office (Outlook, or the local stand-in), sign in, pick the language
// from Outlook's display language, and show the pane in Fluent UI's Teams theme.
/// <reference types="office-js" />
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title3,
  makeStyles,
  teamsLightTheme,
} from '@fluentui/react-components';
import { createApi, type Api } from '../api.js';
import { officeHost } from './office.js';
import { tokenSource } from './signin.js';
import { pickLocale, t, type Locale } from '../i18n.js';

export interface PaneContext {
  office: typeof Office;
  api: Api;
  locale: Locale;
}

const useStyles = makeStyles({
  pane: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '12px' },
});

type State =
  | { kind: 'loading' }
  | { kind: 'no-office' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; context: PaneContext };

function Shell(props: { title: (l: Locale) => string; body: (c: PaneContext) => ReactNode }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [locale, setLocale] = useState<Locale>(pickLocale());

  useEffect(() => {
    void (async () => {
      try {
        const office = await officeHost();
        if (!office) return setState({ kind: 'no-office' });
        const l = pickLocale(office.context.displayLanguage);
        setLocale(l);
        const token = await tokenSource(office);
        const api = createApi(token, l, () => undefined);
        setState({ kind: 'ready', context: { office, api, locale: l } });
      } catch (e) {
        setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${props.title(locale)} – ${t('title', locale)}`;
  }, [locale, props]);

  return (
    <FluentProvider theme={teamsLightTheme}>
      <main className={styles.pane}>
        <Title3 as="h1">{props.title(locale)}</Title3>
        {state.kind === 'loading' && <Spinner label={t('loading', locale)} />}
        {state.kind === 'no-office' && (
          <MessageBar intent="info">
            <MessageBarBody>{t('noOutlook', locale)}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              {t('signInFailed', locale)} {state.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === 'ready' && props.body(state.context)}
      </main>
    </FluentProvider>
  );
}

export function mountPane(title: (l: Locale) => string, body: (c: PaneContext) => ReactNode): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Shell title={title} body={body} />
    </StrictMode>,
  );
}
