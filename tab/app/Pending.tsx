// What a view shows until its data is in: the server's message when the read failed, a spinner
// while it is on its way. The one place the tab's views say "loading" and "failed".
import { MessageBar, Spinner } from '@fluentui/react-components';
import { t, type Locale } from './i18n.js';

export function Pending(props: { error?: string | undefined; locale: Locale }) {
  return props.error ? (
    <MessageBar intent="error">{props.error}</MessageBar>
  ) : (
    <Spinner label={t('loading', props.locale)} />
  );
}
