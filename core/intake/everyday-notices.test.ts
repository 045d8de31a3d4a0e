// Everyday notices that ask nothing of the award (an IT operations notice, a meeting platform's
// "the recording is ready") are other, filed alone, even when they name the info meeting; a person
// asking about the same things, or an invoice, still goes to a coordinator.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(partial: Partial<MailFacts>): MailFacts {
  return {
    subject: '',
    body: '',
    from: { address: 'servicedesk@stockholm.example', name: 'Servicedesk' },
    attachments: [],
    sentAt: '2027-05-18T15:00:00+02:00',
    ...partial,
  };
}

describe('an everyday notice', () => {
  it('an IT operations notice is other, decided alone', () => {
    for (const [subject, body] of [
      [
        'Driftinformation: planerat underhåll av e-posten',
        'Hej,\nLördag 12 juni kl. 08–12 genomförs planerat underhåll. E-post kan fördröjas.\nServicedesk',
      ],
      [
        'Scheduled maintenance of the mail service',
        'On Saturday the mail service is down for scheduled maintenance between 8 and 12.\nIT',
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it("a meeting platform's recording notice is other, though it names the info meeting", () => {
    const c = classifyMail(
      mail({
        subject: 'Inspelningen av "Informationsmöte Kvalitetsutmärkelsen (Teams)" är klar',
        body: 'Inspelningen av mötet är nu tillgänglig i organisatörens OneDrive.\n\nVisa inspelning\n\nMicrosoft Teams',
        from: { address: 'no-reply@teams.example', name: 'Microsoft Teams' },
      }),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('is not a person asking for the recording, nor an invoice', () => {
    const asks = classifyMail(
      mail({
        subject: 'Inspelningen av informationsmötet',
        body: 'Hej! Finns inspelningen av informationsmötet att se i efterhand? Vi missade det.\nOla',
        from: { address: 'ola.strand@stockholm.example', name: 'Ola Strand' },
      }),
    );
    expect(asks.kind).not.toBe('other');
    const invoice = classifyMail(
      mail({
        subject: 'Faktura 2027-118',
        body: 'Hej,\nBifogar faktura för fikat vid informationsmötet. Betalningsvillkor 30 dagar.\nCaféet',
        from: { address: 'faktura@cafe.example', name: 'Caféet' },
        attachments: [
          {
            name: 'Faktura 2027-118.pdf',
            contentType: 'application/pdf',
            size: 60_000,
            isInline: false,
          },
        ],
      }),
    );
    expect(decide(invoice)).toBe('triage');
  });
});
