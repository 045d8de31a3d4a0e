// A registration sent as a filled-in form with nothing written in the mail: the subject and the
// form's name say it is the registration, not the application.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, fileName: string): MailFacts {
  return {
    subject,
    body: '',
    from: { address: 'emma.forsberg@stockholm.example', name: 'Emma Forsberg' },
    attachments: [{ name: fileName, size: 88_000, contentType: 'application/pdf' }],
    sentAt: '2027-03-18T11:31:00Z',
  };
}

describe('a registration form sent without words', () => {
  it('is a pre-registration, decided alone', () => {
    const c = classifyMail(
      mail('Intresseanmälan', 'Intresseanmälan Kvalitetsutmärkelsen 2027 Förskolan Ugglan.pdf'),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('is not when the file is the application', () => {
    const c = classifyMail(
      mail('Intresseanmälan', 'Bidrag Kvalitetsutmärkelsen 2027 Förskolan Ugglan.pdf'),
    );
    expect(c.kind === 'pre-registration' && decide(c) === 'auto').toBe(false);
  });
});
