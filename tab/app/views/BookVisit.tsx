// A team leader books a visit from the tab, as from the bot's proposals card: the proposed times
// (GET /api/tab/addin/visits/proposals, the same the Outlook add-in shows) and a button per time
// (POST /api/tab/visits/book). A time taken meanwhile answers 409; the view asks for fresh times.
import { useState } from 'react';
import { Button, MessageBar, Text } from '@fluentui/react-components';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { t, timeRange, type Locale } from '../i18n.js';

interface Proposals {
  slots: { start: string; end: string }[];
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const book = async (slot: { start: string; end: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/visits/book', { unitId, year, kind, mode: 'on-site', ...slot });
      props.onBooked();
    } catch (e) {
      setError((e as Error).message);
      proposals.reload();
    } finally {
      setBusy(false);
    }
  };

  const data = proposals.data;
  if (!data) return <Pending error={proposals.error} locale={locale} />;
  return (
    <div data-testid={`book-${unitId}`}>
      {error && <MessageBar intent="error">{error}</MessageBar>}
      {data.slots.length === 0 && <Text>{data.reason ?? t('noSlots', locale)}</Text>}
      {data.slots.map((s) => (
        <Button key={s.start} size="small" disabled={busy} onClick={() => void book(s)}>
          {t('bookAt', locale)} {timeRange(s.start, s.end, locale)}
        </Button>
      ))}
    </div>
  );
}
