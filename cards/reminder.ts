// Reminder cards: what a unit must do before a deadline, the deadline in words ("måndag 17 maj 2027
// kl. 24.00"), what is still missing for this unit, where and how to send it, and Universal Actions
// (Action.Execute, typed verbs): "Vi har skickat" (shows the real state, marks nothing), withdrawal
// with a confirmation step, snooze until tomorrow, and a mail to the coordinators. `refresh` keeps an
// opened card current, so an old reminder never shows stale status. Also the coordinators' overview.
// Pure factories; Swedish first, English by the person's language; every card well under 28 KB.
import { formatDate, formatDeadline, formatInstant, formatTimeRange } from '../core/format.js';
import type { IsoInstant, LocalDate, Locale, ReminderKind } from '../core/model.js';
import type { MissingItem } from '../core/reminders.js';
import {
  adaptiveCard,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ExecuteAction,
} from './types.js';

export type ReminderVerb =
  | 'reminder.done'
  | 'reminder.snooze'
  | 'reminder.withdraw'
  | 'reminder.withdraw.confirm'
  | 'reminder.refresh'
  | 'reminder.send-now'
  | 'reminder.pause'
  | 'reminder.resume'
  | 'reminder.overview';

export const REMINDER_VERBS: readonly ReminderVerb[] = [
  'reminder.done',
  'reminder.snooze',
  'reminder.withdraw',
  'reminder.withdraw.confirm',
  'reminder.refresh',
  'reminder.send-now',
  'reminder.pause',
  'reminder.resume',
  'reminder.overview',
];

/** What a unit's reminder card carries back on every action. */
export interface ReminderActionData {
  occurrenceId: string;
  unitId: string;
}

export type ReminderCard = AdaptiveCard & {
  /** Universal Actions refresh: Teams asks for the current card when these users open it. */
  refresh?: { action: ExecuteAction<ReminderVerb>; userIds?: string[] };
};

export type ReminderCardState =
  /** Something is still missing: the reminder itself. */
  | 'open'
  /** Nothing is missing any more. */
  | 'done'
  /** "Vi har skickat" while nothing has arrived yet. */
  | 'not-arrived'
  | 'confirm-withdraw'
  | 'withdrawn'
  | 'snoozed'
  /** The deadline has passed. */
  | 'past';

export interface ReminderCardData {
  locale: Locale;
  kind: ReminderKind;
  occurrenceId: string;
  unitId: string;
  unitName: string;
  year: number;
  deadlineDate: LocalDate;
  missing: MissingItem[];
  mailbox: string;
  state?: ReminderCardState;
  snoozedUntil?: IsoInstant;
  /** Info meetings whose signup closes on the deadline. */
  meetings?: { start: IsoInstant; end: IsoInstant; place: string }[];
  /** The person this card is for (Entra object id): their card refreshes itself. */
  refreshUserId?: string;
  /** A booked site visit's start: shown instead of a deadline day. */
  visitStart?: IsoInstant;
}

type Text = Record<Locale, string>;

const DUE: Record<ReminderKind, { title: Text; how: (mailbox: string) => Text }> = {
  'pre-registration': {
    title: {
      sv: 'Intresseanmälan till Kvalitetsutmärkelsen',
      en: 'Pre-registration for the Quality Award',
    },
    how: (m) => ({
      sv: `Anmäl ert intresse genom att mejla ${m}: enhetens namn, chef och kontaktuppgifter. Anmälan är inte bindande.`,
      en: `Pre-register by mailing ${m}: the unit's name, manager and contact details. It is not binding.`,
    }),
  },
  'info-meeting-signup': {
    title: { sv: 'Anmälan till informationsmöte', en: 'Signing up for an information meeting' },
    how: (m) => ({
      sv: `Anmäl er till ett av mötena genom att mejla ${m} och skriva vilket möte ni väljer.`,
      en: `Sign up for one of the meetings by mailing ${m}, saying which meeting you choose.`,
    }),
  },
  submission: {
    title: {
      sv: 'Ert bidrag till Kvalitetsutmärkelsen',
      en: 'Your application to the Quality Award',
    },
    how: (m) => ({
      sv: `Skicka bidraget som Word- eller PDF-fil till ${m}: svar på alla 24 frågor, högst 85 000 tecken utan blanksteg.`,
      en: `Send the application as a Word or PDF file to ${m}: answers to all 24 questions, at most 85,000 characters excluding spaces.`,
    }),
  },
  'board-protocol': {
    title: { sv: 'Nämndens protokollsutdrag', en: "The board's protocol excerpt" },
    how: (m) => ({
      sv: `Be er förvaltning eller ert bolag att skicka protokollsutdraget där er enhet finns med till ${m}.`,
      en: `Ask your administration or company to send the protocol excerpt that lists your unit to ${m}.`,
    }),
  },
  'site-visit-documents': {
    title: { sv: 'Inför platsbesöket', en: 'Before the site visit' },
    how: () => ({
      sv: 'Ha verksamhetsplan, årsredovisning, kvalitetsgaranti, klagomålsrutiner och material från brukar- och medarbetarundersökningar till hands.',
      en: 'Have the business plan, annual report, quality guarantee, complaints procedures and user and staff survey material at hand.',
    }),
  },
  'feedback-visit': {
    title: { sv: 'Återföringsbesök', en: 'Feedback visit' },
    how: () => ({
      sv: 'Vid återföringsbesöket berättar examinatorerna vad de såg som er verksamhets starka sidor och framför allt vilka möjligheter till utveckling de ser, så att ni kan göra en egen handlingsplan för utveckling och förbättring. Besöket kan ske digitalt.',
      en: 'At the feedback visit the examiners tell you what they saw as your strengths and, above all, where they see room for development, so that you can make your own plan for development and improvement. The visit may be held online.',
    }),
  },
};

/** What is due and how to do it, as the card says it (the mail fallback uses the same words). */
export function reminderDueText(kind: ReminderKind, mailbox: string, locale: Locale) {
  return { title: DUE[kind].title[locale], how: DUE[kind].how(mailbox)[locale] };
}

/** 91200 → "91 200" (Swedish) / "91,200" (English). */
function count(n: number, locale: Locale): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'sv' ? ' ' : ',');
}

function list(items: (string | number)[], locale: Locale): string {
  const s = items.map(String);
  if (s.length <= 1) return s.join('');
  return `${s.slice(0, -1).join(', ')} ${locale === 'sv' ? 'och' : 'and'} ${s.at(-1)}`;
}

export function missingText(item: MissingItem, locale: Locale): string {
  switch (item.code) {
    case 'pre-registration':
      return locale === 'sv'
        ? 'Vi har inte fått någon intresseanmälan från er.'
        : 'We have not received a pre-registration from you.';
    case 'info-meeting-signup':
      return locale === 'sv'
        ? 'Ni har inte anmält er till något informationsmöte.'
        : 'You have not signed up for an information meeting.';
    case 'submission':
      return locale === 'sv'
        ? 'Vi har inte fått ert bidrag.'
        : 'We have not received your application.';
    case 'over-limit':
      return locale === 'sv'
        ? `Ert bidrag har ${count(item.count, 'sv')} tecken, gränsen är ${count(item.max, 'sv')}.`
        : `Your application has ${count(item.count, 'en')} characters; the limit is ${count(item.max, 'en')}.`;
    case 'unreadable':
      return locale === 'sv'
        ? `Vi kunde inte läsa ${item.fileNames.length ? list(item.fileNames, 'sv') : 'filen'}. Skicka den som Word (.docx) eller PDF.`
        : `We could not read ${item.fileNames.length ? list(item.fileNames, 'en') : 'the file'}. Please send it as Word (.docx) or PDF.`;
    case 'questions-missing':
      return locale === 'sv'
        ? `Svar saknas på ${item.numbers.length === 1 ? 'fråga' : 'frågorna'} ${list(item.numbers, 'sv')}.`
        : `Answers are missing for question${item.numbers.length === 1 ? '' : 's'} ${list(item.numbers, 'en')}.`;
    case 'board-protocol':
      return locale === 'sv'
        ? 'Er enhet finns inte med i något protokollsutdrag som vi har fått.'
        : 'Your unit is not in any protocol excerpt we have received.';
    case 'site-visit-documents':
      return locale === 'sv'
        ? 'Examinatorerna vill se dokumenten nedan vid besöket.'
        : 'The examiners want to see the documents below at the visit.';
    case 'feedback-visit-booking':
      return locale === 'sv'
        ? 'Nu när juryn har beslutat får ni ett återföringsbesök av ert examinatorsteam. Teamledaren hör av sig och bokar en tid med er; ni behöver inte göra något förrän dess.'
        : 'Now that the jury has decided, your examiner team will make a feedback visit. The team leader will be in touch to book a time with you; you need to do nothing until then.';
    case 'feedback-visit':
      return locale === 'sv'
        ? `Ert återföringsbesök är bokat ${formatInstant(item.start, 'sv')}.`
        : `Your feedback visit is booked for ${formatInstant(item.start, 'en')}.`;
  }
}

const L = {
  deadline: { sv: 'Senast', en: 'Deadline' },
  visit: { sv: 'Platsbesök', en: 'Site visit' },
  feedbackVisit: { sv: 'Återföringsbesök', en: 'Feedback visit' },
  feedbackBy: { sv: 'Besöket sker senast', en: 'Visit by' },
  whatHappens: { sv: 'Så här går det till', en: 'What happens next' },
  unit: { sv: 'Enhet', en: 'Unit' },
  missing: { sv: 'Det här saknas', en: 'Still missing' },
  done: { sv: 'Vi har skickat', en: 'We have sent it' },
  snooze: { sv: 'Påminn mig i morgon', en: 'Remind me tomorrow' },
  withdraw: { sv: 'Vi drar tillbaka vår anmälan', en: 'We withdraw our registration' },
  confirmWithdraw: { sv: 'Ja, dra tillbaka anmälan', en: 'Yes, withdraw' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  ask: { sv: 'Fråga samordnarna', en: 'Ask the coordinators' },
  allDone: {
    sv: 'Klart! Ni behöver inte göra något mer inför den här tidpunkten.',
    en: 'Done! There is nothing more you need to do for this deadline.',
  },
  notArrived: {
    sv: 'Vi har inte fått det ännu. Ett mejl kan ta en stund att registrera; kortet visar läget när ni öppnar det igen.',
    en: 'It has not arrived yet. A mail can take a while to be registered; the card shows the current state when you open it again.',
  },
  confirmQuestion: {
    sv: 'Vill ni dra tillbaka er anmälan till Kvalitetsutmärkelsen? Ni kan anmäla er igen senare i år.',
    en: 'Do you want to withdraw from the Quality Award? You can register again later this year.',
  },
  withdrawn: {
    sv: 'Er anmälan är tillbakadragen. Ni får inga fler påminnelser i år.',
    en: 'Your registration is withdrawn. You will get no more reminders this year.',
  },
  past: {
    sv: 'Tiden har gått ut. Hör av er till samordnarna om ni har frågor.',
    en: 'The deadline has passed. Contact the coordinators if you have questions.',
  },
  meetings: { sv: 'Mötena', en: 'The meetings' },
};

export function reminderCard(data: ReminderCardData): ReminderCard {
  const { locale } = data;
  const state = data.state ?? (data.missing.length ? 'open' : 'done');
  const due = DUE[data.kind];
  const feedback = data.kind === 'feedback-visit';
  const deadline = data.visitStart
    ? formatInstant(data.visitStart, locale)
    : feedback
      ? formatDate(data.deadlineDate, locale)
      : formatDeadline(data.deadlineDate, locale);
  const actionData: ReminderActionData = { occurrenceId: data.occurrenceId, unitId: data.unitId };
  const exec = (verb: ReminderVerb, title: string, style?: ExecuteAction['style']) =>
    ({
      type: 'Action.Execute',
      title,
      verb,
      data: { ...actionData },
      ...(style ? { style } : {}),
    }) satisfies ExecuteAction<ReminderVerb>;

  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: due.title[locale],
      weight: 'bolder',
      size: 'medium',
      wrap: true,
      style: 'heading',
    },
    {
      type: 'FactSet',
      facts: [
        data.visitStart
          ? {
              title: (feedback ? L.feedbackVisit : L.visit)[locale],
              value: formatInstant(data.visitStart, locale),
            }
          : { title: (feedback ? L.feedbackBy : L.deadline)[locale], value: deadline },
        { title: L.unit[locale], value: data.unitName },
      ],
    },
  ];
  const status = (text: string, color?: 'good' | 'attention' | 'warning') =>
    body.push({
      type: 'TextBlock',
      text,
      wrap: true,
      ...(color ? { color } : {}),
      spacing: 'medium',
    });

  if (state === 'open' || state === 'not-arrived' || state === 'snoozed') {
    if (state === 'not-arrived') status(L.notArrived[locale], 'warning');
    if (state === 'snoozed' && data.snoozedUntil)
      status(
        locale === 'sv'
          ? `Vi påminner dig igen ${formatInstant(data.snoozedUntil, 'sv')}.`
          : `We will remind you again ${formatInstant(data.snoozedUntil, 'en')}.`,
        'good',
      );
    body.push({
      type: 'TextBlock',
      text: (feedback ? L.whatHappens : L.missing)[locale],
      weight: 'bolder',
      spacing: 'medium',
      wrap: true,
    });
    for (const item of data.missing)
      body.push({
        type: 'TextBlock',
        text: `• ${missingText(item, locale)}`,
        wrap: true,
        spacing: 'small',
        color: 'attention',
      });
    body.push({
      type: 'TextBlock',
      text: due.how(data.mailbox)[locale],
      wrap: true,
      spacing: 'medium',
    });
    if (data.meetings?.length) {
      body.push({
        type: 'TextBlock',
        text: L.meetings[locale],
        weight: 'bolder',
        wrap: true,
        spacing: 'small',
      });
      for (const m of data.meetings)
        body.push({
          type: 'TextBlock',
          text: `• ${formatTimeRange(m.start, m.end, locale)}, ${m.place}`,
          wrap: true,
          spacing: 'none',
        });
    }
  } else if (state === 'done') status(L.allDone[locale], 'good');
  else if (state === 'confirm-withdraw') status(L.confirmQuestion[locale], 'attention');
  else if (state === 'withdrawn') status(L.withdrawn[locale]);
  else status(L.past[locale]);

  const ask: CardAction = {
    type: 'Action.OpenUrl',
    title: L.ask[locale],
    url: `mailto:${data.mailbox}?subject=${encodeURIComponent(`${due.title[locale]}: ${data.unitName}`)}`,
  };
  // A visit's documents are shown, not sent, and the team leader books the feedback visit: only the
  // question to the coordinators applies.
  const informational = data.kind === 'site-visit-documents' || feedback;
  const actions: CardAction[] =
    state === 'confirm-withdraw'
      ? [
          exec('reminder.withdraw.confirm', L.confirmWithdraw[locale], 'destructive'),
          exec('reminder.refresh', L.cancel[locale]),
        ]
      : !informational && (state === 'open' || state === 'not-arrived' || state === 'snoozed')
        ? [
            exec('reminder.done', L.done[locale], 'positive'),
            ...(state === 'snoozed' ? [] : [exec('reminder.snooze', L.snooze[locale])]),
            exec('reminder.withdraw', L.withdraw[locale]),
            ask,
          ]
        : [ask];

  const missingPlain = data.missing.map((m) => missingText(m, locale)).join(' ');
  const card: ReminderCard = {
    ...adaptiveCard({
      fallbackText:
        `${due.title[locale]} – ${(feedback && !data.visitStart ? L.feedbackBy : L.deadline)[locale].toLowerCase()} ${deadline}. ${state === 'open' ? missingPlain : ''}`.trim(),
      body,
      actions,
    }),
    ...(state === 'withdrawn' || state === 'past'
      ? {}
      : {
          refresh: {
            action: exec('reminder.refresh', L.done[locale]),
            ...(data.refreshUserId ? { userIds: [data.refreshUserId] } : {}),
          },
        }),
  };
  return card;
}

/** A short card in place of one that no longer applies (another person's, forged or stale). */
export function reminderNoticeCard(locale: Locale, text: string): ReminderCard {
  return adaptiveCard({
    fallbackText: text,
    body: [{ type: 'TextBlock', text, wrap: true }],
  });
}

// ---- the coordinators' overview ----

export type ReminderRowStatus = 'planned' | 'due' | 'sent' | 'paused' | 'expired';

export interface ReminderOverviewRow {
  occurrenceId: string;
  kind: ReminderKind;
  sendAt: IsoInstant;
  deadlineDate: LocalDate;
  status: ReminderRowStatus;
  /** Units it goes to now (planned) or went to (sent). */
  recipients: number;
  teams: number;
  mail: number;
  failed: number;
  /** Units that no longer owe anything since it was sent. */
  actedSince: number;
}

const STATUS: Record<ReminderRowStatus, Text> = {
  planned: { sv: 'planerad', en: 'planned' },
  due: { sv: 'skickas nu', en: 'sending' },
  sent: { sv: 'skickad', en: 'sent' },
  paused: { sv: 'pausad', en: 'paused' },
  expired: { sv: 'passerad', en: 'past' },
};

export function remindersOverviewCard(data: {
  locale: Locale;
  year: number;
  rows: ReminderOverviewRow[];
  notice?: string;
}): AdaptiveCard {
  const { locale } = data;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: locale === 'sv' ? `Påminnelser ${data.year}` : `Reminders ${data.year}`,
      weight: 'bolder',
      size: 'medium',
      style: 'heading',
      wrap: true,
    },
  ];
  if (data.notice) body.push({ type: 'TextBlock', text: data.notice, wrap: true, color: 'good' });
  if (!data.rows.length)
    body.push({
      type: 'TextBlock',
      text: locale === 'sv' ? 'Inga påminnelser planerade.' : 'No reminders planned.',
      wrap: true,
    });
  for (const row of data.rows) {
    const title = `${DUE[row.kind].title[locale]} – ${formatInstant(row.sendAt, locale)}`;
    const counts =
      row.status === 'sent' || row.status === 'due'
        ? locale === 'sv'
          ? `${row.recipients} enheter: ${row.teams} i Teams, ${row.mail} med e-post i stället, ${row.failed} misslyckade, ${row.actedSince} har agerat sedan dess`
          : `${row.recipients} units: ${row.teams} in Teams, ${row.mail} by mail instead, ${row.failed} failed, ${row.actedSince} acted since`
        : locale === 'sv'
          ? `${row.recipients} enheter skulle få den nu`
          : `${row.recipients} units would get it now`;
    const data_ = { occurrenceId: row.occurrenceId };
    const buttons: ExecuteAction<ReminderVerb>[] = [];
    if (row.status === 'planned' || row.status === 'paused')
      buttons.push({
        type: 'Action.Execute',
        title: locale === 'sv' ? 'Skicka nu' : 'Send now',
        verb: 'reminder.send-now',
        data: data_,
      });
    if (row.status === 'planned')
      buttons.push({
        type: 'Action.Execute',
        title: locale === 'sv' ? 'Pausa' : 'Pause',
        verb: 'reminder.pause',
        data: data_,
      });
    if (row.status === 'paused')
      buttons.push({
        type: 'Action.Execute',
        title: locale === 'sv' ? 'Återuppta' : 'Resume',
        verb: 'reminder.resume',
        data: data_,
      });
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'medium',
      items: [
        { type: 'TextBlock', text: title, weight: 'bolder', wrap: true },
        {
          type: 'TextBlock',
          text: `${STATUS[row.status][locale]} · ${counts}`,
          wrap: true,
          isSubtle: true,
          spacing: 'none',
        },
        ...(buttons.length ? [{ type: 'ActionSet' as const, actions: buttons }] : []),
      ],
    });
  }
  return adaptiveCard({
    fallbackText:
      locale === 'sv'
        ? `Påminnelser ${data.year}: ${data.rows.length} st`
        : `Reminders ${data.year}: ${data.rows.length}`,
    body,
  });
}
