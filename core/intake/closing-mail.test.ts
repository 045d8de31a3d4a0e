// Mail with nothing to decide: relief that our receipt's mail arrived, an invitation to someone
// else's conference, a newsletter (its "klagomålshantering" a topic, not a complaint), a short reply
// that only thanks. Filed as other alone; relief followed by a question or a "but" still asks.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, body: string, from = 'gustav.ljung@stockholm.example'): MailFacts {
  return {
    subject,
    body,
    from: { address: from, name: 'Gustav Ljung' },
    attachments: [],
    sentAt: '2027-05-06T11:02:00Z',
  };
}

describe('mail that closes a thread or advertises elsewhere', () => {
  it('"Skönt att det kom fram" on our receipt is other, decided alone', () => {
    const c = classifyMail(
      mail(
        'SV: Vi har tagit emot ert bidrag',
        'Tack! Vad bra att allt kom fram.\n\nGustav\n\nFrån: Kvalitetsutmärkelsen\nSkickat: den 6 maj 2027 10:31\nÄmne: Vi har tagit emot ert bidrag\n\nTack, vi har tagit emot ert bidrag.',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('with a question after it, asks', () => {
    const c = classifyMail(
      mail(
        'SV: Vi har tagit emot ert bidrag',
        'Skönt att det kom fram! Räknas bilagorna in i antalet tecken?\n\nGustav',
      ),
    );
    expect(c.kind).toBe('question');
  });

  it('an invitation to a conference is other, decided alone', () => {
    const c = classifyMail(
      mail(
        'Invitation: Nordic Quality Forum 2027',
        'Dear colleague,\n\nYou are warmly invited to the Nordic Quality Forum in Oslo, 3–4 November 2027. Early bird registration closes on 1 September.\n\nRegister at https://nqf.example/2027\n\nThe organisers',
        'info@nqf.example',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it("a newsletter writing about 'klagomålshantering' is other, decided alone; a complaint is not", () => {
    const news = classifyMail({
      ...mail(
        'Nyhetsbrev: Kvalitet och utveckling – mars',
        'I detta nummer: nya riktlinjer för klagomålshantering och vårens nätverksträffar.\n\nLäs hela nyhetsbrevet\n\nAvsluta prenumeration',
        'nyhetsbrev@stockholm.example',
      ),
      headers: [{ name: 'List-Unsubscribe', value: '<https://nyhetsbrev.example/avsluta>' }],
    });
    expect(news.kind).toBe('other');
    expect(decide(news)).toBe('auto');
    const complaint = classifyMail(
      mail(
        'Klagomål',
        'Hej, jag vill lämna ett klagomål på Förskolan Solrosen, som inte borde få pris.\n\nEn förälder',
        'foralder@example.com',
      ),
    );
    expect(decide(complaint)).toBe('triage');
  });

  it('a short reply that only thanks is other, decided alone', () => {
    for (const [subject, body] of [
      ['SV: Vi har tagit emot ert tävlingsbidrag', 'Tack så mycket!\n\nMarie'],
      [
        'SV: Två veckor kvar till tävlingsbidraget',
        'Tack för påminnelsen, vi skriver för fullt!\n\nMagnus',
      ],
      ['Re: Räknas timvikarier?', 'ok tack, då vet jag! 🙏'],
    ] as const) {
      const c = classifyMail(mail(subject, body));
      expect(c.kind, body).toBe('other');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('thanks with a but, a question or an away notice says more than thanks', () => {
    for (const body of [
      'Tack, men det var fel dokument som kom med.\n\nMarie',
      'Tack! Räknas bilagorna in i antalet tecken?\n\nMarie',
      // An away message's opening, its headers not read yet.
      'Tack för ditt mejl, jag läser det när jag kan.',
    ]) {
      const c = classifyMail(mail('SV: Vi har tagit emot ert tävlingsbidrag', body));
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).not.toContain('thanks-reply');
    }
    const away = classifyMail({
      ...mail(
        'Re: Kvalitetsutmärkelsen – inbjudan',
        'Tack för ditt mejl! Jag är tillbaka den 3 mars och svarar då.',
      ),
      headers: [{ name: 'Precedence', value: 'auto_reply' }],
    });
    expect(away.kind).toBe('auto-reply');
  });
});
