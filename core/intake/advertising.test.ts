// Advertising is filed as other without an answer, even when it names quality work and asks "Vill ni
// …?"; a unit that asks about a price is still asking.
import { describe, expect, it } from 'vitest';
import { salesOffer } from './advertising.js';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, body: string, from = 'info@kursbolaget.example'): MailFacts {
  return {
    subject,
    body,
    from: { address: from, name: 'Kursbolaget' },
    attachments: [],
    sentAt: '2027-03-30T06:45:00Z',
  };
}

describe('an advertisement', () => {
  it('a course with a discount is other, decided alone, though it asks "Vill ni …?"', () => {
    const c = classifyMail(
      mail(
        'Kurs i kvalitetsledning – 20 % rabatt',
        'Hej!\n\nVill ni utveckla ert kvalitetsarbete? Vår kurs i verksamhetsutveckling ges i maj. Boka före 15 april och få 20 % rabatt.\n\nKursbolaget AB',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('a conference with an early-bird price, in English, is other', () => {
    const c = classifyMail(
      mail(
        'Public sector quality days',
        'Do you want to improve quality in your organisation? Join two days of talks in Malmö. Book before 1 May: 4 900 SEK excl. VAT.\n\nThe organisers',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('a free workshop and a demo to book, or a Swedish early-bird price, is other though it names the award', () => {
    for (const [subject, body] of [
      [
        'Inför årets kvalitetsutmärkelse – vi hjälper er skriva ett vinnande bidrag',
        'Hej!\n\nInför årets kvalitetsutmärkelse erbjuder vi stadens verksamheter en kostnadsfri workshop om hur man skriver ett vinnande bidrag. Boka en demo redan idag: https://verktyg.example/demo\n\nSäljteamet',
      ],
      [
        'Inbjudan: Kvalitetskonferensen 2027',
        'Välkommen till två dagar om kvalitetsutmärkelser i offentlig sektor, 6–7 oktober. Tidigt pris gäller till 31 maj.\n\nAnmälan: https://konferensen.example',
      ],
    ] as const) {
      const c = classifyMail(mail(subject, body));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('a unit asking about a discount is asking', () => {
    const c = classifyMail(
      mail(
        'Examinatorsutbildningen',
        'Hej! Får vi rabatt på examinatorsutbildningen om vi är två från samma enhet?\n\nAnna Berg\nFörskolan Solrosen',
        'anna.berg@stockholm.example',
      ),
    );
    expect(c.kind).toBe('question');
    expect(salesOffer('Examinatorsutbildningen', 'Får vi rabatt på utbildningen?')).toBeUndefined();
  });

  it('a unit telling of a discount it got names one offer, and still asks', () => {
    const c = classifyMail(
      mail(
        'Kompetensutveckling',
        'Hej! Vi har fått rabatt på en kurs i kvalitetsarbete. Räknas den som kompetensutveckling i bidraget?\n\nAnna Berg\nFörskolan Solrosen',
        'anna.berg@stockholm.example',
      ),
    );
    expect(c.kind).toBe('question');
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('advertising');
  });
});

describe('offers in other words', () => {
  it('a percentage written with its sign, ordering before a date and free delivery make an advert', () => {
    const c = classifyMail(
      mail(
        'Glasplaketter till er gala',
        'Hej!\n\nVi tillverkar plaketter i glas med gravyr. Beställ senast 15 oktober för leverans i tid, 15 % rabatt på första ordern.\n\nGlasverkstan AB',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
    expect(salesOffer('Blommor', 'Fri frakt på alla beställningar. Beställ före fredag.')).toBe(
      'fri frakt, bestall fore',
    );
  });

  it('a price per guest with a free tasting and a booking date, in English, is an advert', () => {
    const c = classifyMail(
      mail(
        'Menus for your gala dinner',
        'Hello,\n\nHosting an evening for your winners? Our buffet is 450 SEK per guest, with a free tasting for bookings made before 1 October.\n\nGreen Table Events',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('a unit telling of a price it paid names one offer, no advert', () => {
    expect(
      salesOffer('Galan', 'Hej! Middagen kostade 450 kr per person, vilket vi betalade själva.'),
    ).toBeUndefined();
  });
});

describe('a vendor’s pitch: a seller’s title and a demo', () => {
  it('a tool for the award’s surveys offered by an account manager is other, though it asks', () => {
    const c = classifyMail(
      mail(
        'Enklare självvärdering inför kvalitetsutmärkelsen?',
        'Hej!\n\nFlera förvaltningar som deltar i kvalitetsutmärkelsen använder redan Mätverket för att sammanställa sina enkäter. Kan jag få visa en kort demo på tisdag?\n\nMed vänlig hälsning\nJonas Ek\nKey Account Manager, Mätverket AB',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
    expect(c.signals.fired.map((s) => s.rule)).toContain('advertising');
  });

  it('a unit asking for a demo of the registration form, signed by its manager, is no pitch', () => {
    expect(
      salesOffer(
        'Anmälningsformuläret',
        'Hej! Finns det en demo av det nya anmälningsformuläret som vi kan titta på?',
        'Hälsningar\nLena Ahl\nEnhetschef, Kundtjänst Norr',
      ),
    ).toBeUndefined();
    // A seller's title without anything offered: a salesperson's own question is not a pitch.
    expect(
      salesOffer(
        'Fråga',
        'Hej! När är sista dag för bidraget?',
        'Jonas Ek\nSäljchef, Mätverket AB',
      ),
    ).toBeUndefined();
  });
});

describe('a consultancy’s pitch: a consultant’s title, its services offered and a short meeting asked', () => {
  it('a firm offering to coach units through their award entries is other, though it asks', () => {
    const c = classifyMail(
      mail(
        'Hjälp med era bidrag till kvalitetsutmärkelsen',
        'Hej!\n\nVi erbjuder textgranskning och övningsintervjuer för enheter som tävlar om kvalitetsutmärkelser. Kan vi ses på ett kort möte i maj?\n\nVänliga hälsningar\nOla Berg\nManagementkonsult, Bergs Rådgivning AB',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
    expect(c.signals.fired.map((s) => s.rule)).toContain('advertising');
  });

  it('a unit’s own quality consultant asking for a short meeting about its entry is no pitch', () => {
    expect(
      salesOffer(
        'Vårt bidrag',
        'Hej! Kan vi boka ett kort möte om hur vi beskriver vårt förbättringsarbete i bidraget?',
        'Hälsningar\nSara Nyl\nVerksamhetskonsult, Äldreförvaltningen',
      ),
    ).toBeUndefined();
    // Services offered and a consultant's title, but no meeting asked: a unit telling what it does.
    expect(
      salesOffer(
        'Fråga om bidraget',
        'Hej! Vi erbjuder stöd till stadens skolor i deras digitalisering. Räknas det som förbättringsarbete?',
        'Sara Nyl\nIT-konsult, Utbildningsförvaltningen',
      ),
    ).toBeUndefined();
  });
});

describe('a free call offered by a seller, and goods offered with their price list', () => {
  it('a writing coach offering a free call, signed by a salesperson, is other', () => {
    const c = classifyMail(
      mail(
        'Bättre bidrag på halva tiden',
        'Hej!\n\nVi coachar enheter som skriver till kvalitetsutmärkelser. Boka ett gratis 30-minutersmöte med oss.\n\nMvh\nPetra Lind\nSäljare, Skrivstöd Norden AB',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('a florist offering its goods with the price list attached is other', () => {
    const c = {
      ...mail(
        'Blommor till galan',
        'Hej!\n\nVi på Blomsterboden Söder erbjuder bordsdekorationer till er prisutdelning. Bifogar vår prislista.\n\nMed vänlig hälsning\nAnna Berg',
      ),
      attachments: [
        {
          name: 'Prislista hösten.pdf',
          contentType: 'application/pdf',
          size: 90_000,
          isInline: false,
        },
      ],
    };
    const r = classifyMail(c);
    expect(r.kind).toBe('other');
    expect(decide(r)).toBe('auto');
  });

  it('is not a manager offering a free talk, nor a unit whose entry says what it offers', () => {
    // A free talk, but no seller signs it.
    expect(
      salesOffer(
        'Studiebesök',
        'Hej! Vi bjuder gärna på ett kostnadsfritt samtal om vårt arbete med brukarråd.',
        'Lena Ahl\nEnhetschef, Hemtjänsten Norr',
      ),
    ).toBeUndefined();
    // "Vi erbjuder" alone is how a unit describes its work: one offer, no price list.
    expect(
      salesOffer(
        'Vårt bidrag',
        'Hej! Vi på Hemtjänsten Norr erbjuder stöd dygnet runt. Här är vårt bidrag.',
      ),
    ).toBeUndefined();
    const entry = classifyMail({
      ...mail(
        'Bidrag Hemtjänsten Norr',
        'Hej! Vi erbjuder våra brukare en prislista över tjänsterna, det står i bidraget. Här kommer vårt bidrag till kvalitetsutmärkelsen.',
        'lena.ahl@stockholm.example',
      ),
      attachments: [
        {
          name: 'Bidrag Hemtjänsten Norr.docx',
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          size: 240_000,
          isInline: false,
        },
      ],
    });
    expect(entry.kind).toBe('submission');
  });
});
