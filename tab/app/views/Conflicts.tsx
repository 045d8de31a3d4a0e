// An examiner's conflicts of interest for the chosen cycle: what they have declared, and a new
// declaration for a unit taking part (they will not examine it), through the visits feature's
// /api/tab/visits/conflicts (the one place a declaration is made; it undoes an assignment it breaks).
import { useState } from 'react';
import {
  Button,
  Input,
  MessageBar,
  Select,
  Text,
  Title3,
  makeStyles,
} from '@fluentui/react-components';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { t, type Locale } from '../i18n.js';

interface Conflicts {
  year: number;
  conflicts: { unitId: string; reason?: string }[];
  units?: { unitId: string; name: string }[];
}

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end', margin: '8px 0' },
  list: { paddingLeft: '18px' },
});

export function Conflicts(props: { api: Api; locale: Locale; year: number }) {
  const { api, locale, year } = props;
  const styles = useStyles();
  const {
    data,
    error: loadError,
    reload,
  } = useApi<Conflicts>(api, `/visits/conflicts?year=${year}`);
  const [unitId, setUnitId] = useState('');
  const [reason, setReason] = useState('');
  const [actionError, setError] = useState<string>();
  const error = actionError ?? loadError;
  const [notice, setNotice] = useState<string>();

  if (!data) return <Pending error={error} locale={locale} />;
  const names = new Map((data.units ?? []).map((u) => [u.unitId, u.name]));

  return (
    <section aria-labelledby="conflicts-title">
      <Title3 as="h2" id="conflicts-title">
        {t('declare', locale)}
      </Title3>
      <Text>{t('declareIntro', locale)}</Text>
      {notice && <MessageBar intent="success">{notice}</MessageBar>}
      {error && <MessageBar intent="error">{error}</MessageBar>}
      <form
        className={styles.form}
        onSubmit={async (e) => {
          e.preventDefault();
          setError(undefined);
          try {
            await api.post('/visits/conflicts', {
              year,
              unitId,
              ...(reason.trim() ? { reason } : {}),
            });
            setNotice(t('saved', locale));
            setUnitId('');
            setReason('');
            reload();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <label>
          <Text>{t('unit', locale)} </Text>
          <Select
            value={unitId}
            onChange={(_e, d) => setUnitId(d.value)}
            aria-label={t('unit', locale)}
            required
          >
            <option value="">{t('chooseUnit', locale)}</option>
            {(data.units ?? []).map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.name}
              </option>
            ))}
          </Select>
        </label>
        <Input
          aria-label={t('reason', locale)}
          placeholder={t('reason', locale)}
          value={reason}
          onChange={(_e, d) => setReason(d.value)}
        />
        <Button appearance="primary" type="submit" disabled={!unitId}>
          {t('declare', locale)}
        </Button>
      </form>
      <Title3 as="h3">{t('declared', locale)}</Title3>
      {data.conflicts.length === 0 ? (
        <Text>{t('noConflicts', locale)}</Text>
      ) : (
        <ul className={styles.list} data-testid="conflicts">
          {data.conflicts.map((c) => (
            <li key={c.unitId}>
              <Text>
                {names.get(c.unitId) ?? c.unitId}
                {c.reason ? ` – ${c.reason}` : ''}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
