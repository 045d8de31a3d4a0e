import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCycles } from '../../core/cycle.js';
import { newParticipation, transition } from '../../core/participation.js';
import type { Participation, Unit } from '../../core/model.js';
import type { SubmissionVersion } from '../../store/index.js';
import { findUnits } from './find.js';
import { participantsCsv } from './export.js';
import {
  deadlinesAcrossCycles,
  unitPage,
  workingYear,
  yearCounts,
  type YearData,
} from './summary.js';

const cycles = parseCycles(
  [2026, 2027].map((year) => ({
    json: JSON.parse(readFileSync(new URL(`../../cycles/${year}.json`, import.meta.url), 'utf8')),
    source: `${year}.json`,
  })),
);
const cycle2027 = cycles.find((c) => c.year === 2027)!;

const unit = (id: string, name: string, classId: Unit['classId'] = 'forskola'): Unit => ({
  id,
  name,
  classId,
  organisationId: 'sdf-sodermalm',
  managerName: 'Chef',
  managerEmail: `${id}@stockholm.example`,
  ownership: 'municipal',
});
const by = { id: 'system' };
const at = '2027-03-01T10:00:00+01:00';
const p = (unitId: string, ...states: Participation['state'][]): Participation =>
  states.slice(1).reduce(
    (acc, s) =>
      transition(acc, s, { at, actor: by, source: { kind: 'mail', ref: `${unitId}-${s}` } }),
    newParticipation(unitId, 2027, states[0]!, {
      at,
      actor: by,
      source: { kind: 'mail', ref: unitId },
    }),
  );
const submission = (unitId: string, extra: Partial<SubmissionVersion> = {}): SubmissionVersion => ({
  id: 1,
  unitId,
  year: 2027,
  mailbox: 'm',
  messageId: `msg-${unitId}`,
  receivedAt: at,
  sentAt: at,
  characterCount: 40_000,
  answeredQuestions: [1, 2, 3],
  late: false,
  fileNames: ['a.docx'],
  problems: [],
  recordedAt: at,
  ...extra,
});

const data: YearData = {
  cycle: cycle2027,
  units: [
    unit('a', 'Förskolan Vasaparken'),
    unit('b', 'Förskolan Vasastan'),
    unit('c', 'Eriksdalsskolan', 'skola'),
    unit('d', 'Förskolan Humlan'),
  ],
  organisations: [{ id: 'sdf-sodermalm', name: 'Södermalms stadsdelsnämnd', kind: 'district' }],
  participations: [
    p('a', 'pre-registered', 'submitted'),
    p('b', 'pre-registered'),
    p('c', 'submitted', 'in-protocol'),
    p('d', 'pre-registered', 'withdrawn'),
  ],
  submissions: [
    submission('a', { characterCount: 86_420, problems: ['over-limit'] }),
    submission('c', { late: true, problems: ['late', 'document-failed'] }),
  ],
  visits: [],
};

describe('status numbers', () => {
  it('counts states, milestones, classes and problems', () => {
    const counts = yearCounts(data, new Date('2027-06-10T10:00:00Z'));
    expect(counts.total).toBe(4);
    expect(counts.byState).toMatchObject({
      submitted: 1,
      'pre-registered': 1,
      'in-protocol': 1,
      withdrawn: 1,
    });
    expect(counts.submitted).toBe(2);
    expect(counts.missingFromProtocol).toBe(2);
    expect(counts.notSubmitted).toBe(1);
    expect(counts.byClass.forskola).toEqual({ participating: 2, submitted: 1 });
    expect(counts.problems.overLimit.map((u) => u.name)).toEqual(['Förskolan Vasaparken']);
    expect(counts.problems.late.map((u) => u.name)).toEqual(['Eriksdalsskolan']);
    expect(counts.problems.unreadable.map((u) => u.name)).toEqual(['Eriksdalsskolan']);
  });

  it('lists and pages by filter, sorted by name', () => {
    const page = unitPage(data, { notSubmitted: true });
    expect(page.items.map((r) => r.name)).toEqual(['Förskolan Vasastan']);
    const all = unitPage(data, { classId: 'forskola' }, { pageSize: 2, page: 1 });
    expect(all).toMatchObject({ total: 3, pages: 2, page: 1 });
    expect(all.items.map((r) => r.name)).toEqual(['Förskolan Vasastan']);
    expect(unitPage(data, { problem: 'late' }).items.map((r) => r.unitId)).toEqual(['c']);
  });

  it('on 6 December 2026 shows the 2026 feedback visits and the 2027 meetings and pre-registration', () => {
    const now = new Date('2026-12-06T09:00:00Z');
    const dates = deadlinesAcrossCycles(cycles, now);
    expect(dates.map((d) => d.year)).toEqual([2026, 2027]);
    expect(dates[0]!.next.map((d) => d.kind)).toContain('feedback-visit-window');
    expect(dates[1]!.next.map((d) => d.kind)).toContain('info-meeting-signup');
    expect(workingYear(cycles, now)).toBe(2027);
    expect(workingYear(cycles, new Date('2026-06-10T09:00:00Z'))).toBe(2026);
  });

  it('exports participants as CSV without withdrawn units, formula-safe', () => {
    const csv = participantsCsv({
      ...data,
      units: [...data.units.slice(0, 3), unit('d', '=HYPERLINK("x")')],
    });
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('Enhet;Tävlingsklass');
    expect(csv).not.toContain('HYPERLINK');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(participantsCsv(data, 'en').split('\r\n')[0]).toContain('Unit;Class;Board');
    // A unit taking part whose name Excel would run as a formula is written as text.
    const injected = participantsCsv({
      ...data,
      units: [unit('a', '=HYPERLINK("http://x")'), ...data.units.slice(1)],
    });
    expect(injected).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('finding a unit by name', () => {
  const units = data.units;
  it('finds a unit by part of its name and with a typo', () => {
    expect(findUnits('Vasaparken', units).found?.id).toBe('a');
    expect(findUnits('förskolan vasaprken', units).found?.id).toBe('a');
    expect(findUnits('eriksdalskolan', units).found?.id).toBe('c');
  });
  it('offers a choice when the name is ambiguous, nothing for generic words', () => {
    const result = findUnits('Vasa', units);
    expect(result.found).toBeUndefined();
    expect(result.candidates.map((c) => c.unit.id).sort()).toEqual(['a', 'b']);
    expect(findUnits('förskolan', units).candidates).toEqual([]);
  });
});
