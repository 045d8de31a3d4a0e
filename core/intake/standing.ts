// Who may register or withdraw a unit: its manager, or someone writing for the manager ("på uppdrag
// av rektor", an administrator). A mail that says the manager does not know yet or has not decided
// ("Rektorn vet inte om det än", "innan chefen har bestämt sig") is someone without that standing
// acting for the unit: a receipt would tell the unit it is registered when its manager never chose
// to be, so a coordinator asks the manager first.
import type { Bilingual } from '../model.js';
import type { MailKind } from './facts.js';
import { fold } from './text.js';

/** The unit's manager as a staff member names them (folded). */
const MANAGER =
  '(var |min |skolans |forskolans |enhetens )?(rektor|rektorn|chef|chefen|forskolechef|forskolechefen|enhetschef|enhetschefen|verksamhetschef|verksamhetschefen|skolledningen|ledningen|ledningsgruppen)';
const MANAGER_EN =
  '(the |our |my )?(principal|head teacher|headteacher|head|manager|boss|management)';

const NOT_DECIDED = new RegExp(
  `\\b(?:${[
    // "Rektorn vet inte om det än", "chefen känner inte till det"
    `${MANAGER} (vet|kanner till) (inte|ej|inget|ingenting)`,
    // "Chefen har inte bestämt sig", "rektorn har ännu inte godkänt"
    `${MANAGER} har (annu |an )?(inte|ej) (\\w+ ){0,2}(bestamt|beslutat|godkant|sagt ja|tagit stallning|fatt veta|blivit informerad|informerats)`,
    // "utan att rektorn vet", "utan chefens godkännande"
    `utan att (\\w+ ){0,2}${MANAGER} (vet|kanner till|har (\\w+ )?(godkant|bestamt|beslutat|sagt ja))`,
    `utan (rektorns|chefens|forskolechefens|enhetschefens|ledningens) (godkannande|vetskap|beslut|ok)`,
    // "innan rektorn vet om det", "innan chefen har bestämt"
    `innan ${MANAGER} (vet|har (\\w+ )?(bestamt|beslutat|godkant)|bestammer|beslutar|godkanner)`,
    // "Jag har inte pratat med rektorn än"
    `(har|hann) (annu |an )?(inte|ej) (\\w+ ){0,2}(pratat|talat|fragat|statt av|forankrat|prata|tala|stamma av|forankra (det|detta|beslutet|fragan)) (\\w+ ){0,2}med ${MANAGER}`,
    `inte (forankrat|forankrad|forankrats) (\\w+ ){0,2}(med|hos) ${MANAGER}`,
    `${MANAGER_EN} (does not|doesn t|do not|don t) (know|yet know)`,
    `${MANAGER_EN} (has not|hasn t) (yet )?(decided|approved|agreed|been told|been informed)`,
    `without ${MANAGER_EN}( s)? (knowing|approval|knowledge|consent)`,
    `before ${MANAGER_EN} (knows|decides|has decided|approves|has approved)`,
    `(have not|haven t) (yet )?(asked|told|spoken to|talked to) ${MANAGER_EN}`,
  ].join('|')})\\b`,
);

/** Kinds that change the unit's participation on the sender's word. */
const DECIDES_FOR_UNIT: readonly MailKind[] = ['pre-registration', 'withdrawal'];

/**
 * Why a coordinator must look when a registration or withdrawal says the manager does not know or
 * has not decided; undefined when it does not.
 */
export function withoutManagerReason(kind: MailKind, ownText: string): Bilingual | undefined {
  if (!DECIDES_FOR_UNIT.includes(kind)) return undefined;
  const m = NOT_DECIDED.exec(fold(ownText));
  if (!m) return undefined;
  return {
    sv: `Enhetens chef verkar inte ha bestämt detta ("${m[0]}"): bara chefen, eller någon på chefens uppdrag, kan anmäla eller avanmäla enheten`,
    en: `The unit's manager does not seem to have decided this ("${m[0]}"): only the manager, or someone on the manager's behalf, can register or withdraw the unit`,
  };
}
