// The visits of a cycle: coordinators see the whole calendar (who visits whom when, what is still
// unbooked) and the examiner teams; examiners the visits of their own teams. Read from the visits
// feature's tab API (/visits/calendar cuts the rows to the caller's teams; /visits/teams is for
// coordinators). Unit managers see their unit's visits on "Vår enhet". A team leader books their
// team's unbooked visits here; the team leader or a coordinator moves a booked one ("Flytta").
import { useState } from 'react';
import { Button, MessageBar, Select, Text, Title3, makeStyles } from '@fluentui/react-components';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { DataTable } from '../DataTable.js';
import { Assignment } from './Assignment.js';
import { BookVisit } from './BookVisit.js';
import { MoveVisit } from './MoveVisit.js';
import { formatInstant, t, tOr, type Locale } from '../i18n.js';

type VisitKind = 'site' | 'feedback';
type VisitStatus = 'unbooked' | 'booked' | 'held' | 'declined' | 'cancelled';

interface CalendarRow {
  ref: { unitId: string; year: number; kind: VisitKind };
  unitName: string;
  teamName: string;
  teamId: string;
  leader: string;
  status: VisitStatus;
  start?: string;
  end?: string;
}

interface Team {
  id: string;
  name: string;
  leader: string;
  members: { address: string; name?: string }[];
  unitIds: string[];
}

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'center', margin: '8px 0' },
  scroll: { overflowX: 'auto' },
  section: { marginTop: '24px' },
  // Addresses are long; they wrap rather than run into the next column.
  address: { overflowWrap: 'anywhere' },
});

export function Visits(props: {
  api: Api;
  locale: Locale;
  year: number;
  coordinator: boolean;
  /** The signed-in person: a team leader books their team's unbooked visits here. */
  me?: string;
}) {
  const { api, locale, year, coordinator } = props;
  const me = props.me?.toLowerCase();
  const [booking, setBooking] = useState<string>();
  const [moving, setMoving] = useState<string>();
  const [notice, setNotice] = useState<'visitBooked' | 'visitMoved'>();
  const styles = useStyles();
  const [kind, setKind] = useState<VisitKind>('site');
  const calendar = useApi<{ visits: CalendarRow[] }>(
    api,
    `/visits/calendar?year=${year}&kind=${kind}`,
  );
  const teamList = useApi<{ teams: Team[] }>(
    api,
    coordinator ? `/visits/teams?year=${year}` : undefined,
  );
  const rows = calendar.data?.visits;
  const teams = teamList.data?.teams;

  const unbooked = rows?.filter((r) => r.status === 'unbooked').length ?? 0;
  const booked = rows?.filter((r) => r.status === 'booked' || r.status === 'held').length ?? 0;

  return (
    <section aria-labelledby="visits-title">
      <Title3 as="h2" id="visits-title">
        {t(coordinator ? 'visitCalendar' : 'myVisits', locale)}
      </Title3>
      <div className={styles.bar}>
        <label>
          <Text>{t('visitKind', locale)} </Text>
          <Select
            aria-label={t('visitKind', locale)}
            value={kind}
            onChange={(_e, d) => setKind(d.value as VisitKind)}
          >
            <option value="site">{t('visitKind_site', locale)}</option>
            <option value="feedback">{t('visitKind_feedback', locale)}</option>
          </Select>
        </label>
        {rows && rows.length > 0 && (
          <Text data-testid="visit-counts" role="status">
            {booked} {t('bookedCount', locale)}, {unbooked} {t('unbookedCount', locale)}
          </Text>
        )}
      </div>
      {!rows && <Pending error={calendar.error} locale={locale} />}
      {notice && (
        <MessageBar intent="success" data-testid="visit-notice">
          {t(notice, locale)}
        </MessageBar>
      )}
      {rows && rows.length === 0 && <Text>{t('noVisits', locale)}</Text>}
      {rows && rows.length > 0 && (
        <div className={styles.scroll}>
          <DataTable
            label={t('visitCalendar', locale)}
            testId="visit-calendar"
            rows={rows}
            rowKey={(r) => `${r.ref.unitId}-${r.teamId}`}
            columns={[
              {
                header: t('when', locale),
                cell: (r) => (r.start ? formatInstant(r.start, locale) : '–'),
              },
              { header: t('unit', locale), cell: (r) => r.unitName },
              { header: t('team', locale), cell: (r) => r.teamName },
              { header: t('leader', locale), cell: (r) => r.leader, className: styles.address },
              {
                header: t('status', locale),
                cell: (r) =>
                  r.status === 'unbooked' ? (
                    <strong>{t('visit_unbooked', locale)}</strong>
                  ) : (
                    tOr(`visit_${r.status}`, locale)
                  ),
              },
              ...(coordinator || rows.some((r) => r.leader.toLowerCase() === me)
                ? [
                    {
                      header: t('actions', locale),
                      cell: (r: CalendarRow) =>
                        r.status === 'booked' && (coordinator || r.leader.toLowerCase() === me) ? (
                          moving === r.ref.unitId ? (
                            <MoveVisit
                              api={api}
                              locale={locale}
                              year={year}
                              unitId={r.ref.unitId}
                              kind={r.ref.kind}
                              onClose={() => setMoving(undefined)}
                              onMoved={() => {
                                setMoving(undefined);
                                setNotice('visitMoved');
                                calendar.reload();
                              }}
                            />
                          ) : (
                            <Button
                              size="small"
                              onClick={() => {
                                setNotice(undefined);
                                setMoving(r.ref.unitId);
                              }}
                            >
                              {t('moveVisit', locale)}
                            </Button>
                          )
                        ) : r.leader.toLowerCase() !== me ||
                          (r.status !== 'unbooked' && r.status !== 'declined') ? null : booking ===
                          r.ref.unitId ? (
                          <BookVisit
                            api={api}
                            locale={locale}
                            year={year}
                            unitId={r.ref.unitId}
                            kind={r.ref.kind}
                            onBooked={() => {
                              setBooking(undefined);
                              setNotice('visitBooked');
                              calendar.reload();
                            }}
                          />
                        ) : (
                          <Button size="small" onClick={() => setBooking(r.ref.unitId)}>
                            {t('findTime', locale)}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
      {coordinator && (
        <div className={styles.section}>
          <Assignment
            api={api}
            locale={locale}
            year={year}
            onAssigned={() => {
              calendar.reload();
              teamList.reload();
            }}
          />
        </div>
      )}
      {coordinator && (
        <section aria-labelledby="teams-title" className={styles.section}>
          <Title3 as="h2" id="teams-title">
            {t('teams', locale)}
          </Title3>
          {!teams && <Pending error={teamList.error} locale={locale} />}
          {teams && teams.length === 0 && <Text>{t('noTeams', locale)}</Text>}
          {teams && teams.length > 0 && (
            <div className={styles.scroll}>
              <DataTable
                label={t('teams', locale)}
                testId="team-table"
                rows={teams}
                rowKey={(team) => team.id}
                columns={[
                  { header: t('team', locale), cell: (team) => team.name },
                  {
                    header: t('leader', locale),
                    cell: (team) => team.leader,
                    className: styles.address,
                  },
                  {
                    header: t('members', locale),
                    cell: (team) => team.members.map((m) => m.name ?? m.address).join(', '),
                  },
                  { header: t('units', locale), cell: (team) => team.unitIds.length },
                ]}
              />
            </div>
          )}
        </section>
      )}
    </section>
  );
}
