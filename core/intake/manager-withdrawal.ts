// A short withdrawal from the unit's own manager ("vi hoppar av i år tyvärr"), decided alone. The
// rules hold a withdrawal that never names the award at 0.5 (classify.ts, 'no-award-context'): from
// anyone, "vi hoppar av" may be about anything. A careful coordinator still acts on it when three
// things meet: it comes from the address registered for the unit (its manager or its mailbox), so the
// register says who "vi" is; it speaks of this year's taking part ("i år", "deltar inte", "stryk oss
// från listan", "hinner inte skriva klart"), which is what the award's mailbox keeps; and it names
// nothing else that could be left instead (a ceremony, a meeting, a course, a contract). Anything
// less stays with a coordinator, as before.
import type { Bilingual } from '../model.js';
import type { Classification } from './classify.js';
import { REGISTERED_SENDER, type UnitMatch } from './match.js';
import { fold, wholeWords } from './text.js';

const b = wholeWords;

/** This year's participation, the thing the award's mailbox keeps (folded). */
const THIS_YEARS_PART = b(
  [
    'i ar|i aar|for i ar|this year|this time',
    'delta|deltar|deltaga|deltagande\\w*|medverka\\w*|vara med|take part|taking part|participat\\w*',
    '(fran|ur) (listan|deltagarlistan)|(off|from) the list',
    '(hinner|klarar|orkar) (inte|ej) (att )?(skriva|bli klara|fa klart|gora klart)\\w*',
  ].join('|'),
);

/**
 * Something else a unit could leave: an event, a meeting, a course, a project or a contract. Named
 * anywhere in the sender's words, also inside a compound ("personalfesten", "ledarutbildningen"),
 * "vi hoppar av" may be about it, not the award.
 */
const SOMETHING_ELSE = b(
  `\\w*(?:${[
    'prisutdelning|ceremoni|ceremony|gala|mingel|fest|party|middag|dinner|lunch|fika|julbord',
    'mote|motet|moten|traff|meeting|session|webbinar|webinar|seminari|konferens|conference',
    'utbildning|kurs|course|training|workshop|natverk|network|studiebesok|resa|resan',
    'projekt|project|pilot|studie|enkat|survey|upphandling|avtal|contract|samarbete|tjanst',
  ].join('|')})\\w*`,
);

/**
 * Why a withdrawal the rules doubted only for want of the award's name may be decided alone; undefined
 * when it may not (another doubt, another kind, someone else writing, no word of taking part this
 * year, or something else named that could be left).
 */
export function registeredManagerWithdrawal(
  c: Classification,
  match: UnitMatch,
): Bilingual | undefined {
  if (c.kind !== 'withdrawal' || match.status !== 'matched') return undefined;
  // The only doubt is the missing award context: no other kind competes, no other sign held back.
  const held = c.signals.fired.filter((s) => s.weight === 0 && s.kind === c.kind);
  if (held.length !== 1 || held[0]?.rule !== 'no-award-context') return undefined;
  if (Object.entries(c.scores).some(([k, v]) => k !== c.kind && v > 0)) return undefined;
  if (c.confidence < 0.5) return undefined;
  const unit = match.candidates.find((u) => u.unitId === match.unitId);
  if (!unit?.evidence.some((e) => REGISTERED_SENDER.includes(e.kind))) return undefined;
  const words = fold(`${c.cleanSubject}\n${c.parts.own}`);
  if (!THIS_YEARS_PART.test(words) || SOMETHING_ELSE.test(words)) return undefined;
  return {
    sv: `${unit.unitName}s registrerade chef eller adress skriver att enheten inte deltar i år`,
    en: `${unit.unitName}'s registered manager or address writes that the unit is not taking part this year`,
  };
}
