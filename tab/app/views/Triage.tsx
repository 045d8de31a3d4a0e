// The triage queue: mail the intake could not decide, with the same decisions as the bot's cards
// (confirm the suggestion, or choose another kind and unit). A decision goes to the intake, which
// files and records the mail as it would have on its own.
import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  MessageBar,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TriageItem } from '../../../core/intake/triage-item.js';
import { MAIL_KINDS, MAIL_KIND_LABELS, type MailKind } from '../../../core/intake/facts.js';
import type { UnitPage } from '../../../features/status/types.js';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { formatInstant, t, type Locale } from '../i18n.js';

// The kinds the intake needs a unit for (core/intake KINDS_NEEDING_UNIT; the server answers 400
// unit-required otherwise).
const NEEDS_UNIT: readonly MailKind[] = [
  'pre-registration',
  'withdrawal',
  'submission',
  'info-meeting-signup',
];

const useStyles = makeStyles({
  list: { display: 'grid', gap: '12px', listStyleType: 'none', padding: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end' },
  subtle: { color: tokens.colorNeutralForeground2 },
  preview: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export function Triage(props: { api: Api; locale: Locale }) {
  const { api, locale } = props;
  const styles = useStyles();
  const triage = useApi<{ items: TriageItem[] }>(api, '/triage');
  // Every unit for "another unit": names only, the working year's table is enough.
  const all = useApi<UnitPage>(api, '/units?all=true');
  const units = useMemo(
    () => (all.data?.items ?? []).map((u) => ({ unitId: u.unitId, name: u.name })),
    [all.data],
  );
  const [actionError, setError] = useState<string>();
  const error = actionError ?? triage.error;
  const [done, setDone] = useState<string[]>([]);

  const items = triage.data?.items;
  if (!items) return <Pending error={error} locale={locale} />;
  const waiting = items.filter((i) => !done.includes(i.messageId));

  return (
    <section aria-label={t('triage', locale)}>
      {error && <MessageBar intent="error">{error}</MessageBar>}
      {done.length > 0 && (
        <MessageBar intent="success">
          {t('decided', locale)}: {done.length}
        </MessageBar>
      )}
      {waiting.length === 0 && <Text>{t('triageEmpty', locale)}</Text>}
      <ul className={styles.list}>
        {waiting.map((item) => (
          <li key={item.messageId}>
            <TriageCard
              item={item}
              units={units}
              locale={locale}
              onDecide={async (kind, unitId, meetingId) => {
                setError(undefined);
                try {
                  await api.post(`/triage/${encodeURIComponent(item.messageId)}`, {
                    kind,
                    ...(unitId ? { unitId } : {}),
                    ...(meetingId ? { meetingId } : {}),
                  });
                  setDone((d) => [...d, item.messageId]);
                } catch (e) {
                  setError((e as Error).message);
                }
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function TriageCard(props: {
  item: TriageItem;
  units: { unitId: string; name: string }[];
  locale: Locale;
  onDecide: (kind: MailKind, unitId?: string, meetingId?: string) => Promise<void>;
}) {
  const { item, locale } = props;
  const styles = useStyles();
  const [kind, setKind] = useState<MailKind>(item.suggestedKind);
  const [unitId, setUnitId] = useState(item.suggestedUnitId ?? '');
  // A signup that did not say which meeting: the coordinator names it, starting from the intake's
  // most likely one (none: nothing pre-selected, and the decision waits for a choice).
  const [meetingId, setMeetingId] = useState(item.suggestedMeetingId ?? '');
  const asksMeeting = kind === 'info-meeting-signup' && (item.meetingChoices?.length ?? 0) > 0;
  const [busy, setBusy] = useState(false);
  const id = item.messageId.replace(/[^\w-]/g, '').slice(-12);
  const candidateIds = new Set(item.candidates.map((c) => c.unitId));
  return (
    <Card aria-labelledby={`subject-${id}`}>
      <Text weight="semibold" id={`subject-${id}`}>
        {item.subject || '–'}
      </Text>
      <Text className={styles.subtle}>
        {t('from', locale)} {item.from ?? '–'} · {formatInstant(item.receivedAt, locale)}
      </Text>
      {item.preview && <Text className={styles.preview}>{item.preview}</Text>}
      <Text>
        {t('suggested', locale)}: {MAIL_KIND_LABELS[item.suggestedKind][locale]} (
        {Math.round(item.confidence * 100)} %)
        {' · '}
        {t('why', locale)}: {item.triageReasons.map((r) => r[locale]).join('; ')}
      </Text>
      <div className={styles.row}>
        <label>
          <Text>{t('kind', locale)} </Text>
          <Select
            value={kind}
            onChange={(_e, d) => setKind(d.value as MailKind)}
            aria-label={`${t('kind', locale)}: ${item.subject ?? ''}`}
          >
            {MAIL_KINDS.map((k) => (
              <option key={k} value={k}>
                {MAIL_KIND_LABELS[k][locale]}
              </option>
            ))}
          </Select>
        </label>
        {NEEDS_UNIT.includes(kind) && (
          <label>
            <Text>{t('unit', locale)} </Text>
            <Select
              value={unitId}
              onChange={(_e, d) => setUnitId(d.value)}
              aria-label={`${t('unit', locale)}: ${item.subject ?? ''}`}
            >
              <option value="">{t('chooseUnit', locale)}</option>
              {item.candidates.map((c) => (
                <option key={c.unitId} value={c.unitId}>
                  {c.unitName}
                </option>
              ))}
              {props.units
                .filter((u) => !candidateIds.has(u.unitId))
                .map((u) => (
                  <option key={u.unitId} value={u.unitId}>
                    {u.name}
                  </option>
                ))}
            </Select>
          </label>
        )}
        {asksMeeting && (
          <label>
            <Text>{t('infoMeeting', locale)} </Text>
            <Select
              value={meetingId}
              onChange={(_e, d) => setMeetingId(d.value)}
              aria-label={`${t('infoMeeting', locale)}: ${item.subject ?? ''}`}
            >
              {!meetingId && <option value="">{t('chooseMeeting', locale)}</option>}
              {item.meetingChoices?.map((m) => (
                <option key={m.id} value={m.id}>
                  {formatInstant(m.start, locale)}
                </option>
              ))}
            </Select>
          </label>
        )}
        <Button
          appearance="primary"
          disabled={busy || (NEEDS_UNIT.includes(kind) && !unitId) || (asksMeeting && !meetingId)}
          onClick={async () => {
            setBusy(true);
            await props.onDecide(
              kind,
              NEEDS_UNIT.includes(kind) ? unitId : undefined,
              asksMeeting && meetingId ? meetingId : undefined,
            );
            setBusy(false);
          }}
        >
          {t('confirm', locale)}
        </Button>
      </div>
    </Card>
  );
}
