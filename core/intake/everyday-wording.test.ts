// Everyday wording the rules once misread: thanks for a meeting by its name, a submission promised
// for later in a registration, considering told of as done before, the residents' worry (not the
// sender's complaint), a vacation reply known by its subject, Outlook's answers to an invitation, and
// the award in the subject of a mail that only asks.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(partial: Partial<MailFacts>): MailFacts {
  return {
    subject: '',
    body: '',
    from: { address: 'ola.strand@stockholm.example', name: 'Ola Strand' },
    attachments: [],
    sentAt: '2027-02-20T10:00:00+01:00',
    ...partial,
  };
}

describe('everyday wording', () => {
  it('thanks for the meeting by its name is thanks, not a signup', () => {
    for (const [subject, body] of [
      ['Tack för informationsmötet', 'Hej! Nu vet vi mycket mer. /Ola'],
      ['Informationsträffen', 'Tack för informationsträffen i morse, den var till stor hjälp.'],
      ['Yesterday', 'Thanks for the session yesterday, it cleared up a lot.'],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, body).toBe('other');
    }
  });

  it('a registration that promises the submission later is a registration', () => {
    const c = classifyMail(
      mail({
        subject: 'anmalan',
        body: 'hej, hemtjansten norr vill anmala intresse till kvalitetsutmarkelsen 2027. aterkommer med bidraget i maj\n/ola',
        sentAt: '2027-03-10T21:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('considering told of as done before is a decision taken now', () => {
    const c = classifyMail(
      mail({
        subject: 'Quality Award 2027',
        body: 'Hello,\nOur team has been considering the Quality Award for some time, and we would like to register our interest for 2027.\nBest, Ola',
        sentAt: '2027-03-10T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
    // Still considering is still undecided.
    const still = classifyMail(
      mail({
        subject: 'Quality Award 2027',
        body: 'Hello,\nWe are considering taking part in the Quality Award 2027.\nBest, Ola',
        sentAt: '2027-03-10T10:00:00+01:00',
      }),
    );
    expect(decide(still)).toBe('triage');
  });

  it("the residents' worry is no complaint; the sender's is", () => {
    const residents = classifyMail(
      mail({
        subject: 'Platsbesöket',
        body: 'Hej! Många av våra brukare blir oroliga av nya ansikten. Kan platsbesöket göras i personalrummet?',
      }),
    );
    expect(residents.kind).toBe('question');
    expect(decide(residents)).toBe('auto');
    const sender = classifyMail(
      mail({
        subject: 'Min mamma',
        body: 'Hej, jag är mycket orolig för hur min mamma har det på boendet. Vem kan jag prata med?',
      }),
    );
    expect(decide(sender)).toBe('triage');
    expect(sender.signals.fired.map((s) => s.rule)).toContain('complaint');
  });

  it('a vacation reply is known by its subject without its headers', () => {
    for (const subject of ['Semestersvar', 'Frånvarosvar: Kvalitetsutmärkelsen 2027']) {
      const c = classifyMail(
        mail({ subject, body: 'Jag är på semester till 2 augusti och läser inte min e-post.' }),
      );
      expect(c.kind, subject).toBe('auto-reply');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it("Outlook's answer to a meeting invitation is filed; words added to it are read", () => {
    for (const subject of [
      'Tackat ja: Informationsmöte Kvalitetsutmärkelsen 2027 (2 mars)',
      'Tentatively accepted: Information meeting, Quality Award 2027',
    ]) {
      const c = classifyMail(mail({ subject, body: '' }));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
    const moved = classifyMail(
      mail({
        subject: 'Tackat nej: Informationsmöte Kvalitetsutmärkelsen 2027 (16 februari)',
        body: 'Jag är på kurs den dagen. Kan jag komma på informationsmötet den 9 mars istället?',
      }),
    );
    expect(moved.kind).not.toBe('other');
    expect(decide(moved)).toBe('triage');
  });

  it("the award named only in a reply's subject does not compete with the question asked", () => {
    const c = classifyMail(
      mail({
        subject: 'SV: Kvalitetsutmärkelsen 2027 – informationsmöten och intresseanmälan',
        body: 'Hej, en fråga innan vi bestämmer oss: hur lång tid tar platsbesöket och vilka ska vara med?\n\nOla Strand',
      }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
  });

  it('thanks for an info meeting is filed alone; thanks for the ceremony or a site visit is read', () => {
    for (const body of [
      'Hej!\n\nTack för ett riktigt bra informationsmöte igår. Vi åkte därifrån med massor av idéer.\n\nOla',
      'Thank you for a really useful information session this morning!\nOla',
    ]) {
      const c = classifyMail(mail({ subject: 'Tack!', body }));
      expect(c.kind, body).toBe('other');
      expect(decide(c), body).toBe('auto');
    }
    for (const body of [
      'Tack för ett fantastiskt platsbesök igår, personalen var så glad!\nOla',
      'Tack för ett bra informationsmöte och för priset i fjol!\nOla',
    ]) {
      const c = classifyMail(mail({ subject: 'Tack!', body }));
      expect(decide(c), body).toBe('triage');
    }
  });

  it('thanks for a reminder already acted on is filed alone; a missing receipt is read', () => {
    for (const body of [
      'Tack för påminnelsen, men vi skickade in vårt bidrag redan förra veckan! :)\n\nOla',
      'Thanks for the reminder, but we already sent our entry on Monday.\nOla',
    ]) {
      const c = classifyMail(
        mail({ subject: 'SV: Påminnelse – tävlingsbidrag senast 17 maj', body }),
      );
      expect(c.kind, body).toBe('other');
      expect(decide(c), body).toBe('auto');
    }
    for (const body of [
      'Tack för påminnelsen, men vi skickade in vårt bidrag redan i fredags och har inte fått något kvitto.\nOla',
      'Tack för påminnelsen, vi har redan skickat bidraget – kom det fram?\nOla',
    ]) {
      const c = classifyMail(
        mail({ subject: 'SV: Påminnelse – tävlingsbidrag senast 17 maj', body }),
      );
      expect(decide(c), body).toBe('triage');
    }
  });

  it("taking part under an event's subject is the event's, not a registration", () => {
    const c = classifyMail(
      mail({
        subject: 'Prisutdelningen 23 november',
        body: 'Hej,\n\nHur många från varje enhet får komma på prisutdelningen? Hela personalgruppen vill gärna vara med.\n\nOla',
      }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
    // The award named in the sentence is taking part in the award.
    const r = classifyMail(
      mail({
        subject: 'Workshop',
        body: 'Hej! Vi vill gärna vara med i kvalitetsutmärkelsen i år. Förskolan Solrosen, Ola',
      }),
    );
    expect(r.kind).toBe('pre-registration');
  });
});

describe('wording families found on the seventh set, in sentences of our own', () => {
  const INVITATION =
    '\n\nFrån: Kvalitetsutmärkelsen\nSkickat: den 20 januari 2027\nÄmne: Inbjudan\n\nVälkomna! Vi håller informationsmöten 16 februari och 9 mars.';

  it('a meeting called by its day in a thread about the info meetings is a signup', () => {
    for (const [subject, body] of [
      ['SV: Inbjudan', `Hej! Vi kommer två från oss till mötet på Teams den 9 mars.${INVITATION}`],
      ['Informationsmöte', 'Hej, jag kommer gärna på träffen 16 feb. /Ola'],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, body).toBe('info-meeting-signup');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('a meeting by its day is no signup without the info meetings, or when it is the board’s', () => {
    const network = classifyMail(
      mail({ subject: 'Nätverksträff', body: 'Hej! Jag kommer gärna på mötet den 4 maj. /Ola' }),
    );
    expect(network.signals.fired.map((x) => x.rule)).not.toContain('meeting-on-day');
    expect(decide(network)).toBe('triage');
    const board = classifyMail(
      mail({
        subject: 'SV: Inbjudan',
        body: `Hej! Jag kommer gärna på mötet med nämnden den 9 mars.${INVITATION}`,
      }),
    );
    expect(board.signals.fired.map((x) => x.rule)).not.toContain('meeting-on-day');
    expect(decide(board)).toBe('triage');
  });

  it('wanting to "veta mer" is why one comes; "veta mer om hur …" still asks', () => {
    const c = classifyMail(
      mail({
        subject: 'Informationsmöte',
        body: 'Hej! Vi vill veta mer, så jag anmäler mig till informationsmötet den 9 mars. /Ola',
      }),
    );
    expect(c.kind).toBe('info-meeting-signup');
    expect(decide(c)).toBe('auto');
    const q = classifyMail(
      mail({ subject: 'Juryn', body: 'Hej! Jag skulle vilja veta mer om hur juryn bedömer. /Ola' }),
    );
    expect(q.kind).toBe('question');
  });

  it('"anmäler intresse att delta" is as firm as "intresseanmälan"; only considering it is not', () => {
    const c = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Hej! Hemtjänst Syd anmäler intresse att delta. /Ola',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
    const maybe = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Hej! Vi funderar på om vi anmäler intresse att delta. /Ola',
      }),
    );
    expect(decide(maybe)).toBe('triage');
  });

  it('a meeting missed ("hann inte på") beside a registration signs up for nothing', () => {
    const c = classifyMail(
      mail({
        subject: 'Anmälan',
        body: 'Hej! Hemtjänst Syd anmäler intresse att delta i kvalitetsutmärkelsen. Vi hann inte på informationsmötet.',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
    // A signup in its own sentence after the missed one is still a signup.
    const later = classifyMail(
      mail({
        subject: 'Informationsmöte',
        body: 'Hej! Vi hann inte på mötet i februari. Jag kommer gärna på informationsmötet 9 mars.',
      }),
    );
    expect(later.kind).toBe('info-meeting-signup');
  });

  it('"va med" is "vara med"; negated it still declines', () => {
    const c = classifyMail(
      mail({
        subject: 'Anmälan',
        body: 'Hej, vi på Hemtjänst Syd vill va med i kvalitetsutmärkelsen!',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
    const no = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Hej, vi kan tyvärr inte va med i kvalitetsutmärkelsen i år.',
      }),
    );
    expect(no.kind).toBe('withdrawal');
  });

  it('a negation in a hope ("hoppas det inte gör något") does not turn the sending', () => {
    const document = {
      name: 'Bidrag Hemtjänst Syd.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: 200_000,
      isInline: false,
    };
    const c = classifyMail(
      mail({
        subject: 'Bidrag',
        body: 'Hej! Hoppas att det inte gör något att det blev sent, här kommer vårt bidrag.',
        attachments: [document],
      }),
    );
    expect(c.kind).toBe('submission');
    expect(decide(c)).toBe('auto');
    // A negation of the sending itself still turns it.
    const no = classifyMail(
      mail({
        subject: 'Bidrag',
        body: 'Hej! Hoppas ni förstår, vi skickar inte in vårt bidrag i år.',
      }),
    );
    expect(no.kind).toBe('withdrawal');
  });

  it('"När kan vi …?" asks; a registration told of as sent is asked after, not made', () => {
    const c = classifyMail(
      mail({ subject: 'Resultatet', body: 'Hej! När kan vi få veta juryns beslut? /Ola' }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
    const sent = classifyMail(
      mail({
        subject: 'Vår anmälan',
        body: 'Hej! Vi mejlade in vår intresseanmälan förra månaden. Kan ni se om den har kommit in?',
      }),
    );
    expect(sent.kind).toBe('question');
    expect(decide(sent)).toBe('auto');
    expect(sent.scores['pre-registration']).toBeLessThan(1);
    // A yes/no question opened in the past tense; a statement in it asks nothing.
    const past = classifyMail(
      mail({ subject: 'Protokollet', body: 'Hej! Fick ni utdraget i fredags?' }),
    );
    expect(past.signals.fired.map((x) => x.rule)).toContain('question-form');
    const told = classifyMail(
      mail({ subject: 'Protokollet', body: 'Hej! Vi fick beskedet i fredags.' }),
    );
    expect(told.signals.fired.map((x) => x.rule)).not.toContain('question-form');
    // Sent now, it is the registration.
    const now = classifyMail(
      mail({
        subject: 'Intresseanmälan',
        body: 'Hej! Här kommer vår intresseanmälan: Hemtjänst Syd vill delta i år.',
      }),
    );
    expect(now.kind).toBe('pre-registration');
  });
});

describe('a message passed on by a colleague', () => {
  it('"kan du meddela dem att …?" in the forwarded mail says the unit’s word, not a question', () => {
    for (const [text, kind] of [
      [
        'Hej Kim, kan du skriva till kvalitetsutmärkelsen att Hemtjänsten Norr drar sig ur i år? Tack!',
        'withdrawal',
      ],
    ] as const) {
      const c = classifyMail(
        mail({
          subject: 'VB: Kvalitetsutmärkelsen',
          body: `Hej, skickar vidare från min chef.\n\nKim Berg\nAdministratör, Hemtjänsten Norr\n\nFrån: Ola Strand <ola.strand@stockholm.example>\nSkickat: den 4 mars 2027 08:12\nTill: Berg Kim <kim.berg@stockholm.example>\nÄmne: Kvalitetsutmärkelsen\n\n${text}\n/Ola`,
        }),
      );
      expect(c.kind, text).toBe(kind);
      expect(decide(c), text).toBe('auto');
    }
  });

  it('"could you let them know that …?" carries the registration said, not asked', () => {
    const c = classifyMail(
      mail({
        subject: 'FW: Quality Award',
        body: 'Hi, passing this on from my manager.\n\nKim Berg\n\nFrom: Ola Strand <ola.strand@stockholm.example>\nSent: Thursday, March 4, 2027 8:12 AM\nTo: Berg Kim <kim.berg@stockholm.example>\nSubject: Quality Award\n\nCould you let the award team know that Hemtjänsten Norr would like to take part this year?\n/Ola',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(c.signals.fired.find((s) => s.rule === 'pre-registration-en')?.asked).toBeFalsy();
  });

  it('"kan du meddela mig om …?" in a forwarded mail still asks', () => {
    const c = classifyMail(
      mail({
        subject: 'VB: Kvalitetsutmärkelsen',
        body: 'Hej, skickar vidare.\n\nKim Berg\n\nFrån: Ola Strand <ola.strand@stockholm.example>\nSkickat: den 4 mars 2027 08:12\nTill: Berg Kim <kim.berg@stockholm.example>\nÄmne: Kvalitetsutmärkelsen\n\nKan du meddela mig att vår anmälan har kommit fram till kvalitetsutmärkelsen?\n/Ola',
      }),
    );
    expect(c.signals.fired.filter((s) => s.kind === 'pre-registration' && s.weight >= 3)).toEqual(
      [],
    );
  });
});

describe('a registration to be struck out', () => {
  it('"vår anmälan från mars kan strykas" withdraws, one change, decided alone', () => {
    const c = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Hej,\n\nVi har inte resurser att skriva något bidrag i år. Vår anmälan från mars kan därför strykas.\n\nOla Strand\nEnhetschef',
        sentAt: '2027-04-02T10:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('withdrawal');
    expect(decide(c)).toBe('auto');
  });

  it('"stryk ett av namnen på anmälan" is no withdrawal', () => {
    const c = classifyMail(
      mail({
        subject: 'Informationsmötet',
        body: 'Hej! Kan ni stryka Lisa från vår anmälan till informationsmötet den 16 februari? Hon kan inte komma.',
        sentAt: '2027-02-05T10:00:00+01:00',
      }),
    );
    expect(c.kind).not.toBe('withdrawal');
  });
});

describe('thanks and away texts in everyday words', () => {
  it('"Tack för ett jättebra informationsmöte" is thanks, filed alone, not a signup', () => {
    const c = classifyMail(
      mail({
        subject: 'Tack för en bra förmiddag',
        body: 'Tack för ett superbra och tydligt informationsmöte i morse! /Ola',
      }),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('"jättebra" praise of the ceremony is still read by a coordinator', () => {
    const c = classifyMail(
      mail({ subject: 'Tack!', body: 'Tack för en jättebra prisutdelning i går! /Ola' }),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('triage');
  });

  it('a hand-written away text ("svarar när jag är tillbaka") is an auto-reply, decided alone', () => {
    const c = classifyMail(
      mail({
        subject: 'Re: Informationsmöte 16 februari',
        body: 'Hej! Jag är ledig till den 20 februari och läser mejlen bara sporadiskt. /Ola',
      }),
    );
    expect(c.kind).toBe('auto-reply');
    expect(decide(c)).toBe('auto');
  });

  it('a person who answers later in their own mail is no auto-reply', () => {
    const c = classifyMail(
      mail({
        subject: 'Informationsmötet',
        body: 'Hej! Jag vill anmäla mig till informationsmötet den 16 februari. Om bidraget svarar jag när jag är tillbaka från kursen.',
      }),
    );
    expect(c.kind).toBe('info-meeting-signup');
  });
});

describe('the entry named in a future sentence of an English registration', () => {
  it('"I will be the contact person for our submission" registers, decided alone', () => {
    const c = classifyMail(
      mail({
        subject: 'Quality Award 2027',
        body: 'Hello,\n\nHemtjänsten Norr would like to take part in the Quality Award this year. I will be the contact person for our submission.\n\nBest regards,\nOla Strand',
        sentAt: '2027-03-08T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('an entry attached is still a sending, whatever is said of it ahead', () => {
    const c = classifyMail(
      mail({
        subject: 'Our entry',
        body: 'Hello,\n\nPlease find attached our entry to the Quality Award. We will send the appendices on our entry tomorrow.\n\nOla Strand',
        attachments: [
          {
            name: 'Entry Hemtjänsten Norr.docx',
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            size: 240_000,
            isInline: false,
          },
        ],
        sentAt: '2027-05-16T10:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('submission');
  });
});

describe('a yes to the invitation, coming on a day', () => {
  const invitation =
    '\n\nFrån: Kvalitetsutmärkelsen <kvalitetsutmarkelsen@stockholm.example>\nSkickat: den 12 januari 2027 09:00\nTill: Chefer\nÄmne: Inbjudan till informationsmöten om Kvalitetsutmärkelsen 2027\n\nVälkommen till ett av våra informationsmöten: 16 februari (Teams), 18 februari (Stadshuset), 2 mars (Teams) eller 9 mars (Stadshuset). Svara på detta mejl med det tillfälle du väljer.';

  it('signs up for the meeting of that day', () => {
    for (const body of [
      'Tack, vi kommer den 2 mars (Teams).\n\nOla Strand',
      'Ja gärna, jag kommer den 18:e.\n\nOla',
    ]) {
      const c = classifyMail(
        mail({
          subject: 'SV: Inbjudan till informationsmöten om Kvalitetsutmärkelsen 2027',
          body: body + invitation,
        }),
      );
      expect(c.kind, body).toBe('info-meeting-signup');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('is not a sentence that goes on to something else, nor one that says no', () => {
    for (const body of [
      'Vi kommer den 17 maj att skicka in vårt bidrag, ett möte hinner vi inte.\n\nOla',
      'Jag kommer inte den 16:e, tyvärr.\n\nOla',
    ]) {
      const c = classifyMail(
        mail({
          subject: 'SV: Inbjudan till informationsmöten om Kvalitetsutmärkelsen 2027',
          body: body + invitation,
        }),
      );
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).not.toContain('meeting-on-day');
    }
  });
});

describe('joining in everyday words (found on the ninth set, in sentences of our own)', () => {
  it('registers a unit put on the list, an award "kört på", an entry decided to be written', () => {
    for (const body of [
      'Hej! Sätt gärna upp Hemtjänsten Norr på deltagarlistan för kvalitetsutmärkelsen, vi har pratat ihop oss i ledningsgruppen.\n\nOla Strand',
      'hej, vi har bestämt att köra på kvalitetsutmärkelsen i år! /Ola, Hemtjänsten Norr',
      'Hej! Vi har beslutat att vi ska skriva ett bidrag i år, lägg till oss på listan tack.\n\nOla Strand, Hemtjänsten Norr',
    ]) {
      const c = classifyMail(
        mail({ subject: 'Hemtjänsten Norr', body, sentAt: '2027-03-01T10:00:00+01:00' }),
      );
      expect(c.kind, body).toBe('pre-registration');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('is not another list, nor quality work "kört på" as usual', () => {
    for (const body of [
      'Hej! Sätt upp oss på listan för kvalitetsnätverkets utskick. /Ola',
      'Hej! Vi kör på kvalitetsarbetet som vanligt i år. /Ola',
    ]) {
      const c = classifyMail(mail({ subject: 'Hej', body, sentAt: '2027-03-01T10:00:00+01:00' }));
      expect(c.kind, body).not.toBe('pre-registration');
    }
  });

  it('is not a unit struck from the list, nor an entry written already and sent', () => {
    const off = classifyMail(
      mail({
        subject: 'Hemtjänsten Norr',
        body: 'Hej! Stryk oss från listan, vi hinner inte i år. /Ola',
      }),
    );
    expect(off.kind).toBe('withdrawal');
    const sent = classifyMail(
      mail({
        subject: 'Bidrag Hemtjänsten Norr',
        body: 'Hej! Här kommer vårt bidrag till kvalitetsutmärkelsen.\n\nOla Strand',
        attachments: [
          {
            name: 'Bidrag Hemtjänsten Norr.docx',
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            size: 240_000,
            isInline: false,
          },
        ],
        sentAt: '2027-05-10T10:00:00+02:00',
      }),
    );
    expect(sent.kind).toBe('submission');
  });
});

describe("a unit's own board deciding for it", () => {
  it('withdraws when "vi i styrelsen" decided not to go on, with no protocol sent', () => {
    const c = classifyMail(
      mail({
        subject: 'Vårt deltagande',
        body: 'Hej,\n\nVi i styrelsen har beslutat att inte delta i kvalitetsutmärkelsen i år, det blev för mycket denna vår.\n\nOla Strand\nFöräldrakooperativet Ekorren',
      }),
    );
    expect(c.kind).toBe('withdrawal');
    expect(decide(c)).toBe('auto');
  });

  it('is still a board protocol when a district board decides and the protocol is sent', () => {
    const c = classifyMail(
      mail({
        subject: 'Protokollsutdrag',
        body: 'Hej,\n\nHär är protokollsutdraget: stadsdelsnämnden har beslutat att anmäla tre enheter till kvalitetsutmärkelsen.\n\nRegistrator',
        attachments: [
          {
            name: 'Protokollsutdrag SDN § 12.pdf',
            contentType: 'application/pdf',
            size: 120_000,
            isInline: false,
          },
        ],
      }),
    );
    expect(c.kind).toBe('board-protocol');
  });
});

describe('the award greeted by name', () => {
  it('gives a plain "vill vara med" or "hoppar av" its context', () => {
    for (const [body, kind] of [
      [
        'Hej Kvalitetsutmärkelsen!\n\nHemtjänsten Norr vill vara med i år.\n\nOla Strand',
        'pre-registration',
      ],
      ['Hej Kvalitetsutmärkelsen, vi hoppar av tyvärr. /Ola, Hemtjänsten Norr', 'withdrawal'],
    ] as const) {
      const c = classifyMail(mail({ subject: 'Hemtjänsten Norr', body }));
      expect(c.kind, body).toBe(kind);
      expect(decide(c), body).toBe('auto');
    }
  });

  it('not without the greeting, nor for a sending with nothing of the award in it', () => {
    const plain = classifyMail(
      mail({
        subject: 'Hemtjänsten Norr',
        body: 'Hej!\n\nHemtjänsten Norr vill vara med i år.\n\nOla Strand',
      }),
    );
    expect(decide(plain)).toBe('triage');
    const invoice = classifyMail(
      mail({
        subject: 'Faktura 4471',
        body: 'Hej Kvalitetsutmärkelsen, bifogar fakturan för mars.\n\nEkonomi, Kontorsbolaget AB',
        from: { address: 'ekonomi@kontorsbolaget.example', name: 'Ekonomi' },
        attachments: [
          {
            name: 'Faktura 4471.pdf',
            contentType: 'application/pdf',
            size: 80_000,
            isInline: false,
          },
        ],
      }),
    );
    expect(decide(invoice)).toBe('triage');
  });
});

describe('a note passed on for interest only', () => {
  it('is other, decided alone, when the sender says nothing needs doing', () => {
    for (const body of [
      'Hej! Kvalitetsutmärkelsen fick en fin notis i personaltidningen i dag. Bara som kuriosa, inget ni behöver göra något med.\n/Ola',
      'Hi, the award was mentioned on the city’s website today. No action needed on your part.\nOla',
    ]) {
      const c = classifyMail(mail({ subject: 'Kul att se', body }));
      expect(c.kind, body).toBe('other');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('is not a note that also asks, or registers', () => {
    const asks = classifyMail(
      mail({
        subject: 'Kul att se',
        body: 'Hej! Bara som kuriosa: vi syns i personaltidningen. Får vi länka till er sida?\n/Ola',
      }),
    );
    expect(asks.signals.fired.map((s) => s.rule)).not.toContain('for-interest-only');
    const registers = classifyMail(
      mail({
        subject: 'Intresseanmälan',
        body: 'Hej! Hemtjänsten Norr anmäler intresse att delta i kvalitetsutmärkelsen. Ni behöver inte göra något mer nu.\n/Ola',
        sentAt: '2027-03-01T10:00:00+01:00',
      }),
    );
    expect(registers.kind).toBe('pre-registration');
    expect(registers.signals.fired.map((s) => s.rule)).not.toContain('for-interest-only');
  });
});
