// People withdrawing name the registration they take back; a registration named beside other verbs
// is still a registration (or nothing).
import { describe, expect, it } from 'vitest';
import { cancelsRegistration } from './cancelled-registration.js';
import { classifyMail } from './classify.js';
import type { MailFacts } from './facts.js';
import { fold } from './text.js';

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'lena.ek@stockholm.example', name: 'Lena Ek' },
    attachments: [],
    sentAt: '2027-04-06T09:00:00Z',
  };
}

const before = (s: string) => cancelsRegistration(fold(s) + ' ');

describe('a cancelled registration', () => {
  it('reads the cancelling word right before the registration', () => {
    expect(before('Vi ber er stryka vår')).toBe(true);
    expect(before('Återkallelse av')).toBe(true);
    expect(before('Kan ni makulera vår')).toBe(true);
    expect(before('Please ta bort')).toBe(true);
  });

  it('does not read a cancelling word further away, or another verb', () => {
    expect(before('Vi vill stryka under en sak i')).toBe(false);
    expect(before('Vi understryker att vår')).toBe(false);
    expect(before('Här kommer vår')).toBe(false);
    expect(before('Återkallelse av fullmakten och vår')).toBe(false);
  });

  it('takes a mail asking to strike its registration as a withdrawal, not two matters', () => {
    const c = classifyMail(
      mail(
        'Förskolan Lärkan – återtar anmälan',
        'Hej!\n\nFörskolan Lärkan kommer inte att delta i årets kvalitetsutmärkelse. Vi ber er stryka vår intresseanmälan.\n\nMvh Lena',
      ),
    );
    expect(c.kind).toBe('withdrawal');
    expect(c.reasonsEn.join(' ')).not.toMatch(/two things/);
  });

  it('still reads a registration sent with a note on a line to strike as a registration', () => {
    const c = classifyMail(
      mail(
        'Intresseanmälan Förskolan Lärkan',
        'Hej!\n\nHär kommer vår intresseanmälan till kvalitetsutmärkelsen. Stryk gärna under att vi är två avdelningar.\n\nMvh Lena',
      ),
    );
    expect(c.kind).toBe('pre-registration');
  });
});
