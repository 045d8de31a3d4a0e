// A unit that leaves the award because it is to be merged later ("enheten ska slås ihop med
// fritidsverksamheten till hösten, så vi drar tillbaka vårt deltagande") gives the merger as its
// reason, not as news the register needs: on the day it withdraws it is still the register's unit,
// under its own name and manager, and the withdrawal is its own. A merger already made ("vi har
// slagits ihop", "den sammanslagna enheten"), a new unit or a new name in the mail ("blir en ny enhet
// med nytt namn", "den nya enheten anmäler sig") still leaves it to a coordinator, who updates the
// register first; so does every other kind of mail that tells of a merger (a registration or an
// entry for the unit to come, a question about what becomes of the entry).
import { wholeWords } from './text.js';

const b = wholeWords;

/** The merger told as to come: "ska slås ihop", "kommer att slås samman", "is to be merged". */
const MERGER_TO_COME = b(
  '(ska|skall|kommer att|planeras|planerar att|kommer|will|is to|are to|is going to) (\\w+ ){0,2}(slas ihop|slas samman|ga samman|ga ihop|sammanslas|fusioneras|be merged|merge)',
);

/** Words of a merger already done, or of the unit it makes: the register's matter first. */
const MERGER_DONE = b(
  'sammanslagna|slagits ihop|slagit ihop|slogs ihop|gatt samman|gatt ihop|nya enheten|ny enhet|nytt namn|nya namn|bytt namn|byter namn|has merged|have merged|merged unit|the new unit|new unit name|changed (its |our )?name',
);

/**
 * Whether a withdrawal's merger is only its reason: told as still to come, with no word of a merger
 * done or of the unit it makes. `ownWords` is the folded subject and the sender's own text.
 */
export function mergerStillAhead(ownWords: string): boolean {
  return MERGER_TO_COME.test(ownWords) && !MERGER_DONE.test(ownWords);
}
