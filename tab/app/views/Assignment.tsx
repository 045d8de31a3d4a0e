// A coordinator assigns the eligible units to the examiner teams from the tab, as the bot's "fördela"
// does: the proposal (GET /api/tab/visits/assignment, which keeps clear of own administrations and
// declared conflicts) is shown first, and exactly what was shown is assigned (POST). If a conflict
// was declared in between, the server refuses with its message and the view offers a new proposal.
import { useState } from 'react';
import { Button, MessageBar, Text, Title3 } from '@fluentui/react-components';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { DataTable } from '../DataTable.js';
import { t, type Locale } from '../i18n.js';

interface Proposal {
  year: number;
  assignments: { unitId: string; teamId: string }[];
  unassignable: { unitId: string }[];
  names: { units: Record<string, string>; teams: Record<string, string> };
}

export function Assignment(props: {
  api: Api;
  locale: Locale;
  year: number;
  onAssigned: () => void;
}) {
  const { api, locale, year } = props;
  const proposal = useApi<Proposal>(api, `/visits/assignment?year=${year}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const data = proposal.data;

  const assign = async () => {
    if (!data) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const r = await api.post<{ assigned: unknown[] }>('/visits/assignment', {
        year,
        assignments: data.assignments,
      });
      setNotice(`${r.assigned.length} ${t('unitsAssigned', locale)}`);
      props.onAssigned();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      proposal.reload();
    }
  };

  const unitName = (id: string) => data?.names.units[id] ?? id;
  return (
    <section aria-labelledby="assignment-title">
      <Title3 as="h2" id="assignment-title">
        {t('assignment', locale)}
      </Title3>
      {notice && <MessageBar intent="success">{notice}</MessageBar>}
      {error && (
        <MessageBar intent="error" data-testid="assignment-error">
          {error}
        </MessageBar>
      )}
      {!data && <Pending error={proposal.error} locale={locale} />}
      {data && data.assignments.length === 0 && <Text>{t('nothingToAssign', locale)}</Text>}
      {data && data.assignments.length > 0 && (
        <>
          <DataTable
            label={t('assignment', locale)}
            testId="assignment-table"
            rows={data.assignments}
            rowKey={(a) => a.unitId}
            columns={[
              { header: t('unit', locale), cell: (a) => unitName(a.unitId) },
              { header: t('team', locale), cell: (a) => data.names.teams[a.teamId] ?? a.teamId },
            ]}
          />
          <Button appearance="primary" disabled={busy} onClick={() => void assign()}>
            {t('assignAsProposed', locale)}
          </Button>
        </>
      )}
      {data && data.unassignable.length > 0 && (
        <Text as="p">
          {t('unassignable', locale)}: {data.unassignable.map((u) => unitName(u.unitId)).join(', ')}
        </Text>
      )}
    </section>
  );
}
