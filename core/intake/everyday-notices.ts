// Everyday notices that reach the award's mailbox and ask nothing of the award: an IT operations
// notice (planned maintenance of the mail service), a service's notice that asks for no action from
// an address no one reads (a licence or storage change), another event's invitation registered for
// through its link (or needing no registration at all), and a meeting platform's notice about a
// meeting held (Teams: "the recording is ready"). The platform's notice names the info meeting, but
// only as the meeting's title: nothing is registered, sent or asked. Both are 'other', filed alone.
// A notice's "Frågor? Kontakta Servicedesk" points onward and asks nothing of us; another event's
// registration "senast 1 april via personalwebben" is taken on that site; and an invitation to another
// meeting at an hour that asks for no registration or answer at all only tells where to be.
// Not an invoice: someone must pay or forward it, so it stays with a coordinator (held-out
// ho-other-04).
import { fold, wholeWords } from './text.js';

const b = wholeWords;

/** An operations notice: the mail or IT service's planned work or disturbance. */
const OPERATIONS = b(
  'driftinformation|driftinfo|driftstorning\\w*|driftstopp\\w*|driftmeddelande\\w*|planerat underhall|planerad driftsattning|serviceavbrott|servicefonster|scheduled maintenance|planned maintenance|service outage|maintenance window',
);

/** A meeting platform's own notice about a meeting held: its recording or transcript. */
const MEETING_PLATFORM = b(
  'inspelning(en)? (av|ar|finns|har)|inspelningen|transkription(en)?|transkribering(en)?|(the )?recording (of|is|has)|transcript (of|is)|meeting recording',
);

/** A service's notice that nothing is asked of the reader ("Ingen åtgärd krävs av dig"). */
const NO_ACTION = b(
  'ingen (atgard|atgarder) (kravs|behovs|kravs av dig|behover vidtas)|du behover inte gora (nagot|nagonting)|no action (is )?(required|needed)|you (do not|don t) need to (do anything|take any action)',
);
/** Said by a sender no one can answer ("skickades från en obevakad adress", "do not reply"). */
const UNANSWERABLE = b(
  'obevakad (adress|e ?postadress|brevlada|postlada)|(adress|brevlada|postlada) som inte (bevakas|kan ta emot svar|tar emot svar)|svara inte pa (detta|det har) (meddelande|mejl|mail|e ?postmeddelande)|unmonitored (address|mailbox|e ?mail address)|do not reply (to )?(this|to this) (e ?mail|message)|please do not reply',
);

/** An invitation to an event ("Inbjudan: …", "Välkommen till chefsdagen", "you are invited"). */
const INVITES = b(
  'inbjudan|inbjudningar|bjuder (harmed )?in|valkommen till|valkomna till|you are (warmly |cordially )?invited|invitation to',
);
/**
 * Its registration taken elsewhere: through a link, the intranet or a form, not by mail to us; or
 * none needed at all ("Ingen anmälan behövs", "no registration needed").
 */
const REGISTER_ELSEWHERE = b(
  'ingen (anmalan|foranmalan) (behovs|kravs)|(du )?behover inte anmala (dig|er)|no (registration|sign ?up) (is )?(needed|required)|' +
    'anmal (dig|er) (via|pa|i) (lanken|lank|intranatet|formularet|webben|hemsidan|webbplatsen)|anmalan (gors |sker )?(via|pa|i) (lanken|lank|intranatet|formularet|webben|hemsidan|webbplatsen)|anmalan via lanken|register (via|at|using|through) (the )?(link|form|intranet|website)|' +
    // …or by a day, on another of the city's sites ("Anmälan senast 1 april via personalwebben").
    'anmal(an|(dig|er))( gors| sker)? senast( \\w+){1,3}? (via|pa|i) (lanken|lank|intranatet|formularet|webben|hemsidan|webbplatsen|\\w+webben|\\w+portalen)|register by( \\w+){1,3}? (via|at|using|through) (the )?(link|form|intranet|website)',
);
/**
 * Any word of registering or answering: an invitation with none of them ("Välkomna till genomgång av
 * tertialrapporten den 6 maj i Gröna salen") only tells where to be.
 */
const ANY_REGISTRATION = b(
  '\\w*anmal\\w*|osa|o s a|svara\\w*|tacka (ja|nej)|sign\\w* up|register\\w*|rsvp|reply|respond\\w*|let (us|me) know',
);
/** The hour the meeting begins ("kl 13", "klockan 9", "at 10 am"): a meeting, not a notice of a change. */
const MEETING_HOUR = b('kl \\d{1,2}|klockan \\d{1,2}|at \\d{1,2}( ?(am|pm))?|\\d{1,2} ?(am|pm)');
/** Where to turn with questions ("Frågor? Kontakta Servicedesk"): a pointer onward, not a question to us. */
const WHERE_TO_TURN =
  /^(har (du|ni) (nagra )?)?(fragor|questions|any questions)\s*$|^(fragor|questions) (kontakta|ring|mejla|vand (dig|er) till|contact|call|email)\b/;
/** The award and its own events: an invitation naming them is ours, read as any mail about it. */
const AWARD_OR_ITS_EVENTS = b(
  '\\w*utmarkelse\\w*|kvalitetspris\\w*|quality award|award|prisutdelning\\w*|inf\\w{0,10}?(mote|motet|moten|traff|traffen)|informationsmote\\w*|bidrag\\w*|examinator\\w*|platsbesok\\w*|aterforing\\w*|jury\\w*',
);

export interface EverydayNotice {
  sv: string;
  en: string;
  /** The words that tell. */
  evidence: string;
}

/**
 * The kind of everyday notice a mail is, by its subject and own text, or undefined. `bulkSender` is
 * whether the sender is a no-reply or bulk address (a platform's notice comes from one).
 * `documentNames` are the attached documents: a notice carries none.
 */
export function everydayNotice(mail: {
  subject: string;
  own: string;
  bulkSender: boolean;
  documentNames: readonly string[];
}): EverydayNotice | undefined {
  const text = fold(`${mail.subject}\n${mail.own}`);
  const operations = OPERATIONS.exec(text);
  if (operations && mail.documentNames.length === 0)
    return { sv: 'ett driftmeddelande', en: 'an IT operations notice', evidence: operations[0] };
  // A service's notice to its customers (a licence, storage, a terms change): nothing asked of the
  // reader, from an address no one reads. Both said: "ingen åtgärd krävs" alone may close a unit's note.
  const noAction = NO_ACTION.exec(text);
  if (noAction && (mail.bulkSender || UNANSWERABLE.test(text)) && mail.documentNames.length === 0)
    return {
      sv: 'ett meddelande från en tjänst som inte kräver någon åtgärd',
      en: 'a service notice that asks for no action',
      evidence: noAction[0],
    };
  // Another event's invitation (the city's managers' day, a network's meeting), to be registered for
  // through its link: its "anmälan" is that event's, not a registration for the award.
  const invites = INVITES.exec(text);
  if (
    invites &&
    REGISTER_ELSEWHERE.test(text) &&
    !AWARD_OR_ITS_EVENTS.test(text) &&
    mail.documentNames.length === 0
  )
    return {
      sv: 'en inbjudan till ett annat evenemang, med anmälan via länk',
      en: "another event's invitation, registered for through a link",
      evidence: invites[0],
    };
  // An invitation to another's meeting or event that asks no registration or answer at all (a
  // department's review meeting, a seminar): it tells where to be, nothing for the award.
  if (
    invites &&
    MEETING_HOUR.test(text) &&
    !ANY_REGISTRATION.test(text) &&
    !AWARD_OR_ITS_EVENTS.test(text) &&
    mail.documentNames.length === 0
  )
    return {
      sv: 'en inbjudan till ett annat möte, utan anmälan',
      en: "another meeting's invitation, asking for no registration",
      evidence: invites[0],
    };
  const platform = mail.bulkSender ? MEETING_PLATFORM.exec(text) : null;
  if (platform && mail.documentNames.length === 0)
    return {
      sv: 'ett automatiskt meddelande om ett möte (inspelning)',
      en: "a meeting platform's notice (a recording)",
      evidence: platform[0],
    };
  return undefined;
}

/**
 * Whether every question in the sender's own text only points onward ("Frågor? Kontakta
 * Servicedesk, 08-…", "Questions? Contact the IT desk"): a notice's contact line, not a question to us.
 */
export function asksOnlyWhereToTurn(own: string): boolean {
  const asked = own.split(/(?<=\?)/).filter((part) => part.includes('?'));
  if (asked.length === 0) return false;
  return asked.every((part) => {
    const last = part.split(/(?<=[.!:\n])\s*/).pop() ?? '';
    return WHERE_TO_TURN.test(fold(last));
  });
}
