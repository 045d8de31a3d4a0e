// A valid cycle as a TypeScript value, for tests and demos in every layer (store, cards, bot) that need
// a cycle without reading files. It equals cycles/2027.json; test/core/cycle-files.test.ts keeps them equal.
import type { Cycle } from './model.js';
import { DEFAULT_REMINDER_RULES } from './reminders.js';

export const SAMPLE_CYCLE: Cycle = {
  schema: 2,
  year: 2027,
  version: 1,
  mailbox: 'kvalitetsutmarkelsen@stockholm.example',
  timeline: {
    infoMeetings: [
      {
        id: 'im-2027-1',
        start: '2027-02-16T09:00:00+01:00',
        end: '2027-02-16T10:00:00+01:00',
        place: 'Teams',
        signupDeadline: '2027-02-10',
      },
      {
        id: 'im-2027-2',
        start: '2027-02-18T14:00:00+01:00',
        end: '2027-02-18T15:00:00+01:00',
        place: 'Stadshuset, Ragnar Östbergs plan 1',
        signupDeadline: '2027-02-10',
      },
      {
        id: 'im-2027-3',
        start: '2027-03-02T14:00:00+01:00',
        end: '2027-03-02T15:00:00+01:00',
        place: 'Teams',
        signupDeadline: '2027-02-24',
      },
      {
        id: 'im-2027-4',
        start: '2027-03-09T09:00:00+01:00',
        end: '2027-03-09T10:00:00+01:00',
        place: 'Stadshuset, Ragnar Östbergs plan 1',
        signupDeadline: '2027-02-26',
      },
    ],
    preRegistrationDeadline: '2027-03-22',
    submissionDeadline: '2027-05-17',
    boardProtocolDeadline: '2027-06-30',
    siteVisitWindow: {
      from: '2027-09-06',
      to: '2027-10-22',
    },
    juryDate: '2027-11-04',
    ceremony: {
      date: '2027-11-23',
      place: 'Stadshuset, Blå hallen',
    },
    feedbackVisitWindow: {
      from: '2027-11-29',
      to: '2028-02-11',
    },
  },
  rules: {
    maxCharacters: 85000,
    minStaff: 5,
    minStockholmShare: 0.51,
    winnerLockoutYears: 2,
    budgetRule: 'no-deficit-last-year-or-forecast',
  },
  visits: {
    siteOnSiteMinutes: 180,
    siteDigitalMinutes: 120,
    feedbackMinutes: 120,
    leadWorkingDays: 10,
    travelBufferMinutes: 45,
    maxVisitsPerExaminerPerDay: 2,
  },
  reminders: DEFAULT_REMINDER_RULES.map((rule) => ({ ...rule })),
};
