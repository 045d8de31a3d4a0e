import { describe, expect, it } from 'vitest';
import { cardProblems } from '../test/cards/card-validator.js';
import type { Locale } from '../core/model.js';
import { REMINDER_EXAMPLES, REMINDER_STATES } from '../test/cards/reminder-examples.js';
import { reminderCard, reminderNoticeCard, remindersOverviewCard } from './reminder.js';

const LOCALES: Locale[] = ['sv', 'en'];
const text = (card: unknown) => JSON.stringify(card);

describe('reminder cards', () => {
  for (const locale of LOCALES)
    for (const [name, example] of Object.entries(REMINDER_EXAMPLES))
      it(`${name} (${locale}) parses as Adaptive Card 1.5, under 28 KB`, () => {
        const card = reminderCard({ ...example, locale });
        expect(cardProblems(card)).toEqual([]);
        expect(Buffer.byteLength(text(card))).toBeLessThan(28 * 1024);
        expect(card).toMatchSnapshot();
      });

  for (const locale of LOCALES)
    for (const state of REMINDER_STATES)
      it(`the ${state} state (${locale}) parses and offers the right actions`, () => {
        const card = reminderCard({
          ...REMINDER_EXAMPLES.submission!,
          locale,
          state,
          ...(state === 'snoozed' ? { snoozedUntil: '2027-05-17T09:00:00+02:00' } : {}),
        });
        expect(cardProblems(card)).toEqual([]);
        expect(card).toMatchSnapshot();
        const verbs = (card.actions ?? []).map((a) => ('verb' in a ? a.verb : a.type));
        if (state === 'confirm-withdraw')
          expect(verbs).toEqual(['reminder.withdraw.confirm', 'reminder.refresh']);
        if (state === 'open')
          expect(verbs).toEqual([
            'reminder.done',
            'reminder.snooze',
            'reminder.withdraw',
            'Action.OpenUrl',
          ]);
        if (state === 'withdrawn' || state === 'past') expect(card.refresh).toBeUndefined();
        else expect(card.refresh?.action.verb).toBe('reminder.refresh');
      });

  it('says what is missing, with the deadline in words (Swedish)', () => {
    const card = reminderCard({ ...REMINDER_EXAMPLES.submission!, locale: 'sv' });
    expect(text(card)).toContain('måndag 17 maj 2027 kl. 24.00');
    expect(text(card)).toContain('Ert bidrag har 91 200 tecken, gränsen är 85 000.');
    expect(text(card)).toContain('Svar saknas på frågorna 7, 18 och 24.');
    expect(text(card)).toContain('mailto:kvalitetsutmarkelsen@stockholm.example');
    expect(card.refresh?.userIds).toEqual(['6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b']);
  });

  it('speaks English to English users', () => {
    const card = reminderCard({ ...REMINDER_EXAMPLES.nothingYet!, locale: 'en' });
    expect(text(card)).toContain('Monday 17 May 2027 at 24:00');
    expect(text(card)).toContain('We have not received your application.');
    expect(text(card)).not.toContain('bidrag');
  });

  it('after the ceremony: the team leader will book the feedback visit, and what it is; nothing to press but a question', () => {
    const sv = reminderCard({ ...REMINDER_EXAMPLES.feedbackBooking!, locale: 'sv' });
    expect(text(sv)).toContain('Teamledaren hör av sig och bokar en tid med er');
    expect(text(sv)).toContain('handlingsplan för utveckling och förbättring');
    expect(text(sv)).toContain('Besöket sker senast');
    expect(text(sv)).toContain('11 februari 2028');
    expect(text(sv)).not.toContain('kl. 24.00');
    expect((sv.actions ?? []).map((a) => a.type)).toEqual(['Action.OpenUrl']);
    const en = reminderCard({ ...REMINDER_EXAMPLES.feedbackBooking!, locale: 'en' });
    expect(text(en)).toContain('The team leader will be in touch to book a time with you');
    expect(text(en)).not.toContain('återföring');
  });

  it("a booked feedback visit is shown with its time, in the person's language", () => {
    const sv = reminderCard({ ...REMINDER_EXAMPLES.feedbackVisit!, locale: 'sv' });
    expect(text(sv)).toContain('Ert återföringsbesök är bokat tisdag 7 december 2027 kl. 13.00.');
    expect(sv.body[1]).toMatchObject({
      facts: [{ title: 'Återföringsbesök', value: 'tisdag 7 december 2027 kl. 13.00' }, {}],
    });
    const en = reminderCard({ ...REMINDER_EXAMPLES.feedbackVisit!, locale: 'en' });
    expect(text(en)).toContain('Your feedback visit is booked for');
    expect((en.actions ?? []).map((a) => a.type)).toEqual(['Action.OpenUrl']);
  });

  it('notice and overview cards parse', () => {
    expect(cardProblems(reminderNoticeCard('sv', 'Det här kortet gäller inte längre.'))).toEqual(
      [],
    );
    for (const locale of LOCALES) {
      const card = remindersOverviewCard({
        locale,
        year: 2027,
        notice: locale === 'sv' ? 'Skickad till 3 enheter.' : 'Sent to 3 units.',
        rows: [
          {
            occurrenceId: '2027:submission-7d',
            kind: 'submission',
            sendAt: '2027-05-10T09:00:00+02:00',
            deadlineDate: '2027-05-17',
            status: 'sent',
            recipients: 40,
            teams: 37,
            mail: 2,
            failed: 1,
            actedSince: 12,
          },
          {
            occurrenceId: '2027:submission-1d',
            kind: 'submission',
            sendAt: '2027-05-16T09:00:00+02:00',
            deadlineDate: '2027-05-17',
            status: 'planned',
            recipients: 28,
            teams: 0,
            mail: 0,
            failed: 0,
            actedSince: 0,
          },
        ],
      });
      expect(cardProblems(card)).toEqual([]);
      expect(card).toMatchSnapshot();
    }
  });
});
