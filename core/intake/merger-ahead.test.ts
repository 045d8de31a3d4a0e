// A withdrawal that gives a merger still to come as its reason is the unit's own withdrawal; a merger
// already made, or a new unit in the mail, still goes to a coordinator.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';
import { mergerStillAhead } from './merger-ahead.js';
import { fold } from './text.js';

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'lena.ek@stockholm.example', name: 'Lena Ek' },
    attachments: [],
    sentAt: '2027-06-02T09:00:00Z',
  };
}

const merges = (c: ReturnType<typeof classifyMail>) =>
  c.signals.fired.some((s) => s.rule === 'merged-unit');

describe('a withdrawal because the unit is to be merged later', () => {
  it('is the unit’s withdrawal, decided alone', () => {
    for (const [subject, body] of [
      [
        'Vi hoppar av',
        'Hej,\n\nFritidsgården Tallkrogen ska slås ihop med fältverksamheten efter sommaren, så vi drar tillbaka vår anmälan till Kvalitetsutmärkelsen 2027.\n\nLena Ek\nEnhetschef',
      ],
      [
        'Withdrawal',
        'Hello,\n\nOur unit is to be merged with the youth centre in the autumn, so we withdraw from the quality award 2027.\n\nLena Ek',
      ],
    ] as const) {
      const c = classifyMail(mail(subject, body));
      expect(c.kind, subject).toBe('withdrawal');
      expect(merges(c), subject).toBe(false);
      expect(decide(c), subject).toBe('auto');
    }
  });

  it('still goes to a coordinator when the merger is done or a new unit is in the mail', () => {
    for (const [subject, body] of [
      [
        'Vi drar tillbaka',
        'Hej,\n\nVi har slagits ihop med Förskolan Lärkan och drar därför tillbaka vår anmälan till kvalitetsutmärkelsen.\n\nLena Ek',
      ],
      [
        'Återkallar anmälan',
        'Hej,\n\nVi ska slås ihop med Lärkan i augusti och drar tillbaka vår anmälan till kvalitetsutmärkelsen. Den nya enheten anmäler sig nästa år.\n\nLena Ek',
      ],
    ] as const) {
      const c = classifyMail(mail(subject, body));
      expect(merges(c), subject).toBe(true);
      expect(decide(c), subject).toBe('triage');
    }
  });

  it('lifts nothing for another kind of mail that tells of a merger to come', () => {
    const c = classifyMail(
      mail(
        'Anmälan',
        'Hej! Förskolan Lustgården ska slås ihop med Lärkan i augusti. Vi vill ändå anmäla oss till kvalitetsutmärkelsen 2027.\n\nLena Ek',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(merges(c)).toBe(true);
    expect(decide(c)).toBe('triage');
  });

  it('reads a merger to come, not one done', () => {
    expect(mergerStillAhead(fold('enheten ska slås ihop med fritids till hösten'))).toBe(true);
    expect(mergerStillAhead(fold('vi kommer att slås samman med Lärkan'))).toBe(true);
    expect(mergerStillAhead(fold('vi har slagits ihop med Lärkan'))).toBe(false);
    expect(mergerStillAhead(fold('vi slås ihop och blir en ny enhet med nytt namn'))).toBe(false);
  });
});
