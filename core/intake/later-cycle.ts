// A mail about a later cycle than the one it is filed in: "vi vill redan nu anmäla intresse för
// Kvalitetsutmärkelsen 2028" in June 2027, when 2027's cycle is the one open (or the last one the app
// knows). Registered alone, the unit would stand as taking part in 2027; the registration, entry or
// signup is for a cycle not yet set up, so a coordinator notes it for that cycle's invitation. Only a
// year AFTER the cycle's counts: earlier years are a unit's history ("vi vann 2022", "förra årets
// bidrag 2026"). A withdrawal is not held back: "vi hoppas vara med 2028" is how units say goodbye.
import type { Bilingual, Cycle } from '../model.js';
import type { Classification } from './classify.js';
import type { MailFacts, MailKind } from './facts.js';
import { signupText } from './which-meeting.js';

/** Kinds that put the unit into the cycle they are filed in. */
const JOINS_CYCLE: readonly MailKind[] = ['pre-registration', 'submission', 'info-meeting-signup'];

/**
 * The latest year after the cycle's that the sender's own words (subject, text, file names) name for
 * a mail of `kind`; undefined when none does.
 */
export function laterCycleNamed(
  cycle: Pick<Cycle, 'year'>,
  kind: MailKind,
  ownWords: string,
): number | undefined {
  if (!JOINS_CYCLE.includes(kind)) return undefined;
  // A span of years ("2027–2028", "läsåret 2027/2028") or a case number ("Dnr 2027/2030") is no
  // cycle: only a year standing alone counts.
  const later = [...ownWords.matchAll(/(?<![\d/\-–—])(20\d\d)(?![\d/\-–—]\d)/g)]
    .map((m) => Number(m[1]))
    .filter((year) => year > cycle.year);
  return later.length > 0 ? Math.max(...later) : undefined;
}

/**
 * The later year a mail names, read from the sender's own words and the names of its documents (a
 * file called "Intresseanmälan KU 2028.docx" says the year too); undefined when none.
 */
export function laterCycleOfMail(
  cycle: Pick<Cycle, 'year'>,
  facts: Pick<MailFacts, 'subject' | 'body' | 'attachments'>,
  classification: Pick<Classification, 'kind' | 'cleanSubject' | 'parts'>,
): number | undefined {
  const files = facts.attachments
    .filter((a) => !a.isInline)
    .map((a) => a.name)
    .join('\n');
  return laterCycleNamed(
    cycle,
    classification.kind,
    `${signupText(facts, classification)}\n${files}`,
  );
}

/** "Mejlet gäller Kvalitetsutmärkelsen 2028, inte 2027 …" and its English. */
export function laterCycleReason(cycle: Pick<Cycle, 'year'>, year: number): Bilingual {
  return {
    sv: `Mejlet gäller Kvalitetsutmärkelsen ${year}, inte ${cycle.year}: en samordnare noterar det inför den omgången`,
    en: `The mail is about the ${year} quality award, not ${cycle.year}: a coordinator notes it for that cycle`,
  };
}
