// The coordinators' reminders of a cycle: each planned and sent reminder with when it goes (went)
// out, its deadline, and the counts (units it goes to, delivered in Teams or by mail, failed, done
// since). The same overview as the bot's `påminnelser` card, read from GET /api/tab/reminders.
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
} from '@fluentui/react-components';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { formatInstant, t, tOr, type Locale } from '../i18n.js';

interface ReminderRow {
  occurrenceId: string;
  kind: string;
  sendAt: string;
  deadlineDate: string;
  status: 'planned' | 'due' | 'sent' | 'paused' | 'expired';
  recipients: number;
  teams: number;
  mail: number;
  failed: number;
  actedSince: number;
}

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  counts: { display: 'block', margin: '8px 0' },
});

export function Reminders(props: { api: Api; locale: Locale; year: number }) {
  const { api, locale, year } = props;
  const styles = useStyles();
  const { data, error } = useApi<{ rows: ReminderRow[] }>(api, `/reminders?year=${year}`);
  const rows = data?.rows;

  const count = (s: ReminderRow['status']) => rows?.filter((r) => r.status === s).length ?? 0;
  const sent = rows?.filter((r) => r.status === 'sent') ?? [];
  const sum = (f: (r: ReminderRow) => number) => sent.reduce((n, r) => n + f(r), 0);

  return (
    <section aria-labelledby="reminders-title">
      <Title3 as="h2" id="reminders-title">
        {t('reminders', locale)} {year}
      </Title3>
      {!rows && <Pending error={error} locale={locale} />}
      {rows && rows.length === 0 && <Text>{t('noReminders', locale)}</Text>}
      {rows && rows.length > 0 && (
        <>
          <Text className={styles.counts} data-testid="reminder-counts">
            {count('planned')} {t('reminder_planned', locale)}, {count('sent')}{' '}
            {t('reminder_sent', locale)}, {count('paused')} {t('reminder_paused', locale)},{' '}
            {count('expired')} {t('reminder_expired', locale)}
            {sent.length > 0 &&
              ` · ${t('recipients', locale)}: ${sum((r) => r.recipients)} (${t('viaTeams', locale)} ${sum((r) => r.teams)}, ${t('viaMail', locale)} ${sum((r) => r.mail)}, ${t('failed', locale).toLowerCase()} ${sum((r) => r.failed)})`}
          </Text>
          <div className={styles.scroll}>
            <Table aria-label={t('reminders', locale)} data-testid="reminder-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('reminderKind', locale)}</TableHeaderCell>
                  <TableHeaderCell>{t('sendAt', locale)}</TableHeaderCell>
                  <TableHeaderCell>{t('deadline', locale)}</TableHeaderCell>
                  <TableHeaderCell>{t('status', locale)}</TableHeaderCell>
                  <TableHeaderCell>{t('recipients', locale)}</TableHeaderCell>
                  <TableHeaderCell>{t('viaTeams', locale)}</TableHeaderCell>
                  <TableHeaderCell>{t('viaMail', locale)}</TableHeaderCell>
                  <TableHeaderCell>{t('failed', locale)}</TableHeaderCell>
                  <TableHeaderCell>{t('actedSince', locale)}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.occurrenceId}>
                    <TableCell>{tOr(`reminderKind_${r.kind}`, locale)}</TableCell>
                    <TableCell>{formatInstant(r.sendAt, locale)}</TableCell>
                    <TableCell>{r.deadlineDate}</TableCell>
                    <TableCell>{tOr(`reminder_${r.status}`, locale)}</TableCell>
                    <TableCell>{r.recipients}</TableCell>
                    <TableCell>{r.teams}</TableCell>
                    <TableCell>{r.mail}</TableCell>
                    <TableCell>{r.failed}</TableCell>
                    <TableCell>{r.actedSince}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
