// A request for an exception to the award's rules: more time for the entry ("kan vi få anstånd?",
// "skulle vi kunna skicka in det en vecka efter 17 maj?", "could we have a few more days?") or a rule
// waived ("kan ni göra ett undantag?", "undantag från kravet på fem medarbetare?"), a late
// registration asked to count ("sista dag var i måndags … går det fortfarande?"), or a broken rule asked to be let pass
// ("91 000 tecken – gör det något?"). The instructions grant none, so it is a coordinator's decision,
// never a question filed for an ordinary answer (the lead's label rule of 7 December 2026). Asking
// when the deadline is, what a rule says, or saying the entry will come in time asks for nothing of
// the kind.
import { fold, wholeWords } from './text.js';

const b = wholeWords;

/** A sentence that asks or pleads, not one that tells ("vi skickar in i tid"). */
const ASKS = b(
  'kan (vi|jag|ni|man)|kunde (vi|jag|ni)|skulle (vi|jag|ni|det)|far (vi|jag|man)|gar det|finns det (\\w+ ){0,2}mojlighet\\w*|ar det mojligt|vore (det )?mojligt|vi (ber|behover|skulle behova|onskar|vill (be|ansoka)) (om|att fa)|ansoker (vi )?om|ber (er )?om|(can|could|may|might) (we|i|you)|would (it|you)|is it possible|is there (any )?(chance|possibility|way)|(we|i) (would like to|need to|must) ask|(we|i) (request|ask for)',
);

/** More time for the entry, said as a delay or as a later day than the deadline. */
const MORE_TIME = b(
  [
    'anstand\\w*|forlang\\w*|dispens\\w*|mer tid|extra tid|langre tid|ytterligare tid|extra (dag|dagar|vecka|veckor)',
    '(en|ett par|nagra|tva|tre) (dag|dagar|dagars|vecka|veckor|veckas) (till|extra|senare|efter|mer|langre)',
    // A day later than the entry's ("efter den 24 maj"), by month: any day from May on. A board's
    // protocol asked for after its own day is the block below (LATE_PROTOCOL).
    'efter (den )?\\d{1,2}( e)? (maj|juni|juli|augusti)|efter (sista dag\\w*|deadline\\w*|inlamningsdag\\w*)|after (may|june|july) \\d{1,2}|after \\d{1,2} (may|june|july)',
    'i ?stallet for (den )?\\d{1,2}',
    '(skicka\\w*|lamna\\w*|komma|kommer) in (det |den |bidraget |ansokan |vart bidrag )?(lite |nagot |en vecka |nagra dagar )?senare|senare (inlamning\\w*|deadline|datum)|skjuta (upp|fram) (inlamning\\w*|bidraget|deadline|sista dag\\w*)',
    'extension|extend\\w*|more time|extra time|additional time|(extra|additional|more) (days?|weeks?)|(a|one|two|few|couple of) (more )?(days?|weeks?) (later|more|extra|after)|after the deadline|postpone\\w*|later deadline|(submit|send)\\w* (it |our entry |the entry )?(a (bit|little) )?later',
  ].join('|'),
);

/** A rule waived for the sender ("göra ett undantag", "make an exception"); asking whether the rules have exceptions is a question. */
const WAIVER = b(
  '(gora|ge (oss|mig)|fa|bevilja\\w*|medge) (ett )?undantag|undantag for (oss|var|vart|mig)|undantag fran (\\w+ ){0,2}(krav\\w*|regel|regeln|reglerna|villkor\\w*|grans\\w*)|(make|grant) (us )?an exception|waive\\w*|exception (to|from) the (\\w+ )?(rule|requirement|limit)',
);
/** Asking in general whether a rule has exceptions ("finns det undantag från kravet?") asks for none. */
const IN_GENERAL = b('finns det (\\w+ )?undantag|are there (any )?exceptions');

/** The deadline told of as passed ("sista dag för intresseanmälan var i måndags", "vi har missat det"). */
const DEADLINE_PASSED = b(
  '(sista (dag|dagen|datum\\w*|anmalningsdag\\w*)|deadline\\w*|anmalningstiden) (\\w+ ){0,4}?(var|gick ut|har gatt ut|passerade|har passerat)|(missat|missade) (\\w+ ){0,2}?(sista (dag|dagen)|deadline\\w*|anmalningstiden|datumet)|(missed|passed) the deadline|the deadline (has )?passed',
);
/** Asking that it counts still ("går det fortfarande?", "kan vi ändå få delta?", "still possible?"). */
const STILL = b('fortfarande|anda|trots (det|allt)|i efterhand|still|anyway');

/** A broken rule said of the entry: its length over the limit. */
const OVER_LIMIT = b(
  '\\d[\\d ]* (tecken|sidor|ord)|for (lang|langt|manga tecken)|over (\\w+ ){0,2}(grans\\w*|maxgrans\\w*|teckengrans\\w*|maxantal\\w*)|too long|over the (\\w+ )?limit|\\d[\\d,]* (characters|pages|words)',
);
/** …and asked to be let pass ("gör det något?", "måste vi korta ner?", "is that ok?"). */
const LET_PASS = b(
  'gor det (nagot|nat|nagonting)|ar det (ok|okej|okay|ett problem|godkant|acceptabelt)|gar det bra|godtas (det|den)|accepteras (det|den)|maste vi korta|behover vi korta|ska vi korta|is (that|it) (ok|okay|acceptable|a problem)|do we (need|have) to (shorten|cut)',
);

/** The entry or its deadline, which more time must be for (not a meeting moved to another day). */
const ENTRY = b(
  '\\w*bidrag\\w*|inlamning\\w*|ansokan|ansokningen|deadline\\w*|sista dag\\w*|skicka\\w* in|lamna\\w* in|skriva klart|bli klara|entry|submission|application|submit\\w*',
);

/** Telling that none is needed ("vi behöver inget anstånd"). */
const NOT_NEEDED = b(
  '(inget|ingen|inte|ej) (\\w+ ){0,2}(anstand|forlangning|mer tid|extra tid|undantag)|no (need for )?(extension|more time|exception)|(do not|don t|won t) need',
);

/**
 * The board's protocol asked to come after its deadline (30 June): "går det bra att vi skickar
 * protokollsutdraget efter augustimötet?", "kan vi få skicka protokollsutdraget i slutet av
 * augusti?". More time is what is asked for, an exception a coordinator decides (the lead's decision
 * of 8 December 2026; blind-6 had labelled it a question, blind-10 and blind-13 triage). The asking
 * sentence names the protocol and a later time, and the mail a time after June; asking when the
 * protocol is due, or whether a chair's or CEO's decision will do ("räcker ett VD-beslut?"), asks
 * for no more time and stays a question.
 */
const PROTOCOL = b(
  'protokoll\\w*|\\w*utdrag\\w*|namndbeslut\\w*|styrelsebeslut\\w*|minutes|board s decision',
);
/** A later time for it, in the asking sentence ("efter det", "efter augustimötet", "i augusti", "senare"). */
const LATER = b(
  'efter (det|detta|(\\w+ ){0,2}(\\w*motet|\\w*mote|sammantradet|sammantrade)|(den )?30 juni|sista dag\\w*|deadline\\w*|sommaren|semestern)|(den )?\\d{1,2} (juli|augusti|september|oktober)|(i |i slutet av |i borjan av |i mitten av |forst i |under )(juli|augusti|september|oktober)|senare|i efterhand|after (that|the (deadline|summer|meeting|next meeting))|(in|by the end of|at the end of) (july|august|september|october)|later',
);
/** A time past the protocol's day, anywhere in the mail ("nästa sammanträde är den 26 augusti"). */
const AFTER_JUNE = b(
  'juli|augusti|september|oktober|\\w*(juli|augusti|september)mot\\w*|efter (den )?30 juni|efter sommaren|hinner (inte|ej) (\\w+ ){0,3}(fore|fram till|till) (den )?30 juni|july|august|september|october|after (june 30|30 june|the summer)',
);

/** The words asking for a protocol after its deadline, if the own text asks so. */
export function asksForLateProtocol(ownText: string): string | undefined {
  if (!AFTER_JUNE.test(fold(ownText))) return undefined;
  for (const raw of ownText.split(/(?<=[.!?])\s+|\n+/)) {
    const s = fold(raw);
    if (NOT_NEEDED.test(s) || !(raw.includes('?') || ASKS.test(s)) || !PROTOCOL.test(s)) continue;
    const later = LATER.exec(s);
    if (later) return later[0];
  }
  return undefined;
}

/** The words of the first sentence that asks for an exception, in the sender's own text. */
export function asksForException(ownText: string): string | undefined {
  const all = fold(ownText);
  const aboutEntry = ENTRY.test(all);
  const late = DEADLINE_PASSED.test(all);
  const overLimit = OVER_LIMIT.test(all);
  for (const raw of ownText.split(/(?<=[.!?])\s+|\n+/)) {
    const s = fold(raw);
    if (NOT_NEEDED.test(s) || IN_GENERAL.test(s)) continue;
    const asks = raw.includes('?') || ASKS.test(s);
    if (!asks) continue;
    // The exception itself may be the request ("Anstånd?" as a subject, "Förlängning för bidraget?").
    const exception =
      (aboutEntry ? MORE_TIME.exec(s) : null) ??
      WAIVER.exec(s) ??
      (late ? STILL.exec(s) : null) ??
      (overLimit ? LET_PASS.exec(s) : null);
    if (exception) return exception[0];
  }
  return asksForLateProtocol(ownText);
}
