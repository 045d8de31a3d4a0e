// Mail that a system sends, not a unit: a calendar invitation, a notice that messages wait in another
// program (Teams), the city's own bulletins to every manager, and a mail server's "Delayed:" notice.
// None is a unit's word about the award: the award's words in them are a meeting's title, a
// colleague's chat message quoted, or our own subject quoted back, so their other signs count for
// nothing. Each needs two marks of its sort (a subject or sender and a line of its own), so a person
// writing about a meeting or Teams in their own words is read as any mail. A supplier's invoice is
// not among them: the sets disagree on it (other in blind-6, blind-9 and blind-10; triage in mails.ts
// and held-out, where someone must see that it is paid).
import { fold, wholeWords } from './text.js';

const b = wholeWords;

export type SystemNotice = {
  sort: 'calendar-invitation' | 'platform-notification' | 'bulletin' | 'delivery-delay';
  /** The words that mark it. */
  evidence: string;
};

/** Outlook's and other calendars' invitation subjects. */
const INVITATION_SUBJECT =
  /^\s*(inbjudan|mötesinbjudan|uppdaterad inbjudan|invitation|updated invitation|meeting invitation)\s*:/i;
/** …and the invitation's own lines: the answer buttons, or its "När:"/"Var:" lines. */
const INVITATION_BODY =
  /\b(acceptera\s*\|\s*prelimin\w*\s*\|\s*avboj|accept\s*\|\s*tentative\s*\|\s*decline)\b|^\s*(nar|when)\s*:.*\n(.*\n)?\s*(var|where)\s*:/m;

/** A program telling of messages waiting elsewhere (Teams, Yammer, Viva). */
const PLATFORM_SENDER = /no-?reply|noreply|donotreply|teams|yammer|viva|sharepoint/;
const PLATFORM_NOTICE = b(
  'forsoker na dig|du har (\\d+ )?(nya |missade |olasta )?(meddelanden|aviseringar)|missade meddelanden|skickade ett meddelande i|namnde dig i|oppna (microsoft )?teams|(is|are) trying to reach you|you have (\\d+ )?(new |missed |unread )?(messages|notifications)|(sent|posted) (you )?a message in|mentioned you in|open (microsoft )?teams',
);

/** A bulletin to every manager or every employee, or the intranet's news of the week. */
const BULLETIN = b(
  'hej alla (chefer|medarbetare|kollegor|anstallda|medlemmar)|till (er )?alla (chefer|medarbetare|anstallda)|veckans nyheter|manadens nyheter|nyheter fran (intranatet|staden|forvaltningen|stadsledningskontoret)|dear all (managers|staff|employees)|news of the week',
);
/**
 * The award's own business named outright: a bulletin that tells of it (a news item on the award, the
 * ceremony) is for a coordinator to see. Narrower than the intake's award context, which "kvalitets-"
 * in any sense satisfies ("systematiskt kvalitetsarbete" is in many a bulletin).
 */
const AWARD_OWN = b(
  '\\w*utmarkelse\\w*|kvalitetspris\\w*|quality award|\\w*bidrag\\w*|\\w*anmal\\w*|inf\\w{0,10}?(mote|traff)\\w*|platsbesok\\w*|examinat\\w*|protokoll\\w*|ku ?20\\d\\d|ku|jury\\w*|juryn|prisutdelning\\w*',
);

/** A mail server's notice that delivery is delayed (not failed: it keeps trying). */
const DELAY_SUBJECT =
  /^\s*(delayed|delivery delayed|fördröjd|fördröjt|försenad|försenat|(försenad|fördröjd) leverans|leverans(en)? (försenad|fördröjd)|verzögert)\s*:/i;
const DELAY_BODY = b(
  'delivery (is|has been) delayed|(has not|hasn t|hasnt) been delivered yet|delivery will continue to be attempted|will (keep|continue) trying to deliver|leveransen (har )?(fordrojts|forsenats|ar fordrojd|ar forsenad)|har (annu )?inte levererats (an|annu)|fortsatter att forsoka leverera',
);

/**
 * Which sort of system's or supplier's mail it is, or undefined. `own` is the sender's own text (the
 * quoted thread split off); a reply, or a mail with a question of its own, is a person's (only a
 * program's notice quoting a chat message may hold a "?").
 */
export function systemNotice(mail: {
  subject: string;
  own: string;
  from: string;
  attachmentNames: readonly string[];
  isReply: boolean;
}): SystemNotice | undefined {
  const subject = fold(mail.subject);
  const own = fold(mail.own);
  const from = mail.from.toLowerCase();
  if (DELAY_SUBJECT.test(mail.subject)) {
    const m = DELAY_BODY.exec(own);
    if (m) return { sort: 'delivery-delay', evidence: m[0] };
  }
  if (mail.isReply) return undefined;
  // A program's notice may quote a chat message that asks ("Har alla protokollsutdrag kommit in?"):
  // its own lines decide, with the sender a program.
  if (PLATFORM_SENDER.test(from)) {
    const m = PLATFORM_NOTICE.exec(own);
    if (m) return { sort: 'platform-notification', evidence: m[0] };
  }
  if (mail.own.includes('?')) return undefined;
  if (INVITATION_SUBJECT.test(mail.subject)) {
    // Folded text loses the lines and the bars the invitation is known by: read it as written.
    const m = INVITATION_BODY.exec(
      mail.own
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase(),
    );
    if (m) return { sort: 'calendar-invitation', evidence: m[0].trim() };
  }
  const bulletin = BULLETIN.exec(`${subject}\n${own}`);
  if (bulletin && mail.attachmentNames.length === 0 && !AWARD_OWN.test(`${subject}\n${own}`))
    return { sort: 'bulletin', evidence: bulletin[0] };
  return undefined;
}
