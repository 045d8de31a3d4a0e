// The team leader of a unit's team, or a coordinator, moves a booked visit that has not taken place:
// fresh proposed times from the same calendars as booking, the current time left out
// (GET /api/tab/visits/move/proposals), and a button per time (POST /api/tab/visits/move), which
// moves the same Outlook event. A time taken meanwhile answers 409; the view asks for fresh times.
import { Button, MessageBar, Text, makeStyles } from '@fluentui/react-components';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { t, timeRange, type Locale } from '../i18n.js';
import { useSlotAction, type Slot } from './useSlotAction.js';

interface MoveProposals {
  current: Slot;
  slots: Slot[];
  reason?: string;
}

const useStyles = makeStyles({
  times: { display: 'flex', flexWrap: 'wrap', gap: '4px', marginTop: '4px' },
});

export function MoveVisit(props: {
  api: Api;
  locale: Locale;
  year: number;
  unitId: string;
  kind: 'site' | 'feedback';
  onMoved: () => void;
  onClose: () => void;
}) {
  const { api, locale, year, unitId, kind } = props;
  const styles = useStyles();
  const q = new URLSearchParams({ unitId, kind, year: String(year) });
  const proposals = useApi<MoveProposals>(api, `/visits/move/proposals?${q.toString()}`);
  const { busy, error, choose } = useSlotAction(
    async (slot) => {
      await api.post('/visits/move', { unitId, year, kind, ...slot });
    },
    props.onMoved,
    proposals.reload,
  );

  const data = proposals.data;
  if (!data) return <Pending error={proposals.error} locale={locale} />;
  return (
    <div data-testid={`move-${unitId}`}>
      {error && (
        <MessageBar intent="error" data-testid="move-error">
          {error}
        </MessageBar>
      )}
      <Text size={200}>
        {t('movingFrom', locale)}: {timeRange(data.current.start, data.current.end, locale)}
      </Text>
      {data.slots.length === 0 && <Text>{data.reason ?? t('noSlots', locale)}</Text>}
      <div className={styles.times}>
        {data.slots.map((s) => (
          <Button key={s.start} size="small" disabled={busy} onClick={() => void choose(s)}>
            {t('moveTo', locale)} {timeRange(s.start, s.end, locale)}
          </Button>
        ))}
        <Button size="small" appearance="subtle" disabled={busy} onClick={props.onClose}>
          {t('keepTime', locale)}
        </Button>
      </div>
    </div>
  );
}
