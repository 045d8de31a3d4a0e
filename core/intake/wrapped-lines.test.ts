// Plain text wrapped at a fixed width (a mail client's 72–100 columns) is read as the sentences the
// sender wrote, not as the lines the client broke them into: a registration or a withdrawal split
// over two lines is still one.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'amir.haddad@stockholm.example', name: 'Amir Haddad' },
    attachments: [],
    sentAt: '2027-03-08T13:26:00Z',
  };
}

describe('a sentence wrapped over two lines', () => {
  it('registers when the registration runs on past the line break', () => {
    const c = classifyMail(
      mail(
        'Anmälan Förskolan Humlegården',
        'Hej,\n\nPå uppdrag av vår förskolechef Cecilia Rosén anmäler jag Förskolan Humlegården till\nKvalitetsutmärkelsen 2027. Cecilia står på kopia.\n\nHälsningar\nAmir Haddad\nBiträdande förskolechef',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('withdraws when the decision runs on past the line break', () => {
    const c = classifyMail(
      mail(
        'Kvalitetsutmärkelsen 2027',
        'Hej,\n\nEfter mycket diskussion i ledningsgruppen har vi tyvärr bestämt oss för att\ninte delta i Kvalitetsutmärkelsen i år.\n\nMvh\nAmir Haddad',
      ),
    );
    expect(c.kind).toBe('withdrawal');
    expect(decide(c)).toBe('auto');
  });
});
