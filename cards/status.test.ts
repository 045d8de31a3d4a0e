import { describe, expect, it } from 'vitest';
import { cardProblems } from '../test/cards/card-validator.js';
import type { StatusOverview, UnitDetail, UnitPage, YearCounts } from '../core/status.js';
import { PARTICIPATION_STATES } from '../core/participation.js';
import {
  confirmActCard,
  missingCard,
  statusCard,
  unitChoiceCard,
  unitDetailCard,
  unitListCard,
} from './status.js';

/** Teams refuses cards over 28 KB; ours stay well under. */
const TEAMS_CARD_LIMIT = 28 * 1024;
const size = (card: unknown) => Buffer.byteLength(JSON.stringify(card));

const counts: YearCounts = {
  year: 2027,
  phase: { id: 'board-protocols', label: { sv: 'Protokoll från nämnder', en: 'Board protocols' } },
  total: 40,
  byState: {
    ...(Object.fromEntries(PARTICIPATION_STATES.map((s) => [s, 0])) as YearCounts['byState']),
    'pre-registered': 12,
    submitted: 20,
    withdrawn: 3,
    'in-protocol': 5,
  },
  submitted: 25,
  inProtocol: 5,
  missingFromProtocol: 32,
  notSubmitted: 12,
  visits: { booked: 0, held: 0 },
  byClass: {
    forskola: { participating: 20, submitted: 14 },
    skola: { participating: 10, submitted: 6 },
    aldreomsorg: { participating: 4, submitted: 3 },
    socialtjanst: { participating: 2, submitted: 1 },
    andra: { participating: 1, submitted: 1 },
  },
  problems: {
    late: [{ unitId: 'u1', name: 'Förskolan Lärkan' }],
    overLimit: [{ unitId: 'u2', name: 'Årstaskogens förskola' }],
    unreadable: [],
  },
};

const overview: StatusOverview = {
  now: '2027-06-10T08:00:00.000Z',
  year: 2027,
  years: [counts],
  deadlines: [
    {
      year: 2027,
      phase: counts.phase,
      next: [
        {
          id: '2027/board-protocol',
          year: 2027,
          kind: 'board-protocol',
          label: { sv: 'Protokollsutdrag', en: 'Board protocol' },
          when: { sv: '30 juni kl. 24.00', en: '30 June, midnight' },
          end: '2027-07-01T00:00:00+02:00',
          daysLeft: 20,
        },
      ],
    },
  ],
};

function page(n: number, pageSize = 10, pageNo = 0): UnitPage {
  const items = Array.from({ length: n }, (_, i) => ({
    unitId: `unit-${i}`,
    name: `Förskolan Nummer ${i} med ett ganska långt namn`,
    classId: 'forskola' as const,
    organisationId: 'sdf',
    organisationName: 'Södermalms stadsdelsnämnd',
    state: 'submitted' as const,
    submission: { characters: 84_000, answeredQuestions: 24, late: false, problems: [] },
    visits: [],
  }));
  return {
    year: 2027,
    filter: { year: 2027, notSubmitted: true },
    items: items.slice(pageNo * pageSize, (pageNo + 1) * pageSize),
    total: n,
    page: pageNo,
    pageSize,
    pages: Math.ceil(n / pageSize),
  };
}

const detail: UnitDetail = {
  unit: {
    unitId: 'u1',
    name: 'Förskolan Lärkan',
    classId: 'forskola',
    className: { sv: 'Förskola', en: 'Preschool' },
    organisationId: 'sdf',
    organisationName: 'Södermalms stadsdelsnämnd',
    managerName: 'Emma Forsberg',
    managerEmail: 'emma.forsberg@stockholm.example',
    phone: '08-123 45',
    staffCount: 14,
    ownership: 'municipal',
  },
  year: 2027,
  state: 'in-protocol',
  history: [
    {
      from: null,
      to: 'pre-registered',
      at: '2027-03-01T09:00:00+01:00',
      by: { id: 'system' },
      source: { kind: 'mail', ref: 'AAMk1' },
    },
    {
      from: 'pre-registered',
      to: 'in-protocol',
      at: '2027-05-20T09:00:00+02:00',
      by: { id: 'maria@x', name: 'Maria Lindqvist' },
      source: { kind: 'bot', ref: 'act:1' },
    },
  ],
  submissions: [
    {
      messageId: 'AAMk2',
      sentAt: '2027-05-17T23:59:00+02:00',
      characters: 84_000,
      answeredQuestions: 24,
      late: false,
      fileNames: ['bidrag.docx'],
      problems: [],
      source: 'mail',
    },
  ],
  eligibility: { reasons: [], needsChecking: [{ sv: 'Okänt om chefen…', en: 'Unknown…' }] },
  visits: [],
  notes: [
    { text: 'Ringde.', by: { id: 'maria@x', name: 'Maria' }, at: '2027-05-21T10:00:00+02:00' },
  ],
  due: [
    {
      kind: 'board-protocol',
      label: { sv: 'Protokollsutdrag', en: 'Board protocol' },
      when: { sv: '30 juni', en: '30 June' },
      daysLeft: 20,
    },
  ],
};

describe('status cards', () => {
  it('the overview parses as Adaptive Card 1.5 with drill-down buttons, in Swedish and English', () => {
    for (const locale of ['sv', 'en'] as const) {
      const card = statusCard(overview, locale);
      expect(cardProblems(card)).toEqual([]);
      expect(card.actions?.map((a) => (a as { verb?: string }).verb)).toContain('status.list');
    }
    expect(JSON.stringify(statusCard(overview, 'sv'))).toContain('Saknas i protokoll');
    expect(JSON.stringify(statusCard(overview, 'en'))).toContain('Missing from protocol');
    expect(statusCard(overview, 'sv')).toMatchSnapshot();
  });

  it('a long list pages and every page stays under Teams\u2019 size limit', () => {
    const first = unitListCard(page(200), 'sv');
    expect(cardProblems(first)).toEqual([]);
    expect(size(first)).toBeLessThan(TEAMS_CARD_LIMIT / 2);
    expect(JSON.stringify(first)).toContain('sida 1 av 20');
    expect(first.actions?.map((a) => a.title)).toEqual(['Nästa ▶']);
    const middle = unitListCard(page(200, 10, 5), 'en');
    expect(middle.actions?.map((a) => a.title)).toEqual(['◀ Previous', 'Next ▶']);
  });

  it('a unit, its acts, the confirmation, the choice and what is missing all parse', () => {
    const card = unitDetailCard(detail, 'sv', { coordinator: true });
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions?.map((a) => a.title)).toEqual([
      'Uppfyller villkoren',
      'Uppfyller inte villkoren',
      'Avanmäld per telefon',
      'Inlämnat i ILS-webben',
      'Anteckning',
    ]);
    expect(unitDetailCard(detail, 'en', { coordinator: false }).actions).toBeUndefined();
    const confirm = confirmActCard({
      locale: 'sv',
      unitId: 'u1',
      unitName: 'Förskolan Lärkan',
      year: 2027,
      act: 'not-eligible',
      expectedState: 'in-protocol',
      confirmationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    });
    expect(cardProblems(confirm)).toEqual([]);
    expect(JSON.stringify(confirm)).toContain('Minst fem medarbetare');
    expect(
      cardProblems(
        unitChoiceCard(
          'Lärkan',
          [
            { unitId: 'a', name: 'A' },
            { unitId: 'b', name: 'B' },
          ],
          2027,
          'en',
        ),
      ),
    ).toEqual([]);
    const missing = missingCard(detail, 'sv');
    expect(cardProblems(missing)).toEqual([]);
    expect(JSON.stringify(missing)).toContain('Protokollsutdrag');
    expect(card).toMatchSnapshot();
  });
});
