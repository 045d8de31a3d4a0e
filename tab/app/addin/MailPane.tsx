// The mail read pane: the open mail as the app saw it in the shared mailbox (kind and why, the units
// and their state, a submission's size and questions, the receipt), and for coordinators the same
// acts as the bot's and the tab's triage: decide kind and unit, resend the receipt. A mail outside
// the shared mailbox, or someone who is not a coordinator: the server's message, and no actions.
/// <reference types="office-js" />
import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
} from '@fluentui/react-components';
import { ApiError } from '../api.js';
import { call } from './office.js';
import type { PaneContext } from './shell.js';
import type { MailView } from '../../../features/intake/mail-view.js';
import { Pending } from '../Pending.js';
import { receiptStatusText, t, when, type Bilingual } from '../i18n.js';

// The mail as the intake feature describes it (features/intake/mail-view.ts), over JSON.
interface MailAnswer {
  mail: MailView;
  actions: { decide: boolean; resendReceipt: boolean };
  choices: {
    kinds: { kind: string; label: Bilingual }[];
    units: { unitId: string; name: string }[];
  };
}

/** Where the open item lives: the shared mailbox's owner (shared folders, Mailbox 1.8) or the user's own. */
async function mailboxOf(office: typeof Office): Promise<string> {
  const item = office.context.mailbox.item as Office.MessageRead;
  if (typeof item.getSharedPropertiesAsync === 'function') {
    try {
      const shared = await call<Office.SharedProperties>((done) =>
        item.getSharedPropertiesAsync(done),
      );
      if (shared.owner) return shared.owner;
    } catch {
      // Not a shared folder or mailbox: the user's own.
    }
  }
  return office.context.mailbox.userProfile.emailAddress;
}

export function MailPane({ office, api, locale }: PaneContext) {
  const item = office.context.mailbox.item as Office.MessageRead | undefined;
  const internetMessageId = item?.internetMessageId ?? '';
  const [answer, setAnswer] = useState<MailAnswer | undefined>();
  const [refusal, setRefusal] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  // A signup that did not say which info meeting: the coordinator names it, starting from the
  // intake's most likely one (none: nothing pre-selected, and saving waits for a choice).
  const [meetingId, setMeetingId] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      const mailbox = await mailboxOf(office);
      const q = new URLSearchParams({ internetMessageId, mailbox });
      const a = await api.get<MailAnswer>(`/addin/mail?${q.toString()}`);
      setAnswer(a);
      setKind(a.mail.kind);
      setUnitId(a.mail.units[0]?.unitId);
      setMeetingId(a.mail.suggestedMeetingId);
    } catch (e) {
      setRefusal(e instanceof Error ? e.message : String(e));
    }
  }, [api, office, internetMessageId]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<{ mail: MailView }>, done: string) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const result = await work();
      setAnswer((a) =>
        a
          ? {
              ...a,
              mail: result.mail,
              actions: {
                ...a.actions,
                decide: result.mail.waitingForTriage || result.mail.status === 'processed',
              },
            }
          : a,
      );
      setNotice(done);
    } catch (e) {
      setNotice(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (!answer) return <Pending error={refusal} intent="warning" locale={locale} />;
  const { mail, actions, choices } = answer;
  const percent = Math.round(mail.confidence * 100);

  return (
    <>
      <section aria-label={t('kind', locale)}>
        <Subtitle2 as="h2" block>
          {t('kind', locale)}: <span data-testid="kind">{mail.kindLabel[locale]}</span>
        </Subtitle2>
        <Caption1>
          {' '}
          ({percent} % {t('confidence', locale)})
        </Caption1>
        <Body1 as="p">
          {mail.waitingForTriage ? (
            <Badge color="warning">{t('waiting', locale)}</Badge>
          ) : mail.decidedBy ? (
            `${t('decidedBy', locale)} ${mail.decidedBy.by}`
          ) : (
            t('automatic', locale)
          )}
        </Body1>
        {mail.reasons.length + mail.triageReasons.length > 0 && (
          <>
            <Caption1 block>{t('whyThisKind', locale)}</Caption1>
            <ul data-testid="reasons">
              {[...mail.reasons, ...mail.triageReasons, ...mail.facts].map((r, i) => (
                <li key={i}>{r[locale]}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      {mail.units.length > 0 && (
        <section aria-label={t('unit', locale)}>
          <Subtitle2 as="h2" block>
            {t('unit', locale)}
          </Subtitle2>
          <ul data-testid="units">
            {mail.units.map((u) => (
              <li key={u.unitId}>
                {u.name}: {u.stateLabel?.[locale] ?? t('noParticipation', locale)}
                {u.matched === 'candidate' ? ` (${t('candidate', locale)})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      {mail.submission && (
        <section aria-label={t('submission', locale)} data-testid="submission">
          <Subtitle2 as="h2" block>
            {t('submission', locale)}
          </Subtitle2>
          <Body1 as="p">
            {mail.submission.characterCount.toLocaleString('sv-SE')}
            {mail.submission.maxCharacters
              ? ` / ${mail.submission.maxCharacters.toLocaleString('sv-SE')}`
              : ''}{' '}
            {t('charactersNoSpaces', locale)}; {mail.submission.answeredQuestions.length}/24{' '}
            {t('questions', locale)}
          </Body1>
          {mail.submission.missingQuestions.length > 0 && (
            <Caption1 block>
              {t('missing', locale)}: {mail.submission.missingQuestions.join(', ')}
            </Caption1>
          )}
          {mail.submission.late && <Badge color="danger">{t('sentLate', locale)}</Badge>}
        </section>
      )}

      <section aria-label={t('receipt', locale)}>
        <Subtitle2 as="h2" block>
          {t('receipt', locale)}
        </Subtitle2>
        <Body1 as="p" data-testid="receipt">
          {mail.receipt
            ? `${receiptStatusText(mail.receipt.status, locale)}${mail.receipt.sentAt ? ` ${when(mail.receipt.sentAt, locale)}` : ''}${mail.receipt.resends > 0 ? `, ${t('resends', locale)} ${mail.receipt.resends} ${t('times', locale)}` : ''}`
            : t('noReceipt', locale)}
        </Body1>
        {actions.resendReceipt && mail.receipt && (
          <Button
            disabled={busy}
            onClick={() =>
              void act(
                () =>
                  api.post<{ mail: MailView }>('/addin/mail/receipt', {
                    internetMessageId,
                    seen: mail.receipt!.resends,
                  }),
                t('resent', locale),
              )
            }
          >
            {t('resend', locale)}
          </Button>
        )}
      </section>

      {actions.decide && (
        <section aria-label={t('decide', locale)}>
          <Subtitle2 as="h2" block>
            {t('decide', locale)}
          </Subtitle2>
          <Field label={t('kind', locale)}>
            <Dropdown
              aria-label={t('kind', locale)}
              value={choices.kinds.find((k) => k.kind === kind)?.label[locale] ?? ''}
              selectedOptions={kind ? [kind] : []}
              onOptionSelect={(_, d) => setKind(d.optionValue)}
            >
              {choices.kinds.map((k) => (
                <Option key={k.kind} value={k.kind}>
                  {k.label[locale]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('unit', locale)}>
            <Dropdown
              aria-label={t('unit', locale)}
              placeholder={t('chooseUnit', locale)}
              value={choices.units.find((u) => u.unitId === unitId)?.name ?? ''}
              selectedOptions={unitId ? [unitId] : []}
              onOptionSelect={(_, d) => setUnitId(d.optionValue)}
            >
              {choices.units.map((u) => (
                <Option key={u.unitId} value={u.unitId}>
                  {u.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {kind === 'info-meeting-signup' && mail.meetingChoices?.length ? (
            <Field label={t('infoMeeting', locale)}>
              <Dropdown
                aria-label={t('infoMeeting', locale)}
                placeholder={t('chooseMeeting', locale)}
                value={
                  meetingId
                    ? when(mail.meetingChoices.find((m) => m.id === meetingId)?.start ?? '', locale)
                    : ''
                }
                selectedOptions={meetingId ? [meetingId] : []}
                onOptionSelect={(_, d) => setMeetingId(d.optionValue)}
              >
                {mail.meetingChoices.map((m) => (
                  <Option key={m.id} value={m.id}>
                    {when(m.start, locale)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          ) : null}
          <Button
            appearance="primary"
            disabled={
              busy ||
              !kind ||
              (kind === 'info-meeting-signup' && !!mail.meetingChoices?.length && !meetingId)
            }
            onClick={() =>
              void act(
                () =>
                  api.post<{ mail: MailView }>('/addin/mail/decision', {
                    internetMessageId,
                    kind,
                    ...(unitId ? { unitId } : {}),
                    ...(kind === 'info-meeting-signup' && meetingId ? { meetingId } : {}),
                  }),
                t('decisionSaved', locale),
              )
            }
          >
            {t('save', locale)}
          </Button>
        </section>
      )}

      {notice && (
        <MessageBar role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
