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
