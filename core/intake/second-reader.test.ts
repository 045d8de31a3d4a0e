import { describe, expect, it } from 'vitest';
import { assessMail, secondReading } from './assess.js';
import { classifyMail } from './classify.js';
import type { MailFacts } from './facts.js';
import type { MatchableUnit } from './match.js';
import { readerFeatures, readMail, trainReader, type ReaderModel } from './second-reader.js';

const UNIT: MatchableUnit = {
  id: 'u-ros',
  name: 'Dagverksamheten Rosengården',
  managerEmail: 'ulla.berg@stockholm.example',
  managerName: 'Ulla Berg',
};

const mail = (subject: string, body: string, extra: Partial<MailFacts> = {}): MailFacts => ({
  subject,
  body,
  from: { address: UNIT.managerEmail, name: UNIT.managerName! },
  attachments: [],
  headers: [],
  sentAt: '2027-03-01T10:00:00+01:00',
  ...extra,
});

const featuresOf = (facts: MailFacts) => readerFeatures(classifyMail(facts), facts);

/** A reader taught that short "we're in" mail registers, and that mail about doubts needs a person. */
function readerTaught(registrationLabel: string): ReaderModel {
  const registering = [
    'Hej, Rosengården vill va me i år. Ulla',
    'hej vi vill va me i år! /Ulla',
    'Rosengården vill va me i år, hälsningar Ulla',
  ];
  const asking = [
    'Hej! När kommer programmet för prisutdelningen?',
    'Hej! När kommer programmet för informationsmötet?',
  ];
  return trainReader([
    ...registering.map((body) => ({
      label: registrationLabel,
      features: featuresOf(mail('Anmälan', body)),
    })),
    ...asking.map((body) => ({ label: 'question', features: featuresOf(mail('Fråga', body)) })),
  ]);
}

describe('the second reader', () => {
  it("reads the sender's own words, the attachments' types and names and the automatic headers, not the quoted mail", () => {
    const f = featuresOf(
      mail(
        'SV: Påminnelse',
        'Här kommer vårt bidrag.\n\nFrån: Kvalitetsutmärkelsen\nSkickat: den 2 maj 2027\nÄmne: Påminnelse\n\nGlöm inte att återta er anmälan om ni hoppar av.',
        {
          attachments: [{ name: 'Bidrag Rosengården 2027.docx', size: 120_000 }],
          headers: [{ name: 'Auto-Submitted', value: 'auto-replied' }],
        },
      ),
    );
    expect(f).toEqual(
      expect.arrayContaining([
        'bidrag',
        'vårt_bidrag',
        'file:docx',
        'filename:rosengården',
        'header:auto-submitted',
      ]),
    );
    expect(f).not.toContain('återta');
  });

  it("forgets what only one mail said, and weighs what the labels' mails share", () => {
    const model = trainReader([
      { label: 'a', features: ['anmäler', 'oss', 'ettord'] },
      { label: 'a', features: ['anmäler', 'oss'] },
      { label: 'b', features: ['frågar', 'oss'] },
      { label: 'b', features: ['frågar'] },
    ]);
    expect(model.features).not.toHaveProperty('ettord');
    expect(model.features['oss']).toEqual([2, 1]);
    const p = readMail(model, ['anmäler', 'oss']);
    expect(p['a']! + p['b']!).toBeCloseTo(1, 10);
    expect(p['a']).toBeGreaterThan(0.7);
    // Nothing it knows: the labels' shares of the mail it learnt from.
    expect(readMail(model, ['okänt'])).toEqual({ a: 0.5, b: 0.5 });
  });
});

describe('a mail the rules lean on but are unsure of', () => {
  const phone = mail(
    'Anmälan',
    'Hej, Rosengården vill va me i år. Ulla\n\nSkickat från min iPhone',
  );

  it('is decided as the rules lean when the reader knows such mail, saying why', () => {
    expect(assessMail(phone, [UNIT], {}, null)).toMatchObject({ decision: 'triage' });
    const a = assessMail(phone, [UNIT], {}, readerTaught('pre-registration'));
    expect(a.classification.kind).toBe('pre-registration');
    expect(a.classification.confidence).toBeLessThan(0.7);
    expect(a).toMatchObject({ decision: 'auto', match: { unitId: UNIT.id } });
    expect(a.classification.reasons.at(-1)).toMatch(
      /^liknar tydligt tidigare mejl av sorten intresseanmälan \(\d+ %\)$/,
    );
  });

  it('stays with a coordinator when the reader has learnt such mail needs one', () => {
    expect(assessMail(phone, [UNIT], {}, readerTaught('triage'))).toMatchObject({
      decision: 'triage',
    });
  });

  it('stays with a coordinator when the rules doubt it themselves, whatever the reader says', () => {
    const conditional = mail('Anmälan', 'Hej, Rosengården vill va me i år om vi hinner. Ulla');
    const a = assessMail(conditional, [UNIT], {}, readerTaught('pre-registration'));
    expect(a.classification.signals.fired.map((s) => s.rule)).toContain('conditional');
    expect(a.decision).toBe('triage');
  });

  it('stays with a coordinator when the rules held their confidence down, whatever the reader says', () => {
    const thanks = mail('Tack!', 'Tack för en underbar prisutdelning i Blå hallen i går! /Ulla');
    const reader = trainReader(
      ['Tack för prisutdelningen i går!', 'Tack för en fin prisutdelning!'].map((body) => ({
        label: 'other',
        features: featuresOf(mail('Tack!', body)),
      })),
    );
    expect(readMail(reader, featuresOf(thanks))).toEqual({ other: 1 });
    const a = assessMail(thanks, [UNIT], {}, reader);
    expect(a.classification).toMatchObject({ kind: 'other', signals: { doubted: true } });
    expect(a.decision).toBe('triage');
  });

  it("reads a sign the rules set at nothing as a doubt only when it is of the leaning kind's", () => {
    const reader = readerTaught('pre-registration');
    const c = classifyMail(phone);
    const withSign = (kind: 'submission' | 'pre-registration') => ({
      ...c,
      signals: {
        ...c.signals,
        fired: [...c.signals.fired, { rule: 'noted', kind, weight: 0, sv: '', en: '' }],
      },
    });
    // "No document attached" is a note on the entry, no doubt about a registration.
    expect(secondReading(withSign('submission'), phone, reader)).toBeDefined();
    // A registration said, then set at nothing (asked, negated, told of as past) is one.
    expect(secondReading(withSign('pre-registration'), phone, reader)).toBeUndefined();
  });

  it('stays with a coordinator when the rules saw too little to lean on', () => {
    const vague = mail('Hej', 'Hej, Rosengården här. Ulla');
    const a = assessMail(vague, [UNIT], {}, readerTaught('pre-registration'));
    expect(a.classification.confidence).toBeLessThan(0.4);
    expect(a.decision).toBe('triage');
  });
});
