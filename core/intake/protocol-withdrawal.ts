// A board's protocol whose mail also says that a unit withdraws ("Förskolan X, som står med i
// beslutet, drar tillbaka sitt deltagande"): filed as a protocol alone, the unit would be marked
// "in protocol" and the withdrawal lost. Two matters in one mail, one of them a unit leaving the
// cycle: a coordinator records both. A unit that left before the board decided ("Ekhagen drog sig ur
// i april") is what the board records, already known: only a unit leaving now, or after the
// decision, is news.
// Likewise a protocol in which the board says no to a unit ("Nämnden beslutade att INTE anmäla
// Förskolan X", "avslår", "decided not to") or that changes or corrects an earlier decision ("ändrat
// beslut", "rättelse", "ersätter tidigare protokoll"): filed alone, the unit named in it would be
// marked "in protocol", the very thing the board declined, so a coordinator reads which units it is.
// And a protocol that decides nothing yet (the matter sent back or postponed) marks no unit.
import type { Bilingual } from '../model.js';
import type { Classification } from './classify.js';
import { fold } from './text.js';

/** A unit leaving now or from now on, in the registry's third person ("de drar tillbaka sitt deltagande"). */
const LEAVES_NOW = new RegExp(
  `\\b(?:${[
    '(drar|dra) sig (ur|tillbaka)',
    '(drar|dra) tillbaka (sitt|sin|deras|enhetens) (deltagande|anmalan|medverkan|intresseanmalan)',
    'avanmaler (sig|enheten|forskolan|skolan)',
    'hoppar av',
    'aterkallar (sin|sitt|deras|enhetens) (anmalan|deltagande|intresseanmalan)',
    '(kommer|ska|skall|vill|tanker) (inte|ej) (langre )?(att )?(delta|medverka|vara med|ga vidare|fullfolja)',
    'utgar (ur|fran) (beslutet|listan|kvalitetsutmarkelsen)',
    'withdraws|is withdrawing|are withdrawing|pulls out|drops out|(will|does) (not|no longer) (take part|participate)',
  ].join('|')})\\b`,
);
/** A unit that has left ("drog sig ur i april"): the board records what is known, unless it was after the decision. */
const LEFT = new RegExp(
  `\\b(?:${[
    '(dragit|drog) sig (ur|tillbaka)',
    '(dragit|drog) tillbaka (sitt|sin|deras|enhetens) (deltagande|anmalan|medverkan|intresseanmalan)',
    '(avanmalt|avanmalde) (sig|enheten|forskolan|skolan)',
    '(hoppat|hoppade) av',
    '(aterkallat|aterkallade) (sin|sitt|deras|enhetens) (anmalan|deltagande|intresseanmalan)',
    'withdrew|has withdrawn|have withdrawn|pulled out|dropped out',
  ].join('|')})\\b`,
);
/** After the board decided, or a unit the decision names: the protocol's list is no longer right. */
const AFTER_DECISION =
  /\b(efter (namndens |styrelsens |dagens )?(beslut\w*|sammantradet)|sedan beslutet|som (star|finns|ar) med i (beslutet|protokollet|listan|utdraget)|after the (board s )?(decision|meeting)|since the decision|named in the (decision|protocol|minutes))\b/;
/**
 * The board's decision said in the negative: "beslutade att inte anmäla", "beslutar att ej godkänna",
 * "avslår ansökan", "avstår från att anmäla", "decided not to register".
 */
const DECLINES = new RegExp(
  `\\b(?:${[
    '(beslutade|beslutar|beslutat|beslot|beslutades|besluta) (\\w+ ){0,3}(att )?(inte|ej|icke) ',
    '(inte|ej) (\\w+ ){0,2}(anmala|anmals|anmalas|anmaler|godkann\\w*|tillstyrk\\w*|delta|deltar|ska delta)(?! (bara|endast|enbart))',
    'avsla\\w*|avslog|avslag\\w*|avstyrk\\w*|avstar|avstod|avstatt',
    '(decided|resolved|decides|resolves) not to|(did|does) not (approve|register|endorse)|rejected|declined|declines',
  ].join('|')})`,
);
/** An earlier decision changed, corrected or replaced: the register holds the old one. */
const CHANGED = new RegExp(
  `\\b(?:${[
    'andrat beslut|andrade beslut|andring (av|i) (\\w+ ){0,2}beslut\\w*|andrar (\\w+ ){0,2}beslut\\w*|nytt beslut',
    'rattelse\\w*|rattat protokoll\\w*|korrigerat protokoll\\w*|ersatter (\\w+ ){0,2}(tidigare|forra|forsta) (\\w+ )?(beslut\\w*|protokoll\\w*|utdrag\\w*)|upphav\\w*',
    'amended decision|revised decision|corrected (minutes|decision)|correction|replaces (the )?(earlier|previous)',
  ].join('|')})\\b`,
);
/**
 * No decision after all: the matter sent back to the officers or postponed ("återremitterade",
 * "bordlades", "beslutet skjuts upp", "referred back", "tabled"). The protocol decides no unit.
 */
const POSTPONED = new RegExp(
  `\\b(?:${[
    'aterremi\\w*|bordla\\w*|bordlagt|bordlagd\\w*|ajournera\\w*',
    '(beslut\\w*|arendet|fragan) (\\w+ ){0,2}(skjuts|skots|skjutits|skjutas) (upp|fram)',
    '(referred|sent) back|tabled|postponed|deferred',
  ].join('|')})\\b`,
);
/** "Ingen enhet har dragit sig ur": said of no unit. */
const NO_ONE = /\b(ingen|inga|inget|none|no unit|no one|nobody)\b/;

/** Why a coordinator must look at a protocol that also withdraws a unit; undefined otherwise. */
export function protocolWithdrawalReason(
  c: Pick<Classification, 'kind' | 'parts' | 'cleanSubject'>,
): Bilingual | undefined {
  if (c.kind !== 'board-protocol') return undefined;
  const text = `${c.cleanSubject}\n${c.parts.own}\n${c.parts.forwarded}`;
  // Lines wrap inside a sentence; a blank line or a full stop ends one.
  for (const sentence of text.split(/[.!?;]+|\n\s*\n/).map(fold)) {
    if (NO_ONE.test(sentence)) continue;
    const postponed = POSTPONED.exec(sentence);
    if (postponed)
      return {
        sv: `Nämnden har inte fattat något beslut än ("${postponed[0]}"): en samordnare följer upp när protokollet med beslutet kommer`,
        en: `The board has not decided yet ("${postponed[0]}"): a coordinator follows up when the protocol with the decision arrives`,
      };
    const declined = DECLINES.exec(sentence) ?? CHANGED.exec(sentence);
    if (declined)
      return {
        sv: `Nämnden säger nej till en enhet eller ändrar ett tidigare beslut ("${declined[0].trim()}"): en samordnare läser vilka enheter protokollet gäller`,
        en: `The board declines a unit or changes an earlier decision ("${declined[0].trim()}"): a coordinator reads which units the protocol concerns`,
      };
    const m =
      LEAVES_NOW.exec(sentence) ?? (AFTER_DECISION.test(sentence) ? LEFT.exec(sentence) : null);
    if (!m) continue;
    return {
      sv: `Protokollet kommer med en avanmälan ("${m[0]}"): en samordnare registrerar protokollet och avanmälan var för sig`,
      en: `The protocol comes with a withdrawal ("${m[0]}"): a coordinator records the protocol and the withdrawal separately`,
    };
  }
  return undefined;
}
