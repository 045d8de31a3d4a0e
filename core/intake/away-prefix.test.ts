// An away message whose mail system writes no away headers still names itself in the subject and
// puts the answered mail's subject after it ("Frånvaro: Påminnelse: protokollsutdrag senast 30
// juni"): those words are ours, so they weigh as a reply's subject does, not as the sender's.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(partial: Partial<MailFacts>): MailFacts {
  return {
    subject: '',
    body: '',
    from: { address: 'sara.jonsson@friskola.example', name: 'Sara Jönsson' },
    attachments: [],
    sentAt: '2027-06-16T07:01:00Z',
    ...partial,
  };
}

describe('an away message with the answered subject after its prefix', () => {
  it('is an automatic reply, decided alone, whatever that subject names', () => {
    for (const subject of [
      'Frånvaro: Påminnelse: protokollsutdrag senast 30 juni',
      'Automatiskt svar: Kvalitetsutmärkelsen – tack för ert bidrag',
      'Out of office: Registration for the quality award 2027',
    ]) {
      const c = classifyMail(
        mail({
          subject,
          body: 'Hej,\n\nJag har semester och är åter måndag 9 augusti. Ditt mejl blir inte vidarebefordrat.\n\nSara',
        }),
      );
      expect(c.kind, subject).toBe('auto-reply');
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('leaves a protocol sent under our reminder’s subject a protocol', () => {
    // A reply to the reminder, not an away message: the prefix is the reply's, and the file is sent.
    const c = classifyMail(
      mail({
        subject: 'SV: Påminnelse: protokollsutdrag senast 30 juni',
        body: 'Hej! Här kommer protokollsutdraget från nämndens sammanträde den 10 juni.\n\nSara Jönsson',
        attachments: [
          {
            name: 'Protokollsutdrag nämnden 2027-06-10.pdf',
            contentType: 'application/pdf',
            size: 180_000,
          },
        ],
      }),
    );
    expect(c.kind).toBe('board-protocol');
  });

  it('reads a subject that only names an absence, with no colon, as before', () => {
    // "Frånvaro på informationsmötet" is a person's subject, not a prefix: nothing after a colon.
    const c = classifyMail(
      mail({
        subject: 'Frånvaro på informationsmötet',
        body: 'Hej, jag kan tyvärr inte komma på informationsmötet den 2 mars. Kan jag få bilderna?\n\nSara',
      }),
    );
    expect(c.signals.fired.some((s) => s.rule === 'info-meeting')).toBe(true);
  });
});
