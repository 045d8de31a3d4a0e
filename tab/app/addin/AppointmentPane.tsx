// "Boka besök" beside a new appointment: the team leader picks a unit still waiting for a visit and
// one of the visits feature's proposed times; the pane fills the appointment through Office.js
// (start, end, required attendees, location, subject, the body with the documents), saves it and
// has the visit recorded from the saved appointment's id, so the visits feature follows responses
// as for any visit and never books a second event. A time taken meanwhile: fresh proposals.
/// <reference types="office-js" />
import { useCallback, useEffect, useState } from 'react';
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
} from '@fluentui/react-components';
import { ApiError } from '../api.js';
import { call, supports } from './office.js';
import type { PaneContext } from './shell.js';
import { Pending } from '../Pending.js';
import { t, timeRange, type Locale } from '../i18n.js';

interface UnitRow {
  unitId: string;
  name: string;
  team: string;
  kind: 'site' | 'feedback';
  needsVisit: boolean;
}

interface Proposals {
  slots: { start: string; end: string }[];
  reason?: string;
  appointment: {
    subject: string;
    attendees: { address: string; name?: string }[];
    location: string;
    html: string;
    teamsMeeting: boolean;
  };
}

type Mode = 'on-site' | 'digital';

const kindText = (kind: UnitRow['kind'], l: Locale) =>
  t(kind === 'site' ? 'siteVisit' : 'feedbackVisit', l);

/** Fills the appointment being composed with the chosen time and the visit's content. */
async function fill(
  item: Office.AppointmentCompose,
  slot: { start: string; end: string },
  a: Proposals['appointment'],
): Promise<void> {
  await call<void>((done) => item.start.setAsync(new Date(slot.start), done));
  await call<void>((done) => item.end.setAsync(new Date(slot.end), done));
  await call<void>((done) =>
    item.requiredAttendees.setAsync(
      a.attendees.map((p) => ({ emailAddress: p.address, displayName: p.name ?? p.address })),
      done,
    ),
  );
  await call<void>((done) => item.location.setAsync(a.location, done));
  await call<void>((done) => item.subject.setAsync(a.subject, done));
  await call<void>((done) =>
    item.body.setAsync(a.html, { coercionType: Office.CoercionType.Html }, done),
  );
}

/** Saves the appointment and answers its id (EWS format, as getItemIdAsync gives it). */
async function save(office: typeof Office, item: Office.AppointmentCompose): Promise<string> {
  const saved = await call<string>((done) => item.saveAsync(done));
  if (supports(office, 'Mailbox', '1.8')) return call<string>((done) => item.getItemIdAsync(done));
  return saved;
}

export function AppointmentPane({ office, api, locale }: PaneContext) {
  const item = office.context.mailbox.item as Office.AppointmentCompose;
  const [units, setUnits] = useState<UnitRow[] | undefined>();
  const [refusal, setRefusal] = useState<string | undefined>();
  const [chosen, setChosen] = useState<UnitRow | undefined>();
  const [mode, setMode] = useState<Mode>('on-site');
  const [proposals, setProposals] = useState<Proposals | undefined>();
  const [filled, setFilled] = useState<{ start: string; end: string } | undefined>();
  const [notice, setNotice] = useState<{ intent: 'success' | 'warning' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .get<{ units: UnitRow[] }>('/addin/visits')
      .then((r) => setUnits(r.units.filter((u) => u.needsVisit)))
      .catch((e: unknown) => setRefusal(e instanceof Error ? e.message : String(e)));
  }, [api]);

  const loadProposals = useCallback(
    async (unit: UnitRow, m: Mode) => {
      setProposals(undefined);
      const q = new URLSearchParams({ unitId: unit.unitId, kind: unit.kind, mode: m });
      try {
        setProposals(await api.get<Proposals>(`/addin/visits/proposals?${q.toString()}`));
      } catch (e) {
        setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
      }
    },
    [api],
  );

  const choose = (unit: UnitRow) => {
    setChosen(unit);
    setFilled(undefined);
    setNotice(undefined);
    void loadProposals(unit, mode);
  };

  const pick = async (slot: { start: string; end: string }) => {
    if (!proposals) return;
    setBusy(true);
    try {
      await fill(item, slot, proposals.appointment);
      setFilled(slot);
      setNotice({ intent: 'success', text: t('filled', locale) });
    } catch (e) {
      setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const record = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      const itemId = await save(office, item);
      const r = await api.post<{ outcome: string }>('/addin/visits/record', {
        unitId: chosen.unitId,
        kind: chosen.kind,
        mode,
        itemId,
        idType: 'ewsId',
      });
      setNotice({
        intent: 'success',
        text: t(r.outcome === 'already' ? 'already' : 'recorded', locale),
      });
      setUnits((list) => list?.filter((u) => u !== chosen));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'slot-taken') {
        setFilled(undefined);
        setNotice({ intent: 'warning', text: t('taken', locale) });
        await loadProposals(chosen, mode);
      } else setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  if (!units) return <Pending error={refusal} intent="warning" locale={locale} />;

  return (
    <>
      <section aria-label={t('yourUnits', locale)}>
        <Subtitle2 as="h2" block>
          {t('yourUnits', locale)}
        </Subtitle2>
        {units.length === 0 && <Body1 as="p">{t('noneWaiting', locale)}</Body1>}
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {units.map((u) => (
            <Button
              key={`${u.kind}:${u.unitId}`}
              appearance={chosen === u ? 'primary' : 'secondary'}
              onClick={() => choose(u)}
            >
              {u.name} ({kindText(u.kind, locale)})
            </Button>
          ))}
        </div>
      </section>

      {chosen && (
        <RadioGroup
          layout="horizontal"
          value={mode}
          onChange={(_, d) => {
            setMode(d.value as Mode);
            setFilled(undefined);
            void loadProposals(chosen, d.value as Mode);
          }}
        >
          <Radio value="on-site" label={t('onSite', locale)} />
          <Radio value="digital" label={t('digital', locale)} />
        </RadioGroup>
      )}

      {chosen && !proposals && !notice && <Spinner label={t('loading', locale)} />}
      {chosen && proposals && (
        <section aria-label={t('proposals', locale)}>
          <Subtitle2 as="h2" block>
            {t('proposals', locale)}
          </Subtitle2>
          {proposals.slots.length === 0 && <Body1 as="p">{t('noSlots', locale)}</Body1>}
          <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }} data-testid="slots">
            {proposals.slots.map((s) => (
              <Button
                key={s.start}
                disabled={busy}
                appearance={filled?.start === s.start ? 'primary' : 'secondary'}
                onClick={() => void pick(s)}
              >
                {timeRange(s.start, s.end, locale)}
              </Button>
            ))}
          </div>
        </section>
      )}

      {filled && mode === 'digital' && (
        <MessageBar intent="info">
          <MessageBarBody>{t('teamsHint', locale)}</MessageBarBody>
        </MessageBar>
      )}
      {filled && (
        <Button appearance="primary" disabled={busy} onClick={() => void record()}>
          {t('record', locale)}
        </Button>
      )}
      {notice && (
        <MessageBar intent={notice.intent} role="status">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
