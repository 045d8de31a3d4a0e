// A question that only names the application ("our application", "the entry") with nothing attached
// or linked asks about it; it does not send it. Naming it with a word of sending ("please find",
// "attached", "here is") or with the file attached still says it comes with the mail.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailAttachmentFacts, MailFacts } from './facts.js';

function mail(subject: string, body: string, attachments: MailAttachmentFacts[] = []): MailFacts {
  return {
    subject,
    body,
    from: { address: 'sam.ortiz@stockholm.example', name: 'Sam Ortiz' },
    attachments,
    sentAt: '2027-04-20T10:00:00+02:00',
  };
}

describe('the application named in a question, nothing attached', () => {
  it('is what the question asks about: a question, decided alone', () => {
    for (const [subject, body] of [
      [
        'Language of the application',
        'Hello,\n\nSome of the teachers writing our application prefer English. May the application be written in English, or must it be in Swedish?\n\nSam Ortiz',
      ],
      [
        'Length',
        'Hi,\n\nWe are halfway through our entry. How many pages may the entry be at most?\n\nSam Ortiz',
      ],
    ]) {
      const c = classifyMail(mail(subject as string, body as string));
      expect(c.kind).toBe('question');
      expect(decide(c)).toBe('auto');
    }
  });

  it('with a word of sending but no file, is not taken for a plain question', () => {
    const c = classifyMail(
      mail(
        'Our application',
        'Hello,\n\nPlease find our application for Riddersviks förskola. Is it fine that some answers are short?\n\nSam Ortiz',
      ),
    );
    expect(c.kind === 'question' && decide(c) === 'auto').toBe(false);
  });

  it('with the file attached, is still the application sent', () => {
    const c = classifyMail(
      mail(
        'Our application',
        'Hello,\n\nHere is our application for Riddersviks förskola. Is it fine that some answers are short?\n\nSam Ortiz',
        [{ name: 'Application Riddersvik.docx', size: 120_000 }],
      ),
    );
    expect(c.kind).toBe('submission');
  });
});
