// The reminders workflow: decide (core/reminders: which occurrences are due, which units still have to
// act) and then act through delivery (Teams card or mail, once per unit manager). Runs due
// occurrences (late after downtime while the deadline is ahead, never after), due snoozes, the
// card's actions (acted on the real state; withdrawal only after confirmation) and the coordinators'
// overview, send-now and pause. Units become `interested` here when they signed up for an
// information meeting or asked a question about taking part.
import { z } from 'zod';
import {
  remindersOverviewCard,
  reminderCard,
  reminderNoticeCard,
  type ReminderCardState,
  type ReminderOverviewRow,
} from '../../cards/reminder.js';
import type { AdaptiveCard } from '../../cards/types.js';
import { canTransition, newParticipation, transition } from '../../core/participation.js';
import type { Cycle, Locale, Participation } from '../../core/model.js';
import {
  dueNow,
  occurrenceWindow,
  reminderOccurrences,
  reminderRecipients,
  visitReminderOccurrences,
  feedbackVisitReminderOccurrences,
  snoozeUntil,
  stillMissing,
  type MissingItem,
  type ReminderOccurrence,
  type UnitSituation,
} from '../../core/reminders.js';
import { visitId, type Store } from '../../store/index.js';
import type { Delivery, DeliveryMessage, DeliveryResult } from '../delivery/index.js';
import { infoMeetingSignups } from '../intake/info-meetings.js';
import type { RoleResolver } from '../roles/types.js';
import { reminderMail } from './mail.js';
import { reminderState } from './state.js';

export interface RemindersLogger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

export interface RemindersDeps {
  store: Store;
  delivery: Delivery;
  cycles: readonly Cycle[];
  now: () => Date;
  /** The shared mailbox (where units send things, and where fallback mail comes from). */
  mailbox: string;
  roles: RoleResolver;
  logger?: RemindersLogger;
  /** Deliveries in flight during a fan-out (Teams' own limits hold whatever this is). */
  concurrency?: number;
}

export interface RunSummary {
  occurrences: { id: string; results: DeliveryResult[] }[];
  snoozes: number;
}

const actionData = z.object({
  occurrenceId: z.string().min(1).max(200),
  unitId: z.string().min(1).max(200),
});
const rowData = z.object({ occurrenceId: z.string().min(1).max(200) });

export type ActionOutcome = { card: AdaptiveCard };

export function createReminders(deps: RemindersDeps) {
  const state = reminderState(deps.store);
  const { store } = deps;
  const bookedVisits = async (cycle: Cycle, kind: 'site' | 'feedback') =>
    (await store.visits.listForYear(cycle.year, kind))
      .filter((v): v is typeof v & { start: string } => v.status === 'booked' && !!v.start)
      .map((v) => ({ unitId: v.unitId, start: v.start }));
  /**
   * The timeline's reminders, one per booked site visit, and the feedback-visit ones (after the
   * ceremony, and one per booked feedback visit); the visits feature records visits and jury results.
   */
  async function cycleOccurrences(cycle: Cycle): Promise<ReminderOccurrence[]> {
    const [site, feedback] = await Promise.all([
      bookedVisits(cycle, 'site'),
      bookedVisits(cycle, 'feedback'),
    ]);
    return [
      ...reminderOccurrences(cycle),
      ...visitReminderOccurrences(cycle, site),
      ...feedbackVisitReminderOccurrences(cycle, feedback),
    ];
  }
  const occurrences = async () =>
    (
      await Promise.all(
        deps.cycles.map(async (c) => (await cycleOccurrences(c)).map((o) => ({ o, cycle: c }))),
      )
    ).flat();
  const find = async (occurrenceId: string) =>
    (await occurrences()).find((x) => x.o.id === occurrenceId);
  const unitKey = (o: ReminderOccurrence, unitId: string) => `reminder:${o.id}:${unitId}`;

  /** Units that signed up for a meeting or asked about taking part, with no participation yet. */
  async function markInterest(cycle: Cycle): Promise<void> {
    const mails = await store.mails.list({
      status: 'processed',
      mailbox: deps.mailbox,
      limit: 5000,
    });
    for (const mail of mails) {
      const details = (mail.details ?? {}) as { kind?: string; infoMeeting?: unknown };
      const kind = mail.classification ?? details.kind;
      const interest = kind === 'info-meeting-signup' || kind === 'question';
      if (!interest || !mail.unitId) continue;
      const year = mail.year ?? Number(mail.receivedAt.slice(0, 4));
      if (year !== cycle.year) continue;
      await store.participations.applyTransition(
        mail.unitId,
        cycle.year,
        (current): Participation =>
          current ??
          newParticipation(mail.unitId!, cycle.year, 'interested', {
            at: mail.receivedAt,
            actor: { id: 'system:reminders' },
            source: { kind: 'mail', ref: mail.messageId },
            note:
              kind === 'question'
                ? 'a question about taking part'
                : 'signed up for an information meeting',
          }),
        { idempotencyKey: `interest:${mail.mailbox}:${mail.messageId}` },
      );
    }
  }

  async function situations(cycle: Cycle): Promise<Map<string, UnitSituation>> {
    const [participations, submissions, signups, feedback] = await Promise.all([
      store.participations.list({ year: cycle.year }),
      store.submissions.latestByYear(cycle.year),
      infoMeetingSignups({ store, mailbox: deps.mailbox }, cycle).catch(() => []),
      bookedVisits(cycle, 'feedback'),
    ]);
    const feedbackStart = new Map(feedback.map((v) => [v.unitId, v.start]));
    const signedUp = new Set(
      signups.flatMap((m) => m.signups.map((s) => s.unitId).filter(Boolean)),
    );
    const map = new Map<string, UnitSituation>();
    for (const p of participations)
      map.set(p.unitId, {
        unitId: p.unitId,
        participation: p,
        signedUpForMeeting: signedUp.has(p.unitId),
        ...(feedbackStart.has(p.unitId)
          ? { feedbackVisitStart: feedbackStart.get(p.unitId)! }
          : {}),
      });
    for (const s of submissions) {
      const entry = map.get(s.unitId) ?? { unitId: s.unitId };
      entry.submission = {
        characterCount: s.characterCount,
        answeredQuestions: s.answeredQuestions,
        problems: s.problems,
        fileNames: s.fileNames,
      };
      map.set(s.unitId, entry);
    }
    return map;
  }

  async function unitSituation(cycle: Cycle, unitId: string): Promise<UnitSituation> {
    const [participation, submission, all, feedback] = await Promise.all([
      store.participations.get(unitId, cycle.year),
      store.submissions.latest(unitId, cycle.year),
      infoMeetingSignups({ store, mailbox: deps.mailbox }, cycle).catch(() => []),
      store.visits.get(visitId(cycle.year, 'feedback', unitId)),
    ]);
    return {
      unitId,
      ...(participation ? { participation } : {}),
      ...(submission
        ? {
            submission: {
              characterCount: submission.characterCount,
              answeredQuestions: submission.answeredQuestions,
              problems: submission.problems,
              fileNames: submission.fileNames,
            },
          }
        : {}),
      signedUpForMeeting: all.some((m) => m.signups.some((s) => s.unitId === unitId)),
      ...(feedback?.status === 'booked' && feedback.start
        ? { feedbackVisitStart: feedback.start }
        : {}),
    };
  }

  async function cardData(
    o: ReminderOccurrence,
    cycle: Cycle,
    unitId: string,
    locale: Locale,
    missing: MissingItem[],
    extra: { state?: ReminderCardState; snoozedUntil?: string; refreshUserId?: string } = {},
    unitName?: string,
  ) {
    const unit = unitName === undefined ? await store.units.get(unitId) : { name: unitName };
    const meetings = o.meetingIds
      ? cycle.timeline.infoMeetings.filter((m) => o.meetingIds!.includes(m.id))
      : undefined;
    return {
      locale,
      kind: o.kind,
      occurrenceId: o.id,
      unitId,
      unitName: unit?.name ?? unitId,
      year: cycle.year,
      deadlineDate: o.deadlineDate,
      missing,
      mailbox: cycle.mailbox,
      ...(o.visitStart ? { visitStart: o.visitStart } : {}),
      ...(meetings
        ? { meetings: meetings.map((m) => ({ start: m.start, end: m.end, place: m.place })) }
        : {}),
      ...extra,
    };
  }

  async function fanOut(
    o: ReminderOccurrence,
    cycle: Cycle,
    keySuffix = '',
  ): Promise<DeliveryResult[]> {
    await markInterest(cycle);
    const map = await situations(cycle);
    const recipients = reminderRecipients(o, [...map.values()], cycle);
    const names = new Map((await store.units.list()).map((u) => [u.id, u.name]));
    const messages: DeliveryMessage[] = [];
    for (const r of recipients) {
      const name = names.get(r.unitId) ?? r.unitId;
      const data = {
        sv: await cardData(o, cycle, r.unitId, 'sv', r.missing, {}, name),
        en: await cardData(o, cycle, r.unitId, 'en', r.missing, {}, name),
      };
      messages.push({
        key: `${unitKey(o, r.unitId)}${keySuffix}`,
        to: { unitId: r.unitId },
        card: (person) =>
          reminderCard({
            ...data[person.locale],
            ...(person.objectId ? { refreshUserId: person.objectId } : {}),
          }),
        mail: (person) => reminderMail(data[person.locale]),
      });
    }
    return deps.delivery.deliverAll(messages, deps.concurrency ?? 32);
  }

  async function runDue(): Promise<RunSummary> {
    const now = deps.now();
    const summary: RunSummary = { occurrences: [], snoozes: 0 };
    const all = await occurrences();
    const done = new Set<string>();
    for (const { o } of all)
      if (occurrenceWindow(o, now) === 'due' && (await state.run(o.id))) done.add(o.id);
    const { send, superseded } = dueNow(
      all.map((x) => x.o),
      now,
      done,
    );
    for (const o of superseded)
      await state.setRun(o.id, {
        status: 'done',
        at: now.toISOString(),
        recipients: 0,
        supersededBy:
          send.find((s) => s.kind === o.kind && s.deadlineDate === o.deadlineDate)?.id ?? '',
      });
    for (const o of send) {
      const cycle = all.find((x) => x.o.id === o.id)!.cycle;
      const results = await fanOut(o, cycle);
      summary.occurrences.push({ id: o.id, results });
      // Deliveries another (perhaps crashed) process still holds: the next run retakes them once
      // their lease runs out, so the occurrence stays open until none is left.
      const busy = results.filter((r) => r.outcome === 'busy').length;
      if (busy) {
        deps.logger?.info({ occurrence: o.id, busy }, 'reminder partly held elsewhere; retrying');
        continue;
      }
      await state.setRun(o.id, {
        status: 'done',
        at: deps.now().toISOString(),
        recipients: results.length,
      });
      deps.logger?.info({ occurrence: o.id, units: results.length }, 'reminder sent');
    }
    // Snoozed reminders come back once, if the unit still owes it and the deadline is ahead.
    const due = await state.dueSnoozes(now);
    for (const s of due) {
      const found = await find(s.occurrenceId);
      if (!found || occurrenceWindow(found.o, now) === 'expired') continue;
      const situation = await unitSituation(found.cycle, s.unitId);
      const missing = stillMissing(found.o.kind, situation, found.cycle);
      if (!missing.length) continue;
      const data = {
        sv: await cardData(found.o, found.cycle, s.unitId, 'sv', missing),
        en: await cardData(found.o, found.cycle, s.unitId, 'en', missing),
      };
      await deps.delivery.deliver({
        key: `${unitKey(found.o, s.unitId)}:snooze:${s.dueAt}`,
        to: { objectId: s.objectId },
        card: (person) => reminderCard({ ...data[person.locale], refreshUserId: s.objectId }),
        mail: (person) => reminderMail(data[person.locale]),
      });
      summary.snoozes++;
    }
    if (due.length) await state.removeSnoozes(due);
    return summary;
  }

  /** When the next occurrence or snooze falls due (for the scheduler's timer), if any. */
  async function nextDueAt(): Promise<Date | undefined> {
    const now = deps.now().getTime();
    const times: number[] = [];
    for (const { o } of await occurrences()) {
      const at = Date.parse(o.sendAt);
      if (at > now && at < Date.parse(o.deadline)) times.push(at);
    }
    const snooze = await state.nextSnoozeAfter(deps.now());
    if (snooze) times.push(Date.parse(snooze));
    const next = Math.min(...times.filter((t) => t > now));
    return Number.isFinite(next) ? new Date(next) : undefined;
  }

  // ---- the unit's card actions ----

  const T = {
    notYours: {
      sv: 'Det här kortet gäller en enhet du inte är chef för. Ingenting har ändrats.',
      en: 'This card is about a unit you do not manage. Nothing was changed.',
    },
    stale: {
      sv: 'Det här kortet gäller inte längre. Ingenting har ändrats.',
      en: 'This card no longer applies. Nothing was changed.',
    },
    cannotWithdraw: {
      sv: 'Anmälan kan inte dras tillbaka i det här skedet. Kontakta samordnarna.',
      en: 'The registration cannot be withdrawn at this stage. Please contact the coordinators.',
    },
    coordinatorsOnly: {
      sv: 'Påminnelserna kan bara samordnarna se och styra.',
      en: 'Only the coordinators can see and control reminders.',
    },
  };

  type Verb = 'done' | 'snooze' | 'withdraw' | 'withdraw.confirm' | 'refresh';

  async function unitAction(
    verb: Verb,
    userObjectId: string | undefined,
    locale: Locale,
    raw: unknown,
  ): Promise<ActionOutcome> {
    const notice = (t: { sv: string; en: string }) => ({
      card: reminderNoticeCard(locale, t[locale]),
    });
    const parsed = actionData.safeParse(raw);
    if (!parsed.success) return notice(T.stale);
    const { occurrenceId, unitId } = parsed.data;
    const found = await find(occurrenceId);
    if (!found) return notice(T.stale);
    const principal = userObjectId
      ? await deps.roles.resolve({ objectId: userObjectId })
      : undefined;
    if (!principal || !principal.unitIds.includes(unitId)) return notice(T.notYours);
    const personLocale = principal.locale ?? locale;
    const { o, cycle } = found;
    const now = deps.now();
    let situation = await unitSituation(cycle, unitId);
    const card = async (
      s: ReminderCardState | undefined,
      extra: { snoozedUntil?: string } = {},
    ) => ({
      card: reminderCard(
        await cardData(o, cycle, unitId, personLocale, stillMissing(o.kind, situation, cycle), {
          ...(s ? { state: s } : {}),
          ...extra,
          refreshUserId: principal.objectId,
        }),
      ),
    });
    if (situation.participation?.state === 'withdrawn') return card('withdrawn');
    if (occurrenceWindow(o, now) === 'expired') return card('past');
    const missing = stillMissing(o.kind, situation, cycle);
    switch (verb) {
      case 'refresh':
        return card(undefined);
      case 'done':
        // Never marks anything itself: it shows what has actually arrived.
        return card(missing.length ? 'not-arrived' : 'done');
      case 'snooze': {
        const until = snoozeUntil(now);
        if (!missing.length) return card('done');
        if (Date.parse(until) >= Date.parse(o.deadline)) return card(undefined);
        await state.addSnooze({
          occurrenceId: o.id,
          unitId,
          objectId: principal.objectId,
          dueAt: until,
        });
        return card('snoozed', { snoozedUntil: until });
      }
      case 'withdraw':
        return card('confirm-withdraw');
      case 'withdraw.confirm': {
        const p = situation.participation;
        if (!p || !canTransition(p, 'withdrawn')) return notice(T.cannotWithdraw);
        const result = await store.participations.applyTransition(
          unitId,
          cycle.year,
          (current) =>
            current && current.state !== 'withdrawn'
              ? transition(current, 'withdrawn', {
                  at: now,
                  actor: { id: principal.objectId, name: principal.displayName },
                  source: { kind: 'card', ref: `${o.id}:${unitId}` },
                  note: 'withdrawn from a reminder card',
                })
              : (current ?? p),
          { idempotencyKey: `card:withdraw:${o.id}:${unitId}` },
        );
        situation = { ...situation, participation: result.participation };
        return card('withdrawn');
      }
    }
  }

  // ---- the coordinators' overview ----

  async function isCoordinator(userObjectId: string | undefined): Promise<boolean> {
    if (!userObjectId) return false;
    const principal = await deps.roles.resolve({ objectId: userObjectId });
    return !!principal?.roles.includes('coordinator');
  }

  function currentCycle(): Cycle | undefined {
    const year = deps.now().getFullYear();
    return deps.cycles.find((c) => c.year === year) ?? deps.cycles.at(-1);
  }

  async function overviewRows(cycle: Cycle): Promise<ReminderOverviewRow[]> {
    const now = deps.now();
    const map = await situations(cycle);
    const rows: ReminderOverviewRow[] = [];
    for (const o of await cycleOccurrences(cycle)) {
      const run = await state.run(o.id);
      const window = occurrenceWindow(o, now);
      const status: ReminderOverviewRow['status'] =
        run?.status === 'done'
          ? 'sent'
          : run?.status === 'paused'
            ? 'paused'
            : window === 'expired'
              ? 'expired'
              : window === 'due'
                ? 'due'
                : 'planned';
      const row: ReminderOverviewRow = {
        occurrenceId: o.id,
        kind: o.kind,
        sendAt: o.sendAt,
        deadlineDate: o.deadlineDate,
        status,
        recipients: 0,
        teams: 0,
        mail: 0,
        failed: 0,
        actedSince: 0,
      };
      if (status === 'sent' || status === 'due') {
        const deliveries = (
          await store.reminderDeliveries.listByPrefix(`reminder:${o.id}:`)
        ).filter((d) => !d.reminderId.includes(':snooze:'));
        row.recipients = deliveries.length;
        for (const d of deliveries) {
          if (d.status === 'failed') row.failed++;
          else if (d.status === 'delivered' && d.channel === 'mail') row.mail++;
          else if (d.status === 'delivered') row.teams++;
          const unitId = d.reminderId.slice(`reminder:${o.id}:`.length);
          const s = map.get(unitId);
          if (s && stillMissing(o.kind, s, cycle).length === 0) row.actedSince++;
        }
      } else if (status !== 'expired')
        row.recipients = reminderRecipients(o, [...map.values()], cycle).length;
      rows.push(row);
    }
    return rows;
  }

  /** The same overview as data (the tab), for a cycle by year; undefined when no such cycle. */
  async function overview(
    year: number,
  ): Promise<{ year: number; rows: ReminderOverviewRow[] } | undefined> {
    const cycle = deps.cycles.find((c) => c.year === year);
    return cycle ? { year, rows: await overviewRows(cycle) } : undefined;
  }

  async function overviewCard(locale: Locale, notice?: string): Promise<AdaptiveCard> {
    const cycle = currentCycle();
    if (!cycle) return remindersOverviewCard({ locale, year: deps.now().getFullYear(), rows: [] });
    const rows = await overviewRows(cycle);
    // Keep the card small: what is coming and the latest sent ones.
    const upcoming = rows.filter((r) => r.status !== 'expired' && r.status !== 'sent');
    const sent = rows.filter((r) => r.status === 'sent').slice(-4);
    return remindersOverviewCard({
      locale,
      year: cycle.year,
      rows: [...sent, ...upcoming].slice(0, 10),
      ...(notice ? { notice } : {}),
    });
  }

  async function coordinatorAction(
    verb: 'send-now' | 'pause' | 'resume' | 'overview',
    userObjectId: string | undefined,
    locale: Locale,
    raw: unknown,
  ): Promise<ActionOutcome> {
    if (!(await isCoordinator(userObjectId)))
      return { card: reminderNoticeCard(locale, T.coordinatorsOnly[locale]) };
    if (verb === 'overview') return { card: await overviewCard(locale) };
    const parsed = rowData.safeParse(raw);
    const found = parsed.success ? await find(parsed.data.occurrenceId) : undefined;
    if (!found) return { card: reminderNoticeCard(locale, T.stale[locale]) };
    const { o, cycle } = found;
    const run = await state.run(o.id);
    const expired = occurrenceWindow(o, deps.now()) === 'expired';
    if (verb === 'pause') {
      if (!run && !expired)
        await state.setRun(o.id, {
          status: 'paused',
          at: deps.now().toISOString(),
          by: userObjectId!,
        });
      return {
        card: await overviewCard(
          locale,
          locale === 'sv' ? 'Påminnelsen är pausad.' : 'The reminder is paused.',
        ),
      };
    }
    if (verb === 'resume') {
      if (run?.status === 'paused') await state.clearRun(o.id);
      return {
        card: await overviewCard(
          locale,
          locale === 'sv' ? 'Påminnelsen är återupptagen.' : 'The reminder is resumed.',
        ),
      };
    }
    // send-now
    if (run?.status === 'done' || expired)
      return {
        card: await overviewCard(
          locale,
          locale === 'sv'
            ? 'Den påminnelsen är redan skickad eller passerad.'
            : 'That reminder was already sent or is past.',
        ),
      };
    const results = await fanOut(o, cycle);
    await state.setRun(o.id, {
      status: 'done',
      at: deps.now().toISOString(),
      recipients: results.length,
      by: userObjectId!,
    });
    const n = results.length;
    return {
      card: await overviewCard(
        locale,
        locale === 'sv' ? `Skickad till ${n} enheter.` : `Sent to ${n} units.`,
      ),
    };
  }

  return {
    runDue,
    nextDueAt,
    unitAction,
    coordinatorAction,
    overviewCard,
    overview,
    isCoordinator,
    markInterest,
  };
}

export type Reminders = ReturnType<typeof createReminders>;
