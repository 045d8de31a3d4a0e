// The signed-in tab: who I am, the year switch (cycles overlap), and the views my roles give me:
// everyone the coming dates; coordinators the pipeline, the unit table with unit pages, triage and
// the CSV; examiners their units and conflict declaration; unit managers their unit and withdrawal.
import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  MessageBar,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Principal } from '../../features/roles/types.js';
import { createApi } from './api.js';
import { signOut, type Session } from './auth.js';
import { t, type Key, type Locale } from './i18n.js';
import { Conflicts } from './views/Conflicts.js';
import { MyUnits } from './views/MyUnits.js';
import { Overview } from './views/Overview.js';
import { Reminders } from './views/Reminders.js';
import { Triage } from './views/Triage.js';
import { UnitPage } from './views/UnitPage.js';
import { UnitTable } from './views/UnitTable.js';
import { Visits } from './views/Visits.js';

export interface Me {
  displayName: string;
  userPrincipalName: string;
  roles: Principal['roles'];
  units: { unitId: string; name: string }[];
  years: number[];
  workingYear: number;
}

type View = 'overview' | 'units' | 'our-unit' | 'triage' | 'conflicts' | 'visits' | 'reminders';

const useStyles = makeStyles({
  shell: { maxWidth: '1200px', margin: '0 auto', padding: '12px 16px 48px' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '12px',
    justifyContent: 'space-between',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: '8px',
  },
  who: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' },
  tabs: { overflowX: 'auto', margin: '8px 0 16px' },
});

export function App(props: { session: Session; locale: Locale; onSignOut: () => void }) {
  const { locale, session } = props;
  const styles = useStyles();
  const api = useMemo(
    () =>
      createApi(session.token, locale, () => {
        if (session.kind === 'local') {
          signOut();
          props.onSignOut();
        }
      }),
    [session, locale],
  );
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<string>();
  const [year, setYear] = useState<number>();
  // Deep links (?view=units&year=2027): the bot's cards and bookmarks open a view directly.
  const [view, setView] = useState<View>(
    (new URLSearchParams(location.search).get('view') as View | null) ?? 'overview',
  );
  const [unitId, setUnitId] = useState<string>();

  useEffect(() => {
    api
      .get<Me>('/me')
      .then((m) => {
        setMe(m);
        const asked = Number(new URLSearchParams(location.search).get('year'));
        setYear(m.years.includes(asked) ? asked : m.workingYear);
      })
      .catch((e: Error) => setError(e.message));
  }, [api]);

  if (error) return <MessageBar intent="error">{`${t('error', locale)}: ${error}`}</MessageBar>;
  if (!me || year === undefined)
    return <Spinner label={t('loading', locale)} style={{ marginTop: 48 }} />;

  const is = (r: Principal['roles'][number]) => me.roles.includes(r);
  const views: [View, Key][] = [['overview', 'overview']];
  if (is('coordinator')) views.push(['units', 'units'], ['triage', 'triage']);
  else if (is('examiner')) views.push(['units', 'myUnits']);
  if (is('unit-manager')) views.push(['our-unit', 'ourUnit']);
  if (is('examiner')) views.push(['conflicts', 'conflicts']);
  // Unit managers see their unit's visits on "Vår enhet"; the calendar is per team.
  if (is('coordinator') || is('examiner')) views.push(['visits', 'visits']);
  if (is('coordinator')) views.push(['reminders', 'reminders']);
  const years = [...new Set([...me.years, me.workingYear])].sort();

  const body = () => {
    if (unitId)
      return (
        <UnitPage
          api={api}
          locale={locale}
          year={year}
          unitId={unitId}
          coordinator={is('coordinator')}
          onBack={() => setUnitId(undefined)}
        />
      );
    // A deep link to a view this person does not have shows the overview.
    switch (views.some(([v]) => v === view) ? view : 'overview') {
      case 'overview':
        return <Overview api={api} locale={locale} year={year} coordinator={is('coordinator')} />;
      case 'units':
        return (
          <UnitTable
            api={api}
            locale={locale}
            year={year}
            coordinator={is('coordinator')}
            onOpen={setUnitId}
          />
        );
      case 'triage':
        return <Triage api={api} locale={locale} />;
      case 'our-unit':
        return <MyUnits api={api} locale={locale} year={year} units={me.units} />;
      case 'conflicts':
        return <Conflicts api={api} locale={locale} year={year} />;
      case 'visits':
        return (
          <Visits
            api={api}
            locale={locale}
            year={year}
            coordinator={is('coordinator')}
            me={me.userPrincipalName}
          />
        );
      case 'reminders':
        return <Reminders api={api} locale={locale} year={year} />;
    }
  };

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Title2 as="h1">
          {t('title', locale)} {year}
        </Title2>
        <div className={styles.who}>
          <Text>
            {t('signedInAs', locale)} <strong>{me.displayName}</strong>
            {me.roles.length > 0 && ` (${me.roles.map((r) => t(`role_${r}`, locale)).join(', ')})`}
          </Text>
          <label>
            <Text>{t('year', locale)} </Text>
            <Select
              aria-label={t('year', locale)}
              value={String(year)}
              onChange={(_e, d) => {
                setYear(Number(d.value));
                setUnitId(undefined);
              }}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </label>
          {session.kind === 'local' && (
            <Button
              onClick={() => {
                signOut();
                props.onSignOut();
              }}
            >
              {t('signOut', locale)}
            </Button>
          )}
        </div>
      </header>
      <nav className={styles.tabs}>
        <TabList
          selectedValue={view}
          onTabSelect={(_e, d) => {
            setView(d.value as View);
            setUnitId(undefined);
          }}
        >
          {views.map(([v, key]) => (
            <Tab key={v} value={v}>
              {t(key, locale)}
            </Tab>
          ))}
        </TabList>
      </nav>
      {me.roles.length === 0 && <MessageBar>{t('noRole', locale)}</MessageBar>}
      <main>{body()}</main>
    </div>
  );
}
