// The mail read pane's entry (tab/app/addin/mail.html).
import { MailPane } from './MailPane.js';
import { mountPane } from './shell.js';

mountPane(
  (l) => (l === 'sv' ? 'Mejlet i funktionsbrevlådan' : 'The mail in the shared mailbox'),
  (context) => <MailPane {...context} />,
);
