import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './holidays.js';
import { findSlots, type BusyItem, type SlotPerson, type SlotQuery } from './slots.js';

const ZONE = 'Europe/Stockholm';
const local = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(ZONE);
const at = (localTime: string) => DateTime.fromISO(localTime, { zone: ZONE }).toISO()!;
const item = (start: string, end: string, status: BusyItem['status'] = 'busy'): BusyItem => ({
  start: at(start),
  end: at(end),
  status,
});
/** Busy every weekday 08–17 between two dates, except the listed dates. */
function busyEveryDay(from: string, to: string, except: string[] = []): BusyItem[] {
  const out: BusyItem[] = [];
  for (
    let d = DateTime.fromISO(from, { zone: ZONE });
    d.toISODate()! <= to;
    d = d.plus({ days: 1 })
  ) {
    if (except.includes(d.toISODate()!)) continue;
    out.push(item(`${d.toISODate()}T07:00`, `${d.toISODate()}T18:00`));
  }
  return out;
}

const team: SlotPerson[] = [
  { id: 'leader@x', role: 'examiner', busy: [] },
  { id: 'member@x', role: 'examiner', busy: [] },
];
const manager = (busy: BusyItem[] = []): SlotPerson => ({
  id: 'manager@x',
  role: 'unit-manager',
  busy,
});

const base: SlotQuery = {
  now: '2026-08-24T09:00:00+02:00',
  window: { from: '2026-09-07', to: '2026-10-23' },
  kind: 'site',
  mode: 'on-site',
  people: [...team, manager()],
};

describe('findSlots', () => {
  it('proposes five three-hour on-site slots on different working days spread over the window', () => {
    const answer = findSlots(base);
    expect(answer.slots).toHaveLength(5);
    expect(answer.tentativeOnly).toBe(false);
    const starts = answer.slots.map((s) => local(s.start));
    expect(new Set(starts.map((s) => s.toISODate())).size).toBe(5);
    for (const [i, s] of starts.entries()) {
      expect(s.weekday).toBeLessThanOrEqual(5);
      expect(s.hour).toBeGreaterThanOrEqual(8);
      expect(local(answer.slots[i]!.end).diff(s, 'minutes').minutes).toBe(180);
      expect(local(answer.slots[i]!.end).hour).toBeLessThanOrEqual(17);
    }
    // Spread, not the first five found: the first in the window's first weeks, the last in its last.
    expect(starts[0]!.toISODate()! < '2026-09-16').toBe(true);
    expect(starts[4]!.toISODate()! > '2026-10-12').toBe(true);
  });

  it('digital site visits take two hours and feedback visits two hours', () => {
    const digital = findSlots({ ...base, mode: 'digital' }).slots[0]!;
    expect(local(digital.end).diff(local(digital.start), 'minutes').minutes).toBe(120);
    const feedback = findSlots({
      ...base,
      kind: 'feedback',
      window: { from: '2026-11-30', to: '2027-02-12' },
    }).slots[0]!;
    expect(local(feedback.end).diff(local(feedback.start), 'minutes').minutes).toBe(120);
  });

  it('keeps a lead time of ten working days, holidays not counted', () => {
    const answer = findSlots({ ...base, now: '2026-09-01T10:00:00+02:00' });
    expect(answer.earliest).toBe('2026-09-15');
    expect(answer.slots.every((s) => local(s.start).toISODate()! >= '2026-09-15')).toBe(true);
    // Over Christmas the holidays push it further.
    expect(addWorkingDays('2026-12-18', 10)).toBe('2027-01-08');
  });

  it('never proposes Swedish holidays: Midsummer Eve, All Saints’ Eve afternoon, Epiphany', () => {
    expect(isWorkingDay('2026-06-19')).toBe(false);
    expect(isWorkingDay('2027-01-06')).toBe(false);
    const midsummer = findSlots({
      ...base,
      now: '2026-05-01T09:00:00+02:00',
      window: { from: '2026-06-18', to: '2026-06-22' },
    });
    const dates = midsummer.slots.map((s) => local(s.start).toISODate());
    expect(dates).not.toContain('2026-06-19');
    expect(dates).toEqual(expect.arrayContaining(['2026-06-18', '2026-06-22']));
    const allSaintsEve = findSlots({ ...base, window: { from: '2026-10-30', to: '2026-10-30' } });
    expect(allSaintsEve.slots.length).toBeGreaterThan(0);
    for (const s of allSaintsEve.slots) expect(local(s.end).hour).toBeLessThanOrEqual(12);
  });

  it('treats all-day out-of-office events as busy for the whole day', () => {
    const away = [item('2026-09-07T00:00', '2026-10-19T00:00', 'oof')];
    const answer = findSlots({ ...base, people: [...team, manager(away)] });
    expect(answer.slots.length).toBeGreaterThan(0);
    for (const s of answer.slots) expect(local(s.start).toISODate()! >= '2026-10-19').toBe(true);
  });

  it('counts tentative as busy while anything is fully free, and says so when only tentative is left', () => {
    const busy = busyEveryDay('2026-09-07', '2026-10-23', ['2026-09-23', '2026-10-07']);
    busy.push(item('2026-10-07T07:00', '2026-10-07T18:00', 'tentative'));
    const withFree = findSlots({ ...base, people: [...team, manager(busy)] });
    expect(withFree.tentativeOnly).toBe(false);
    expect(withFree.slots.every((s) => local(s.start).toISODate() === '2026-09-23')).toBe(true);

    busy.push(item('2026-09-23T07:00', '2026-09-23T18:00', 'tentative'));
    const onlyTentative = findSlots({ ...base, people: [...team, manager(busy)] });
    expect(onlyTentative.tentativeOnly).toBe(true);
    expect(onlyTentative.slots.length).toBeGreaterThan(0);
    for (const s of onlyTentative.slots) expect(s.tentativeWith).toEqual(['manager@x']);
  });

  it('keeps local working hours across the October change to winter time', () => {
    // Summer time ends Sunday 25 October 2026: Friday is +02:00, Monday +01:00, both 08–17 local.
    const answer = findSlots({ ...base, window: { from: '2026-10-23', to: '2026-10-26' } });
    const byDate = new Map(answer.slots.map((s) => [local(s.start).toISODate(), s]));
    expect(byDate.get('2026-10-23')!.start).toMatch(/\+02:00$/);
    expect(byDate.get('2026-10-26')!.start).toMatch(/\+01:00$/);
    for (const s of answer.slots) {
      expect(local(s.start).hour).toBeGreaterThanOrEqual(8);
      expect(local(s.end).hour).toBeLessThanOrEqual(17);
    }
  });

  it('uses each person’s working hours in their own zone', () => {
    const short: SlotPerson = {
      id: 'short@x',
      role: 'examiner',
      busy: [],
      workingHours: { daysOfWeek: [2, 4], start: '10:00', end: '15:00', zone: 'Europe/London' },
    };
    const answer = findSlots({ ...base, people: [short, manager()] });
    for (const s of answer.slots) {
      const london = DateTime.fromISO(s.start, { setZone: true }).setZone('Europe/London');
      expect([2, 4]).toContain(london.weekday);
      expect(london.hour).toBeGreaterThanOrEqual(10);
      expect(london.plus({ hours: 3 }).hour).toBeLessThanOrEqual(15);
    }
  });

  it('overlapping windows of several people leave only their common free time', () => {
    const a = busyEveryDay('2026-09-07', '2026-10-23', ['2026-09-15', '2026-09-16']);
    const b = busyEveryDay('2026-09-07', '2026-10-23', ['2026-09-16', '2026-09-17']);
    const answer = findSlots({
      ...base,
      people: [
        { id: 'leader@x', role: 'examiner', busy: a },
        { id: 'member@x', role: 'examiner', busy: b },
        manager(),
      ],
    });
    expect(answer.slots.map((s) => local(s.start).toISODate())).toEqual(
      Array(answer.slots.length).fill('2026-09-16'),
    );
  });

  it('at most two visits per examiner a day, with a travel buffer after an on-site visit', () => {
    const window = { from: '2026-09-15', to: '2026-09-15' };
    const visits = [
      {
        examinerId: 'leader@x',
        start: at('2026-09-15T08:00'),
        end: at('2026-09-15T11:00'),
        onSite: true,
      },
    ];
    const one = findSlots({ ...base, window, visits });
    expect(one.slots.length).toBeGreaterThan(0);
    for (const s of one.slots) expect(local(s.start) >= local(at('2026-09-15T11:45'))).toBe(true);
    const two = findSlots({
      ...base,
      window,
      mode: 'digital',
      visits: [
        ...visits,
        {
          examinerId: 'leader@x',
          start: at('2026-09-15T15:00'),
          end: at('2026-09-15T16:00'),
          onSite: false,
        },
      ],
    });
    expect(two.slots).toEqual([]);
    expect(two.reason).toBe('nobody-free');
  });

  it('prefers days when the team has fewer visits', () => {
    const busyDays = ['2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24'];
    const visits = busyDays.map((d) => ({
      examinerId: 'member@x',
      start: at(`${d}T08:00`),
      end: at(`${d}T09:00`),
      onSite: false,
    }));
    const answer = findSlots({
      ...base,
      window: { from: '2026-09-21', to: '2026-09-25' },
      count: 1,
      visits,
    });
    expect(local(answer.slots[0]!.start).toISODate()).toBe('2026-09-25');
  });

  it('when nobody is free, names the nearest alternatives and who is busy then', () => {
    const busy = busyEveryDay('2026-09-07', '2026-10-23');
    const answer = findSlots({ ...base, people: [...team, manager(busy)] });
    expect(answer.slots).toEqual([]);
    expect(answer.reason).toBe('nobody-free');
    expect(answer.alternatives.length).toBe(3);
    for (const alt of answer.alternatives) expect(alt.busy).toEqual(['manager@x']);
  });

  it('says the window has passed when the lead time reaches beyond it', () => {
    const answer = findSlots({ ...base, now: '2026-10-20T09:00:00+02:00' });
    expect(answer.reason).toBe('window-passed');
    expect(answer.slots).toEqual([]);
  });

  it('does not offer an excluded (declined) time again', () => {
    const first = findSlots({
      ...base,
      window: { from: '2026-09-15', to: '2026-09-15' },
      count: 1,
    });
    const again = findSlots({
      ...base,
      window: { from: '2026-09-15', to: '2026-09-15' },
      count: 3,
      exclude: [first.slots[0]!],
    });
    for (const s of again.slots) {
      const overlaps =
        Date.parse(s.start) < Date.parse(first.slots[0]!.end) &&
        Date.parse(s.end) > Date.parse(first.slots[0]!.start);
      expect(overlaps).toBe(false);
    }
  });
});
