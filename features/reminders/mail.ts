// The reminder as a mail (for people Teams cannot reach): the card's content in plain HTML.
import type { ReminderCardData } from '../../cards/reminder.js';
import { missingText, reminderCard } from '../../cards/reminder.js';
import { formatDeadline } from '../../core/format.js';
import type { MailContent } from '../delivery/index.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function reminderMail(data: ReminderCardData): MailContent {
  const { locale } = data;
  const card = reminderCard(data);
  const title = (card.body[0] as { text: string }).text;
  const deadline = formatDeadline(data.deadlineDate, locale);
  const how = card.body
    .filter((b) => b.type === 'TextBlock')
    .map((b) => (b as { text: string }).text)
    .slice(-1)[0];
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
      (how ? `<p>${esc(how)}</p>` : '') +
      `<p>${esc(locale === 'sv' ? 'Frågor? Svara på det här mejlet.' : 'Questions? Reply to this mail.')}</p>`,
  };
}
