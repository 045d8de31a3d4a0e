import { describe, expect, it } from 'vitest';
import { cardProblems } from '../test/cards/card-validator.js';
import type { TriageItem } from '../core/intake/index.js';
import { triageCard, triageDoneCard, triageSummaryCard } from './triage.js';

const item: TriageItem = {
  messageId: 'AAMkAD-1',
  receivedAt: '2027-03-10T09:15:00Z',
  from: 'okand@extern.example',
  subject: 'Anmälan **viktigt** [klicka](https://evil.example)',
  preview: 'Hej, vi vill delta i kvalitetsutmärkelsen i år. # Rubrik',
  suggestedKind: 'pre-registration',
  confidence: 0.62,
  suggestedUnitId: 'u-2',
  candidates: [
    { unitId: 'u-2', unitName: 'Förskolan Solrosen', score: 0.7 },
    { unitId: 'u-3', unitName: 'Förskolan Solstrålen', score: 0.6 },
  ],
  reasons: [{ sv: 'nämner intresseanmälan', en: 'mentions pre-registration' }],
  triageReasons: [{ sv: 'två enheter passar', en: 'two units fit' }],
};
const units = Array.from({ length: 200 }, (_, i) => ({
  id: `u-${i}`,
  name: `Enhet nummer ${i} i Stockholm`,
}));

describe('triage card', () => {
  it('shows the suggestion and reasons, parses as Adaptive Card 1.5, stays small', () => {
    const card = triageCard({ locale: 'sv', item, units });
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json.length).toBeLessThan(28_000);
    expect(json).toContain('Intresseanmälan (62 %)');
    expect(json).toContain('två enheter passar');
    expect(card.actions?.map((a) => a.verb)).toEqual(['triage.confirm', 'triage.apply']);
    expect(card.actions?.[0]?.data).toEqual({
      messageId: 'AAMkAD-1',
      kind: 'pre-registration',
      unitId: 'u-2',
    });
  });

  it('lists the candidates first among the units to choose from', () => {
    const card = triageCard({ locale: 'sv', item, units });
    const unitInput = card.body.find((b) => b.type === 'Input.ChoiceSet' && b.id === 'unitId') as {
      choices: { value: string }[];
    };
    expect(unitInput.choices.slice(0, 2).map((c) => c.value)).toEqual(['u-2', 'u-3']);
    expect(new Set(unitInput.choices.map((c) => c.value)).size).toBe(unitInput.choices.length);
  });

  it('never renders the mail’s markdown or links', () => {
    const json = JSON.stringify(triageCard({ locale: 'sv', item, units: [] }).body);
    expect(json).not.toContain('**viktigt**');
    expect(json).not.toContain('](https://');
  });

  it('speaks English to English users', () => {
    const card = triageCard({ locale: 'en', item, units: [] });
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Pre-registration (62 %)');
    expect(JSON.stringify(card)).not.toContain('Bekräfta');
  });

  const signup: TriageItem = {
    ...item,
    suggestedKind: 'info-meeting-signup',
    meetingChoices: [
      { id: 'im-2027-1', start: '2027-02-16T09:00:00+01:00' },
      { id: 'im-2027-2', start: '2027-02-18T14:00:00+01:00' },
    ],
  };
  const meetingInput = (card: ReturnType<typeof triageCard>) =>
    card.body.find((b) => b.type === 'Input.ChoiceSet' && b.id === 'meetingId') as
      { value?: string; isRequired?: boolean; choices: { value: string }[] } | undefined;

  it('asks which information meeting when a signup did not say, and only then', () => {
    for (const locale of ['sv', 'en'] as const) {
      const card = triageCard({ locale, item: signup, units: [] });
      expect(cardProblems(card)).toEqual([]);
      expect(meetingInput(card)).toMatchSnapshot(locale);
    }
    const other = triageCard({ locale: 'sv', item, units: [] });
    expect(meetingInput(other)).toBeUndefined();
  });

  it('pre-selects the meeting the intake finds most likely, and confirming sends it', () => {
    const card = triageCard({
      locale: 'sv',
      item: { ...signup, suggestedMeetingId: 'im-2027-2' },
      units: [],
    });
    expect(cardProblems(card)).toEqual([]);
    expect(meetingInput(card)).toMatchSnapshot();
    expect(meetingInput(card)?.value).toBe('im-2027-2');
    expect(card.actions?.[0]?.data).toMatchObject({ meetingId: 'im-2027-2' });
  });

  it('pre-selects nothing without a pick among the choices, and requires a choice', () => {
    for (const suggestedMeetingId of [undefined, 'im-2026-1']) {
      const card = triageCard({
        locale: 'sv',
        item: { ...signup, ...(suggestedMeetingId ? { suggestedMeetingId } : {}) },
        units: [],
      });
      expect(cardProblems(card)).toEqual([]);
      expect(meetingInput(card)?.value).toBeUndefined();
      expect(meetingInput(card)?.isRequired).toBe(true);
      expect(card.actions?.[0]?.data).not.toHaveProperty('meetingId');
    }
  });

  it('turns into a done card and a summary that parse cleanly', () => {
    const done = triageDoneCard({
      locale: 'sv',
      kind: 'withdrawal',
      by: 'Anna',
      unitName: 'Förskolan Solrosen',
    });
    expect(cardProblems(done)).toEqual([]);
    expect(JSON.stringify(done)).toContain('Anna bestämde: Avanmälan, Förskolan Solrosen.');
    expect(cardProblems(triageSummaryCard('en', 7, 5))).toEqual([]);
    expect(triageSummaryCard('sv', 0, 0).fallbackText).toBe('Inga mejl väntar på granskning.');
  });
});
