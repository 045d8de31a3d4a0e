// Read and delivery receipts, ticket systems' receipts and away messages that say they are automatic,
// without the headers that would tell:
// filed as auto-replies alone (never answered); a person writing about an automatic reply, or a mail
// titled "Läst" that is no receipt, is not one.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'ola.bjork@stockholm.example', name: 'Ola Björk' },
    attachments: [],
    sentAt: '2027-05-17T05:12:00Z',
  };
}

describe('a delivery receipt', () => {
  it('is an auto-reply, decided alone, whatever subject it quotes', () => {
    for (const [subject, body] of [
      [
        'Delivered: Reminder – entries are due on 17 May',
        'Your message has been delivered to the following recipients:\n\nOla Björk (ola.bjork@stockholm.example)\n\nSubject: Reminder – entries are due on 17 May',
      ],
      [
        'Levererat: Välkommen till informationsmötet',
        'Ditt meddelande har levererats till följande mottagare:\n\nOla Björk (ola.bjork@stockholm.example)\n\nÄmne: Välkommen till informationsmötet',
      ],
    ] as const) {
      const c = classifyMail(mail(subject, body));
      expect(c.kind, subject).toBe('auto-reply');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('is not a person whose subject says something was delivered', () => {
    const c = classifyMail(
      mail(
        'Levererat: vårt bidrag',
        'Hej! Här kommer vårt bidrag, levererat i sista minuten. Förskolan Solrosen.',
      ),
    );
    expect(c.kind).not.toBe('auto-reply');
  });
});

describe('a read receipt', () => {
  it('is an auto-reply, decided alone, whatever subject it quotes', () => {
    for (const [subject, body] of [
      [
        'Läst: Vi har tagit emot er intresseanmälan',
        'Ditt meddelande\n\nTill: Ola Björk\nÄmne: Vi har tagit emot er intresseanmälan\nSkickat: den 3 mars 2027 10:02\n\nlästes den 3 mars 2027 13:40.',
      ],
      [
        'Read: Your submission to the Quality Award',
        'Your message\n\nTo: Ola Björk\nSubject: Your submission to the Quality Award\nSent: Monday, May 17, 2027 9:00 AM\n\nwas read on Monday, May 17, 2027 11:15 AM.',
      ],
    ] as const) {
      const c = classifyMail(mail(subject, body));
      expect(c.kind, subject).toBe('auto-reply');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('a "not read" notice (deleted without being read) is one too', () => {
    const c = classifyMail(
      mail(
        'Ej läst: Sista dag för bidrag är den 17 maj',
        'Ditt meddelande\n\n  Till: Ola Björk\n  Ämne: Sista dag för bidrag är den 17 maj\n  Skickat: den 10 maj 2027 08:30\n\nhar tagits bort utan att ha lästs den 18 maj 2027 07:05.',
      ),
    );
    expect(c.kind).toBe('auto-reply');
    expect(decide(c)).toBe('auto');
  });

  it('is not a person who tells that a file was deleted before it was read', () => {
    const c = classifyMail(
      mail(
        'Ej läst bidraget än?',
        'Hej! Vårt bidrag togs bort ur mappen innan någon hann läsa det, ska vi skicka det igen?',
      ),
    );
    expect(c.kind).not.toBe('auto-reply');
  });

  it('is not a mail whose subject only starts with "Läst"', () => {
    const c = classifyMail(
      mail(
        'Läst instruktionerna',
        'Hej! Vi har läst instruktionerna, räknas bilagor in i tecknen?',
      ),
    );
    expect(c.kind).toBe('question');
  });
});

describe('an away message that says it is automatic', () => {
  it('is an auto-reply even as a reply to our mail about the info meetings', () => {
    const c = classifyMail(
      mail(
        'Re: Kvalitetsutmärkelsen 2027 – informationsmöten',
        'Jag är ledig till och med 1 mars och har begränsad tillgång till mejl.\n/Ola\n\nDetta är ett automatiskt svar.',
      ),
    );
    expect(c.kind).toBe('auto-reply');
    expect(decide(c)).toBe('auto');
  });

  it('is not a person asking about an automatic reply they got', () => {
    const c = classifyMail(
      mail(
        'Fick ett automatiskt svar',
        'Hej! Jag fick bara ett automatiskt svar när jag skickade vår intresseanmälan. Kom den fram?',
      ),
    );
    expect(c.kind).not.toBe('auto-reply');
  });
});

describe('two signs of a program’s reply without the headers', () => {
  it('outweigh the award’s words of our own subject quoted back', () => {
    for (const [subject, body] of [
      [
        'Autosvar: Påminnelse – intresseanmälan senast 22 mars',
        'Tack för ditt mejl! Jag är ledig vecka 10 och är tillbaka måndag 15 mars.\n\nOla Björk',
      ],
      [
        'Frånvaro: Inbjudan till informationsmöten – Kvalitetsutmärkelsen 2027',
        'Hej, jag är på semester 18–29 januari. Vid brådskande ärenden ring expeditionen.\nOla',
      ],
      [
        'Mottagningskvitto: Protokollsutdrag senast 30 juni',
        'Detta är ett automatiskt svar. Vi har tagit emot ditt e-postmeddelande till registraturen. Svara inte på detta meddelande.',
      ],
    ] as const) {
      const c = classifyMail({
        ...mail(subject, body),
        headers: subject.startsWith('Mottagning')
          ? [{ name: 'Auto-Submitted', value: 'auto-generated' }]
          : [],
      });
      expect(c.kind, subject).toBe('auto-reply');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('do not file a person’s entry sent from the holiday', () => {
    const c = classifyMail({
      ...mail(
        'Semester – vårt bidrag',
        'Hej! Jag är ledig från i morgon, så här kommer vårt bidrag till kvalitetsutmärkelsen redan nu.\nOla Björk',
      ),
      attachments: [
        {
          name: 'Bidrag Kvalitetsutmärkelsen.pdf',
          contentType: 'application/pdf',
          size: 300_000,
          isInline: false,
        },
      ],
    });
    expect(c.kind).not.toBe('auto-reply');
  });
});

describe('a ticket system’s acknowledgement', () => {
  it('saying it is "automatiskt genererat" is an auto-reply, decided alone', () => {
    const c = classifyMail({
      ...mail(
        '[Ticket 7731] Ditt ärende är registrerat',
        'Hej,\n\nDitt ärende har registrerats hos IT-supporten och besvaras inom två dagar.\n\nDetta är ett automatiskt genererat mejl och går inte att svara på.',
      ),
      from: { address: 'support-noreply@skolor.example', name: 'IT-support' },
    });
    expect(c.kind).toBe('auto-reply');
    expect(decide(c)).toBe('auto');
  });

  it('an X-Autoreply header alone marks the program’s reply', () => {
    const c = classifyMail({
      ...mail('Re: Intresseanmälan', 'Tack, vi har fått ditt mejl och återkommer.'),
      headers: [{ name: 'X-Autoreply', value: 'yes' }],
    });
    expect(c.kind).toBe('auto-reply');
    expect(c.signals.fired.map((s) => s.rule)).toContain('header-x-autoreply');
  });

  it('giving the case a number, with no header and no word that it is automatic, is an auto-reply', () => {
    for (const [subject, body] of [
      [
        'Ditt ärende är mottaget [HR-2027-311]',
        'Hej!\n\nTack för ditt mejl. Ditt ärende har tilldelats nummer HR-2027-311 och hanteras av Kontaktcenter så snart som möjligt.\n\nSvara inte på detta meddelande.\n\nKontaktcenter',
      ],
      [
        'Request received',
        'Hello,\n\nYour request has been logged as case 55102 and will be handled by the Facilities desk.\n\nFacilities desk',
      ],
    ] as const) {
      const c = classifyMail({
        ...mail(subject, body),
        from: { address: 'kontaktcenter@stad.example', name: 'Kontaktcenter' },
      });
      expect(c.kind, subject).toBe('auto-reply');
      expect(decide(c), subject).toBe('auto');
      expect(c.signals.fired.map((s) => s.rule)).toContain('case-receipt');
    }
  });

  it('is not a person who took our mail in and promises an answer within days', () => {
    const c = classifyMail(
      mail(
        'Sv: Platsbesöket',
        'Hej! Vi har tagit emot ert mejl om platsbesöket och återkommer inom tre dagar med ett datum som passar oss.\n\nOla Björk, rektor',
      ),
    );
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('case-receipt');
    expect(c.kind).not.toBe('auto-reply');
  });

  it('is not a person forwarding a receipt they got, with a question of their own', () => {
    const c = classifyMail(
      mail(
        'VB: Ditt ärende har registrerats [SR 2027/0988]',
        'Hej! Registraturen gav vårt protokollsutdrag ett ärendenummer, har ni också fått det?\n\n-----Ursprungligt meddelande-----\nFrån: Registraturen\nÄmne: Ditt ärende har registrerats [SR 2027/0988]\n\nDitt ärende har registrerats med nummer SR 2027/0988. Svara inte på detta meddelande.',
      ),
    );
    expect(c.kind).not.toBe('auto-reply');
  });

  it('is not a person telling that their report was generated automatically', () => {
    const c = classifyMail({
      ...mail(
        'Vårt bidrag',
        'Hej! Diagrammen i bidraget är automatiskt genererade ur vårt kvalitetssystem. Går det bra?',
      ),
      headers: [{ name: 'X-Autoreply', value: 'no' }],
    });
    expect(c.kind).not.toBe('auto-reply');
  });
});
