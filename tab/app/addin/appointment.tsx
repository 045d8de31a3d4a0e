// The "Boka besök" pane's entry (tab/app/addin/appointment.html).
import { AppointmentPane } from './AppointmentPane.js';
import { mountPane } from './shell.js';
import { t } from '../i18n.js';

mountPane(
  (l) => t('bookVisit', l),
  (context) => <AppointmentPane {...context} />,
);
