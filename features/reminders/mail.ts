// The reminder as a mail (for people Teams cannot reach): the card's content in plain HTML.
import type { ReminderCardData } from '../../cards/reminder.js';
import { missingText, reminderDueText } from '../../cards/reminder.js';
import { formatDate, formatDeadline, formatInstant } from '../../core/format.js';
import type { MailContent } from '../delivery/index.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function reminderMail(data: ReminderCardData): MailContent {
  const { locale } = data;
  const { title, how } = reminderDueText(data.kind, data.mailbox, locale);
  // The feedback visit after the ceremony has no deadline for the unit: the window's last day.
  const deadline = data.visitStart
    ? formatInstant(data.visitStart, locale)
    : data.kind === 'feedback-visit'
      ? formatDate(data.deadlineDate, locale)
      : formatDeadline(data.deadlineDate, locale);
  const lines = data.missing.map((m) => `<li>${esc(missingText(m, locale))}</li>`).join('');
  return {
    subject:
      locale === 'sv'
        ? `Påminnelse: ${title} senast ${deadline}`
        : `Reminder: ${title}, deadline ${deadline}`,
    html:
      `<p>${esc(data.unitName)}</p>` +
      `<p><b>${esc(title)}</b> – ${esc(locale === 'sv' ? 'senast' : 'deadline')} ${esc(deadline)}</p>` +
      (lines ? `<ul>${lines}</ul>` : '') +
      `<p>${esc(how)}</p>` +
      `<p>${esc(locale === 'sv' ? 'Frågor? Svara på det här mejlet.' : 'Questions? Reply to this mail.')}</p>`,
  };
}
