// Mail a program sent for a person, recognised by what it says of itself when its headers do not:
// a read receipt ("Läst: Vi har tagit emot ert bidrag … lästes den 17 maj", Outlook's
// disposition notice) and an away message that declares itself ("Detta är ett automatiskt svar").
// Both are auto-replies: never answered, nothing in them is the sender's word about the award.
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

/** An away message's own statement that it was sent automatically. */
const DECLARED =
  /\b(detta ar ett (automatiskt( genererat| skickat| utskickat)?|autogenererat|automatgenererat|systemgenererat) (svar|meddelande|mejl|mail)|(this is an?|this) (automatic|automated|auto generated) (reply|response|message)|det har (ar ett )?(automatiska )?(svaret|meddelandet) (skickas|skickades) automatiskt)\b/;

/** The words an away message declares itself automatic with, or undefined. */
export function declaresAutomatic(text: string): string | undefined {
  return DECLARED.exec(fold(text))?.[0];
}
