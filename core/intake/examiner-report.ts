// An examiner's report that a visit is done or booked ("Återföringsbesöket är genomfört",
// "platsbesöket är bokat till torsdag"), signed as examiner or team leader: news for the office,
// nothing for the intake to register, send or answer. Filed as other, alone, when the mail asks
// nothing (no question, no "hör av er", no "kan ni"): an examiner asking about dates, teams or
// availability is for a coordinator to answer and stays with one.
import { fold, wholeWords } from './text.js';

const b = wholeWords;

/**
 * The writer signs as one of the award's examiners (folded): in the signature, or "jag som
 * examinator" in the text. A unit writing about the examiners ("Examinatorerna verkade inte …") is
 * not one.
 */
const EXAMINER_SIGNS = b('examinator|examinatorslag\\w*|lagledare|examiner|team leader');
const EXAMINER_SAYS = b(
  '(jag|vi) (ar|som) (\\w+ )?(examinator|examinatorer|lagledare)|as (an )?examiner',
);

/** A visit the examiners make. */
const VISIT = b(
  'platsbesok\\w*|aterforingsbesok\\w*|aterkopplingsmote\\w*|aterforingsmote\\w*|site visit\\w*|feedback (visit|meeting)\\w*',
);

/** Told as done or booked. */
const DONE = b(
  'genomfort|genomforts|genomfordes|ar bokat|ar bokad|har bokats|bokades|ar klart|ar klar|overlamnad|overlamnats|har (nu )?(haft|gjort|genomfort)|done|completed|booked|took place|has been held',
);

/** Anything asked of the office. */
const ASKS = b(
  'hor av (er|dig)|kan (ni|du)|skulle (ni|du)|vill (ni|du)|behover (ni|jag|vi)|ber (er|dig|om)|meddela|aterkom\\w*|please|could you|let me know',
);

/** The evidence when the mail is an examiner's report of a visit done or booked; undefined if not. */
export function examinerReport(
  subject: string,
  ownText: string,
  signature: string,
): string | undefined {
  const own = fold(`${subject}\n${ownText}`);
  if (ownText.includes('?') || ASKS.test(own)) return undefined;
  if (!EXAMINER_SIGNS.test(fold(signature)) && !EXAMINER_SAYS.test(own)) return undefined;
  const visit = VISIT.exec(own);
  const done = DONE.exec(own);
  return visit && done ? `${visit[0]} … ${done[0]}` : undefined;
}
