import { describe, expect, it } from 'vitest';
import {
  detectAdministrativeData,
  detectQuestions,
  QUESTION_AREAS,
  QUESTION_OPENINGS,
} from './questions.js';

const answer =
  'Vi arbetar systematiskt med detta och följer upp varje termin tillsammans med alla medarbetare.';

function application(numbers: number[], heading: (n: number) => string): string {
  return [
    'Verksamhetens namn: Förskolan Solrosen',
    'Verksamhetens chefs namn: Maria Öberg',
    'Telefon: 08-465 004 01',
    'Mobil chef: 070-174 06 06',
    'E-post: maria.oberg@stockholm.example',
    'Postadress: Box 4411, 129 12 Hägersten',
    'Besöksadress: Västertorpsvägen 12, 129 44 Hägersten',
    'Antal anställda, maj 2027: 18',
    '',
    ...numbers.flatMap((n) => [heading(n), answer, '']),
  ].join('\n');
}

describe('detectQuestions', () => {
  it('finds all 24 questions under "1." headings', () => {
    const c = detectQuestions(application(range(24), (n) => `${n}. ${QUESTION_OPENINGS[n]}`));
    expect(c.answered).toEqual(range(24));
    expect(c.missing).toEqual([]);
    expect(c.areas.map((a) => `${a.sv} ${a.answered}/${a.total}`)).toEqual([
      'Målgrupp 5/5',
      'Chef- och ledarskap 5/5',
      'Medarbetare 4/4',
      'Resultat och analys 2/2',
      'Från mål till uppföljning 4/4',
      'Utveckling 4/4',
    ]);
  });

  it('finds "Fråga 7" and "7)" headings and reports missing questions', () => {
    const some = range(24).filter((n) => n !== 7 && n !== 18);
    expect(detectQuestions(application(some, (n) => `Fråga ${n}`)).missing).toEqual([7, 18]);
    expect(detectQuestions(application(some, (n) => `${n})`)).missing).toEqual([7, 18]);
  });

  it('finds a question by its own words when the number is missing', () => {
    const text = application(range(24), (n) =>
      n === 6 ? 'Beskriv din ledarskapsidé. Beskriv också konkret…' : `${n}.`,
    );
    expect(detectQuestions(text).answered).toContain(6);
  });

  it('does not take a numbered list inside an answer for question headings', () => {
    const list = ['1. Trygghet', '2. Lärande', '3. Delaktighet'].join('\n');
    const text = application(range(24), (n) => `${n}. ${QUESTION_OPENINGS[n]}`).replace(
      `5. ${QUESTION_OPENINGS[5]}\n${answer}`,
      `5. ${QUESTION_OPENINGS[5]}\n${answer}\nVåra tre mål:\n${list}`,
    );
    const c = detectQuestions(text);
    expect(c.missing).toEqual([]);
    expect(c.headings.map((h) => h.number)).toEqual(range(24));
  });

  it('counts a heading with nothing under it as not answered', () => {
    const text = application(range(24), (n) => `${n}. ${QUESTION_OPENINGS[n]}`).replace(
      `24. ${QUESTION_OPENINGS[24]}\n${answer}`,
      `24. ${QUESTION_OPENINGS[24]}\n`,
    );
    expect(detectQuestions(text).missing).toEqual([24]);
  });

  it('has 24 questions in 6 areas', () => {
    expect(QUESTION_AREAS.flatMap((a) => a.questions)).toEqual(range(24));
  });
});

describe('detectAdministrativeData', () => {
  it('reads the labelled fields, phones and e-mail addresses', () => {
    const d = detectAdministrativeData(application(range(24), (n) => `${n}.`));
    expect(d).toMatchObject({
      unitName: 'Förskolan Solrosen',
      managerName: 'Maria Öberg',
      postalAddress: 'Box 4411, 129 12 Hägersten',
      visitingAddress: 'Västertorpsvägen 12, 129 44 Hägersten',
      staffCount: 18,
      emails: ['maria.oberg@stockholm.example'],
      missing: [],
    });
    expect(d.phones).toEqual(['08-465 004 01', '070-174 06 06']);
  });

  it('lists what is missing and ignores numbers in the answers', () => {
    const d = detectAdministrativeData(
      `Verksamhetens namn: Stjärnhusskolan\n\n1. Fråga\nRing oss på 08-123 45 67 om ni vill.`,
    );
    expect(d.unitName).toBe('Stjärnhusskolan');
    expect(d.phones).toEqual([]);
    expect(d.missing).toEqual([
      'managerName',
      'phones',
      'emails',
      'postalAddress',
      'visitingAddress',
      'staffCount',
    ]);
  });
});

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
