// Info-meeting signups in everyday words, in sentences of our own: a polite "anmäl gärna mig", a
// signup in the clause after a missed meeting ("…, men anmäl mig till …"), and a unit that only
// considers joining the award (the reason to come to the meeting); each with the near miss it must
// not take.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'olle.berg@stockholm.example', name: 'Olle Berg' },
    attachments: [],
    sentAt: '2027-02-12T10:00:00+01:00',
  };
}

describe('an info-meeting signup in everyday words', () => {
  it('"anmäl gärna mig" after a missed meeting, "men" starting the signup, is a signup', () => {
    const c = classifyMail(
      mail(
        'Informationsträff',
        'Hej!\n\nJag hann inte till mötet i februari, men anmäl gärna mig och en kollega till träffen den 2 mars.\n\nOlle Berg\nEnhetschef, Fritidsgården Blå',
      ),
    );
    expect(c.kind).toBe('info-meeting-signup');
    expect(decide(c)).toBe('auto');
  });

  it('a meeting only told of as missed, with no "men" clause, signs up for nothing', () => {
    const c = classifyMail(
      mail(
        'Informationsträff',
        'Hej!\n\nJag hann inte till mötet den 16 februari. Finns presentationen någonstans?\n\nOlle Berg',
      ),
    );
    expect(c.kind).not.toBe('info-meeting-signup');
    // The "not" in the clause that names the meeting still declines it, whatever follows "men".
    const d = classifyMail(
      mail(
        'Informationsträff',
        'Hej!\n\nJag vill gärna komma men kan inte den 2 mars, så skicka gärna presentationen i stället.\n\nOlle Berg',
      ),
    );
    expect(decide(d) === 'auto' && d.kind === 'info-meeting-signup').toBe(false);
    const e = classifyMail(
      mail(
        'Mötena',
        'Hej!\n\nJag kunde inte komma på informationsmötet i februari, men jag kan tyvärr inte heller komma den 2 mars.\n\nOlle Berg',
      ),
    );
    expect(decide(e) === 'auto' && e.kind === 'info-meeting-signup').toBe(false);
  });

  it('a signup from a unit only considering the award is decided alone', () => {
    const c = classifyMail(
      mail(
        'Anmälan informationsmöte',
        'Hej,\n\nJag vill anmäla mig till informationsmötet den 2 mars. Vi funderar på att söka i år.\n\nOlle Berg\nFritidsgården Blå',
      ),
    );
    expect(c.kind).toBe('info-meeting-signup');
    expect(decide(c)).toBe('auto');
  });

  it('but one considering withdrawing, or a registration only considered, goes to a coordinator', () => {
    for (const [subject, body] of [
      [
        'Anmälan informationsmöte',
        'Hej,\n\nJag vill anmäla mig till informationsmötet den 2 mars. Vi funderar på att hoppa av i år.\n\nOlle Berg',
      ],
      [
        'Intresseanmälan',
        'Hej,\n\nVi funderar på att vara med i Kvalitetsutmärkelsen i år.\n\nOlle Berg\nFritidsgården Blå',
      ],
    ]) {
      const c = classifyMail(mail(subject!, body!));
      expect(decide(c), body).toBe('triage');
    }
  });
});

describe('a reply to the invitation choosing a meeting by its order in the list', () => {
  const invitation =
    '\n\nFrån: Kvalitetsutmärkelsen\nSkickat: den 1 februari 2027\nÄmne: Informationsmöten om kvalitetsutmärkelsen\n\nVi bjuder in till informationsmöten:\n- 16 februari kl 9 (Teams)\n- 2 mars kl 14 (Teams)\nAnmäl er genom att svara på detta mejl.';

  it('"vi tar det sista tillfället" is a signup', () => {
    const c = classifyMail(
      mail(
        'SV: Informationsmöten om kvalitetsutmärkelsen',
        `Hej, vi tar helst det sista tillfället, jag och min biträdande chef.\n\nOlle Berg${invitation}`,
      ),
    );
    expect(c.kind).toBe('info-meeting-signup');
  });

  it('the same words in a thread about something else sign up for nothing', () => {
    const c = classifyMail(
      mail(
        'SV: Platsbesöket',
        'Hej, vi tar det första tillfället ni föreslår för platsbesöket.\n\nOlle Berg\n\nFrån: Kvalitetsutmärkelsen\nÄmne: Platsbesöket\n\nVi föreslår två tider för platsbesöket: 14 eller 21 september.',
      ),
    );
    expect(c.kind).not.toBe('info-meeting-signup');
  });
});
