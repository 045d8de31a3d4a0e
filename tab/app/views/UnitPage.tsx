// One unit in a cycle: its facts, state and history, the application's facts, eligibility, what is
// left, and (coordinators) the mails behind the history. A mail's HTML is sanitised by the server and
// shown in a sandboxed frame with no scripts, so nothing a sender wrote can run here.
import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  MessageBar,
  Text,
  Title2,
  Title3,
  makeStyles,
} from '@fluentui/react-components';
import type { UnitDetail } from '../../../features/status/types.js';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { formatInstant, stateLabel, submissionText, t, type Locale } from '../i18n.js';

interface Detail extends UnitDetail {
  mails: {
    messageId: string;
    subject: string;
    from: string;
    receivedAt: string;
    classification: string;
    status: string;
  }[];
}

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: '12px',
  },
  list: { paddingLeft: '18px', margin: '4px 0' },
  frame: { width: '100%', minHeight: '240px', border: '1px solid', backgroundColor: 'white' },
});

export function UnitPage(props: {
  api: Api;
  locale: Locale;
  year: number;
  unitId: string;
  coordinator: boolean;
  onBack: () => void;
}) {
  const { api, locale, year, unitId } = props;
  const styles = useStyles();
  const loaded = useApi<Detail>(api, `/units/${encodeURIComponent(unitId)}?year=${year}`);
  const detail = loaded.data;
  const [mailError, setError] = useState<string>();
  const error = mailError ?? loaded.error;
  const [mail, setMail] = useState<{ messageId: string; subject: string; html: string }>();

  const openMail = async (messageId: string) => {
    try {
      setMail(
        await api.get(
          `/units/${encodeURIComponent(unitId)}/mails/${encodeURIComponent(messageId)}`,
        ),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const back = <Button onClick={props.onBack}>{t('back', locale)}</Button>;
  if (!detail)
    return (
      <>
        {back}
        <Pending error={error} locale={locale} />
      </>
    );
  const u = detail.unit;
  return (
    <article aria-labelledby="unit-title">
      {back}
      {mailError && <MessageBar intent="error">{mailError}</MessageBar>}
      <Title2 as="h2" id="unit-title">
        {u.name}
      </Title2>
      <p>
        <Badge appearance="outline">
          {detail.state ? stateLabel(detail.state, locale) : t('notParticipating', locale)}
        </Badge>{' '}
        <Text>
          {u.className[locale]} · {u.organisationName ?? ''}
        </Text>
      </p>
      <div className={styles.grid}>
        <Card>
          <Title3 as="h3">{t('manager', locale)}</Title3>
          <Text>
            {u.managerName} ({u.managerEmail})
          </Text>
          {u.staffCount !== undefined && (
            <Text>
              {t('staff', locale)}: {u.staffCount}
            </Text>
          )}
          {detail.examinerTeam && (
            <Text>
              {t('team', locale)}: {detail.examinerTeam.name}
            </Text>
          )}
        </Card>
        <Card>
          <Title3 as="h3">{t('submission', locale)}</Title3>
          {detail.submissions.length === 0 && <Text>{t('noSubmission', locale)}</Text>}
          <ul className={styles.list}>
            {detail.submissions.map((s) => (
              <li key={s.messageId}>
                <Text>
                  {submissionText(s, locale)} {s.fileNames.join(', ')}
                </Text>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <Title3 as="h3">{t('eligibility', locale)}</Title3>
          {detail.eligibility.decided && (
            <Text>{stateLabel(detail.eligibility.decided, locale)}</Text>
          )}
          <ul className={styles.list}>
            {[...detail.eligibility.reasons, ...detail.eligibility.needsChecking].map((r, i) => (
              <li key={i}>
                <Text>{r[locale]}</Text>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <Title3 as="h3">{t('due', locale)}</Title3>
          {detail.due.length === 0 && <Text>{t('nothingDue', locale)}</Text>}
          <ul className={styles.list}>
            {detail.due.map((d) => (
              <li key={d.kind}>
                <Text>
                  {d.label[locale]}: <strong>{d.when[locale]}</strong>
                </Text>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <section aria-labelledby="history-title">
        <Title3 as="h3" id="history-title">
          {t('history', locale)}
        </Title3>
        <ol className={styles.list}>
          {detail.history.map((h, i) => (
            <li key={i}>
              <Text>
                {formatInstant(h.at, locale)}: {stateLabel(h.to, locale)} ({h.by.name ?? h.by.id},{' '}
                {h.source.kind}){h.note ? ` – ${h.note}` : ''}
              </Text>
            </li>
          ))}
        </ol>
      </section>
      {props.coordinator && (
        <section aria-labelledby="mails-title">
          <Title3 as="h3" id="mails-title">
            {t('mails', locale)}
          </Title3>
          <ul className={styles.list}>
            {detail.mails.map((m) => (
              <li key={m.messageId}>
                <Text>
                  {formatInstant(m.receivedAt, locale)} · {m.from} · {m.subject} ({m.classification}
                  )
                </Text>{' '}
                <Button size="small" onClick={() => void openMail(m.messageId)}>
                  {t('showMail', locale)}
                </Button>
              </li>
            ))}
          </ul>
          {mail && (
            <Card>
              <Text weight="semibold">{mail.subject}</Text>
              <iframe
                title={mail.subject || t('showMail', locale)}
                className={styles.frame}
                sandbox=""
                referrerPolicy="no-referrer"
                srcDoc={`<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">${mail.html}`}
                data-testid="mail-body"
              />
            </Card>
          )}
        </section>
      )}
    </article>
  );
}
