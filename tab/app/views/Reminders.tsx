// The coordinators' reminders of a cycle: each planned and sent reminder with when it goes (went)
// out, its deadline, and the counts (units it goes to, delivered in Teams or by mail, failed, done
// since). The same overview as the bot's `påminnelser` card, read from GET /api/tab/reminders; the
// same buttons as its rows (pause, resume, send now) through POST /api/tab/reminders/:id/:verb.
import { useState } from 'react';
import { Button, MessageBar, Text, Title3, makeStyles } from '@fluentui/react-components';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { DataTable } from '../DataTable.js';
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
  const { data, error, reload } = useApi<{ rows: ReminderRow[] }>(api, `/reminders?year=${year}`);
  const rows = data?.rows;
  const [busy, setBusy] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  const act = async (row: ReminderRow, verb: 'pause' | 'resume' | 'send-now') => {
    setBusy(row.occurrenceId);
    setActionError(undefined);
    try {
      await api.post(`/reminders/${encodeURIComponent(row.occurrenceId)}/${verb}`, { year });
    } catch (e) {
      setActionError((e as Error).message);
    } finally {
      setBusy(undefined);
      reload();
    }
  };

  const count = (s: ReminderRow['status']) => rows?.filter((r) => r.status === s).length ?? 0;
  const sent = rows?.filter((r) => r.status === 'sent') ?? [];
  const sum = (f: (r: ReminderRow) => number) => sent.reduce((n, r) => n + f(r), 0);

  return (
    <section aria-labelledby="reminders-title">
      <Title3 as="h2" id="reminders-title">
        {t('reminders', locale)} {year}
      </Title3>
      {!rows && <Pending error={error} locale={locale} />}
      {actionError && <MessageBar intent="error">{actionError}</MessageBar>}
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
            <DataTable
              label={t('reminders', locale)}
              testId="reminder-table"
              rows={rows}
              rowKey={(r) => r.occurrenceId}
              rowTestId={(r) => `reminder-${r.occurrenceId}`}
              columns={[
                {
                  header: t('reminderKind', locale),
                  cell: (r) => tOr(`reminderKind_${r.kind}`, locale),
                },
                { header: t('sendAt', locale), cell: (r) => formatInstant(r.sendAt, locale) },
                { header: t('deadline', locale), cell: (r) => r.deadlineDate },
                { header: t('status', locale), cell: (r) => tOr(`reminder_${r.status}`, locale) },
                { header: t('recipients', locale), cell: (r) => r.recipients },
                { header: t('viaTeams', locale), cell: (r) => r.teams },
                { header: t('viaMail', locale), cell: (r) => r.mail },
                { header: t('failed', locale), cell: (r) => r.failed },
                { header: t('actedSince', locale), cell: (r) => r.actedSince },
                {
                  header: t('actions', locale),
                  cell: (r) => (
                    <>
                      {(r.status === 'planned' || r.status === 'due') && (
                        <>
                          <Button
                            size="small"
                            disabled={busy !== undefined}
                            onClick={() => void act(r, 'pause')}
                          >
                            {t('pauseReminder', locale)}
                          </Button>{' '}
                          <Button
                            size="small"
                            disabled={busy !== undefined}
                            onClick={() => void act(r, 'send-now')}
                          >
                            {t('sendReminderNow', locale)}
                          </Button>
                        </>
                      )}
                      {r.status === 'paused' && (
                        <Button
                          size="small"
                          disabled={busy !== undefined}
                          onClick={() => void act(r, 'resume')}
                        >
                          {t('resumeReminder', locale)}
                        </Button>
                      )}
                    </>
                  ),
                },
              ]}
            />
          </div>
        </>
      )}
    </section>
  );
}
