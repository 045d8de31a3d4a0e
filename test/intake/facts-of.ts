// A labelled mail's facts as the intake sees them (an HTML body turned into text, as the pipeline does).
import type { MailFacts } from '../../core/intake/facts.js';
import { htmlToText } from '../../core/intake/text.js';
import type { LabelledMail } from '../fixtures/mails/mails.js';

export function factsOf(mail: LabelledMail): MailFacts {
  return {
    subject: mail.subject,
    body: mail.body ?? (mail.html ? htmlToText(mail.html) : ''),
    from: mail.from,
    attachments: mail.attachments ?? [],
    headers: mail.headers ?? [],
    sentAt: mail.sentAt,
  };
}
