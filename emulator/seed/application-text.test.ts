import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  ALL_QUESTIONS,
  QUESTIONS,
  QUESTION_AREAS,
  buildApplication,
  countNonSpace,
} from './application-text.js';
import { makeDocx } from './documents.js';

const unit = {
  name: 'Förskolan Ekorren',
  classId: 'forskola' as const,
  managerName: 'Anna Bergqvist',
  unitPhone: '08-465 004 00',
  managerPhone: '070-174 06 05',
  unitEmail: 'forskolan.ekorren@stockholm.example',
  managerEmail: 'anna.bergqvist@stockholm.example',
  postalAddress: 'Bredholmsgatan 4, 127 31 Skärholmen',
  visitingAddress: 'Bredholmsgatan 4, 127 31 Skärholmen',
  staffCount: 14,
};

describe('buildApplication', () => {
  it('has the 24 questions of the instructions in six areas', () => {
    expect(ALL_QUESTIONS).toHaveLength(24);
    expect(QUESTION_AREAS.flatMap((a) => a.questions)).toEqual([...ALL_QUESTIONS]);
    expect(QUESTIONS[6]).toBe(
      'Beskriv din ledarskapsidé. Beskriv också konkret på vilket sätt den märks i ditt dagliga arbete.',
    );
  });

  it.each([6_000, 38_000, 85_000, 85_001, 90_000])(
    'reaches exactly %i characters excluding spaces, also after a .docx round trip',
    async (target) => {
      const app = buildApplication({ unit, year: 2026, targetNonSpaceChars: target });
      expect(app.nonSpaceCharacters).toBe(target);
      const { value } = await mammoth.extractRawText({ buffer: await makeDocx(app.paragraphs) });
      expect(countNonSpace(value)).toBe(target);
    },
  );

  it('writes the administrative data and only the chosen questions', () => {
    const app = buildApplication({
      unit,
      year: 2026,
      questions: [1, 2, 17],
      targetNonSpaceChars: 8_000,
    });
    expect(app.text).toContain('Verksamhetens namn: Förskolan Ekorren');
    expect(app.text).toContain('Antal anställda maj 2026: 14');
    expect(app.text).toContain(`17. ${QUESTIONS[17]}`);
    expect(app.text).not.toContain(QUESTIONS[6]!);
    expect(app.text).toContain('Målgrupp');
    expect(app.text).not.toContain('Chef- och ledarskap');
    expect(app.answeredQuestions).toEqual([1, 2, 17]);
  });

  it('can leave out the administrative data and shorten headings to the number', () => {
    const app = buildApplication({
      unit,
      year: 2026,
      omitAdministrativeData: true,
      questionHeadings: 'number-only',
      targetNonSpaceChars: 20_000,
    });
    expect(app.text).not.toContain('Verksamhetens namn');
    expect(app.text).toContain('Fråga 24');
    expect(app.text).not.toContain(QUESTIONS[24]!);
  });

  it('is deterministic and varies with the seed', () => {
    const a = buildApplication({ unit, year: 2026 });
    expect(buildApplication({ unit, year: 2026 }).text).toBe(a.text);
    expect(buildApplication({ unit, year: 2026, seed: 'annan' }).text).not.toBe(a.text);
  });

  it('rejects a question number outside 1–24', () => {
    expect(() => buildApplication({ unit, year: 2026, questions: [25] })).toThrow(/1–24/);
  });
});
