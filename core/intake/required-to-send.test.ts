// What the rules say is to be sent ("protokollsutdrag ska skickas in senast 30 juni", "the entry must
// be submitted by 17 May") is the duty, not the sending: in a question about who sends it, the
// protocol is the question's topic. Near misses: the protocol sent with the duty named beside it
// ("bifogar protokollsutdraget som ska skickas in"), which is still the protocol.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailAttachmentFacts, MailFacts } from './facts.js';

function mail(subject: string, body: string, attachments: MailAttachmentFacts[] = []): MailFacts {
  return {
    subject,
    body,
    from: { address: 'eva.holm@stockholm.example', name: 'Eva Holm' },
    attachments,
    sentAt: '2027-05-20T10:00:00+02:00',
  };
}

const extract = [{ name: 'Protokollsutdrag §7.pdf', size: 90_000 }];

describe('a protocol told of as what is to be sent', () => {
  it('in a question about who sends it, is the question’s topic: a question, decided alone', () => {
    const c = classifyMail(
      mail(
        'Protokoll – vem gör vad?',
        'Hej!\n\nVi har läst att protokollsutdraget ska skickas in senast 30 juni. Är det vi på enheten som ordnar det, eller gör nämndsekreteraren det?\n\nEva Holm',
      ),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
  });

  it('in English, weighs as the duty too: the question leads, the minutes only weigh a fifth', () => {
    const c = classifyMail(
      mail(
        'Minutes',
        'Hello,\n\nThe guidelines say the minutes must be submitted by 30 June. Do we send them ourselves, or does the district administration do it?\n\nEva Holm',
      ),
    );
    expect(c.kind).toBe('question');
    const told = c.signals.fired.find((s) => s.kind === 'board-protocol' && s.zone === 'texten');
    expect(told?.weight).toBeCloseTo(1);
  });

  it('sent with the duty named beside it, is still the protocol', () => {
    for (const body of [
      'Hej!\n\nBifogar protokollsutdraget, som enligt anvisningarna ska skickas in senast 30 juni.\n\nEva Holm',
      'Hej!\n\nHär är protokollsutdraget som ska skickas in till er.\n\nEva Holm',
    ]) {
      const c = classifyMail(mail('Protokollsutdrag', body, extract));
      expect(c.kind).toBe('board-protocol');
    }
  });
});
