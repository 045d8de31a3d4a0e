// Everyday notices that ask nothing of the award (an IT operations notice, a meeting platform's
// "the recording is ready") are other, filed alone, even when they name the info meeting; a person
// asking about the same things, or an invoice, still goes to a coordinator. A question from an
// address that takes no answer, with nothing of the award, is a bulk mail's: other too.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import { asksOnlyWhereToTurn } from './everyday-notices.js';
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

describe("a service's notice that asks for no action", () => {
  it('from an address no one reads, is other, decided alone', () => {
    for (const [subject, body] of [
      [
        'Ändrade villkor för er lagringstjänst',
        'Hej,\n\nDen 1 mars uppdateras villkoren för er lagringstjänst. Ingen åtgärd krävs av dig.\n\nDetta mejl skickades från en obevakad adress.',
      ],
      [
        'Your subscription: licence changes',
        'Hello,\n\nFrom 1 March the licences in your organisation move to a new plan. No action is required.\n\nPlease do not reply to this message.',
      ],
    ] as const) {
      const c = classifyMail(
        mail({ subject, body, from: { address: 'notices@vendor.example', name: 'Vendor' } }),
      );
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('is not a unit that says no action is needed while it registers, from its own address', () => {
    const c = classifyMail(
      mail({
        subject: 'Intresseanmälan Hemtjänsten Norr',
        body: 'Hej! Hemtjänsten Norr anmäler härmed intresse att delta i kvalitetsutmärkelsen. Ingen åtgärd krävs av er förrän i maj.\n\nLena Ahl',
        from: { address: 'lena.ahl@stockholm.example', name: 'Lena Ahl' },
        sentAt: '2027-03-01T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
  });
});

describe("another event's invitation, registered for through a link or needing none", () => {
  it('is other, decided alone', () => {
    for (const [subject, body] of [
      [
        'Inbjudan: Friskvårdsdagen 2027',
        'Välkomna till stadens friskvårdsdag den 3 juni i Kungsträdgården. Anmälan görs via intranätet senast 20 maj.\n\nPersonalavdelningen',
      ],
      [
        'Välkommen på frukostseminarium om klimatanpassning',
        'Miljöförvaltningen bjuder in till frukostseminarium den 12 maj kl. 8.00 i Stadshuset. Ingen anmälan behövs, välkomna!',
      ],
      [
        'Invitation to the Digital Services Forum',
        'You are warmly invited to the Digital Services Forum on 9 October. Register via the link by 25 September.\n\nThe forum team',
      ],
    ] as const) {
      const c = classifyMail(
        mail({ subject, body, from: { address: 'event@stockholm.example', name: 'Event' } }),
      );
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('is not our own invitation forwarded with a registration, nor an invitation registered by mail', () => {
    const ours = classifyMail(
      mail({
        subject: 'VB: Inbjudan till informationsmöte om kvalitetsutmärkelsen',
        body: 'Hej! Vi anmäler oss till informationsmötet den 2 mars.\n\n---------- Vidarebefordrat meddelande ---------\nVälkommen till informationsmöte om kvalitetsutmärkelsen. Anmäl dig via länken eller genom att svara.',
        from: { address: 'lena.ahl@stockholm.example', name: 'Lena Ahl' },
        sentAt: '2027-02-01T10:00:00+01:00',
      }),
    );
    expect(ours.signals.fired.map((s) => s.rule)).not.toContain('everyday-notice');
    const byMail = classifyMail(
      mail({
        subject: 'Inbjudan: nätverksträff',
        body: 'Välkomna till nätverksträffen den 5 maj. Anmäl er genom att svara på detta mejl.',
        from: { address: 'natverk@region.example', name: 'Nätverket' },
      }),
    );
    expect(byMail.signals.fired.map((s) => s.rule)).not.toContain('everyday-notice');
    // Our own meeting needing no registration is the award's: read as any mail about it.
    const ownMeeting = classifyMail(
      mail({
        subject: 'Inbjudan: informationsmöte om kvalitetsutmärkelsen',
        body: 'Välkomna till informationsmötet om kvalitetsutmärkelsen den 2 mars. Ingen anmälan behövs.',
        from: { address: 'kommunikation@stockholm.example', name: 'Kommunikation' },
      }),
    );
    expect(ownMeeting.signals.fired.map((s) => s.rule)).not.toContain('everyday-notice');
  });
});

describe('a question from an address that takes no answer', () => {
  it('with nothing of the award, is a bulk mail’s question: other, decided alone', () => {
    for (const [subject, body] of [
      [
        'Vad tyckte du om kursen?',
        'Hej!\n\nDu gick nyss kursen "Arbetsmiljö för chefer". Hur nöjd var du? Svara i formuläret:\nhttps://formular.example/a1\n\nTack!',
      ],
      [
        'Have you tried our new planner?',
        'Hello! Did you know you can plan your whole week in one view? Read more at https://planner.example',
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body, from: { address: 'noreply@kurser.example' } }));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('a question about the award from such an address still goes to a coordinator', () => {
    const c = classifyMail(
      mail({
        subject: 'Fråga om kvalitetsutmärkelsen',
        body: 'Hej! Hur många tecken får tävlingsbidraget vara?',
        from: { address: 'noreply@skolan.example' },
      }),
    );
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('sender-noreply-unrelated');
    expect(c.kind).not.toBe('other');
  });
});

describe('a notice whose only question points onward ("Frågor? Kontakta …")', () => {
  it('an IT operations notice with a contact line is other, decided alone', () => {
    for (const [subject, body] of [
      [
        'Driftinformation: nätverket på Hantverkargatan',
        'Tisdag 8 juni kl. 06–07 byts nätverksutrustning. Uppkopplingen kan brytas kort.\n\nFrågor? Kontakta IT-supporten på 08-508 100 00.',
      ],
      [
        'Planned maintenance of the calendar service',
        'On Sunday the calendar service is down for planned maintenance from 6 to 9.\n\nQuestions? Contact the service desk.',
      ],
    ] as const) {
      expect(asksOnlyWhereToTurn(body), subject).toBe(true);
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('a real question beside the notice is not a contact line', () => {
    const body =
      'Hej! Vi fick driftinformationen om planerat underhåll på lördag. Kommer mejl som skickas till er då fram ändå?\n/Ola';
    expect(asksOnlyWhereToTurn(body)).toBe(false);
    expect(asksOnlyWhereToTurn('Har ni frågor om bidraget? Ring mig.')).toBe(false);
    const c = classifyMail(
      mail({ subject: 'Underhållet', body, from: { address: 'ola.strand@stockholm.example' } }),
    );
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('everyday-notice');
  });
});

describe("another event's invitation registered for by a day on another site", () => {
  it('is other, decided alone', () => {
    const c = classifyMail(
      mail({
        subject: 'Lunchföreläsning: stresshantering i vardagen',
        body: 'Hej alla på miljöförvaltningen!\n\nVälkomna till lunchföreläsning den 14 oktober kl. 12.00 i hörsalen.\n\nAnmälan senast 7 oktober via medarbetarportalen.\n\nPersonalenheten',
        from: { address: 'personal.mf@stockholm.example', name: 'Personalenheten' },
      }),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('is not an invitation registered for by mail by a day', () => {
    const c = classifyMail(
      mail({
        subject: 'Lunchföreläsning: stresshantering i vardagen',
        body: 'Välkomna till lunchföreläsning den 14 oktober kl. 12.00 i hörsalen. Anmälan senast 7 oktober till lena.ahl@stockholm.example.',
        from: { address: 'personal.mf@stockholm.example', name: 'Personalenheten' },
      }),
    );
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('everyday-notice');
  });
});

describe("another meeting's invitation that asks for no registration", () => {
  it('is other, decided alone: it only tells where to be', () => {
    for (const [subject, body] of [
      [
        'Möte: verksamhetsplan 2028',
        'Hej alla,\n\nVälkomna till genomgång av verksamhetsplanen den 12 maj kl 10 i stora konferensrummet.\n\n/Per, ekonomiavdelningen',
      ],
      [
        'Team meeting',
        'Hi all, you are invited to the quarterly review on 3 June at 2 pm in room 4.\nAnna',
      ],
    ] as const) {
      const c = classifyMail(
        mail({ subject, body, from: { address: 'per.lind@stockholm.example', name: 'Per Lind' } }),
      );
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('is not an invitation asking for an answer, one with no hour, nor our own meeting', () => {
    for (const [subject, body] of [
      [
        'Möte: verksamhetsplan 2028',
        'Välkomna till genomgång av verksamhetsplanen den 12 maj kl 10 i stora konferensrummet. OSA senast 5 maj.',
      ],
      [
        'Ny förskolechef',
        'Hej! Välkommen till Förskolan Ekorren, jag är ny förskolechef från den 1 mars.',
      ],
      [
        'Inbjudan',
        'Välkomna till informationsmötet om kvalitetsutmärkelsen den 2 mars kl 14 på Teams.',
      ],
    ] as const) {
      const c = classifyMail(
        mail({ subject, body, from: { address: 'per.lind@stockholm.example', name: 'Per Lind' } }),
      );
      expect(
        c.signals.fired.map((s) => s.rule),
        subject,
      ).not.toContain('everyday-notice');
    }
  });
});
