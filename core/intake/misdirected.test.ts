// Mail sent to the award's address by mistake: a question about another of the city's matters, or an
// offer to sell, is filed as 'other' (no answer, not on any unit); a question about the award in
// words that sound like those matters stays a question for a coordinator.
import { describe, expect, it } from 'vitest';
import { assessMail } from './assess.js';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';
import type { MatchableUnit } from './match.js';
import { misdirectedTopic } from './misdirected.js';

function mail(partial: Partial<MailFacts>): MailFacts {
  return {
    subject: '',
    body: '',
    from: { address: 'sara.holm@example.net', name: 'Sara Holm' },
    attachments: [],
    sentAt: '2027-03-02T09:00:00Z',
    ...partial,
  };
}

const UNITS: MatchableUnit[] = [
  {
    id: 'u-ekorren',
    name: 'Förskolan Ekorren',
    managerName: 'Anna Bergqvist',
    managerEmail: 'anna.bergqvist@stockholm.example',
    email: 'forskolan.ekorren@stockholm.example',
  },
];

describe('a question about something else than the award', () => {
  it('is other, decided alone, and says what it is about instead', () => {
    for (const [subject, body, about] of [
      [
        'Plats på förskola',
        'Hej! Vi står i kön till Förskolan Ekorren sedan november. När får vi veta om vi får plats?\nSara',
        'a place in a preschool or school',
      ],
      [
        'Fråga om skolval',
        'Hej, hur gör jag skolvalet för min son som börjar förskoleklass i höst?',
        'a place in a preschool or school',
      ],
      [
        'Bygglov',
        'Hej! Jag sökte bygglov för ett attefallshus i mars och undrar vem som handlägger ärendet?',
        'a building permit or planning',
      ],
      [
        'Parkering',
        'Hur ansöker jag om boendeparkering på Kungsholmen? Vem ska jag kontakta?',
        'parking, streets or waste',
      ],
      [
        'Erfarna konsulter inom förskola',
        'Hej! Vi har konsulter tillgängliga med kort varsel. Passar det med ett kort samtal på torsdag?',
        'an offer of services',
      ],
      [
        'Quick question',
        'Hi, we help public organisations with staffing. Would you have time for a short call next week?',
        'an offer of services',
      ],
      [
        'Bättre placering i sökresultaten',
        'Hej! Vi hjälper verksamheter att synas bättre på Google. Passar ett gratis rådgivningssamtal på tisdag?\nMvh Kim, Webbkraft AB',
        'an offer of services',
      ],
      [
        'Nytt bokningssystem',
        'Hej! Vårt system sparar tid för hela personalgruppen. Kan vi boka ett kostnadsfritt möte nästa vecka?',
        'an offer of services',
      ],
      [
        'Sista veckan för medarbetarenkäten',
        'Hej! Har du hunnit fylla i medarbetarenkäten? Den är öppen till och med söndag.\nHR-staben',
        "the city's staff survey",
      ],
      [
        'Sommarjobb',
        'Hej! Jag söker sommarjobb inom förskola, vart ska jag skicka mitt CV?',
        'a job application',
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, body).toBe('other');
      expect(decide(c), body).toBe('auto');
      expect(c.reasonsEn.join(' '), body).toContain(about);
    }
  });

  it('is recorded on no unit, even one it names', () => {
    const a = assessMail(
      mail({
        subject: 'Förskoleplats',
        body: 'Hej, vi har stått i kö till Förskolan Ekorren i ett år. Vem kan svara på när vi får plats?',
      }),
      UNITS,
    );
    expect(a.classification.kind).toBe('other');
    expect(a.decision).toBe('auto');
    expect(a.match.status).not.toBe('matched');
  });
});

describe('a question about the award in the same words', () => {
  it('stays a question for a coordinator', () => {
    for (const [subject, body] of [
      [
        'Fråga om 51 %',
        'Hej! Räknas barn med förskoleplats i Solna när vi räknar andelen från Stockholm?',
      ],
      ['Plats på informationsmötet', 'Finns det plats kvar på informationsmötet 2 mars?'],
      [
        'Bidraget',
        'Vi har anlitat en konsult för att läsa vårt bidrag, är det tillåtet? Vem ska jag fråga?',
      ],
      [
        'Platsbesöket',
        'Hur är det med parkering vid platsbesöket, ska examinatorerna ha parkeringstillstånd?',
      ],
      [
        'Fråga',
        'Hej! Vår förskola har kö till flera avdelningar, kan vi ändå vara med i Kvalitetsutmärkelsen?',
      ],
      [
        'Genomgång av bidraget',
        'Hej! Kan vi boka ett kostnadsfritt möte med er för att gå igenom vårt bidrag innan vi skickar in?',
      ],
      [
        'Enkäten',
        'Hej! Får vi använda resultaten från medarbetarenkäten i tävlingsbidraget, eller är de för gamla?',
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, body).not.toBe('other');
    }
  });

  it('is not taken as misdirected when only the quoted mail or a file name names the award', () => {
    expect(
      misdirectedTopic({
        subject: 'SV: Parkering',
        body: 'Var kan man ställa bilen?\n\n> Välkommen till prisutdelningen i Stadshuset',
      }),
    ).toBeUndefined();
    expect(
      misdirectedTopic({
        subject: 'Bygglov',
        body: 'Se bifogat.',
        attachmentNames: ['Kvalitetsutmärkelsen bidrag.docx'],
      }),
    ).toBeUndefined();
  });
});

describe('a mail about one’s own pay or employment', () => {
  it('is other, meant for the payroll service or HR', () => {
    for (const [subject, body] of [
      [
        'Fel i semesterlönen',
        'Hej,\nJag har fått för lite semesterlön i juli. Mitt anställningsnummer är 123456. Kan ni se över det?\nKim, undersköterska',
      ],
      ['Lönespecifikation', 'Hej! Var hittar jag min lönespecifikation för maj? /Kim'],
      ['Holiday pay', 'Hello, my holiday pay for July is missing. Could you check it? Kim'],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('stays a question when the award is named', () => {
    const c = classifyMail(
      mail({
        subject: 'Fråga',
        body: 'Hej! Får personalen semesterlön för dagen på prisutdelningen, eller räknas den som arbetstid?',
      }),
    );
    expect(c.kind).not.toBe('other');
  });
});

describe('a fault report about the building', () => {
  it('is other, meant for the facility management', () => {
    for (const [subject, body] of [
      [
        'Kallt i rummet',
        'Hej, elementen i sal 4 på plan 2 är iskalla sedan i måndag. Kan någon komma?',
      ],
      ['Dörren', 'Hej! Låset på dörren till förrådet är trasigt. Vem ska jag ringa?'],
      [
        'Heating',
        'Hi, the radiator in room 512 is broken again. Could someone fix it before Friday?',
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('stays a question when it is about one of the award’s events', () => {
    const c = classifyMail(
      mail({
        subject: 'Lokalen',
        body: 'Hej! Elementen i salen var kalla under informationsmötet. Blir det varmare den 2 mars?',
      }),
    );
    expect(c.kind).not.toBe('other');
  });
});

describe('a fault report about a park, a playground or a street', () => {
  it('is other, decided alone: the city’s park or street office handles it', () => {
    for (const [subject, body] of [
      [
        'Lekplatsen vid Vårbergstoppen',
        'Hej. Klätterställningen har en lös bräda sedan påsk och barnen klättrar ändå. Vart vänder jag mig? /Jonas',
      ],
      ['Trasig gunga', 'Hej! En av gungorna i parken bakom skolan hänger på sned. Vem lagar den?'],
      [
        'Playground',
        'Hi, the swings in the park on our street have been broken for weeks. Who should I tell?',
      ],
      ['Klotter', 'Någon har sprejat klotter på parkbänken vid dammen. Vem ska man kontakta?'],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
      expect(misdirectedTopic({ subject, body })?.en, subject).toBe(
        'a park, playground or street (an outdoor fault report)',
      );
    }
  });

  it('stays a question when the award is in it (a unit whose entry tells of its playground)', () => {
    const subject = 'Bilder i bidraget';
    const body =
      'Hej! Får vi ha med bilder på vår nya lekplats och gungorna i bidraget, eller räknas de mot sidorna?';
    expect(misdirectedTopic({ subject, body })).toBeUndefined();
    expect(classifyMail(mail({ subject, body })).kind).not.toBe('other');
  });
});

describe("a parent's view on their child's preschool or school", () => {
  it('is other, decided alone: the school or the district takes it, not the award', () => {
    for (const [subject, body] of [
      [
        'Skolmaten',
        'Hej, skolmaten på Västertorpsskolan har blivit sämre hela terminen. Vart skickar jag mina synpunkter? /Lina',
      ],
      [
        'Lunchen',
        'Hej! Lunchen på förskolan är ofta kall när barnen äter. Kan någon titta på det? Mvh Karim',
      ],
      [
        'Läraren',
        'Min sons lärare skäller på barnen inför hela klassen. Vem ska jag prata med om det?',
      ],
      [
        'Teacher',
        "Hello, I am unhappy with how my daughter's teacher handles bullying in her class. Whom do I contact?",
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
      expect(misdirectedTopic({ subject, body })?.en, subject).toBe(
        "a child's preschool or school (the meals, the teachers)",
      );
    }
  });

  it('stays a question when the award is in it (a unit whose entry tells of its meals)', () => {
    for (const [subject, body] of [
      [
        'Måltiderna i bidraget',
        'Hej! Vi vill beskriva hur barnen planerar maten på förskolan tillsammans med kocken. Passar det under frågeområde 3 i bidraget?',
      ],
      [
        'Nominering',
        'Jag vill nominera min dotters förskola till kvalitetsutmärkelsen, pedagogerna är fantastiska. Hur gör man?',
      ],
    ] as const) {
      expect(misdirectedTopic({ subject, body }), subject).toBeUndefined();
      expect(classifyMail(mail({ subject, body })).kind, subject).not.toBe('other');
    }
  });

  it('is not a complaint about an adult’s care, which a coordinator passes on', () => {
    const subject = 'Klagomål hemtjänsten';
    const body =
      'Min mamma har hemtjänst och de kommer aldrig på utsatt tid. Vem ska jag vända mig till?';
    expect(misdirectedTopic({ subject, body })).toBeUndefined();
  });

  it('is not a unit writing about its own pupils’ lunch with no question of a parent', () => {
    // "our pupils" is no one's child: a school writing of its own kitchen is not a parent's view.
    expect(
      misdirectedTopic({
        subject: 'Köket',
        body: 'Vi har byggt om köket och eleverna äter nu i den nya matsalen.',
      }),
    ).toBeUndefined();
  });
});

describe('a mail with no sign of any matter that offers services', () => {
  it('a search-engine seller with no question is other, decided alone', () => {
    const c = classifyMail(
      mail({
        subject: 'Get more visitors',
        body: 'Hello,\n\nYour site is missing from the first page of Google. Our search engine team fixes that in a month. Answer this mail for a free audit.\n\nSam',
      }),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('a mail with no sign of any matter and no such offer stays with a coordinator', () => {
    const c = classifyMail(
      mail({ subject: 'Hej', body: 'Hej! Jag hittade er adress på Google.\n\nSam' }),
    );
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('misdirected');
    expect(decide(c)).toBe('triage');
  });
});

describe('a sending with no word of the award about another matter', () => {
  it('a CV sent with "bifogar" is a job application, not an entry: other, decided alone', () => {
    const c = classifyMail(
      mail({
        subject: 'Intresserad av arbete som undersköterska',
        body: 'Hej!\n\nJag är utbildad undersköterska och söker arbete inom äldreomsorgen. Här bifogar jag mitt CV, hör gärna av er.\n\nMvh Sara Lind',
        attachments: [
          {
            name: 'Sara Lind CV.pdf',
            contentType: 'application/pdf',
            size: 120_000,
            isInline: false,
          },
        ],
      }),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('an entry sent with a CV inside it and the award named stays a sending', () => {
    const c = classifyMail(
      mail({
        subject: 'Vårt bidrag',
        body: 'Hej! Här bifogar jag vårt bidrag till kvalitetsutmärkelsen, med mitt CV som bilaga.\n\nSara Lind',
        attachments: [
          {
            name: 'Bidrag Kvalitetsutmärkelsen.pdf',
            contentType: 'application/pdf',
            size: 620_000,
            isInline: false,
          },
        ],
      }),
    );
    expect(c.kind).toBe('submission');
  });
});
