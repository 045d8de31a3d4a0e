// A unit manager's view: for each of their units in the chosen cycle, the state, what is left and by
// when, the application's facts, the visits, and withdrawing the participation (confirmed first).
import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  Text,
  Title3,
  makeStyles,
} from '@fluentui/react-components';
import type { UnitDetail } from '../../../features/status/types.js';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { formatInstant, stateLabel, submissionText, t, type Locale } from '../i18n.js';

const useStyles = makeStyles({
  list: { paddingLeft: '18px', margin: '4px 0' },
  units: { display: 'grid', gap: '16px' },
});

const MAY_WITHDRAW = new Set(['pre-registered', 'submitted', 'in-protocol', 'eligible']);

export function MyUnits(props: {
  api: Api;
  locale: Locale;
  year: number;
  units: { unitId: string; name: string }[];
}) {
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      {props.units.map((u) => (
        <OurUnit key={u.unitId} {...props} unitId={u.unitId} />
      ))}
    </div>
  );
}

function OurUnit(props: { api: Api; locale: Locale; year: number; unitId: string }) {
  const { api, locale, year, unitId } = props;
  const styles = useStyles();
  const loaded = useApi<UnitDetail>(api, `/units/${encodeURIComponent(unitId)}?year=${year}`);
  const detail = loaded.data;
  const [actionError, setError] = useState<string>();
  const error = actionError ?? loaded.error;
  const [notice, setNotice] = useState<string>();

  const withdraw = async () => {
    setError(undefined);
    try {
      await api.post(`/units/${encodeURIComponent(unitId)}/withdraw`, {
        year,
        confirm: true,
        requestId: crypto.randomUUID(),
      });
      setNotice(t('withdrawn', locale));
      loaded.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!detail) return <Pending error={error} locale={locale} />;
  const titleId = `unit-${unitId.replace(/[^\w-]/g, '')}`;
  return (
    <Card aria-labelledby={titleId}>
      <Title3 as="h2" id={titleId}>
        {detail.unit.name}
      </Title3>
      <p>
        <Badge appearance="outline" data-testid="unit-state">
          {detail.state ? stateLabel(detail.state, locale) : t('notParticipating', locale)}
        </Badge>
      </p>
      {notice && <MessageBar intent="success">{notice}</MessageBar>}
      {error && <MessageBar intent="error">{error}</MessageBar>}
      <Text weight="semibold">{t('due', locale)}</Text>
      {detail.due.length === 0 ? (
        <Text>{t('nothingDue', locale)}</Text>
      ) : (
        <ul className={styles.list}>
          {detail.due.map((d) => (
            <li key={d.kind}>
              <Text>
                {d.label[locale]}: <strong>{d.when[locale]}</strong> ({d.daysLeft}{' '}
                {t('daysLeft', locale)})
              </Text>
            </li>
          ))}
        </ul>
      )}
      <Text weight="semibold">{t('submission', locale)}</Text>
      {detail.submissions.length === 0 ? (
        <Text>{t('noSubmission', locale)}</Text>
      ) : (
        <ul className={styles.list}>
          {detail.submissions.map((s) => (
            <li key={s.messageId}>
              <Text>{submissionText(s, locale)}</Text>
            </li>
          ))}
        </ul>
      )}
      {detail.visits.length > 0 && (
        <>
          <Text weight="semibold">{t('visits', locale)}</Text>
          <ul className={styles.list}>
            {detail.visits.map((v, i) => (
              <li key={i}>
                <Text>
                  {v.kind}: {v.status}
                  {v.start && ` ${formatInstant(v.start, locale)}`}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {detail.state && MAY_WITHDRAW.has(detail.state) && (
        <Dialog>
          <DialogTrigger disableButtonEnhancement>
            <Button>{t('withdraw', locale)}</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('withdrawTitle', locale)}</DialogTitle>
              <DialogContent>
                {detail.unit.name}: {t('withdrawBody', locale)}
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="secondary">{t('cancel', locale)}</Button>
                </DialogTrigger>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="primary" onClick={() => void withdraw()}>
                    {t('withdrawConfirm', locale)}
                  </Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </Card>
  );
}
