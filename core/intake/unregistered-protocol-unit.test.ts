// A protocol whose mail names, in the board's decision wording, a unit the register lacks goes to a
// coordinator (the intake acts only for a registered unit); a protocol naming registered units, a
// unit that could be one of several registered ones, a board or district, or no unit at all (its units
// are in the attachment, read at runtime) is filed as before.
import { describe, expect, it } from 'vitest';
import { assessMail } from './assess.js';
import type { MailFacts } from './facts.js';
import type { MatchableUnit } from './match.js';
import { decidedUnitNames } from './unregistered-protocol-unit.js';

const unit = (id: string, name: string): MatchableUnit => ({
  id,
  name,
  managerName: 'Chef',
  managerEmail: `${id}@stockholm.example`,
});
const UNITS: MatchableUnit[] = [
  unit('u-ugglan', 'Förskolan Ugglan'),
  unit('u-hamnen', 'Hemtjänsten Hamnen'),
  unit('u-park-norr', 'Parkenheten Norrmalm'),
  unit('u-park-soder', 'Parkenheten Södermalm'),
  unit('u-kundtjanst', 'Kundtjänst Stadens Fastigheter'),
];

function protocolMail(body: string): MailFacts {
  return {
    subject: 'Protokollsutdrag stadsdelsnämnden § 8',
    body,
    from: { address: 'registrator@stockholm.example', name: 'Registrator' },
    attachments: [
      {
        name: 'Protokollsutdrag 2027-06-14 § 8.pdf',
        size: 150_000,
        contentType: 'application/pdf',
      },
    ],
    sentAt: '2027-06-16T09:00:00Z',
  };
}

const reasons = (body: string) => {
  const a = assessMail(protocolMail(body), UNITS);
  expect(a.classification.kind, body).toBe('board-protocol');
  return a.triageReasons.map((r) => r.sv).join(' | ');
};

describe('a protocol for a unit in no register', () => {
  it.each([
    [
      'Nämnden anmäler Biblioteket Sjöstaden till Stockholms stads kvalitetsutmärkelse 2027.',
      'Biblioteket Sjöstaden',
    ],
    [
      'Stadsdelsnämnden beslutade den 14 juni att Ungdomsgården Ljuset deltar i kvalitetsutmärkelsen.',
      'Ungdomsgården Ljuset',
    ],
    [
      'Bifogat utdrag där styrelsen godkänner att Vårdhemmet Åsen deltar i årets utmärkelse.',
      'Vårdhemmet Åsen',
    ],
    [
      'Nämnden har anmält att Förskolan Ugglan och Simhallen Västra deltar i Kvalitetsutmärkelsen 2027.',
      'Simhallen Västra',
    ],
  ])('%s → a coordinator, the name quoted as written', (body, name) => {
    expect(reasons(`Hej,\n\n${body}\n\nRegistrator`)).toContain(
      `Protokollet gäller "${name}", som inte finns i enhetsregistret`,
    );
  });

  it.each([
    // Registered, by full or short name, or one of two registered units of that name.
    'Nämnden anmäler att Förskolan Ugglan och Hemtjänsten Hamnen deltar i kvalitetsutmärkelsen 2027.',
    'Styrelsen godkänner att Kundtjänst deltar i Kvalitetsutmärkelsen 2027.',
    'Nämnden beslutade att anmäla Parkenheten till kvalitetsutmärkelsen.',
    'Nämnden beslutade att godkänna Förskolan Ugglans deltagande i kvalitetsutmärkelsen.',
    // No unit named in the mail: the attached excerpt says which (read at runtime).
    'Bifogar protokollsutdrag från nämndens sammanträde den 14 juni, § 8.',
    'Nämnden anmäler att följande enheter deltar, se bifogat utdrag.',
    'Nämnden beslutade att de deltar i år.',
    // A board or a district, not a unit.
    'Kommunstyrelsen godkänner att Stadsbyggnadsförvaltningen deltar i kvalitetsutmärkelsen.',
  ])('near miss, filed as before: %s', (body) => {
    expect(reasons(`Hej,\n\n${body}\n\nRegistrator`)).not.toContain('enhetsregistret');
  });

  it('reads only decision wording: a name told of otherwise is no decision', () => {
    expect(
      decidedUnitNames('Vi har pratat med Biblioteket Sjöstaden om nästa år. Se bifogat utdrag.'),
    ).toEqual([]);
  });
});
