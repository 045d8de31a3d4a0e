// Advertising: a company selling a course, a conference or a service ("Boka före 15 april och få
// 20 % rabatt", "Early bird-pris", "2 990 kr exkl. moms"). Its "Vill ni stärka ert kvalitetsarbete?"
// is a sales line, not a question for the coordinators, and it often names quality work, so the
// misdirected-mail rule (which needs no word of the award) does not catch it. Only an offer said
// outright counts: a unit asking "får vi rabatt på utbildningen?" is asking.
import { fold } from './text.js';

const OFFER = new RegExp(
  `\\b(?:${[
    // A discount or a special price.
    '\\d+ (procent|procents) rabatt|rabatt\\w*|rabatterat pris|early ?bird\\w*|kampanjpris\\w*|specialpris\\w*|introduktionspris\\w*|paketpris\\w*',
    // A price with its currency or VAT ("2 990 kr exkl. moms").
    '\\d[\\d ]* ?(kr|kronor|sek) (exkl|inkl|ex|plus)\\w*( moms)?|(exkl|inkl|exklusive|inklusive) moms',
    // "Boka före 15 april", "boka din plats nu", "begränsat antal platser".
    'boka (fore|senast|redan nu|nu|din plats|er plats|din biljett)|begransat antal platser|fa platser kvar',
    // Ordering before a date ("beställ före 1 november"), free delivery, a price per guest.
    '(bestall|bestaller|bestallningar|bestallning) (fore|senast|redan nu|nu|innan)|fri frakt|fraktfri\\w*|\\d[\\d ]* (kr|kronor|sek) (per|i) (person|gast|deltagare|kuvert|guest|head|participant|attendee)',
    '\\d+ (procent|percent) (off|discount)|discount\\w*|special offer|limited (offer|seats|places)|book (now|before|by|your (seat|place|ticket))|bookings? (made )?(before|by)|order (now|before|by)|free (shipping|delivery)|excl\\w* vat',
    // Something free to book ("en kostnadsfri workshop", "boka en demo"), a Swedish early-bird price
    // ("tidigt pris gäller till 31 maj").
    'kostnadsfri\\w* (workshop\\w*|demo\\w*|provperiod|visning|webbinar\\w*|webinar\\w*|utbildning\\w*|konsultation|genomgang|radgivning|forelasning)|boka (en |ett )?(kostnadsfri\\w* )?(demo|visning|provperiod|genomgang)|free (workshop|demo|trial|consultation|webinar|tasting|sample|samples|quote)|book a (free )?demo',
    'tidigt pris (galler|till|t o m|fore|senast)|tidigtpris\\w*|tidig anmalan (galler|till|fore|senast)',
    // A company offering its goods with its prices ("Vi på Söders Smörgåsbord erbjuder mingelmat …
    // Bifogar vår meny och prislista"): the offer and the price list are two offers said outright.
    '(vi|vi pa (\\w+ ){1,4}?)erbjuder|prislist\\w*|(var|en|bifogad\\w*) offert|price list|we offer',
  ].join('|')})\\b`,
);

/** An offer no unit would make about itself: a percentage off, an early-bird price, a price with VAT. */
const PRICED =
  /\d+ (procent|procents|percent) (rabatt|off|discount)|early ?bird|tidigt ?pris|(exkl|inkl|exklusive|inklusive) moms|excl\w* vat|\d ?(kr|kronor|sek) (exkl|inkl|ex|plus)/;

/**
 * A seller's title in the signature ("Account Manager", "Säljchef", "Key Account Manager"): no unit's
 * manager or administrator signs so. Not "kundansvarig" (a customer-service unit's own staff).
 */
const SELLER_TITLE =
  /\b(account manager|key account\w*|account executive|sales (manager|director|representative|executive|rep)|saljare|saljchef|saljansvarig|forsaljningschef|forsaljare|business developer|customer success \w+|partner manager)\b/;
/**
 * A demonstration, a trial or a free call offered, in a statement or a question ("Har du 15 minuter
 * för en kort demo?", "Boka ett kostnadsfritt 20-minuterssamtal").
 */
const DEMO =
  /\b(demo|demon|demos|demonstration|produktdemo|provperiod|free trial|trial period|testa (gratis|kostnadsfritt)|(kostnadsfri\w*|gratis) (\d+ )?\w*(samtal|mote|radgivning|konsultation|genomgang)|free (\d+ minute )?(call|consultation|meeting))\b/;

/**
 * A vendor's pitch: a seller's title in the signature and a demo or trial offered. Either alone is
 * not one (a unit may ask "kan vi få se en demo av anmälningsformuläret?").
 */
function vendorPitch(ownText: string, signature: string): string | undefined {
  const title = SELLER_TITLE.exec(fold(signature));
  const demo = DEMO.exec(fold(ownText));
  return title && demo ? `${demo[0]}, ${title[0]}` : undefined;
}

/**
 * A consultant's title in the signature ("Senior konsult, X Konsult AB", "Management Consultant"): a
 * firm selling its help. A unit's own staff may carry such a title too, so it only counts with an
 * offer of the sender's services and a meeting asked for (`consultancyPitch`).
 */
const CONSULTANT_TITLE = /\b(\w*konsult|consultant)\b/;
/** The sender's own services said outright ("Vi erbjuder skrivarworkshops", "We offer coaching"). */
const OWN_SERVICES =
  /\b((vi |vi pa (\w+ ){1,4}?)erbjuder|we offer|we provide|vi har hjalpt (over |mer an )?\d+|we have helped (over |more than )?\d+)\b/;
/**
 * A short meeting to sell in ("ett kort digitalt möte", "20 minuter nästa vecka", "a quick call"):
 * the seller's usual next step.
 */
const SHORT_MEETING =
  /\b(kort (digitalt |digital |fysiskt )?(mote|samtal)|\d+ minuter (nasta|denna|i) (vecka|veckan)|\d+ minuter for (ett|en) \w*(mote|samtal|genomgang)|(short|quick|brief) (call|meeting|chat)|\d+ minutes? (next|this) week)\b/;

/**
 * A consultancy's pitch: a consultant's title in the signature, the firm's services offered outright
 * in the text, and a short meeting asked for. Any one or two are not one: a unit's quality consultant
 * may ask for a short meeting about its entry, and a unit may write what it offers its own users.
 */
function consultancyPitch(ownText: string, signature: string): string | undefined {
  const own = fold(ownText);
  const title = CONSULTANT_TITLE.exec(fold(signature));
  const offer = OWN_SERVICES.exec(own);
  const meeting = SHORT_MEETING.exec(own);
  return title && offer && meeting ? `${offer[0]}, ${meeting[0]}, ${title[0]}` : undefined;
}

/**
 * The words that make a mail an advertisement, said outright (not asked): two offers ("boka före",
 * "rabatt"), or one priced offer, or a seller's demo (`vendorPitch`), or a consultancy's (`consultancyPitch`); undefined otherwise. A unit
 * that tells of a discount it got ("vi fick rabatt på kursen, räknas den?") names one offer, not two.
 */
export function salesOffer(subject: string, ownText: string, signature = ''): string | undefined {
  const pitch = vendorPitch(ownText, signature) ?? consultancyPitch(ownText, signature);
  if (pitch) return pitch;
  const said = [subject, ...ownText.split(/(?<=[.!?])\s+|\n+/)].filter(
    (s) => s.trim() && !s.trim().endsWith('?'),
  );
  const offers = new Set<string>();
  // "20 % rabatt": the sign is read as its word, which folding would otherwise drop.
  for (const sentence of said)
    for (const m of fold(sentence.replace(/%/g, ' procent ')).matchAll(
      new RegExp(OFFER.source, 'g'),
    ))
      offers.add(m[0]);
  const found = [...offers];
  return found.length >= 2 || found.some((o) => PRICED.test(`${o} `))
    ? found.join(', ')
    : undefined;
}

/** A file an advertisement carries: its price list, menu, brochure or offer ("Meny och prislista.pdf"). */
const BROCHURE_NAME =
  /prislist|meny|broschyr|katalog|offert|produktblad|price ?list|brochure|catalog|leaflet|flyer/;

/** Whether every document is one an advertisement carries, not an entry or a protocol. */
export function onlyBrochures(names: readonly string[]): boolean {
  return names.length > 0 && names.every((n) => BROCHURE_NAME.test(fold(n)));
}
