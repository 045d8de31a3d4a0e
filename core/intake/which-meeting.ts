// Whether an info-meeting signup can be confirmed alone. A mail that names no meeting while more
// than one is open for signup cannot: the sender may have meant any of them, and a wrong confirmation
// sends a person to the wrong room; a coordinator asks instead. With only one open the mail can only
// mean that one. "Open" is the same everywhere (receipts.ts `openForSignup`): not begun, and the
// meeting's own signup deadline not passed. A signup for a meeting whose deadline has passed (named,
// or the only ones left) goes to a coordinator too: whether there is still room is theirs to say.
import { formatShortDate } from '../format.js';
import type { Bilingual, Cycle, InfoMeeting, IsoInstant } from '../model.js';
import { toStockholm } from '../time.js';
import { openForSignup, pickInfoMeeting } from './receipts.js';

/**
 * What a signup says about its meeting: the subject and the sender's own words (and a forwarded
 * mail's), never the quoted thread below, where our own invitation lists every meeting's date.
 */
export function signupText(
  facts: { subject: string; body: string },
  classification?: { cleanSubject: string; parts?: { own: string; forwarded: string } },
): string {
  const parts = classification?.parts;
  return parts
    ? `${classification.cleanSubject}\n${parts.own}\n${parts.forwarded}`
    : `${facts.subject}\n${facts.body}`;
}

/**
 * The text a signup's meeting is read from when the sender forwards our invitation (or a colleague's
 * mail) and names the day herself ("Jag anmäler mig till informationsmötet den 9 mars" above the
 * invitation, which lists every meeting): the sender's own words, when they alone name exactly one
 * meeting ahead (`pickInfoMeeting` is certain). Otherwise the forwarded part counts too
 * (`signupText`): a forward with no day of its own still reads the forwarded mail's.
 */
export function signupMeetingText(
  cycle: Cycle,
  facts: { subject: string; body: string; sentAt: IsoInstant },
  classification?: { cleanSubject: string; parts?: { own: string; forwarded: string } },
): string {
  const whole = signupText(facts, classification);
  if (!classification?.parts?.forwarded.trim()) return whole;
  const own = `${classification.cleanSubject}\n${classification.parts.own}`;
  const picked = pickInfoMeeting(cycle, own, facts.sentAt);
  return picked?.certain && namesOneMeeting(cycle, own, facts.sentAt) ? own : whole;
}

/** Whether the text names exactly one meeting ahead by its day (two named leave it open). */
function namesOneMeeting(cycle: Cycle, text: string, sentAt: IsoInstant): boolean {
  const at = new Date(sentAt).getTime();
  const ahead = cycle.timeline.infoMeetings.filter((m) => new Date(m.start).getTime() > at);
  const named = ahead.filter((m) => {
    const single = { ...cycle, timeline: { ...cycle.timeline, infoMeetings: [m] } };
    const picked = pickInfoMeeting(single, text, sentAt);
    return picked?.certain && picked.meeting.id === m.id && dayNamed(m, text);
  });
  return named.length === 1;
}

/** The meeting's day of the month written in the text beside a month or as "den N". */
function dayNamed(m: InfoMeeting, text: string): boolean {
  const d = new Date(m.start).getUTCDate();
  return new RegExp(`(^|\\D)${d}(\\D|$)`).test(text);
}

/** The meetings open for signup at `sentAt` when the mail names none of them and there are several; else []. */
export function meetingsToAskAbout(cycle: Cycle, text: string, sentAt: IsoInstant): InfoMeeting[] {
  const picked = pickInfoMeeting(cycle, text, sentAt);
  if (!picked || picked.certain || picked.closed) return [];
  return openForSignup(cycle, sentAt);
}

/** The meeting a signup is for when its signup deadline has passed (it is still ahead); else undefined. */
export function closedMeeting(
  cycle: Cycle,
  text: string,
  sentAt: IsoInstant,
): InfoMeeting | undefined {
  const picked = pickInfoMeeting(cycle, text, sentAt);
  return picked?.closed ? picked.meeting : undefined;
}

/** True when the intake must leave this signup to a coordinator (see the header). */
export function signupNeedsCoordinator(cycle: Cycle, text: string, sentAt: IsoInstant): boolean {
  return (
    meetingsToAskAbout(cycle, text, sentAt).length > 1 ||
    closedMeeting(cycle, text, sentAt) !== undefined
  );
}

const day = (iso: string, locale: 'sv' | 'en') =>
  formatShortDate(toStockholm(iso).toISODate() ?? iso.slice(0, 10), locale);

/** "Mejlet säger inte vilket informationsmöte: 16 februari eller 2 mars?" and its English. */
export function whichMeetingReason(meetings: readonly InfoMeeting[]): Bilingual {
  const list = (locale: 'sv' | 'en', or: string) => {
    const days = meetings.map((m) => day(m.start, locale));
    return days.length > 1 ? `${days.slice(0, -1).join(', ')} ${or} ${days.at(-1)}` : days.join('');
  };
  return {
    sv: `Mejlet säger inte vilket informationsmöte: ${list('sv', 'eller')}?`,
    en: `The mail does not say which information meeting: ${list('en', 'or')}?`,
  };
}

/** "Anmälan efter sista anmälningsdag 10 februari till informationsmötet 18 februari – finns det plats?" */
export function closedMeetingReason(meeting: InfoMeeting): Bilingual {
  return {
    sv: `Anmälan efter sista anmälningsdag ${formatShortDate(meeting.signupDeadline, 'sv')} till informationsmötet ${day(meeting.start, 'sv')} – finns det plats?`,
    en: `Signed up after the signup deadline ${formatShortDate(meeting.signupDeadline, 'en')} for the information meeting on ${day(meeting.start, 'en')} – is there room?`,
  };
}
