// Everyone: the next dates of every cycle that has any. Coordinators: the chosen cycle's pipeline
// (participations per state and class, what is missing).
import { Card, Text, Title3, makeStyles } from '@fluentui/react-components';
import type { StatusOverview, YearCounts } from '../../../features/status/types.js';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { DataTable } from '../DataTable.js';
import { CLASSES, STATES, stateLabel, t, type Locale } from '../i18n.js';

const useStyles = makeStyles({
  cycles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: '12px',
  },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
    gap: '8px',
    margin: '8px 0 16px',
  },
  figure: { padding: '12px' },
  number: { fontSize: '28px', fontWeight: 600, display: 'block' },
  list: { paddingLeft: '18px', margin: '4px 0' },
  tables: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: '16px',
  },
});

type Overview = Omit<StatusOverview, 'years'> & {
  years: (Partial<YearCounts> & Pick<YearCounts, 'year' | 'phase'>)[];
};

export function Overview(props: { api: Api; locale: Locale; year: number; coordinator: boolean }) {
  const { api, locale, year } = props;
  const styles = useStyles();
  const { data, error } = useApi<Overview>(api, '/overview');
  if (!data) return <Pending error={error} locale={locale} />;
  const counts = data.years.find((y) => y.year === year);

  return (
    <>
      <section aria-labelledby="dates-title">
        <Title3 as="h2" id="dates-title">
          {t('nextDates', locale)}
        </Title3>
        <div className={styles.cycles}>
          {data.deadlines.length === 0 && <Text>{t('noDates', locale)}</Text>}
          {data.deadlines.map((cycle) => (
            <Card key={cycle.year} data-testid={`dates-${cycle.year}`}>
              <Text weight="semibold">
                {t('title', locale)} {cycle.year} · {cycle.phase.label[locale]}
              </Text>
              <ol className={styles.list}>
                {cycle.next.map((d) => (
                  <li key={d.id}>
                    <Text>
                      {d.label[locale]}: <strong>{d.when[locale]}</strong> (
                      {d.daysLeft === 0
                        ? t('today', locale)
                        : `${d.daysLeft} ${t('daysLeft', locale)}`}
                      )
                    </Text>
                  </li>
                ))}
              </ol>
            </Card>
          ))}
        </div>
      </section>
      {props.coordinator && counts?.byState && (
        <section aria-labelledby="pipeline-title">
          <Title3 as="h2" id="pipeline-title">
            {t('pipeline', locale)} {year}
          </Title3>
          <div className={styles.figures}>
            {(
              ['total', 'submitted', 'inProtocol', 'missingFromProtocol', 'notSubmitted'] as const
            ).map((k) => (
              <Card key={k} className={styles.figure}>
                <span className={styles.number}>{counts[k]}</span>
                <Text>{t(k, locale)}</Text>
              </Card>
            ))}
          </div>
          <div className={styles.tables}>
            <DataTable
              label={t('byState', locale)}
              size="small"
              rows={STATES.filter((s) => (counts.byState?.[s] ?? 0) > 0)}
              rowKey={(s) => s}
              columns={[
                { header: t('state', locale), cell: (s) => stateLabel(s, locale) },
                { header: t('total', locale), cell: (s) => counts.byState![s] },
              ]}
            />
            <DataTable
              label={t('byClass', locale)}
              size="small"
              rows={CLASSES}
              rowKey={(c) => c.id}
              columns={[
                { header: t('class', locale), cell: (c) => c[locale] },
                {
                  header: t('participating', locale),
                  cell: (c) => counts.byClass?.[c.id]?.participating ?? 0,
                },
                {
                  header: t('submitted', locale),
                  cell: (c) => counts.byClass?.[c.id]?.submitted ?? 0,
                },
              ]}
            />
          </div>
        </section>
      )}
    </>
  );
}
