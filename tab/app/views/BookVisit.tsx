// A team leader books a visit from the tab, as from the bot's proposals card: the proposed times
// (GET /api/tab/addin/visits/proposals, the same the Outlook add-in shows) and a button per time
// (POST /api/tab/visits/book). A time taken meanwhile answers 409; the view asks for fresh times.
import { Button, MessageBar, Text } from '@fluentui/react-components';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { t, timeRange, type Locale } from '../i18n.js';
import { useSlotAction, type Slot } from './useSlotAction.js';

interface Proposals {
  slots: Slot[];
  reason?: string;
}

export function BookVisit(props: {
  api: Api;
  locale: Locale;
  year: number;
  unitId: string;
  kind: 'site' | 'feedback';
  onBooked: () => void;
}) {
  const { api, locale, year, unitId, kind } = props;
  const q = new URLSearchParams({ unitId, kind, mode: 'on-site' });
  const proposals = useApi<Proposals>(api, `/addin/visits/proposals?${q.toString()}`);
  const { busy, error, choose } = useSlotAction(
    async (slot) => {
      await api.post('/visits/book', { unitId, year, kind, mode: 'on-site', ...slot });
    },
    props.onBooked,
    proposals.reload,
  );

  const data = proposals.data;
  if (!data) return <Pending error={proposals.error} locale={locale} />;
  return (
    <div data-testid={`book-${unitId}`}>
      {error && <MessageBar intent="error">{error}</MessageBar>}
      {data.slots.length === 0 && <Text>{data.reason ?? t('noSlots', locale)}</Text>}
      {data.slots.map((s) => (
        <Button key={s.start} size="small" disabled={busy} onClick={() => void choose(s)}>
          {t('bookAt', locale)} {timeRange(s.start, s.end, locale)}
        </Button>
      ))}
    </div>
  );
}
