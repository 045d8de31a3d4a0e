// Mail a program sent for a person, recognised by what it says of itself when its headers do not:
// a read receipt ("Läst: Vi har tagit emot ert bidrag … lästes den 17 maj", Outlook's
// disposition notice), a delivery receipt ("Delivered: … has been delivered to the following
// recipients"), an away message that declares itself ("Detta är ett automatiskt svar") and a ticket
// system's receipt of a mail from here ("Ditt ärende har fått nummer 4711 …").
// All are auto-replies: never answered, nothing in them is the sender's word about the award.
import { fold } from './text.js';

/** Outlook's and other clients' read-receipt subjects, in the languages units write in. */
const READ_SUBJECT = /^\s*(läst|last|read|gelesen|lu|inte läst|ej läst|not read|oläst)\s*:/i;
/** The receipt's own sentence ("lästes den 17 maj 2027 07:12", "was read on Monday"). */
const READ_BODY =
  /\b(lastes|har lasts|was read|were read|has been read|wurde gelesen|a ete lu|raderades utan att lasas|(har tagits|togs) bort utan att (ha )?(lasts|lasas)|was deleted without being read)\b/;

/** The words that mark a read receipt, or undefined. */
export function readReceipt(mail: { subject: string; body: string }): string | undefined {
  if (!READ_SUBJECT.test(mail.subject)) return undefined;
  return READ_BODY.exec(fold(mail.body))?.[0];
}

/** A delivery receipt's subject: Exchange's "Delivered:" and its Swedish and German forms. */
const DELIVERED_SUBJECT = /^\s*(delivered|levererat|levererad|levererades|zugestellt|remis)\s*:/i;
/** The receipt's own sentence ("has been delivered to the following recipients"). */
const DELIVERED_BODY =
  /\b(has been delivered to (the following )?recipients?|was delivered to (the following )?recipients?|delivery to (these|the following) recipients? (was|is) complete|(har|har nu) levererats till (foljande )?mottagar\w*|levererades till (foljande )?mottagar\w*|leveransen till (dessa|foljande) mottagare (ar )?(klar|slutford)|wurde an (die folgenden )?empfanger\w* (zugestellt|ubermittelt))\b/;

/**
 * The words that mark a delivery receipt, or undefined. Subject and sentence both: a person writing
 * "Levererat: bidraget kommer i morgon" is no receipt.
 */
export function deliveryReceipt(mail: { subject: string; body: string }): string | undefined {
  if (!DELIVERED_SUBJECT.test(mail.subject)) return undefined;
  return DELIVERED_BODY.exec(fold(mail.body))?.[0];
}

/** An away message's own statement that it was sent automatically. */
const DECLARED =
  /\b(detta ar ett (automatiskt( genererat| skickat| utskickat)?|autogenererat|automatgenererat|systemgenererat) (svar|meddelande|mejl|mail)|(this is an?|this) (automatic|automated|auto generated) (reply|response|message)|det har (ar ett )?(automatiska )?(svaret|meddelandet) (skickas|skickades) automatiskt)\b/;

/** The words an away message declares itself automatic with, or undefined. */
export function declaresAutomatic(text: string): string | undefined {
  return DECLARED.exec(fold(text))?.[0];
}

/**
 * A ticket system's or a registry's receipt: it tells the reader that *their* matter was taken in
 * ("Ditt ärende har registrerats", "Vi har tagit emot ert ärende", "Your request has been received").
 * A unit writes of its own matter ("vårt ärende hos nämnden"), never of the reader's.
 */
const YOUR_CASE_TAKEN_IN =
  /\b((ditt|ert) (arende|meddelande|mejl|mail|e ?postmeddelande) (har )?(fatt|tilldelats|registrerats|registrerades|tagits emot|togs emot|mottagits|kommit in)|vi har (tagit emot|registrerat|mottagit) (ditt|ert) (arende|meddelande|mejl|mail)|your (request|ticket|case|message|enquiry|inquiry) has been (received|registered|logged|created)|we have (received|registered|logged) your (request|ticket|case|message|enquiry|inquiry))\b/;
/**
 * …and what only a case system adds: the case's number, or that the mail cannot be answered. Not a
 * promised handling time: a person answering "vi har tagit emot ert mejl och återkommer inom tre
 * dagar" writes one too.
 */
const CASE_SYSTEM =
  /\b((arende|arendenummer|nummer|referensnummer|diarienummer|number|ticket|case|reference) (nr |no |id )?[a-z]{0,4} ?\d|svara inte pa (detta|det har) (meddelande|mejl|mail)|(kan|gar) inte (att )?besvaras|do not reply)/;

/**
 * The words of a ticket system's receipt (the reader's matter taken in, and a case number or "do not
 * reply"), or undefined.
 */
export function caseReceipt(mail: { subject: string; body: string }): string | undefined {
  const text = fold(`${mail.subject}\n${mail.body}`);
  const taken = YOUR_CASE_TAKEN_IN.exec(text);
  if (!taken || !CASE_SYSTEM.test(text)) return undefined;
  return taken[0];
}
