// How correspondents word the same things differently: Swedish compounds for the board's protocol
// and decision, praise strengthened and chained in thanks, a "?" that belongs to a link. Each case is
// a sentence of our own, not one of the labelled sets'.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(partial: Partial<MailFacts>): MailFacts {
  return {
    subject: '',
    body: '',
    from: { address: 'lena.backstrom@stockholm.example', name: 'Lena Backström' },
    attachments: [],
    sentAt: '2027-06-10T10:00:00+02:00',
    ...partial,
  };
}

const pdf = (name: string) => ({ name, size: 300_000, contentType: 'application/pdf' });

describe("the board's protocol in Swedish compounds", () => {
  it('"sammanträdesprotokollet", "nämndprotokoll", "ordförandebeslut" with the extract attached', () => {
    for (const [subject, body, file] of [
      [
        'Deltagare i kvalitetsutmärkelsen',
        'Hej,\nNämnden beslutade den 8 juni att två förskolor deltar. Utdrag ur sammanträdesprotokollet bifogas.\nMvh Lena',
        'Utdrag 2027-06-08.pdf',
      ],
      [
        'Nämndprotokoll juni',
        'Hej! Här kommer nämndprotokollet med beslutet om vilka enheter som deltar i årets kvalitetsutmärkelse. Se bifogad fil.',
        'scan_0042.pdf',
      ],
      [
        'Presidiebeslut om kvalitetsutmärkelsen',
        'Hej,\nPresidiet har på nämndens vägnar beslutat att Ekbackens skola deltar. Beslutet bifogas.\n/Lena, nämndsekreterare',
        'Presidiebeslut 2027-06-09.pdf',
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body, attachments: [pdf(file)] }));
      expect(c.kind, subject).toBe('board-protocol');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('a unit that only mentions its board is not a protocol', () => {
    const c = classifyMail(
      mail({
        subject: 'Intresseanmälan',
        body: 'Hej! Vi vill delta i kvalitetsutmärkelsen 2027 och har informerat vår styrelse.\n/Lena',
        sentAt: '2027-03-01T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
  });
});

describe('thanks with strengthened or chained praise', () => {
  it('what is thanked for is not signed up for or asked about', () => {
    for (const body of [
      'Tack för ett riktigt givande och välordnat informationsmöte i tisdags!',
      'Stort tack för en otroligt lärorik informationsträff, vi har mycket att fundera på nu.',
      'Thank you for a really useful and clear information session yesterday.',
    ]) {
      const c = classifyMail(mail({ subject: 'Tack!', body, sentAt: '2027-02-20T10:00:00+01:00' }));
      expect(c.kind, body).toBe('other');
      expect(c.scores['info-meeting-signup'], body).toBe(0);
    }
  });
});

describe('a question mark inside a link', () => {
  it('asks nothing: a link with "?id=" in a sending is not a question', () => {
    const c = classifyMail(
      mail({
        subject: 'Vårt bidrag',
        body: 'Hej, bidraget finns också här: https://example.org/dok?id=123&v=2\nHälsningar Lena',
        attachments: [pdf('Bidrag Ekbacken 2027.pdf')],
        sentAt: '2027-05-12T10:00:00+02:00',
      }),
    );
    expect(c.signals.questionCount).toBe(0);
    expect(c.kind).toBe('submission');
  });
});

describe('a question that names the submission, with nothing sent', () => {
  it('is a question: the submission is its topic, told of or asked about', () => {
    for (const [subject, body] of [
      [
        'Bidragets layout',
        'Hej,\nVi har formgett bidraget med bilder och tabeller. Går det bra att skicka in det som en PDF?\n/Lena',
      ],
      [
        'Tidigare bidrag',
        'Hej! Jag stöttar en skola med deras bidrag i år. Finns det vinnande bidrag från tidigare år att läsa?',
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body, sentAt: '2027-04-20T10:00:00+02:00' }));
      expect(c.kind, subject).toBe('question');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('saying it is sent now keeps a coordinator in the loop (a forgotten attachment)', () => {
    const c = classifyMail(
      mail({
        subject: 'Bidrag',
        body: 'Hej! Här kommer vårt bidrag. Går det bra att det är en PDF?\n/Lena',
        sentAt: '2027-05-12T10:00:00+02:00',
      }),
    );
    expect(decide(c)).toBe('triage');
  });

  it('a unit unsure it will manage the submission is followed up by a coordinator', () => {
    const c = classifyMail(
      mail({
        subject: 'Hinner vi?',
        body: 'Hej,\nVi är tveksamma till om vi hinner bli klara med bidraget i tid. Kan vi ses och prata om det?\n/Lena',
        sentAt: '2027-04-20T10:00:00+02:00',
      }),
    );
    expect(decide(c)).toBe('triage');
  });

  it('so is one that doubts it can go on unless a request is met, in inverted word order', () => {
    const c = classifyMail(
      mail({
        subject: 'Datum för platsbesök',
        body: 'Hej,\nVi har inspektion från IVO samma vecka som ni föreslår. Går det att byta vecka? Annars vet vi inte om vi kan fullfölja deltagandet.\n/Lena',
        sentAt: '2027-08-20T10:00:00+02:00',
      }),
    );
    expect(decide(c)).toBe('triage');
    expect(c.signals.fired.map((s) => s.rule)).toContain('considering');
  });

  it('a question that only asks to move a visit is still answered as a question', () => {
    const c = classifyMail(
      mail({
        subject: 'Datum för platsbesök',
        body: 'Hej,\nVi har inspektion från IVO samma vecka som ni föreslår. Går det att byta till veckan efter?\n/Lena',
        sentAt: '2027-08-20T10:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
  });
});

describe('an info meeting told of as missed', () => {
  it('is no signup: what it asks (the slides) is the question', () => {
    const c = classifyMail(
      mail({
        subject: 'Infomötet',
        body: 'Hej,\nJag kunde inte komma på informationsmötet i tisdags. Finns bildspelet någonstans?\n/Lena',
        sentAt: '2027-02-19T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
  });
});

describe('the submission sent as a link or a zip', () => {
  it('a link to the shared document is a sending (the receipt asks for the file)', () => {
    const c = classifyMail(
      mail({
        subject: 'Tävlingsbidrag',
        body: 'Hej! Filen blev för stor, så vårt bidrag finns här: https://stad.sharepoint.example/sites/skola/KU2027.docx\n/Lena',
        sentAt: '2027-05-16T10:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('submission');
    expect(decide(c)).toBe('auto');
  });

  it('a login link from a no-reply sender is never a sending', () => {
    const c = classifyMail(
      mail({
        subject: 'Bidrag har delats med dig',
        body: 'Ett dokument har delats med dig: https://sharepoint.example.net/login?doc=4',
        from: { address: 'no-reply@share.example.net' },
        sentAt: '2027-05-16T10:00:00+02:00',
      }),
    );
    expect(decide(c)).toBe('triage');
  });

  it('a zip of the application and appendices is a sending in a format the receipt asks to change', () => {
    const c = classifyMail(
      mail({
        subject: 'Vårt tävlingsbidrag',
        body: 'Hej! Bidraget och alla bilagor ligger i zip-filen.\n/Lena',
        attachments: [
          { name: 'KU2027 Ekbacken.zip', size: 2_000_000, contentType: 'application/zip' },
        ],
        sentAt: '2027-05-16T10:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('submission');
    expect(c.signals.unsupportedDocuments).toEqual(['KU2027 Ekbacken.zip']);
    expect(decide(c)).toBe('auto');
  });
});

describe('registering in everyday words', () => {
  it('an adverb between the wish and the joining: "vill ändå vara med", "vill alltså delta"', () => {
    for (const body of [
      'Hej! Efter lite betänketid vill Ekbackens skola ändå vara med i kvalitetsutmärkelsen 2027.',
      'Vi pratade om saken igen i ledningsgruppen och vi vill alltså delta i årets kvalitetsutmärkelse.',
    ]) {
      const c = classifyMail(
        mail({ subject: 'Kvalitetsutmärkelsen', body, sentAt: '2027-03-05T10:00:00+01:00' }),
      );
      expect(c.kind, body).toBe('pre-registration');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('"så finns det tid ändå" tells; a mid-sentence "finns det" is not a question', () => {
    const c = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen 2027',
        body: 'Vi fick en vikarie i april, så finns det tid ändå. Vi vill därför vara med i kvalitetsutmärkelsen 2027.',
        sentAt: '2027-03-10T10:00:00+01:00',
      }),
    );
    expect(c.scores.question).toBe(0);
    expect(c.kind).toBe('pre-registration');
  });

  it('a short yes to the invitation: "Vi kör!", "Anmäl Ekbackens skola"', () => {
    const c = classifyMail(
      mail({
        subject: 'SV: Dags att anmäla intresse till kvalitetsutmärkelsen',
        body: 'Vi kör! Anmäl Ekbackens skola.\n\nLena',
        sentAt: '2027-02-15T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('"Anmäl mig" in a mail about the info meeting stays a signup', () => {
    const c = classifyMail(
      mail({
        subject: 'Informationsmöte 2 mars',
        body: 'Anmäl mig, tack!\nLena',
        sentAt: '2027-02-15T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('info-meeting-signup');
  });

  it("the board's protocol said to follow later is not this mail's protocol", () => {
    const c = classifyMail(
      mail({
        subject: 'Intresseanmälan',
        body: 'Hej! Fastighetsenheten vill förhandsanmäla sig till årets kvalitetsutmärkelse. Nämnden tar upp vårt deltagande vid nästa sammanträde och protokollet skickas därefter.',
        sentAt: '2027-03-05T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });
});

describe('short statements and questions', () => {
  it('"X deltar gärna i år" registers; "deltar inte i år" withdraws', () => {
    const yes = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen 2027',
        body: 'Hej! Lindängens äldreboende deltar gärna i år.\n/Lena',
        sentAt: '2027-03-03T10:00:00+01:00',
      }),
    );
    expect(yes.kind).toBe('pre-registration');
    expect(decide(yes)).toBe('auto');
    const no = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen 2027',
        body: 'Hej! Lindängens äldreboende deltar inte i år.\n/Lena',
        sentAt: '2027-03-03T10:00:00+01:00',
      }),
    );
    expect(no.kind).toBe('withdrawal');
  });

  it('"När börjar platsbesöken?" asks, with no other question word', () => {
    const c = classifyMail(
      mail({
        subject: 'Platsbesöken',
        body: 'Hej! När börjar platsbesöken i höst? Vi lägger schemat nu.\n/Lena',
        sentAt: '2027-06-03T10:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
  });
});

describe('more everyday ways to withdraw, and a registration form by its compound name', () => {
  it('"vi backar ur", "avslutar vårt deltagande", "har inte kraft att genomföra"', () => {
    for (const body of [
      'Hej! Vi backar ur kvalitetsutmärkelsen i år, arbetsbelastningen är för hög. /Lena',
      'Hej, efter diskussion i ledningsgruppen avslutar vi vårt deltagande i kvalitetsutmärkelsen.',
      'Vi har tyvärr inte kraft att genomföra kvalitetsutmärkelsen i år.',
    ]) {
      const c = classifyMail(
        mail({ subject: 'Kvalitetsutmärkelsen 2027', body, sentAt: '2027-04-03T10:00:00+02:00' }),
      );
      expect(c.kind, body).toBe('withdrawal');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('"Bifogar ifylld anmälningsblankett" with the form attached registers, it is no submission', () => {
    const c = classifyMail(
      mail({
        subject: 'Anmälningsblankett',
        body: 'Hej! Bifogar ifylld anmälningsblankett för Lindängens äldreboende.',
        attachments: [
          {
            name: 'Anmälningsblankett Lindängen.docx',
            size: 80_000,
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          },
        ],
        sentAt: '2027-03-03T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
  });

  it('"jag tar 2 mars" chooses that meeting', () => {
    const c = classifyMail(
      mail({
        subject: 'Informationsmöte',
        body: 'Hej! Jag tar mötet den 2 mars. /Lena',
        sentAt: '2027-02-03T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('info-meeting-signup');
    expect(decide(c)).toBe('auto');
  });
});

describe('English and Swedish ways to join or leave by naming the unit', () => {
  it('"count Lindängen in for 2027" registers; "please remove Lindängen from the list" withdraws', () => {
    const join = classifyMail(
      mail({
        subject: 'Quality Award 2027',
        body: 'Hi! Please count Lindängen care home in for the Quality Award 2027. Lena',
        sentAt: '2027-03-03T10:00:00+01:00',
      }),
    );
    expect(join.kind).toBe('pre-registration');
    expect(decide(join)).toBe('auto');
    for (const body of [
      'Hello, please remove Lindängen care home from the list of participants in the Quality Award. Lena',
      'Hej, ta bort Lindängens äldreboende från listan över deltagare i kvalitetsutmärkelsen. /Lena',
    ]) {
      const leave = classifyMail(
        mail({ subject: 'Kvalitetsutmärkelsen', body, sentAt: '2027-04-03T10:00:00+02:00' }),
      );
      expect(leave.kind, body).toBe('withdrawal');
      expect(decide(leave), body).toBe('auto');
    }
  });

  it('"ta bort mig från utskickslistan" is no withdrawal', () => {
    const c = classifyMail(
      mail({
        subject: 'Nyhetsbrev',
        body: 'Hej, ta bort mig från utskickslistan för nyhetsbrevet tack.',
        sentAt: '2027-04-03T10:00:00+02:00',
      }),
    );
    expect(c.kind).not.toBe('withdrawal');
  });
});

describe('"avstå" withdraws only from taking part', () => {
  it('"vi avstår från att delta i år" withdraws; "vi avstår från att skicka bilagor" does not', () => {
    const out = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Hej! Vi avstår från att delta i år. /Lena',
        sentAt: '2027-04-03T10:00:00+02:00',
      }),
    );
    expect(out.kind).toBe('withdrawal');
    const appendices = classifyMail(
      mail({
        subject: 'Re: Kvalitetsutmärkelsen',
        body: 'Hej! Vi avstår från att skicka bilagor, allt står i bidraget. /Lena',
        sentAt: '2027-05-03T10:00:00+02:00',
      }),
    );
    expect(appendices.kind === 'withdrawal' && decide(appendices) === 'auto').toBe(false);
  });
});

describe('what is sent or taken back is not always the participation', () => {
  it('"vi tar tillbaka det vi skrev om bilagorna" withdraws nothing; "vi tar tillbaka vår anmälan" does', () => {
    const said = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Hej! Vi tar tillbaka det vi skrev om bilagorna, de kommer ändå. /Lena',
        sentAt: '2027-05-03T10:00:00+02:00',
      }),
    );
    expect(said.kind === 'withdrawal' && decide(said) === 'auto').toBe(false);
    const back = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Hej! Vi tar tillbaka vår anmälan till kvalitetsutmärkelsen. /Lena',
        sentAt: '2027-04-03T10:00:00+02:00',
      }),
    );
    expect(back.kind).toBe('withdrawal');
  });

  it('the business plan sent for the site visit is not the application', () => {
    const c = classifyMail(
      mail({
        subject: 'Underlag',
        body: 'Hej! Bifogar vår verksamhetsplan och årsredovisning som ni bad om inför platsbesöket.',
        attachments: [pdf('Verksamhetsplan 2027.pdf'), pdf('Årsredovisning 2026.pdf')],
        sentAt: '2027-08-20T10:00:00+02:00',
      }),
    );
    expect(c.kind === 'submission' && decide(c) === 'auto').toBe(false);
  });
});

describe('"i år är vi med", and a sign-off on the same line', () => {
  it('joins in after an adverb, with "/Lena" right after the last sentence', () => {
    const c = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen 2027',
        body: 'Hej! Förra gången hann vi inte, men den här gången är vi med. /Lena',
        sentAt: '2027-03-03T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });
});

describe('a withdrawal said not to happen', () => {
  it('"vi vill inte avanmäla oss" and "we do not want to withdraw" withdraw nothing alone', () => {
    for (const body of [
      'Hej, vänta – vi vill inte avanmäla oss! Vi fortsätter med bidraget. /Lena',
      'Hi, to be clear: we do not want to withdraw from the Quality Award. Lena',
    ]) {
      const c = classifyMail(
        mail({ subject: 'Re: Avanmälan', body, sentAt: '2027-04-03T10:00:00+02:00' }),
      );
      expect(c.kind === 'withdrawal' && decide(c) === 'auto', body).toBe(false);
    }
  });

  it('"När meddelas juryns beslut?" asks (a passive verb after "när")', () => {
    const c = classifyMail(
      mail({
        subject: 'Juryn',
        body: 'Hej, när publiceras juryns beslut? /Lena',
        sentAt: '2027-10-03T10:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
  });
});

describe('"KU" for the award, and the final version', () => {
  it('"Här kommer slutversionen" with "KU 2027 Lindängen.docx" is the submission', () => {
    const c = classifyMail(
      mail({
        subject: 'Slutversion',
        body: 'Hej, här kommer slutversionen. Tack för all hjälp! /Lena',
        attachments: [
          {
            name: 'KU 2027 Lindängen.docx',
            size: 210_000,
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          },
        ],
        sentAt: '2027-05-16T21:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('submission');
    expect(decide(c)).toBe('auto');
  });
});

describe('a negation is a whole word', () => {
  it('"Hej, X hoppar av": the greeting\'s tail is no "ej" before the withdrawal', () => {
    const c = classifyMail(
      mail({
        subject: 'hoppar av',
        body: 'Hej, Fruangsgardens skola hoppar av kvalitetsutmarkelsen i ar, vi hinner inte.\nUlrika',
      }),
    );
    expect(c.kind).toBe('withdrawal');
    expect(decide(c)).toBe('auto');
  });

  it('"Hej, Lindhagensskolan vill delta": no "ej" turns the registration', () => {
    const c = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Hej hej, vi på Lindhagensskolan vill delta i kvalitetsutmärkelsen i år.\nAnnika',
      }),
    );
    expect(c.kind).toBe('pre-registration');
  });
});

describe('a wish to attach something later', () => {
  it('beside a question asks: "Vi vill gärna bifoga vår elevenkät"', () => {
    const c = classifyMail(
      mail({
        subject: 'Teckenantal och bilagor',
        body: 'Hej,\n\nRäknas bilagor in i de 85 000 tecknen? Vi vill gärna bifoga vår elevenkät som bilaga.\n\nLena',
      }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
  });

  it('with the entry attached, "vi vill härmed bifoga vårt bidrag" sends it', () => {
    const c = classifyMail(
      mail({
        subject: 'Vårt bidrag',
        body: 'Hej! Vi vill härmed bifoga vårt bidrag till kvalitetsutmärkelsen.\n\nLena',
        attachments: [pdf('Bidrag KU 2027.pdf')],
      }),
    );
    expect(c.kind).toBe('submission');
    expect(decide(c)).toBe('auto');
  });
});
