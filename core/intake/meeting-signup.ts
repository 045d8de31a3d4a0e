// A person signing themselves up for a meeting ("vill anmäla mej till mötet den 9 mars", "jag anmäler
// mig till infoträffen", "please sign me up for the session") asks for a seat at a meeting: a person,
// a meeting, a day. A pre-registration is the unit's: it names the award ("delta i
// kvalitetsutmärkelsen") or the registration ("intresseanmälan"). Whatever the meeting is called, and
// whether or not the rules know its word as an information meeting, such a signup is never read as
// the unit's pre-registration alone: with nothing of the award's in the mail, a mail whose
// registration words come only from the signup ("anmäla", a subject "Anmälan") goes to a coordinator.
// (Once the meeting is recognised as an information meeting, the rules read a signup and this never
// applies.)
import { joinSplitCompounds } from './split-compounds.js';
import { wholeWords } from './text.js';

const b = wholeWords;

/** A meeting's noun, alone or at a compound's end ("mötet", "infoträffen", "kick off mötet"). */
const MEETING_NOUN =
  '\\w*(mote|motet|moten|motena|traff|traffen|traffar|tillfalle|tillfallet|session|sessionen|sessions|webinar\\w*|webbinar\\w*|dragning\\w*|genomgang\\w*|meeting|meetings)';

/**
 * The sender (or "we", "she") put down for a meeting: "anmäla mig/mej/oss/sig till …", "anmäler mig
 * på …", "sign me/us up for …", "register me for …". Between the preposition and the meeting at most
 * two words that are not the award's ("det digitala", "kick off"); a word of time ("efter", "innan")
 * would make the meeting a point in time, not what is joined.
 */
const SELF_TO_MEETING = b(
  `(anmala|anmaler|anmalde|anmal) (mig|mej|oss|sig|mig sjalv|oss bada)( (garna|ocksa|aven|harmed|nu))? (till|pa|for) ((?!efter |innan |fore |kvalitet|intresse|award)\\w+ ){0,2}${MEETING_NOUN}` +
    `|sign (me|us|myself) up (for|to) (the |your |an? )?((?!after |before |award)\\w+ ){0,2}${MEETING_NOUN}` +
    `|register (me|myself|us) (for|to) (the |your |an? )?((?!after |before |award)\\w+ ){0,2}${MEETING_NOUN}`,
);

/** What makes a registration the unit's: the award or the registration named. */
const UNIT_REGISTRATION = b(
  'kvalitetsutmarkelse\\w*|kvalitetspris\\w*|quality award|intresseanmal\\w*|intresse (att|for att) (delta|medverka|vara med)|registers? (its |our )?interest',
);

/**
 * The signup phrase when the folded subject and own words (`ownWords`) sign a person up for a
 * meeting and name nothing of the unit's registration; otherwise undefined.
 */
export function personalMeetingSignup(ownWords: string): string | undefined {
  const text = joinSplitCompounds(ownWords);
  if (UNIT_REGISTRATION.test(text)) return undefined;
  return SELF_TO_MEETING.exec(text)?.[0];
}
