import { describe, expect, it } from 'vitest';
import type { Cycle } from '../model.js';
import { QUESTION_OPENINGS } from './questions.js';
import { checkSubmission, splitPart } from './submission.js';

const cycle = {
  year: 2027,
  timeline: { submissionDeadline: '2027-05-17' },
  rules: { maxCharacters: 2_000 },
} as unknown as Cycle;

function application(numbers: number[]): string {
  return [
    'Verksamhetens namn: Förskolan Solrosen',
    'Verksamhetens chefs namn: Maria Öberg',
    'Telefon: 08-465 004 01',
    'E-post: maria.oberg@stockholm.example',
    'Antal anställda: 18',
    ...numbers.flatMap((n) => [
      `${n}. ${QUESTION_OPENINGS[n]}`,
      'Vi gör så här och följer upp det varje termin.',
    ]),
  ].join('\n');
}

const all = Array.from({ length: 24 }, (_, i) => i + 1);

describe('checkSubmission', () => {
  it('finds nothing wrong in a complete, timely application', () => {
    const r = checkSubmission({
      cycle,
      sentAt: '2027-05-17T23:59:59+02:00',
      documents: [
        { fileName: 'a.docx', result: { ok: true, text: application(all).slice(0, 100_000) } },
      ],
    });
    expect(r.late).toBe(false);
    expect(r.questions.missing).toEqual([]);
    expect(r.problems.filter((p) => p.kind !== 'over-limit')).toEqual([]);
  });

  it('judges lateness by the sent time: 24.00 is the start of 18 May', () => {
    const doc = [{ fileName: 'a.docx', result: { ok: true as const, text: application(all) } }];
    expect(
      checkSubmission({ cycle, sentAt: '2027-05-18T00:00:00+02:00', documents: doc }).late,
    ).toBe(true);
    expect(checkSubmission({ cycle, sentAt: '2027-05-17T21:59:59Z', documents: doc }).late).toBe(
      false,
    );
  });

  it('reports over the limit, missing questions and unreadable files together', () => {
    const r = checkSubmission({
      cycle,
      sentAt: '2027-05-10T10:00:00+02:00',
      documents: [
        {
          fileName: 'del1.docx',
          result: {
            ok: true,
            text: application(all.filter((n) => n !== 3)) + '\n' + 'x'.repeat(3_000),
          },
        },
        {
          fileName: 'del2.pages',
          result: { ok: false, reason: 'unsupported-format', format: 'pages' },
        },
      ],
    });
    expect(r.problems.map((p) => p.kind)).toEqual([
      'document-failed',
      'over-limit',
      'questions-missing',
    ]);
    expect(r.questions.missing).toEqual([3]);
    expect(r.characterCount).toBeGreaterThan(2_000);
  });

  it('reads a submission split over two files as one', () => {
    const text = application(all);
    const cut = text.indexOf('13. ');
    const r = checkSubmission({
      cycle: { ...cycle, rules: { ...cycle.rules, maxCharacters: 85_000 } },
      sentAt: '2027-05-10T10:00:00+02:00',
      documents: [
        { fileName: 'del1.docx', result: { ok: true, text: text.slice(0, cut) } },
        { fileName: 'del2.pdf', result: { ok: true, text: text.slice(cut) } },
      ],
    });
    expect(r.questions.missing).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('says when there is no document at all', () => {
    expect(
      checkSubmission({ cycle, sentAt: '2027-05-10T10:00:00+02:00', documents: [] }).problems,
    ).toEqual([{ kind: 'no-document' }]);
  });
});

describe('splitPart', () => {
  it('reads "del 1 av 2", "part 2 of 3" and "(1/2)"', () => {
    expect(splitPart('Bidrag del 1 av 2 – Solängen')).toEqual({ part: 1, of: 2 });
    expect(splitPart('Application part 2 of 3')).toEqual({ part: 2, of: 3 });
    expect(splitPart('Bidrag (2/2)')).toEqual({ part: 2, of: 2 });
    expect(splitPart('Bidrag Förskolan Solrosen')).toBeNull();
    expect(splitPart('del 3 av 2')).toBeNull();
  });
});
