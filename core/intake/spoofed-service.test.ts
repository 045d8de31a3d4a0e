// Phishing dressed as a service's share notice is other, decided alone; the service's own notice and
// a person's link to the entry are read as before.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(partial: Partial<MailFacts>): MailFacts {
  return {
    subject: '',
    body: '',
    from: { address: 'ola.strand@stockholm.example', name: 'Ola Strand' },
    attachments: [],
    sentAt: '2027-05-14T02:00:00+02:00',
    ...partial,
  };
}

const SHARED = {
  subject: 'Tävlingsbidrag KU 2027.docx har delats med dig',
  body: 'Ett dokument väntar på dig. Logga in med ditt jobbkonto för att öppna det: https://onedrive-files-verify.example.org/open?f=5521\n\nLänken gäller bara i dag.',
};

describe('a service notice from an address not the service’s', () => {
  it('is phishing: other, decided alone, whatever award words it borrows', () => {
    const c = classifyMail(
      mail({
        ...SHARED,
        from: { address: 'notify@files-secure-mail.example.org', name: 'OneDrive' },
      }),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
    expect(c.signals.fired.map((s) => s.rule)).toContain('spoofed-service');
  });

  it('is not the service’s own notice, a person’s link, or a notice asking no login', () => {
    const own = classifyMail(
      mail({ ...SHARED, from: { address: 'no-reply@onedrive.example', name: 'OneDrive' } }),
    );
    const person = classifyMail(
      mail({
        subject: 'Vårt tävlingsbidrag',
        body: 'Hej! Filen var för stor att bifoga, logga in och hämta den här: https://stad.sharepoint.example/sites/ku/bidrag.docx\nLena',
        from: { address: 'lena.ek@stockholm.example', name: 'Lena Ek' },
      }),
    );
    const noLogin = classifyMail(
      mail({
        subject: 'Ny kommentar',
        body: 'Du har en ny kommentar i dokumentet: https://sharepoint-files.example.org/c/1',
        from: { address: 'notices@files.example.org', name: 'SharePoint' },
      }),
    );
    for (const c of [own, person, noLogin])
      expect(c.signals.fired.map((s) => s.rule)).not.toContain('spoofed-service');
    expect(person.kind).toBe('submission');
  });
});
