// Example data for the reminder cards: the snapshot tests (cards/reminder.test.ts) and the Chromium
// rendering (test/cards/reminder-render.test.ts) show the same cards.
import type { MissingItem } from '../../core/reminders.js';
import type { ReminderCardData, ReminderCardState } from '../../cards/reminder.js';

export const REMINDER_EXAMPLES: Record<string, Omit<ReminderCardData, 'locale'>> = {
  submission: {
    kind: 'submission',
    occurrenceId: '2027:submission-1d',
    unitId: 'u-1',
    unitName: 'Förskolan Solrosen',
    year: 2027,
    deadlineDate: '2027-05-17',
    missing: [
      { code: 'over-limit', count: 91_200, max: 85_000 },
      { code: 'questions-missing', numbers: [7, 18, 24] },
    ] satisfies MissingItem[],
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
    refreshUserId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  },
  nothingYet: {
    kind: 'submission',
    occurrenceId: '2027:submission-0d',
    unitId: 'u-2',
    unitName: 'Äldreboendet Linden',
    year: 2027,
    deadlineDate: '2027-05-17',
    missing: [{ code: 'submission' }],
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
  },
  meetings: {
    kind: 'info-meeting-signup',
    occurrenceId: '2027:info-meeting-signup-7d:2027-02-10',
    unitId: 'u-3',
    unitName: 'Skolan i Bromma',
    year: 2027,
    deadlineDate: '2027-02-10',
    missing: [{ code: 'info-meeting-signup' }],
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
    meetings: [
      { start: '2027-02-16T09:00:00+01:00', end: '2027-02-16T10:00:00+01:00', place: 'Teams' },
      {
        start: '2027-02-18T14:00:00+01:00',
        end: '2027-02-18T15:00:00+01:00',
        place: 'Stadshuset, Ragnar Östbergs plan 1',
      },
    ],
  },
  siteVisit: {
    kind: 'site-visit-documents',
    occurrenceId: '2027:site-visit-documents-14d:u-5',
    unitId: 'u-5',
    unitName: 'Hemtjänsten Vasastan',
    year: 2027,
    deadlineDate: '2027-09-20',
    visitStart: '2027-09-20T09:00:00+02:00',
    missing: [{ code: 'site-visit-documents' }],
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
  },
  feedbackBooking: {
    kind: 'feedback-visit',
    occurrenceId: '2027:feedback-visit-0d',
    unitId: 'u-6',
    unitName: 'Biblioteket i Farsta',
    year: 2027,
    deadlineDate: '2028-02-11',
    missing: [{ code: 'feedback-visit-booking' }],
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
  },
  feedbackVisit: {
    kind: 'feedback-visit',
    occurrenceId: '2027:feedback-visit-0d:u-7',
    unitId: 'u-7',
    unitName: 'Fritidsgården Hagsätra',
    year: 2027,
    deadlineDate: '2027-12-07',
    visitStart: '2027-12-07T13:00:00+01:00',
    missing: [{ code: 'feedback-visit', start: '2027-12-07T13:00:00+01:00' }],
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
  },
  protocol: {
    kind: 'board-protocol',
    occurrenceId: '2027:board-protocol-3d',
    unitId: 'u-4',
    unitName: 'Socialtjänsten Kungsholmen',
    year: 2027,
    deadlineDate: '2027-06-30',
    missing: [{ code: 'board-protocol' }],
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
  },
};

export const REMINDER_STATES: ReminderCardState[] = [
  'open',
  'not-arrived',
  'snoozed',
  'confirm-withdraw',
  'withdrawn',
  'done',
  'past',
];
