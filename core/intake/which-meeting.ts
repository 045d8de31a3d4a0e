// Whether an info-meeting signup says which meeting it is for. A mail that names no meeting while
// the cycle still has more than one ahead cannot be signed up alone: the sender may have meant any of
// them, and a wrong confirmation sends a person to the wrong room. A coordinator asks instead. With
// only one meeting ahead the mail can only mean that one.
import { formatShortDate } from '../format.js';
import type { Bilingual, Cycle, InfoMeeting, IsoInstant } from '../model.js';
import { toStockholm } from '../time.js';
import { pickInfoMeeting } from './receipts.js';

/** The meetings still ahead at `sentAt` when the mail names none of them and there are several; else []. */
export function meetingsToAskAbout(cycle: Cycle, text: string, sentAt: IsoInstant): InfoMeeting[] {
  const picked = pickInfoMeeting(cycle, text, sentAt);
  if (!picked || picked.certain) return [];
  const at = new Date(sentAt).getTime();
  return cycle.timeline.infoMeetings.filter((m) => new Date(m.start).getTime() > at);
}

/** True when the intake must leave this signup to a coordinator (see the header). */
export function signupNeedsCoordinator(cycle: Cycle, text: string, sentAt: IsoInstant): boolean {
  return meetingsToAskAbout(cycle, text, sentAt).length > 1;
}

/** "Mejlet säger inte vilket informationsmöte: 16 februari eller 2 mars?" and its English. */
export function whichMeetingReason(meetings: readonly InfoMeeting[]): Bilingual {
  const list = (locale: 'sv' | 'en', or: string) => {
    const days = meetings.map((m) =>
      formatShortDate(toStockholm(m.start).toISODate() ?? m.start.slice(0, 10), locale),
    );
    return days.length > 1 ? `${days.slice(0, -1).join(', ')} ${or} ${days.at(-1)}` : days.join('');
  };
  return {
    sv: `Mejlet säger inte vilket informationsmöte: ${list('sv', 'eller')}?`,
    en: `The mail does not say which information meeting: ${list('en', 'or')}?`,
  };
}
