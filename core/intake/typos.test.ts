// Hurried typing in the award's key words, in sentences of our own: a letter held down ("villl"), a
// consonant doubled in a long compound ("informationsmöttet", "kvalitetsutmärkelssen", "biddraget");
// and the near misses that must stay themselves (another word a doubled letter away from a key word,
// a word that really has the double).
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';
import { fold } from './text.js';
import { mendTypos } from './typos.js';

const mended = (s: string) => mendTypos(fold(s));

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'rut.lind@stockholm.example', name: 'Rut Lind' },
    attachments: [],
    sentAt: '2027-02-12T10:00:00+01:00',
  };
}

describe('mending typos in folded text', () => {
  it('types a letter typed three times or more twice', () => {
    expect(mended('Vi villl anmäla oss')).toBe('vi vill anmala oss');
    expect(mended('Hejjjj!!')).toBe('hejj');
  });

  it('forgives a doubled consonant in the award’s key words, in compounds too', () => {
    expect(mended('informationsmöttet')).toBe('informationsmotet');
    expect(mended('infomötten')).toBe('infomoten');
    expect(mended('Kvalitetsutmärkelssen')).toBe('kvalitetsutmarkelsen');
    expect(mended('kvallitetsutmärkelse')).toBe('kvalitetsutmarkelse');
    expect(mended('vårt biddrag')).toBe('vart bidrag');
    expect(mended('verksamhetsbidragg')).toBe('verksamhetsbidrag');
    expect(mended('protokollsuttdrag')).toBe('protokollsutdrag');
    expect(mended('prottokollet')).toBe('protokollet');
    expect(mended('intresseanmällan')).toBe('intresseanmalan');
    expect(mended('annmäla')).toBe('anmala');
  });

  it('leaves words that are not a key word, or are one spelt right, as they are', () => {
    for (const word of [
      'informationsmottagare',
      'vi mötte chefen',
      'mottot',
      'bidra',
      'bidrar',
      'anmärkning',
      'protokollet',
      'intresseanmälan',
      'kvalitetsutmärkelsen',
      'tillgänglighet',
      'alla',
    ])
      expect(mended(word)).toBe(fold(word));
  });

  it('does not touch vowels doubled in a key word', () => {
    expect(mended('biidrag')).toBe('biidrag');
  });
});

describe('the classifier reads key words with typos', () => {
  it('a signup to "informationsmöttet" is a signup, not a registration', () => {
    const c = classifyMail(
      mail(
        'anmälan till informationsmöttet',
        'Hej\n\nJag vill anmäla mig till informationsmöttet den 9 mars i stadshuset.\n\nRut Lind\nEnhetschef Hemtjänsten Skärholmen centrum',
      ),
    );
    expect(c.kind).toBe('info-meeting-signup');
  });

  it('"villl anmäla sig till kvalitetsutmärkelssen" is a registration, decided alone', () => {
    const c = classifyMail(
      mail(
        'anmälan',
        'Hej\n\nEkbackens skola villl anmäla sig till kvalitetsutmärkelssen 2027.\n\nRut Lind\nrektor',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('an information receiver ("informationsmottagare") is no info meeting', () => {
    const c = classifyMail(
      mail(
        'Ny kontaktperson',
        'Hej\n\nFrån och med nu är jag informationsmottagare för vår enhet, skicka gärna utskicken till mig.\n\nRut Lind',
      ),
    );
    expect(c.kind).not.toBe('info-meeting-signup');
  });
});
