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
