// What a view or an add-in pane shows until its data is in: the server's message when the read
// failed (announced), a spinner while it is on its way. The one place they say "loading" and
// "failed"; a pane whose refusal is an answer rather than a fault says it as a warning.
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { t, type Locale } from './i18n.js';

export function Pending(props: {
  error?: string | undefined;
  locale: Locale;
  intent?: 'error' | 'warning';
}) {
  return props.error ? (
    <MessageBar intent={props.intent ?? 'error'} role="alert">
      <MessageBarBody>{props.error}</MessageBarBody>
    </MessageBar>
  ) : (
    <Spinner label={t('loading', props.locale)} />
  );
}
