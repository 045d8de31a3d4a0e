// Registrations in the fourth set's wordings: a yes that leaves the info meeting for later, a
// forward whose subject asked the question the sender now answers, and Swedish inside English; and
// in everyday words: "anmäler jag härmed X:s intresse att delta", a meeting only looked forward to
// or already attended ("ser fram emot informationsmötet", "vi har redan varit på …"), "KU" for the
// award; a registration told of in the past tense ("vi förhandsanmälde oss") beside the entry.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'mikael.hedlund@stockholm.example', name: 'Mikael Hedlund' },
    attachments: [],
    sentAt: '2027-02-01T08:00:00Z',
  };
}

describe('a registration', () => {
  it('that leaves the info meeting for a later mail registers, and signs up for no meeting', () => {
    const c = classifyMail(
      mail(
        'Kvalitetsutmärkelsen 2027',
        'Hej!\n\nJa, Ugglans förskola vill vara med i år. Vi hör av oss om vilket informationsmöte vi kommer på.\n\n/Mikael',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it("forwarded with a question in the forwarded mail's subject is the sender's answer", () => {
    const c = classifyMail(
      mail(
        'VB: Kvalitetsutmärkelsen – dags nu?',
        'Hej,\n\nVi har bestämt oss: Ugglans förskola anmäler intresse att delta i Kvalitetsutmärkelsen 2027.\n\nMikael Hedlund\n\nFrån: Eva Ström\nSkickat: den 28 januari 2027\nÄmne: Kvalitetsutmärkelsen – dags nu?\n\nJag tycker att ni ska anmäla er, ni har gjort ett fint arbete. Skicka en intresseanmälan före 22 mars.',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('in English with the Swedish verb registers', () => {
    const c = classifyMail(
      mail(
        'Quality award 2027',
        'Hi! We would like to anmäla Ugglans förskola till Kvalitetsutmärkelsen 2027. We are 14 staff.\n\nMikael',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('is a signup when the meeting is chosen, not left for later', () => {
    const c = classifyMail(
      mail(
        'Informationsmöte',
        'Hej! Vi kommer på informationsmötet den 2 mars, jag och en kollega.\n/Mikael',
      ),
    );
    expect(c.kind).toBe('info-meeting-signup');
  });

  it('"anmäler jag härmed X:s intresse att delta" registers', () => {
    const c = classifyMail(
      mail(
        'Anmälan Ugglans förskola',
        'Hej,\n\nPå uppdrag av förskolechefen anmäler jag härmed Ugglans förskolas intresse att delta i Kvalitetsutmärkelsen 2027.\n\nJonas Ekman',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('a meeting looked forward to or already attended is no signup beside the registration', () => {
    for (const body of [
      'Hej! Vi har bestämt oss för att delta i Kvalitetsutmärkelsen 2027 och anmäler härmed vårt intresse. Vi ser fram emot informationsmötet!\n\nLinda',
      'Hej! Ugglans förskola vill vara med i kvalitetsutmärkelsen i år. Vi har redan varit på informationsmöte förra året så vi hoppar över det.\n\nMikael',
    ]) {
      const c = classifyMail(mail('Kvalitetsutmärkelsen', body));
      expect(c.kind, body).toBe('pre-registration');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('"KU" in the subject names the award', () => {
    const c = classifyMail(mail('KU', 'Ugglans förskola är med i år 👍 /Mikael'));
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });
});

describe('a registration told of in the past tense', () => {
  it('"vi förhandsanmälde oss i februari" beside the entry sent now is the entry alone, decided alone', () => {
    const c = classifyMail({
      ...mail(
        'Bidrag Ugglans förskola',
        'Hej!\n\nVi intresseanmälde oss redan i januari, och nu bifogar vi vårt tävlingsbidrag.\n\nMikael Hedlund, Ugglans förskola',
      ),
      attachments: [
        {
          name: 'Ugglans förskola tävlingsbidrag 2027.pdf',
          contentType: 'application/pdf',
          size: 500_000,
          isInline: false,
        },
      ],
    });
    expect(c.kind).toBe('submission');
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('two-actions');
    expect(decide(c)).toBe('auto');
  });

  it('"vi förhandsanmäler oss" in the present tense still registers', () => {
    const c = classifyMail(
      mail(
        'Förhandsanmälan',
        'Hej! Ugglans förskola förhandsanmäler sig härmed till Kvalitetsutmärkelsen 2027.\n\nMikael Hedlund',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });
});

describe('"kvalitetspriset", an everyday name for the award', () => {
  it('in a reply to the meeting invitation, joining "kvalitetspriset" registers the unit', () => {
    const c = classifyMail(
      mail(
        'SV: Informationsmöte om kvalitetsutmärkelsen',
        'Hej!\n\nUgglans förskola vill gärna delta i kvalitetspriset i år.\n\n/Mikael',
      ),
    );
    expect(c.kind).toBe('pre-registration');
  });

  it('without the name, the same wish under the meeting subject is a signup for the meeting', () => {
    const c = classifyMail(
      mail(
        'SV: Informationsmöte om kvalitetsutmärkelsen',
        'Hej!\n\nVi vill gärna delta.\n\n/Mikael',
      ),
    );
    expect(c.kind).toBe('info-meeting-signup');
  });
});

describe('a reply that names nothing of the award itself', () => {
  const own =
    'Hej igen,\n\nvi får tyvärr stryka Ugglans förskola från listan, det går inte i år.\n\n/Mikael';
  const quote =
    '\n\nFrån: Mikael Hedlund <mikael.hedlund@stockholm.example>\nSkickat: den 2 februari 2027 09:10\nTill: Kvalitetsutmärkelsen\nÄmne: Ugglan\n\nVi vill vara med i kvalitetsutmärkelsen i år.';

  it('is read against the thread it answers: a withdrawal from the award, decided alone', () => {
    const c = classifyMail(mail('SV: Ugglan', own + quote));
    expect(c.kind).toBe('withdrawal');
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('no-award-context');
    expect(decide(c)).toBe('auto');
  });

  it('the same words in a new mail, with no thread, stay without the award’s context', () => {
    const c = classifyMail(mail('Ugglan', own));
    expect(c.signals.fired.map((s) => s.rule)).toContain('no-award-context');
    expect(decide(c)).toBe('triage');
  });
});
