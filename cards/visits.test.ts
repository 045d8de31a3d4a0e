import { describe, expect, it } from 'vitest';
import { cardProblems } from '../test/cards/card-validator.js';
import {
  assignmentProposalCard,
  visitBookedCard,
  visitListCard,
  visitProposalsCard,
  type VisitProposalsData,
} from './visits.js';

const ref = { unitId: 'u-ekorren', year: 2026, kind: 'site' as const };
const slot = (day: number, hour = 9) => ({
  start: `2026-09-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+02:00`,
  end: `2026-09-${String(day).padStart(2, '0')}T${String(hour + 3).padStart(2, '0')}:00:00+02:00`,
  tentativeWith: [] as string[],
});
const proposals: VisitProposalsData = {
  locale: 'sv',
  ref,
  unitName: 'Förskolan Ekorren',
  mode: 'on-site',
  slots: [slot(8), slot(15), slot(22, 13), { ...slot(29), tentativeWith: ['chef@x'] }, slot(30)],
  tentativeOnly: false,
  alternatives: [],
};
const texts = (card: unknown) => JSON.stringify(card);

describe('visit cards', () => {
  it('proposals: one visit.book per time (at most four) and a switch to online, valid AC 1.5', () => {
    const card = visitProposalsCard(proposals);
    expect(cardProblems(card)).toEqual([]);
    const verbs = (card.actions ?? []).map((a) => ('verb' in a ? a.verb : a.type));
    expect(verbs).toEqual([
      'visit.book',
      'visit.book',
      'visit.book',
      'visit.book',
      'visit.propose',
    ]);
    expect(texts(card)).toContain('tisdag 8 september 2026 kl. 9.00–12.00');
    expect(texts(card)).toContain('preliminärt upptagen');
    expect(card).toMatchSnapshot();
  });

  it('proposals in English after a decline; nobody free names the nearest alternatives and who is busy', () => {
    const declined = visitProposalsCard({
      ...proposals,
      locale: 'en',
      occasion: 'declined',
      declinedBy: 'Eva',
    });
    expect(texts(declined)).toContain('Eva declined the time');
    expect(texts(declined)).not.toContain('Lediga');
    const none = visitProposalsCard({
      ...proposals,
      slots: [],
      reason: 'nobody-free',
      alternatives: [{ start: slot(15).start, end: slot(15).end, busy: ['chef@x'] }],
      names: { 'chef@x': 'Eva Chef' },
    });
    expect(cardProblems(none)).toEqual([]);
    expect(texts(none)).toContain('Ingen tid i besöksperioden passar alla');
    expect(texts(none)).toContain('upptagna: Eva Chef');
    expect(none).toMatchSnapshot();
  });

  it('booked: time, place, attendees, cancel and rebook; a missing Teams link is said', () => {
    const card = visitBookedCard({
      locale: 'sv',
      ref,
      unitName: 'Förskolan Ekorren',
      mode: 'digital',
      start: slot(8).start,
      end: slot(8).end,
      missingJoinUrl: true,
      attendees: ['a@x', 'chef@x'],
    });
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('Outlook gav ingen Teams-länk');
    expect((card.actions ?? []).map((a) => ('verb' in a ? a.verb : a.type))).toEqual([
      'visit.propose',
      'visit.cancel',
    ]);
    expect(card).toMatchSnapshot();
  });

  it('list and assignment cards parse and stay within five actions', () => {
    const items = Array.from({ length: 8 }, (_, i) => ({
      ref: { ...ref, unitId: `u${i}` },
      unitName: `Enhet ${i}`,
      status: 'unbooked' as const,
    }));
    const list = visitListCard({ locale: 'sv', title: 'Dina besök 2026', items, bookable: true });
    expect(cardProblems(list)).toEqual([]);
    expect(list.actions).toHaveLength(5);
    const assign = assignmentProposalCard({
      locale: 'en',
      year: 2026,
      rows: [{ unitName: 'Enhet 1', teamName: 'Lag 1' }],
      unassignable: [{ unitName: 'Enhet 2', why: 'no team without a conflict' }],
    });
    expect(cardProblems(assign)).toEqual([]);
    expect(assign).toMatchSnapshot();
  });
});
