// The award's compounds written apart are read whole, and only those: a manager signing herself up
// for "informations mötet" signs up for the information meeting, not her unit for the award.
import { describe, expect, it } from 'vitest';
import { classifyMail } from './classify.js';
import type { MailFacts } from './facts.js';
import { joinSplitCompounds } from './split-compounds.js';
import { fold } from './text.js';

const joined = (s: string) => joinSplitCompounds(fold(s));

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'zeynep.demir@stockholm.example', name: 'Zeynep Demir' },
    attachments: [],
    sentAt: '2027-02-25T15:46:00Z',
  };
}

describe('the award’s compounds written apart', () => {
  it('are read as the compound', () => {
    expect(joined('anmäla mej till informations mötet')).toBe('anmala mej till informationsmotet');
    expect(joined('Informations-träffen i mars')).toBe('informationstraffen i mars');
    expect(joined('info mötet 2/3')).toBe('infomotet 2 3');
    expect(joined('Här kommer vår intresse anmälan')).toBe('har kommer var intresseanmalan');
    expect(joined('delta i kvalitets utmärkelsen 2027')).toBe('delta i kvalitetsutmarkelsen 2027');
    expect(joined('bifogar protokolls utdraget')).toBe('bifogar protokollsutdraget');
    expect(joined('protokoll utdrag från nämnden')).toBe('protokollutdrag fran namnden');
  });

  it('leaves other words beside each other as written', () => {
    for (const text of [
      'information om mötet',
      'informationen mötet gav',
      'vårt kvalitets arbete',
      'intresse för att anmäla oss',
      'intresse anmäla',
      'protokollet utdrag',
    ])
      expect(joined(text)).toBe(fold(text));
    // Only whole words: the halves must each stand alone.
    expect(joined('desinformations mötet')).toBe('desinformations motet');
    expect(joined('kvalitets utmärkelsekommittén')).toBe('kvalitets utmarkelsekommitten');
  });

  it('makes a manager’s signup for "informations mötet" a signup, not a registration', () => {
    const c = classifyMail(
      mail(
        'anmälan',
        'Hej vill anmäla mej till informations mötet den 9 mars kl 9 i stadshuset\n\nmvh Zeynep Demir\nenhetschef hemtjänsten Vällingby norra',
      ),
    );
    expect(c.kind).toBe('info-meeting-signup');
  });

  it('reads "intresse anmälan" for the award as a registration', () => {
    const c = classifyMail(
      mail(
        'Intresse anmälan kvalitets utmärkelsen',
        'Hej!\n\nHär kommer vår intresse anmälan till kvalitets utmärkelsen 2027, vi vill delta.\n\nZeynep Demir\nEnhetschef',
      ),
    );
    expect(c.kind).toBe('pre-registration');
  });
});
