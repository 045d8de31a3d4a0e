// A pre-registration from an acting manager, written from the address of the unit they ordinarily
// lead ("Jag är tillförordnad rektor på Årstaängsskolan … Årstaängsskolan vill delta"): the matcher
// sees two units, the one the address belongs to and the one the mail registers, and leaves the mail
// undecided. A careful coordinator reads whose registration it is: the unit the sender says they act
// for, named in the subject or text, when the address's own unit is named only by the address or the
// signature. If the address's unit is also named in the text (both registered, one withdrawn beside
// it), or the acting sentence names another unit, the mail stays with a coordinator.
import type { Classification } from './classify.js';
import { REGISTERED_SENDER, RUNNER_UP_LIMIT, type EvidenceKind, type UnitMatch } from './match.js';
import { fold, wholeWords } from './text.js';

const b = wholeWords;

/** "tillförordnad rektor", "tf chef", "acting head", folded: someone leading a unit for a while. */
const ACTING = b(
  '(tillforordnad|tf|t f|vikarierande|tillfallig|tillfalligt|acting|interim) (\\w+ ){0,2}(chef|rektor|forskolechef|enhetschef|verksamhetschef|avdelningschef|manager|principal|head)',
);

const NAMED_IN_MAIL: readonly EvidenceKind[] = ['name-in-subject', 'name-in-text'];

/** The sender's own sentences, folded (split after . ! ? and line breaks). */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => fold(s))
    .filter(Boolean);
}

/**
 * The registration's unit when an acting manager writes from their ordinary unit's address; the match
 * unchanged otherwise.
 */
export function unitOfActingManager(match: UnitMatch, c: Classification): UnitMatch {
  if (c.kind !== 'pre-registration' || match.status !== 'ambiguous') return match;
  const [named, byAddress, third] = match.candidates;
  if (!named || !byAddress || (third && third.score >= RUNNER_UP_LIMIT)) return match;
  const kinds = (u: typeof named) => u.evidence.map((e) => e.kind);
  // The registered unit is named in the mail and is not the address's; the address's unit is not
  // named in the subject or text at all.
  if (!kinds(named).some((k) => NAMED_IN_MAIL.includes(k))) return match;
  if (kinds(named).some((k) => REGISTERED_SENDER.includes(k))) return match;
  if (!kinds(byAddress).some((k) => REGISTERED_SENDER.includes(k))) return match;
  if (kinds(byAddress).some((k) => NAMED_IN_MAIL.includes(k))) return match;
  // The sender says, in one sentence of their own, that they act as manager of the named unit.
  const unitName = fold(named.unitName);
  const acting = sentencesOf(c.parts.own).find((s) => ACTING.test(s) && s.includes(unitName));
  if (!acting) return match;
  return {
    unitId: named.unitId,
    candidates: match.candidates,
    status: 'matched',
    reason: {
      sv: `${named.unitName}: avsändaren skriver att hen är tillförordnad chef där (adressen hör till ${byAddress.unitName})`,
      en: `${named.unitName}: the sender writes that they are its acting manager (the address belongs to ${byAddress.unitName})`,
    },
  };
}
