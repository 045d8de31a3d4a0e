// Classifies a mail to the shared mailbox with transparent weighted rules. Every rule that fires
// adds a weight to one kind and a reason a coordinator can read on the triage card; the confidence
// comes from how strong the winning kind is and how far ahead of the runner-up. Deterministic:
// the same mail always gets the same answer, and a wrong answer can be traced to a rule.
import { examinerReport } from './examiner-report.js';
import { spoofedService } from './spoofed-service.js';
import { joinSplitCompounds } from './split-compounds.js';
import { cancelsRegistration } from './cancelled-registration.js';
import { personalMeetingSignup } from './meeting-signup.js';
import {
  extensionOf,
  headerValue,
  isDocumentAttachment,
  MAIL_KIND_LABELS,
  MAIL_KINDS,
  type MailFacts,
  type MailKind,
} from './facts.js';
import { onlyBrochures, salesOffer } from './advertising.js';
import { systemNotice } from './system-notices.js';
import {
  caseReceipt,
  declaresAutomatic,
  deliveryReceipt,
  readReceipt,
} from './automatic-notices.js';
import { asksOnlyWhereToTurn, everydayNotice } from './everyday-notices.js';
import { asksForException } from './exception-request.js';
import { mergerStillAhead } from './merger-ahead.js';
import { misdirectedTopic } from './misdirected.js';
import { nonDeliveryReport, type NonDeliveryReport } from './non-delivery.js';
import { mendTypos } from './typos.js';
import {
  detectLanguage,
  fold as foldCharacters,
  parseSubject,
  splitMail,
  wholeWords,
  type MailParts,
} from './text.js';

/**
 * Folded text as every rule here reads it: with a letter typed thrice and a doubled consonant in the
 * award's key words mended ("villl anmäla", "informationsmöttet"; typos.ts).
 */
const fold = (s: string): string => mendTypos(foldCharacters(s));

/** Mails at or above this confidence are handled automatically; below it a coordinator triages. */
export const AUTO_THRESHOLD = 0.7;

export interface Signal {
  rule: string;
  kind: MailKind;
  weight: number;
  sv: string;
  en: string;
  /** The words or header that fired the rule. */
  evidence?: string;
  /** Where a phrase rule fired (ämnesraden, texten, det vidarebefordrade). */
  zone?: string;
  /** The phrase names what a question asks about, not what the mail does. */
  asked?: boolean;
}

export interface ClassificationSignals {
  language: 'sv' | 'en';
  isReply: boolean;
  isForward: boolean;
  /** Attachments that look like written documents (.docx, .pdf, .doc, .odt, ...). */
  documents: string[];
  /** Documents in a format intake cannot read (.doc, .odt, .pages, ...). */
  unsupportedDocuments: string[];
  /** Sentences in the sender's own words that ask something. */
  questionCount: number;
  /** The forwarded or quoted mail's sender when the body names one. */
  originalSender?: { address: string; name?: string };
  /** The fired rules, strongest first. */
  fired: Signal[];
  /**
   * A doubt of the rules' own held the confidence down (a condition, a complaint, thanks after the
   * ceremony, a board's proposal, an empty mail …): no second reading lifts it (assess.ts).
   */
  doubted: boolean;
}

export interface Classification {
  kind: MailKind;
  /** 0–1. */
  confidence: number;
  /** Why, in Swedish, strongest first (the triage card shows them). */
  reasons: string[];
  /** The same reasons in English. */
  reasonsEn: string[];
  scores: Record<MailKind, number>;
  /** The runner-up, when it scored. */
  alternative?: MailKind;
  signals: ClassificationSignals;
  /** The split body, so matching and receipts reuse it instead of splitting again. */
  parts: MailParts;
  cleanSubject: string;
  /** Set when the mail is a non-delivery report (a bounce): filed with auto-replies, never answered. */
  nonDelivery?: NonDeliveryReport;
}

interface PhraseRule {
  id: string;
  kind: MailKind;
  weight: number;
  /** Written against folded text: lower case, no diacritics, punctuation as spaces. */
  re: RegExp;
  sv: string;
  en: string;
  /** What the phrase means when the sentence is negated ("vi kommer inte att delta"). */
  negated?: MailKind;
  /** What the phrase means inside a sentence about an info meeting. */
  inInfoMeeting?: MailKind;
}

/** "Info 2/3", "info den 16 feb": the meeting called by its day, as phone mails do (folded: "info 2 3"). */
const INFO_ON_DATE =
  'info (den )?\\d{1,2} (\\d{1,2}|januari|februari|mars|april|maj|juni|augusti|september|oktober|november|december|jan|feb|mar|apr|aug|sep|sept|okt|nov|dec)';

const b = wholeWords;

/**
 * A meeting called by its day rather than by name ("mötet i Stadshuset den 18 februari", "Teamsmötet
 * 16 feb", "träffen på Teams 2/3"): in a mail about the award's info meetings (see `meetingThread`)
 * that is one of them. Not an event of the award's own name (the ceremony, a site visit) nor the
 * board's meeting, which the sentence would name.
 */
const MEETING_ON_DAY = b(
  '(teamsmotet|teamsmote|motet|traffen|tillfallet|motestillfallet|dragningen|genomgangen)( \\w+){0,5}? (den )?\\d{1,2}( [ae])? (\\d{1,2}|januari|februari|mars|april|maj|juni|augusti|september|oktober|november|december|jan|feb|mar|apr|aug|sep|sept|okt|nov|dec)' +
    // …or by its order in the invitation's list ("jag tar gärna det första tillfället").
    '|(jag|vi) (tar|valjer|bokar|kommer pa|kommer till|deltar pa|deltar i) (garna |helst |da )?(det|den) (forsta|sista) (\\w+ )?(tillfallet|motet|traffen|motestillfallet)',
);
/**
 * Coming on a day, said plainly in a reply to our invitation ("Ja tack, jag kommer den 16:e
 * (Teams)", "vi kommer den 2 mars"): the whole sentence is the answer, so it ends with the day, a
 * month, the place or the time. "Vi kommer den 17 maj att skicka in bidraget" goes on, so it is not.
 */
const ATTEND_ON_DAY = b(
  '(jag|vi|vi bada|vi tva) (kommer|deltar|ar med|blir med) (garna )?(pa |till )?(den )?\\d{1,2}( [ae])?( (\\d{1,2}|januari|februari|mars|april|maj|juni|augusti|september|oktober|november|december|jan|feb|mar|apr|aug|sep|sept|okt|nov|dec))?( (pa )?(teams|stadshuset|plats|distans|digitalt|kl \\d{1,2}( \\d{2})?))?$',
);
/** The board and its meetings: "mötet" with a day in such a sentence is the board's. */
const BOARD_MEETING = b(
  '\\w*namnd\\w*|styrelse\\w*|sammantrade\\w*|presidie\\w*|ledningsgrupp\\w*|arbetsplatstraff\\w*|apt',
);

/**
 * A request to join put as a question ("kan jag få anmäla mig", "går det att komma", "could we
 * join"): said to be let in, not to learn something. The asker may bring someone along ("kan jag och
 * en kollega få komma"): still a request to join. A doubt in the same sentence ("fortfarande",
 * "trots", "hur", "eller") keeps it a question.
 */
const JOIN_REQUEST = b(
  '(kan|kunde|skulle|far) (jag|vi) (och (min|mina|en|ett|tva|tre|nagra|var|vara) (\\w+ ){1,3}?)?(garna |ocksa |aven )?(fa |kunna fa |kunna )?((en )?plats|anmala (mig|oss)|komma|delta|vara med|ga pa|boka (en )?plats)|(kan|kunde|skulle|vill) ni (vara snalla och |garna )?(anmala|skriva upp|boka in|lagga till|registrera) (mig|oss|var \\w+|vart \\w+)|could you (please )?(sign (me|us) up|register (me|us)|add (me|us)|put (me|us) down|book (me|us))|gar det (bra )?att (fa )?(anmala (mig|oss|sig)|komma|delta|vara med|boka (en )?plats)|(could|can|may) (i|we) (please |also )?(join|attend|sign up|register|come|book a (place|seat))|is it possible (for (me|us) )?to (join|attend|sign up|register|come)',
);
const JOIN_DOUBT = b(
  'fortfarande|annu|trots|aven om|fast|fastan|aven fast|efter (sista|deadline|anmalningstiden)|for sent|forsent|hur|nar|vilken|vilket|vilka|ifall|eller|still|late|how|when|which|or|although|even though|even if|despite',
);

// Praise may be strengthened and chained ("ett väldigt bra och tydligt informationsmöte", "a really
// useful and clear session"): any such run of praise words before what is thanked for.
const PRAISE_SV =
  '((valdigt|riktigt|jatte|mycket|otroligt|supert?|sa|verkligen|sarskilt|extra) )?(fin|fina|fint|bra|harlig\\w*|fantastisk\\w*|trevlig\\w*|rolig\\w*|minnesvard\\w*|lyckad\\w*|lyckat|inspirerande|varm|varmt|stor|stort|gott|god|tydlig\\w*|givande|informativ\\w*|intressant\\w*|larorik\\w*|uppskattad\\w*|genomtankt\\w*|proffsig\\w*|underbar\\w*|spannande|(jatte|super|kanon|toppen|mega)(bra|fin|fint|fina|trevlig\\w*|rolig\\w*|intressant\\w*|givande|lyckad\\w*|lyckat))(( och| samt) \\w+)* ';
const PRAISE_EN =
  '((really|very|so|truly|most|particularly) )?(lovely|wonderful|great|fantastic|memorable|inspiring|nice|fine|splendid|useful|helpful|informative|interesting|clear|excellent|enjoyable)( and \\w+)* ';
/**
 * Thanks for something that has happened ("tack för en fin kväll", "thank you for a lovely day"), or
 * for the event itself by its definite name ("Tack för informationsmötet", "thanks for the session").
 */
const THANKS_FOR_EVENT = b(
  `(stort |varmt |ett stort )?tack (sa mycket |sa hemskt mycket |sa jatte mycket )?for (en |ett |det |den )?(${PRAISE_SV})+\\w+|thank(s| you)( so much| very much)? for (a|an|the) (${PRAISE_EN})+\\w+|` +
    `(stort |varmt |ett stort )?tack (sa mycket |sa hemskt mycket |sa jatte mycket )?for (dagens |gardagens |det gemensamma )?(inf\\w{0,10}?(motet|traffen)|infomotet|infotraffen|genomgangen|presentationen|dragningen|galan|prisutdelningen|ceremonin|utbildningen|platsbesoket|aterforingen|workshopen|seminariet)|thank(s| you)( so much| very much)? for (the|today s|yesterday s) (information )?(meeting|session|presentation|ceremony|event|site visit|workshop|training|briefing)`,
);

const PHRASES: PhraseRule[] = [
  // Pre-registration
  {
    id: 'pre-registration-word',
    kind: 'pre-registration',
    weight: 4,
    re: b(
      'anmalningsblankett\\w*|anmalningsformular\\w*|in?t[re]+s+e ?an?m[ae]l\\w*|forhandsanmal\\w*|forhands anmal\\w*|preliminar anmalan',
    ),
    sv: 'nämner intresseanmälan/förhandsanmälan',
    en: 'mentions pre-registration',
    negated: 'withdrawal',
    inInfoMeeting: 'info-meeting-signup',
  },
  {
    id: 'wants-to-take-part',
    kind: 'pre-registration',
    weight: 3,
    re: b(
      // Adverbs may stand between the verb and what is wanted ("vill också anmäla sig"), and a
      // sentence opening with something else inverts the order ("Därför anmäler vi oss härmed").
      '(vill|onskar|avser|planerar|tanker|amnar|skulle (garna |verkligen )?vilja|bestamt oss for|beslutat) (vi |jag |(\\w+ ){1,3}(?=(ocksa|aven|alltsa|anda|fortfarande|garna|nu|harmed|absolut|verkligen|ju|nog|definitivt|sjalvklart) ))?(att )?((garna|jattegarna|ocksa|aven|nu|harmed|absolut|verkligen|fortsatt|igen|alltsa|anda|trots allt|fortfarande|ju|nog|definitivt|sjalvklart) )*(delta|medverka|vara med|anmala|tavla|soka)|(harmed )?anmaler (vi )?(harmed )?(oss|var|vart|enheten|intresse|forskolan|skolan|verksamheten)|anmala (oss|var|vart|intresse|enheten)|anmaler (harmed )?sig (harmed )?(till|for)|(vi )?(ar|blev) intresserade? av att (delta|medverka|vara med|anmala oss)|(deltar|medverkar) garna|anmala (sitt|sin|vart|var|ert|enhetens) (deltagande|intresse|medverkan)|anmala (\\w+ )?(forskola\\w*|skola\\w*|enhet\\w*|verksamhet\\w*|boende\\w*|hemtjanst\\w*)|(beslutat|bestamt) att (vi|enheten|forskolan|skolan|verksamheten) (ska|skall|kommer att) (delta|medverka|vara med|anmala)|anmaler (harmed )?(\\w+ ){1,4}till (arets |stockholms stads )?kvalitets\\w*|anmaler (jag|vi) (harmed )?(\\w+ ){1,6}till (arets |stockholms stads )?kvalitets\\w*|anmaler (jag |vi )?(harmed )?(\\w+ ){1,3}?(intresse|deltagande) (att|for att) (delta|medverka|vara med)|(ansoka|ansoker) (\\w+ )?om (att )?(fa )?(delta|medverka|vara med)|^(i stallet|istallet|darfor|daremot|i ar|nu|sa|da) (vill|onskar) (\\w+ ){1,5}?((garna|ocksa|aven|nu) )?(delta|medverka|vara med)$',
    ),
    sv: 'skriver att enheten vill delta',
    en: 'says the unit wants to take part',
    negated: 'withdrawal',
    inInfoMeeting: 'info-meeting-signup',
  },
  {
    // Participation named as a topic ("vårt deltagande i kvalitetsutmärkelsen"): about taking part,
    // but the verb around it decides which way ("avböja", "lägga ner" turn it), so only a hint.
    id: 'participation-topic',
    kind: 'pre-registration',
    weight: 1.5,
    re: b(
      'vara med i (arets |stockholms stads )?kvalitets\\w*|deltagande i (arets |stockholms stads )?kvalitets\\w*|anmalan (om|av) (deltagande|intresse)',
    ),
    sv: 'nämner deltagande i kvalitetsutmärkelsen',
    en: 'mentions taking part in the award',
    negated: 'withdrawal',
    inInfoMeeting: 'info-meeting-signup',
  },
  {
    id: 'registration-generic',
    kind: 'pre-registration',
    weight: 1.5,
    re: b('anmalan|anmaler (harmed )?(sig|vi)|anmals harmed|registration'),
    sv: 'nämner en anmälan',
    en: 'mentions a registration',
    negated: 'withdrawal',
    inInfoMeeting: 'info-meeting-signup',
  },
  {
    // Everyday ways units say they join ("vi hänger på i år", "räkna med oss", "vi är med igen"):
    // as firm as the word itself, and only about the award (a question or a meeting turns them).
    id: 'joins-in',
    kind: 'pre-registration',
    weight: 4,
    re: b(
      '^((ja|okej|ok) )?vi kor( pa| igen| i ar)?$|^((ja|okej|ok|da) )?anmal (?!mig |dig |er |mig$)\\w+|(hanger|haker) ((ocksa|aven|garna) )?pa (i ar|igen|aven i ar|ocksa i ar|detta ar|den har gangen|kvalitets\\w*|utmarkelse\\w*|tavling\\w*)|(hanger|haker) pa$|ar med (igen|i ar|aven i ar|ocksa i ar|detta ar|i arets (kvalitets\\w*|utmarkelse\\w*|tavling\\w*))|vara med (igen|i ar|aven i ar|ocksa i ar|detta ar|en gang till)|^((ja|javisst|absolut|sjalvklart) )?(vi|jag|(?!det |den |han |hon |de |som |allt |inget )\\w+) ar ((garna|givetvis|sjalvklart|absolut|sa klart) )?med$|^((\\w+ ){1,4})?(deltar|medverkar) ((garna|givetvis|sjalvklart|absolut|aven|ocksa) )?(i ar|igen|aven i ar|ocksa i ar|i arets (kvalitets\\w*|utmarkelse\\w*|tavling\\w*)|i kvalitets\\w*)$|(i ar|nu|detta ar|den har gangen|aterigen) ar (vi|enheten|(\\w+ ){1,3}?)((garna|givetvis|sjalvklart|absolut|aven|ocksa) )?med$|rakna (garna )?med oss|raknar med att (vi|enheten) (deltar|ar med|medverkar)|(staller|stalla) upp (i ar|igen|i (arets )?(kvalitets\\w*|utmarkelse\\w*|tavling\\w*))|anmaler (harmed )?(vi )?(harmed )?(vart|var|sitt|enhetens|verksamhetens) intresse|anmaler (harmed )?intresse (att|for att|om att) (delta|medverka|vara med|tavla)|anmaler (harmed )?intresse (for|till) (arets |stockholms stads )?(kvalitets\\w*|utmarkelse\\w*)' +
        // The list of units taking part, joined as it is left ("skriv upp oss på listan", "sätt upp
        // Fårhagen på deltagarlistan"; "stryk oss från listan" withdraws), and "köra på" the award.
        '|(skriv|skriva|satt|satta|lagg|lagga|for|fora) (garna |ocksa |aven )?(upp|till|in) (oss|mig|\\w+( \\w+){0,3}?) (pa|i) (listan|deltagarlistan|anmalningslistan)(?=$| (tack|i ar|over (de|dem) som|(for|till) (arets )?(kvalitetsutmarkelse\\w*|utmarkelse\\w*|tavling\\w*)))|(kor|kora) (pa|igang med) (\\w*utmarkelse\\w*|kvalitetspris\\w*|tavling\\w*)|(beslutat|bestamt) (oss )?(for )?att (vi )?(ska|skall) skriva (ett )?bidrag',
    ),
    sv: 'skriver att enheten är med',
    en: 'says the unit joins in',
    negated: 'withdrawal',
    inInfoMeeting: 'info-meeting-signup',
  },
  {
    id: 'pre-registration-en',
    kind: 'pre-registration',
    weight: 4,
    re: b(
      'pre ?registration|pre ?register\\w*|expression of interest|(register|registers|registering) (its|their|our|my) interest|hereby (register|registers|sign up|enter|enters)|(would|d) (like|love) to (take part|participate|enter|register|compete|join|apply|anmala)|hereby apply|(writing|write) to (register|enter|sign up)|register (\\w+ ){1,4}for (the |this year s )?(\\d{4} )?(quality award|award)|(wish|wishes|intend|intends|plan|plans|want|wants|decided|keen|eager|happy) to (take part|participate|enter|register|compete|join)|(registering|register) (our|the) unit|sign (us )?up for the (quality )?award|(interested|interest) in (participating|taking part|entering|joining)|please (register|enter|sign up) (us|our \\w+|\\w+ (preschool|school|unit))|count (us|(\\w+ ){1,4})in|we (re|are) in (again|this year)',
    ),
    sv: 'skriver (på engelska) att enheten vill delta',
    en: 'says the unit wants to take part',
    negated: 'withdrawal',
    inInfoMeeting: 'info-meeting-signup',
  },
  // Withdrawal
  {
    id: 'withdrawal-word',
    kind: 'withdrawal',
    weight: 5,
    re: b(
      'avanmal\\w*|av anmal\\w*|avboj\\w*|(drar|dra) sig (ur|tillbaka)|(avbryt|avslut)\\w* (vi )?(vart|var|vara|enhetens) (deltagande|medverkan|arbete)|(backar|backa|kliver|kliva|hoppar|hoppa) ur|kliver av|kliva av|(lagger|lagga) ner (vart|var|vara|enhetens) (deltagande|anmalan|medverkan|arbete med (bidraget|kvalitets\\w*))|(valt|valjer|beslutat|bestamt oss for|bestamt) att (inte|ej) (delta|medverka|vara med|ga vidare|fullfolja|skicka in|lamna in)|drar (vi )?(oss |var anmalan |vart deltagande |tillbaka)+|dra (oss )?tillbaka|dra oss ur|tar (vi )?tillbaka (var |vart |min |mitt |enhetens )?(intresseanmalan|anmalan|deltagande\\w*|medverkan|bidrag\\w*)|tar tillbaka$|aterkalla\\w*|atertar|atert(a|og|agit|agande|agandet) (av )?(var |vart |min |mitt |enhetens |er |ert )?(intresse ?anmalan|anmalan|deltagande\\w*|medverkan|bidrag\\w*)|hoppar av|hoppa av|(avsta|avstar|avstatt)( (fran )?(att )?(delta\\w*|medverka\\w*|medverkan|vara med|tavla\\w*|kvalitets\\w*|utmarkelse\\w*|arets \\w+|i ar|detta ar|den har gangen)|$)|(stryk\\w*|ta bort) (oss|var anmalan|(\\w+ ){1,4}?)fran (listan|deltagarlistan|deltagarna)|stryk\\w* (oss|var anmalan|enheten)|(var|min|enhetens) (intresse ?)?anmalan (\\w+ ){0,4}?(kan|ska|skall|far|bor) (\\w+ )?(strykas|tas bort|makuleras|annulleras|dras tillbaka)',
    ),
    sv: 'skriver att enheten drar sig ur',
    en: 'says the unit withdraws',
  },
  {
    id: 'withdrawal-not-taking-part',
    kind: 'withdrawal',
    weight: 4,
    re: b(
      '(deltar|medverkar) (tyvarr )?(inte|ej) (i ar|detta ar|den har gangen|langre|i arets \\w+|i kvalitets\\w*)|(hanger|haker) (inte|ej) pa|hinner (vi )?(tyvarr )?(inte|ej)( med)?( det| bidraget)? (i ar|detta ar|den har gangen|till (sista dag|deadline))|(inte|ej) (har )?(mojlighet|tid|resurser|kapacitet|ork|orken) (till det |for det )?(i ar|detta ar|just nu|den har gangen)|(inte|ej) (kommer (att )?|kan |hinner )?(lamna|skicka) (in )?((nagot|nagon|vart|ett) )?(bidrag|tavlingsbidrag|ansokan)|ar (inte|ej) med (i ar|langre|den har gangen|detta ar)|rakna (inte|bort) (med )?oss|count us out|inte (kommer|kan|har mojlighet) (att )?(delta|medverka|fullfolja)|(kan|kommer|hinner|vill|ska|skall|tankte|har) (vi )?(tyvarr )?(inte|ej) (langre )?(att )?(kunna |ha )?(mojlighet att |tid att |kapacitet att )?(delta|medverka|vara med|fullfolja|slutfora|fardigstalla|skicka in|lamna in|genomfora)|(inte|ej) (har )?(mojlighet|tid|resurser|kapacitet|orken|ork|kraft|kraften) (att )?(delta|medverka|fullfolja|slutfora|fardigstalla|genomfora)',
    ),
    sv: 'skriver att enheten inte kan delta',
    en: 'says the unit cannot take part',
  },
  {
    id: 'withdrawal-en',
    kind: 'withdrawal',
    weight: 5,
    re: b(
      'withdraw\\w*|pull (out|our)|pulling out|decided not to (take part|participate|submit|continue|enter)|declin\\w* (to take part|to participate|participation|our participation|the invitation)|must decline|(remove|delete|take|strike) (us|our \\w+|(\\w+ ){1,4}?)(off|from) (the|your) (list|participants|register)|(remove|delete|take) us (off|from)|opt(ing)? out|drop(ping)? out|not be submitting|cancel (our|the) (registration|participation|pre ?registration)|(will not|won t|cannot|can t|unable to|no longer|not be able to) (be )?(able to )?(take part|participate|submit|taking part|participating|continue)',
    ),
    sv: 'skriver (på engelska) att enheten drar sig ur',
    en: 'says the unit withdraws',
  },
  // Submission
  {
    id: 'submission-word',
    kind: 'submission',
    weight: 3,
    re: b(
      'tavlingsbidrag\\w*|(vart|var|vara|bifogat|bifogade|harmed|slutliga|fardiga|kompletta) (tavlings)?bidrag\\w*|bidrag\\w* (till|i|for) (arets )?kvalitets\\w*|bidraget|bidrag',
    ),
    sv: 'nämner bidraget',
    en: 'mentions the submission',
    negated: 'withdrawal',
  },
  {
    // The seeds' own word for the written application ("bifogar vår ansökan").
    id: 'application-word',
    kind: 'submission',
    weight: 3,
    re: b(
      '(var|vart|vara|er|bifogad\\w*|harmed|slutliga|fardiga|kompletta|skriftliga) ansokan|ansokan (till|i|for|om) (arets |stockholms stads )?kvalitets\\w*|ansokan (bifogas|skickas|finns bifogad)',
    ),
    sv: 'nämner ansökan (bidraget)',
    en: 'mentions the application (the submission)',
    negated: 'withdrawal',
  },
  {
    id: 'submission-sending',
    kind: 'submission',
    weight: 3,
    re: b(
      'bifoga\\w*|skickar (harmed |nu |in |harmed in |over )+|skickar vi (harmed |nu )?(in|over)|lamnar (harmed )?in|se bilaga|i bilagan|bilagan|bilagd\\w*|skickas harmed|har kommer (nu )?(var|vart|vara|ansokan|bidraget|tavlingsbidraget|slutversion\\w*|den slutliga versionen|den fardiga versionen)',
    ),
    sv: 'skriver att något bifogas/skickas in',
    en: 'says something is attached or sent in',
    negated: 'withdrawal',
  },
  {
    id: 'submission-en',
    kind: 'submission',
    weight: 4,
    re: b(
      '(our|the|final|attached|my) (submission|entry|application|contribution)|please find (attached|enclosed)|attached (is|please find|you will find|you ll find)|i am attaching|we are attaching|submit\\w* (our|the)',
    ),
    sv: 'skriver (på engelska) att bidraget skickas',
    en: 'says the submission is sent',
    negated: 'withdrawal',
  },
  // Board protocol
  {
    id: 'protocol-word',
    kind: 'board-protocol',
    weight: 5,
    re: b(
      '\\w*protokoll\\w*|protokolls\\w*|namndbeslut\\w*|(ordforande|presidie|delegations|styrelse|stadsdelsnamnds)beslut\\w*|\\w*(namnden|namnd|styrelsen|namndens|styrelsens) (har )?(beslut\\w*|behandla\\w*|godkan\\w*|anmal\\w*)|justera\\w* protokoll\\w*|anmalningsarende\\w*',
    ),
    sv: 'nämner protokoll eller nämndbeslut',
    en: 'mentions a protocol or board decision',
  },
  {
    id: 'protocol-en',
    kind: 'board-protocol',
    weight: 5,
    re: b(
      'minutes|board (decision|protocol|resolution)|extract from the (board s )?minutes|district council decision',
    ),
    sv: 'nämner protokoll (på engelska)',
    en: 'mentions board minutes',
  },
  {
    id: 'protocol-participants',
    kind: 'board-protocol',
    weight: 2,
    re: b(
      'deltar foljande (enheter|verksamheter)|foljande (enheter|verksamheter) (deltar|planerar|att delta)|planerar foljande',
    ),
    sv: 'listar deltagande enheter',
    en: 'lists participating units',
  },
  {
    // "Beslut om deltagande i kvalitetsutmärkelsen": how board secretaries title the decision. Only
    // a hint (a unit may write "beslut om att delta" about its own choice); the protocol words decide.
    id: 'protocol-decision-title',
    kind: 'board-protocol',
    weight: 2,
    re: b(
      'beslut (om|angaende|gallande|kring|avseende) (\\w+ )?(deltagande|medverkan|deltagare|anmalan|anmalda|vilka enheter)|decision (on|about|regarding) (the )?(participation|participants|participating units)',
    ),
    sv: 'nämner ett beslut om deltagande',
    en: 'mentions a decision on participation',
  },
  // Info meeting
  {
    id: 'info-meeting',
    kind: 'info-meeting-signup',
    weight: 4,
    re: b(
      'inf\\w{0,10}?(mote|motet|moten|motena|traff|traffen|traffar|traffarna|tillfalle|tillfallet)|info ?(mote|motet|moten|traff|traffen)|info(rmation)? (meeting|session)s?|' +
        INFO_ON_DATE,
    ),
    sv: 'nämner informationsmöte',
    en: 'mentions an info meeting',
  },
  {
    // Counted only in a sentence read as about an info meeting (MEETING_ON_DAY, below).
    id: 'meeting-on-day',
    kind: 'info-meeting-signup',
    weight: 4,
    re: new RegExp(`${MEETING_ON_DAY.source}|${ATTEND_ON_DAY.source}`, MEETING_ON_DAY.flags),
    sv: 'nämner ett möte på ett av informationsmötenas datum',
    en: 'names a meeting by an info meeting’s day',
  },
  {
    id: 'signup-person',
    kind: 'info-meeting-signup',
    weight: 2,
    re: b(
      '(jag|vi) (tar|valjer|bokar) (den |motet (den )?|tillfallet (den )?)?\\d{1,2} (\\d{1,2}|januari|februari|mars|april|maj|juni|augusti|september|oktober|november|december|jan|feb|mar|apr|aug|sep|sept|okt|nov|dec)|anmal\\w* (garna |ocksa |aven |da )?mig|sign (me|us) up|(would|d) like to attend|vill (garna )?komma|kommer garna|vi blir \\w+ (personer|stycken)',
    ),
    sv: 'en person anmäler sig',
    en: 'a person signs up',
  },
  {
    // "Kan jag få anmäla mig till informationsmötet?", "Could I join the session on 2 March?": a
    // request put politely as a question. Counted only in a sentence about an info meeting (below).
    id: 'join-request',
    kind: 'info-meeting-signup',
    weight: 3,
    re: JOIN_REQUEST,
    sv: 'ber att få komma till informationsmötet',
    en: 'asks to attend the info meeting',
  },
  // Thanks for our receipt: the thread is closed, nothing to act on (only without a document, below).
  {
    id: 'thanks-for-receipt',
    kind: 'other',
    weight: 5,
    re: b(
      'tack (sa mycket |for )?(for )?(bekraftelsen|kvittensen|kvitto\\w*|mottagningsbekraftelse\\w*|beskedet om mottagandet|att ni bekraftat\\w*)|thanks? (you )?(very much )?for (the|your) (confirmation|receipt|acknowledg\\w*)|(skont|bra|fint|harligt|vad bra|gott) att (det|den|bidraget|anmalan|allt|dokumentet|filen|mejlet) (kom|har kommit|kommit) fram|glad (it|that it) (arrived|got through)',
    ),
    sv: 'tackar för mottagningsbekräftelsen',
    en: 'thanks for the receipt',
  },
  // Thanks for something that has happened (the prize ceremony, a meeting): nothing to act on, and
  // what is thanked for is not asked for (see THANKED_FOR below).
  {
    id: 'thanks-for-event',
    kind: 'other',
    weight: 4,
    re: THANKS_FOR_EVENT,
    sv: 'tackar för något som varit',
    en: 'says thank you for something past',
  },
  // Sent "för kännedom" (FYI): for the coordinators to know, nothing asked or done. Only a hint: a
  // mail that also registers or withdraws is left to a coordinator by the competition.
  {
    id: 'for-information',
    kind: 'other',
    weight: 3,
    re: b(
      '(for|till) (din |er |eran |eder )?kannedom|fyi|for your information|for information only',
    ),
    sv: 'skickat för kännedom',
    en: 'sent for information',
  },
  // The usual phishing: a mailbox or account threatened, a link to click. Never award business.
  {
    id: 'phishing',
    kind: 'other',
    weight: 4,
    re: b(
      'klicka (pa|har|pa lanken|nedan)|verifiera (ditt|ert|din|era) (konto|losenord|inloggning|brevlada|e ?post\\w*)|(din|er) brevlada (har natt|ar (nastan )?full|kommer att)|(ditt|ert) (konto|losenord) (kommer att|har) (stangas|sparras|lopa ut|gatt ut|upphora)|av sin kvot|lagringskvot|click (here|the link|below|on the link)|verify your (account|mailbox|password|identity)|your (mailbox|account|password) (is (almost )?full|will be|has been|expires)|mailbox quota',
    ),
    sv: 'ser ut som nätfiske (länk att klicka, konto som hotas)',
    en: 'looks like phishing (a link to click, an account threatened)',
  },
  // Questions and requests for a coordinator
  {
    // A change a coordinator makes by hand (contact person, address, name): as firm as a question.
    id: 'change-request',
    kind: 'question',
    weight: 4,
    re: b(
      '(andra|andrar|byta|byter|uppdatera|uppdaterar|korrigera|ratta) (\\w+ ){0,3}(kontaktperson\\w*|kontaktuppgift\\w*|e ?post\\w*|mejladress|namn\\w*|adress\\w*|chef\\w*)|(change|update|correct) (the|our|my) (\\w+ )?(contact|address|name|manager|e ?mail)',
    ),
    sv: 'ber om en ändring',
    en: 'asks for a change',
  },
  {
    id: 'question-words',
    kind: 'question',
    weight: 2,
    re: b(
      'undrar|en fraga|nagra fragor|(ytterligare en|ytterligare|snabb|kort|liten) fraga|\\w+fraga|fragor om|fraga om|gar det (att|bra)|ar det (sa|ok|mojligt)|nar (ar|ska|skall|maste|sker|borjar|startar|slutar|kommer|blir|oppnar|stanger|\\w{3,}s|kan (vi|man|jag|ni|det)|far (vi|man|jag))|^(vilka|vilken|vilket)|hur (gor|ska|skall|mycket|manga|lang|langt|raknar|gar)|kan (vi|man|ni|jag) (fa|skicka|anvanda|lamna|ha)|far (vi|man|jag)|galler det|ar det (mojligt|ok|okej|tillatet)|finns det|behover (vi|man)|vad (ar|galler|hander|innebar|betyder|behover|ska|skall|maste|kravs)|vem (ska|skall|ar|kan|bor)|varfor|hur (lange|ofta|bedoms|fungerar|vet|blir)|question|wonder\\w*|could you|can you|is it possible|(when|what|where|who|why) (is|are|do|does|did|should|will|must|can|happens)|which|how (do|many|long|should|much|can)|do we need|are we allowed|may we',
    ),
    sv: 'ställer en fråga',
    en: 'asks a question',
  },
];

const WITHDRAWAL_RULES = PHRASES.filter((r) => r.kind === 'withdrawal');

interface Sentence {
  text: string;
  isQuestion: boolean;
  /** Says the submission comes later. */
  announced: boolean;
  /** Refers to a pre-registration made before. */
  earlier: boolean;
  infoMeeting: boolean;
  /** Tells of a submission sent before ("jag skickade in vårt bidrag i går"): referred to, not sent now. */
  sentBefore: boolean;
  /** Tells of a meeting already attended ("vi var på informationsmötet"): not a sign-up. */
  attended: boolean;
  /** Only considers; nothing decided ("vi funderar på att vara med"). */
  tentative: boolean;
  /** About another year than this one ("nästa år", "next year"). */
  otherYear: boolean;
  /** About a past year ("förra året"). */
  pastYear: boolean;
  /** About one of the award's events (a meeting, a site visit, the ceremony), not the award itself. */
  event: boolean;
  /** Negated ("kan inte komma"): for an info meeting, a cancellation rather than a sign-up. */
  negated: boolean;
  /** Opens like a yes/no question ("Räknas bilagorna …?", "Is it …?"). */
  questionForm: boolean;
  /** Where the sentence thanks for something (start, end): what is thanked for is not asked for. */
  thanked?: [number, number];
}

const NEGATION =
  /\b(inte|ej|icke|aldrig|inget|ingen|inga|not|no longer|won t|cannot|can t|don t|unable|cancel\w*|withdraw\w*|avanmal\w*|aterkalla\w*|atert(a|ar|og|agit|agande|agandet)|avboj\w*|tillbaka)\b/;
const INFO = new RegExp(
  `\\b(inf\\w{0,10}?(mote|motet|moten|motena|traff|traffen|traffar|tillfalle|tillfallet)|info ?(mote|motet|traff)|info(rmation)? (meeting|session)s?|${INFO_ON_DATE})\\b`,
);

/** A subject that announces a question ("Fråga om bidraget"): what it names is asked about, not done. */
const QUESTION_SUBJECT = /^(fraga|fragor|en fraga|question|questions)\b/;
/** A sentence announcing the submission for later ("bidraget kommer före midnatt"): not sent yet. */
const ANNOUNCED =
  /\b(kommer|skickas|skickar vi|skickar|lamnar vi in|kommer vi att skicka|aterkommer med|aterkommer)( \w+){0,2} (strax|senare|snart|sa snart|ikvall|i kvall|imorgon|i morgon|fore|innan|efter|inom|nar|nasta vecka|i (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december))\b/;

/**
 * What is to be sent, told as the rule ("I anvisningarna står det att protokollsutdrag ska skickas in
 * senast 30 juni", "the entry must be submitted by 17 May"): the duty, not the sending, so like a
 * thing announced it is not sent with this mail. Not in a relative clause ("protokollet som ska
 * skickas in", what the sender may be sending) nor beside words saying it is attached or here.
 */
const REQUIRED_TO_SEND =
  /\b(?<!\bsom )(ska|skall|maste|behover) (\w+ )?(skickas|lamnas|sandas|inkomma|komma) in\b|\b(?<!\b(which|that) )(must|should|has to|have to|needs to|need to) be (sent|submitted|handed) in\b|\b(?<!\b(which|that) )(must|should|has to|have to|needs to|need to) be submitted\b/;
function requiredToSend(folded: string): boolean {
  return REQUIRED_TO_SEND.test(folded) && !ATTACHED_WORD.test(folded);
}

/** Words saying a file is attached ("bifogar", "se bifogad fil", "attached"), not only that it comes. */
const SAYS_ATTACHED =
  /\b(bifoga\w*|bilag\w*|attach\w*|enclosed|enclosing|(se|i) (den )?(fil|filen|dokumentet)|som fil)\b/;

/** The sender saying nothing is asked of the reader: a note for interest, no errand. */
const FOR_INTEREST_ONLY =
  /\b(inget|ingenting) (som )?(ni|du) behover gora (nagot |nagonting )?(med|at)( det)?|(ni|du) behover inte gora (nagot|nagonting)( med det| at det)?|(bara|endast) som kuriosa|bara sa (ni|du) vet|no action (is )?needed (on your part|from you)|nothing (you need|for you) to do|just (fyi|for your interest)\b/;

/** The sender's own board ("vi i styrelsen", "vår styrelse"): the unit's decision, told by the unit. */
const OWN_BOARD =
  /\b(vi (har )?i (styrelsen|foreningens styrelse|bolagets styrelse)|(var|vart|foreningens|kooperativets|bolagets) styrelse(n)?|we on the board|our board)\b/;

/** The entry still to be written ("vi ska skriva ett bidrag i år"): a plan to take part, nothing sent. */
const WILL_WRITE_ENTRY =
  /\b(ska|skall|kommer att|tanker|planerar att|har tankt) (\w+ )?(skriva|borja skriva|ta fram) (ett |vart |var )?(\w+ )?(bidrag|tavlingsbidrag|ansokan)\b/;

/**
 * Later in other words: "protokollet kommer därefter", "styrelsen behandlar det på sitt möte i maj",
 * "the minutes will follow", the entry in a future sentence ("I will be the contact person for our
 * entry", "we plan to write our submission in April").
 */
const ANNOUNCED_LATER =
  /\b((kommer|skickas|foljer|foljer sedan)( \w+){0,2} (darefter|efter det|efterat|sedan|i efterhand)|(pa|vid) (sitt|sina|nasta|kommande|deras|dess) (\w+ )?(mote|sammantrade)\w*|will follow|to follow|(will|shall|intend to|plan to|are going to) (\w+ ){0,5}(for |with |on )?(our|the) (entry|submission|application))\b/;

/**
 * A wish to attach something later, usually beside a question ("Vi vill gärna bifoga vår elevenkät
 * som bilaga", "we would like to attach our survey"): nothing is attached now.
 */
const WANTS_TO_ATTACH =
  /\b((vill|ville|skulle vilja|tanker|planerar att|hade tankt) (garna |aven |ocksa |da )?(bifoga|skicka med|lagga till|lagga med)|(would like|want|wanted|plan) to (attach|include|add))\b/;

/** A negation just before a verb ("vill inte avanmäla", "do not want to withdraw"). */
const NEGATED_BEFORE = /\b(inte|ej|icke|aldrig|not|never|don t|won t)( \w+){0,2} $/;
/** A verb before its subject: asks only at a sentence's start (V1) or with "?". */
const INVERTED =
  /^(finns det|gar det|ar det|kan (vi|man|ni|jag)|far (vi|man|jag)|galler det|behover (vi|man))/;

/** Which meeting left for a later mail ("vi återkommer om vilket informationsmöte vi går på"). */
const MEETING_LATER =
  /\b((aterkommer|hor av oss|hor av mig|meddelar|skriver) (vi |jag )?(\w+ ){0,2}(om|med|angaende|kring) (vilket|vilken|vilka|nar|datum)|will (let you know|get back to you|come back to you)( later)? (about )?(which|when))\b/;

/**
 * A sentence about a pre-registration already made ("vi anmälde intresse i mars", "vi
 * förhandsanmälde oss i februari"): referred to, not made. The past tense of any registering verb.
 */
const EARLIER_REGISTRATION =
  /\b((forhands|intresse)?anmalde|har (forhands|intresse)?anmalt|(forhands|intresse)?anmaldes|sedan (var |er )?(intresse ?)?anmalan|(var|er) (intresse ?)?anmalan (ar|har|kom|gick)|(i|enligt) (var|er) (intresse ?)?anmalan|(var|er) (intresse ?)?anmalan (fran|i|fran i) (januari|februari|mars|april|maj|host|hostas|varas|vintras|borjan av \w+)|(var|er|min) (intresse ?)?anmalan (\w+ ){0,4}?(kan|ska|skall|far|bor) (\w+ )?(strykas|tas bort|makuleras|annulleras|dras tillbaka))\b/;

/**
 * A sentence that asks without a question mark ("undrar över sista dag för bidraget", "behöver veta
 * hur många sidor", "I was wondering whether …"): what it names is asked about, not done. Wanting to
 * "veta mer" with nothing named is why someone comes to a meeting, not a question ("veta mer om hur
 * …" still asks).
 */
const ASKS = b(
  '^((hej|hejsan|hallo) )?(maste|kan|far|ska|skall|behover|bor|racker|galler|finns|gar) (vi|man|jag|ni|det)|undrar|(jag|vi) undrade|funderar (pa|over) (om|hur|nar|vad|vilken|vilket|vilka|ifall|huruvida)|(vill|ville|behover|skulle (vilja|behova)) (garna |bara |)?(fa )?veta(?! mer\\b(?! (om|kring|angaende|hur|vad|vilka|vilken|vilket|nar|exakt)\\b))|(vill|ville) (bara |garna )?(fraga|kolla|hora|hora efter|stamma av)|(hade|har) en (liten |snabb |kort )?fraga|vore tacksam (for|om) (svar|besked|information|att fa veta)|(behover|behova|vill ha|onskar|skulle vilja ha|skulle behova) (lite |mer |mera )?(info|information|besked|svar|klarhet) (om|kring|angaende|gallande|ifall|huruvida)|(would|d) like (some |more )?(information|info|details|clarification) (about|on|regarding)|(would|d) like to know|need to know|(i|we) (was|were|am|are) wondering|wondering (if|whether|how|when|what|about)|i wonder|we wonder|(could|can) you (tell|let us know|clarify|explain)|please (advise|clarify)',
);
/**
 * A sentence telling of a sending made before, in the past tense ("skickade in", "lämnade in",
 * "mejlade"; "we sent … yesterday"): the sentence refers to it, this mail is not that sending.
 */
const SENT_BEFORE =
  /\b((jag|vi) (skickade|lamnade|mejlade|mailade|laddade)|(skickade|lamnade|mejlade|mailade) (jag|vi)|(we|i) (sent|submitted|emailed|e mailed|uploaded) (\w+ ){0,5}(yesterday|last|earlier|ago|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)))\b/;
/** A meeting named as a point in time ("efter informationsmötet"), not as something to attend. */
const AFTER_MEETING = new RegExp(
  `\\b(efter|sedan|after|following) (det |ett |vart |forra |senaste |the |our )?(\\w+ )?${INFO.source.replace(/^\\b/, '')}`,
);
/**
 * A sentence telling of a meeting attended before ("vi var på informationsmötet") or missed ("vi
 * hann inte på något informationsmöte"): not a sign-up.
 */
const ATTENDED =
  /\b((vi|jag) (var|deltog|besokte|narvarade) (pa|vid|i)?|(vi|jag) har (redan |ju |tidigare |ocksa )?(varit|deltagit|narvarat) (pa|vid|i)|ser (\w+ )?fram emot|looking forward to|(vi|jag) (missade|missat|har missat|kunde inte (komma|delta)|hade inte mojlighet att (komma|delta))|(vi|jag) (hann|kom|gick|var) (tyvarr )?(inte|aldrig|ej) (pa|till|med pa|ga pa|komma pa|komma till|delta pa|delta i|delta vid)|(we|i) (attended|were at|was at|joined|missed|could not (attend|come|make it)))\b/;
/**
 * A sentence that only considers ("vi funderar på att vara med", "we might take part", "vi är inte
 * säkra än"): no decision yet, so neither a registration nor a withdrawal.
 */
const TENTATIVE = b(
  'funderar (pa|over)|overvager|overlagger|(kanske|eventuellt|mojligen) (\\w+ ){0,3}(delta|deltar|vara med|anmal\\w*|medverka|soka|hoppa av|hoppar av|dra oss ur|drar oss ur|avsta|avstar)|(delta|deltar|vara med|anmal\\w*|medverka)( \\w+){0,2} (kanske|eventuellt|mojligen)|(ar|ar vi) (inte|ej) (saker|sakra|helt saker|helt sakra)|vet (inte|ej) (an |annu )?(om|riktigt)|inte bestamt|ej bestamt|osaker\\w*|osakra|(?<!been )considering|(?<!been )thinking (about|of)|might|may (take part|participate|join)|not (yet )?sure|undecided|have not decided|haven t decided',
);
/**
 * The award's events besides the info meeting: "kan inte delta på platsbesöket" is about the visit,
 * not a withdrawal from the award.
 */
const EVENT = b(
  'platsbesok\\w*|aterforing\\w*|examinatorsutbildning\\w*|utbildningen|utbildningsdag\\w*|jury\\w*|kalibrering\\w*|prisutdelning\\w*|gala|galan|galamiddag\\w*|ceremoni\\w*|kick ?off\\w*|workshop\\w*|seminari\\w*|site visit\\w*|feedback (meeting|session)|ceremony|training|workshop',
);
/**
 * A request to a colleague to pass a message on, with the message after "att"/"that" ("kan du meddela
 * kvalitetsutmärkelsen att …", "kan du mejla dem och säga att …", "could you let them know that …").
 * Not "meddela mig/oss" (asking to be told).
 */
const PASS_ON = b(
  '(kan|kunde|skulle|vill) du (\\w+ ){0,2}(meddela|mejla|maila|saga till|halsa|skriva till|informera|tala om for|beratta for|framfora till) (?!(mig|oss)\\b)(\\w+ ){0,4}?(och (saga|meddela|skriva|beratta) )?att|(could|can|would) you (please )?(tell|let|inform|email|notify|write to) (?!(me|us)\\b)(\\w+ ){1,4}?(know )?that',
);
/** Consumer mail providers: an address there is a person's own, never a unit's (domain's first label). */
const PRIVATE_MAILBOX =
  /^(gmail|googlemail|hotmail|outlook|live|msn|yahoo|icloud|me|mac|aol|proton|protonmail|telia|bredband2?|comhem|spray|passagen)\./i;
/** The rules that say a unit joins or leaves the award (not only that a registration is named). */
const PARTICIPATION_RULES = [
  'pre-registration-word',
  'wants-to-take-part',
  'joins-in',
  'pre-registration-en',
  'withdrawal-word',
  'withdrawal-not-taking-part',
  'withdrawal-en',
];
/** Complaints and criticism ("borde inte få pris", "stora problem med bemötandet", "I want to complain"). */
const COMPLAINT = b(
  'klagomal\\w*|klaga|klagar|missnojd\\w*|borde inte (fa|vinna)|stora problem|allvarliga problem|kritik|kritiken|kritisera\\w*|upprord|(jag|vi) (ar|blir|blev|kanner mig|kanner oss) (\\w+ ){0,2}orolig\\w*|orolig\\w* (for|over) (hur|att|bemotandet|kvaliteten|personalen|min|mitt|mina|var|vart|vara)|en orolig (foralder|anhorig|pappa|mamma|dotter|son)|anmala (ett )?missforhallande\\w*|complain\\w*|complaint|concerned about|should not (win|get|receive)|does not deserve|do not deserve' +
    // How someone behaved ("upplevde besöket som obehagligt", "en kränkande kommentar", "the examiner
    // was rude"): a complaint about a person's conduct, however politely it is put.
    // Disappointment with the jury's verdict and a wish to appeal it ("besvikna över hur bidraget
    // bedömdes", "överklaga", "synpunkter på bedömningen"): a coordinator answers for the jury.
    '|besvik\\w* (over|pa|med) (hur|bedomning\\w*|resultat\\w*|juryn\\w*|examinator\\w*|beslut\\w*|utfallet|poang\\w*)|overklaga\\w*|synpunkter pa (bedomning\\w*|juryn\\w*|examinator\\w*|resultat\\w*|beslut\\w*|utfallet|poang\\w*)|disappointed (with|by|in|about) (how|the (assessment|result|jury|decision|outcome|examiners|scor\\w*))|appeal (the|against the) (decision|result|assessment|verdict)' +
    '|obehaglig\\w*|otrevlig\\w*|oprofessionell\\w*|respektlos\\w*|nedlatande|krankande|krankt|krankning\\w*|diskriminer\\w*|trakasse\\w*|olamplig\\w* (kommentar\\w*|beteende\\w*|bemotande\\w*|fragor|uppforande\\w*|uttalande\\w*)|(daligt|otrevligt|olampligt|nedlatande) bemotande|uppforde sig|rude|unprofessional|disrespectful|offensive|harass\\w*|discriminat\\w*|inappropriate (comment\\w*|remark\\w*|behaviou?r|conduct|question\\w*)',
);
/**
 * Personal data to be deleted (an entry that names a resident, "radera … personuppgifter", a GDPR
 * request): a data-protection matter for a coordinator, never a question filed or a version kept.
 * Both a deletion and personal data must be said, in the sender's own words.
 */
const DELETE_REQUEST = b(
  'radera\\w*|raderas|ta bort|tas bort|tar bort|makulera\\w*|forstor\\w*|gallra\\w*|delete\\w*|remove\\w*|erase\\w*|destroy\\w*',
);
const PERSONAL_DATA = b(
  'personuppgift\\w*|personnum\\w*|dataskydd\\w*|gdpr|namn och (diagnos\\w*|personnummer|adress\\w*|halsa\\w*)|diagnos\\w*|kansliga (uppgifter|personuppgifter)|sekretessbelag\\w*|sekretesskydd\\w*|identifierbar\\w*|personal data|personal information|sensitive (data|information)|data protection|identifiable',
);
/** The city's legal footer, said in the own text when no signature line stands before it. */
const FOOTER_SENTENCE = b(
  'behandlar personuppgifter|dataskyddsforordningen|meddela avsandaren|fatt (detta |meddelandet |mejlet )?(meddelande |mejl )?av misstag|notify the sender|received this (e ?mail|message) in error|intended recipient',
);
/** What a mail asks to delete, when it names personal data too (not the city's footer). */
function deletesPersonalData(text: string): string | undefined {
  const said = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => fold(s))
    .filter((s) => !FOOTER_SENTENCE.test(s))
    .join('\n');
  const deletion = DELETE_REQUEST.exec(said);
  const data = PERSONAL_DATA.exec(said);
  return deletion && data ? `${deletion[0]} … ${data[0]}` : undefined;
}
/**
 * A mail that brings only the appendices of a submission ("här kommer bilagorna", "the remaining
 * appendices") is not the submission on its own, even as part 2 of 2: a person joins it to the
 * application it belongs to. A split application whose parts hold its text ("del 2 av 2" with the
 * document) is merged by core/intake/submission-plan.ts and stays automatic.
 */
const APPENDICES_ONLY = b(
  '(har kommer|skickar (nu |har )?|bifogar (nu |har )?|har ar)(nu )?(de |vara |dom )?(resterande |ovriga |utlovade |sista )?bilagor(na)?|resterande bilagor(na)?|bilagorna till (vart|det|mitt|var) \\w+|(here are|attached are|sending|i am sending|we are sending|please find) (you )?(the|our) (remaining )?(appendices|annexes)|the (remaining )?(appendices|annexes) (to|for) (our|the)',
);
/** A document named as an appendix ("Bilaga 2 Verksamhetsplan.pdf", "Appendix A.docx"). */
const APPENDIX_NAME = b('bilaga|bilagor|bilagorna|appendix|appendices|annex|annexes');
/** The documents a unit keeps ready for the site visit, by name (compounds included). */
const SUPPORTING_NAME =
  /verksamhetsplan|arsredovisning|verksamhetsberattelse|kvalitetsgaranti|klagomalsrutin|medarbetarenkat|medarbetarundersokning|brukarundersokning|brukarenkat|kundundersokning|organisationsskiss|organisationsschema|business plan|annual report/;
/** A file named as the application itself. */
const SUBMISSION_NAME = /bidrag|tavling|ansokan|kvalitetsutmarkelse|submission|application|entry/;
/** A file named as the entry itself ("Tävlingsbidrag Förskolan X.docx", "KU 2027 – bidrag.pdf"). */
const ENTRY_FILE = /bidrag|tavling|kvalitetsutmarkelse|submission|entry|\bku ?20\d\d\b/;
/**
 * A unit that has merged with another or changed its name is not the register's unit, even when the
 * mail comes from a predecessor's manager: a coordinator updates the register first.
 */
const MERGED_UNIT = b(
  'sammanslag\\w*|slagits ihop|slagit ihop|slas ihop|slogs ihop|gatt samman|gatt ihop|gar samman|gar ihop|fusionera\\w*|nya enheten|ny enhet med|bytt namn|byter namn|nytt namn|nya namn|merged|merging|amalgamated|new unit name|changed (its |our )?name|the new unit',
);
/** A unit's new manager ("ny enhetschef för …", "tar över som rektor", "new head of unit"). */
const NEW_MANAGER = b(
  'ny (\\w+)?(chef|rektor|forestandare)|nya (\\w+)?(chefen|rektorn)|tar over som (\\w+)?(chef|rektor)|tilltradande (\\w+)?(chef|rektor)|new (head|manager|principal)|takes over as',
);
/** The unit's participation as a topic: its registration, its entry, its taking part. */
const PARTICIPATION_TOPIC = b(
  '\\w*anmal\\w*|\\w*bidrag\\w*|ansokan|deltagande\\w*|delta|deltar|medverkan|registration|entry|submission|participation',
);
/** A new version of the entry ("ny version", "rätt version", "ersätta", "replace"). */
const REPLACEMENT = b(
  'ny version|nya versionen|ratt version|korrigerad\\w* version\\w*|uppdaterad\\w* version\\w*|reviderad\\w* version\\w*|ersatta|ersatter|ersatts|byta ut|bytas ut|byter ut|new version|updated version|corrected version|revised version|replac\\w*',
);
/**
 * A request to move an info-meeting signup to another meeting: changing a signup is a coordinator's
 * work (which meeting, is there room), not something a receipt answers.
 */
const CHANGE_SIGNUP = b(
  'flytta (min |var |mitt |hans |hennes )?(anmalan|plats|bokning)|(komma|delta|ga|anmala (mig|oss)) (\\w+ ){0,6}(i stallet|istallet)|instead|flytta (mig|oss) till|byta (till|mote|motestillfalle|tillfalle|datum|dag)|byta (min |var )?(anmalan|plats)|boka om|(ga pa|komma pa|delta pa|delta i) (det andra|ett annat|nasta|det senare|det tidigare) (motet|tillfallet)|move (my|our) (signup|sign up|registration|booking|place)|switch (to|meetings)|(attend|join) the other (meeting|session) instead|change (my|our) (signup|registration|booking) to|rebook',
);
/**
 * A board's proposal, not its decision: the officers' report before the meeting ("tjänsteutlåtande",
 * "förslag till beslut", "ärendet behandlas på nämndens sammanträde"). Nothing is decided yet, so no
 * unit is in a protocol; the protocol extract records a decision taken ("beslutade", justerat).
 */
const BOARD_PROPOSAL = b(
  'tjansteutlatande\\w*|forslag till beslut|beslutsforslag\\w*|foreslar att (\\w+ )?(namnden|stadsdelsnamnden|styrelsen) (beslutar|beslutar att)|beslutsunderlag\\w*|(arendet|fragan) (ska |skall |kommer att )?(behandlas|tas upp|beslutas)|namnden (foreslas|forslas) besluta|officer s report|proposal (for|to) the board|draft (decision|resolution)|(will be|is to be) (decided|considered|discussed) (by|at) the board',
);
/** A decision told of as taken ("nämnden beslutade", "har beslutat", "justerat protokoll"). */
const BOARD_DECIDED = b(
  'beslutade|beslot|har (\\w+ ){0,3}beslutat|fattade (\\w+ )?beslut|fattat (\\w+ )?beslut|justerat protokoll|protokollet (ar|har) justerat?s?|justerades|(board|council|committee) (decided|resolved|approved)|has (decided|resolved|approved)',
);
/** A document named as the proposal ("Tjänsteutlåtande RKSDN 2027-06-17.pdf", "Förslag till beslut.docx"). */
const PROPOSAL_NAME = /tjansteutlatande|forslag till beslut|beslutsforslag|beslutsunderlag|\btu\b/;
/**
 * A registration on a condition only a coordinator can settle ("om vi får delta", "uppfyller vi
 * kraven?", "annars får ni bortse från mejlet", "if we are eligible"): whether the unit may take part
 * comes first, so a receipt would promise what no one has decided.
 */
const CONDITIONAL = b(
  '(om|ifall) (vi|enheten|forskolan|skolan|verksamheten|boendet|de|den|det) (anda |alls |overhuvudtaget |over huvud taget |verkligen )?(far|fa|kan fa|tillats|ar (tillatet|tillatna|godkand\\w*|behorig\\w*)|uppfyller|raknas|kvalificerar)|(om|ifall) det (ar|skulle vara) (tillatet|mojligt enligt)|forutsatt att|under forutsattning att|(om|ifall) (vi|enheten|forskolan|skolan|verksamheten|boendet) (\\w+ )?(hinner|orkar|klarar|lyckas|har tid|far tid|har mojlighet|far ihop|far loss)|(om|ifall) (budgeten|tiden|ekonomin|personalen|schemat|bemanningen|resurserna) (tillater|racker|medger|gar ihop)|if (we have (the )?time|we manage|time (allows|permits)|the budget (allows|permits))|uppfyller (vi|enheten|verksamheten|boendet|forskolan|skolan) (\\w+ )?(kraven|villkoren|kriterierna|reglerna)|(far|kan) (vi|enheten) (ens|overhuvudtaget|alls|verkligen) (delta|vara med)|(fraga|fragor) (om|kring|angaende) (villkor|krav|regl)\\w*|annars (far|kan|ma) ni (garna )?bortse|bortse fran (detta|det har|mitt|vart) (mejl|mail|meddelande)|if (we are|we re|it is|that is|our unit is) (allowed|eligible|permitted|ok)|if allowed|provided (that )?(we|our unit) (qualify|qualifies|are eligible|is eligible)|(do|can|may) we (even )?(qualify|take part|participate|meet the (criteria|requirements))|are we eligible|otherwise (please )?(ignore|disregard)' +
    // The sender's own doubt about a rule ("if that rules us out", "om det diskvalificerar oss",
    // "vi kanske inte uppfyller", "please disregard this registration"): eligibility comes first.
    '|(om|ifall) (det|detta|det har|det da) (diskvalificerar|utesluter|stoppar|hindrar|omojliggor) (oss|enheten|var anmalan)|(om|ifall) (vi|enheten|verksamheten|forskolan|skolan|boendet) (inte|ej|inte langre) (far|kan|uppfyller|kvalificerar|raknas|ar behorig\\w*)|(vi|enheten|verksamheten) (uppfyller|kvalificerar) (kanske|eventuellt|mojligen|troligen) inte|(osaker|vet inte|tveksam\\w*|undrar) (pa |over )?(om|ifall) (vi|enheten|verksamheten|forskolan|skolan|boendet) (\\w+ )?(uppfyller|kvalificerar|far delta|far vara med|ar behorig\\w*|raknas)|(i sa fall|da) (far|kan|ma) ni (garna )?bortse|bortse (garna )?fran (var|denna|den har|min|var) (intresse)?anmalan|if (that|this|it) (rules|counts|puts) (us|our \\w+) out|if (we|our \\w+) (are|is) (not|n t) (eligible|allowed|permitted)|if (we|our \\w+) (do|does) (not|n t) (qualify|meet)|if eligible|we (may|might) not (qualify|be eligible|meet)|(not sure|unsure|uncertain) (whether|if) (we|our \\w+) (qualify|qualifies|are eligible|is eligible|meet|meets)|please (just )?(disregard|ignore) (this|our|my) (registration|pre registration|application|mail|email|message)',
);
/** Taking part only on a condition ("men bara om", "endast om", "only if", "på villkor att"). */
const ONLY_IF = b(
  '(bara|endast|enbart) (om|ifall|under forutsattning att|pa villkor att)|pa villkor att|only (if|on condition)|on condition that',
);
/**
 * What stands before a withdrawal that makes it conditional: a fronted "om"/"ifall" clause whose main
 * clause starts with the verb ("Om vi inte kan få anstånd måste vi hoppa av"), "annars"/"i så fall"
 * ("annars drar vi oss ur"), or "if"/"unless"/"otherwise". Not "om" as "about" ("vi har pratat om det
 * och drar oss ur"): the inverted verb after the clause is what marks the condition.
 */
const CONDITIONAL_WITHDRAWAL = b(
  '(^|och |men |sa )(om|ifall|savida) (\\w+ ){1,14}?(maste|far|kommer|tvingas|behover|blir|ska|skall|kan|vill) (vi|jag|enheten|verksamheten|forskolan|skolan|boendet|de|det)|annars|i sa fall|i annat fall|if|unless|otherwise|or else|in that case',
);
/** Whether a sentence tells of the board's decision as taken (not "när protokollet är justerat"). */
function decisionTaken(sentence: string): boolean {
  const m = BOARD_DECIDED.exec(sentence);
  return (
    !!m &&
    !/\b(nar|efter att|sa snart|innan|when|once|after|before)( \w+){0,2} $/.test(
      sentence.slice(0, m.index),
    )
  );
}
/** A sentence about next year ("nästa år", "next year"): not this cycle's registration or withdrawal. */
const OTHER_YEAR = b(
  'nasta ar|kommande ar|nastkommande ar|till nasta ar|om ett ar|(nasta|kommande|nastkommande) (ars|omgang\\w*)|next year|the year after|following year|next (cycle|round)',
);
/** A sentence about a past year ("förra året", "last year"): a withdrawal told of then is not one now. */
const PAST_YEAR = b('forra aret|i fjol|ifjol|tidigare ar|last year|previous year');
/**
 * Swedish and English verbs that open a yes/no question (V1 word order) before a "?", in the past
 * too ("Kom den fram?", "Fick ni vårt bidrag?").
 */
const QUESTION_OPENING =
  /^(ar|finns|galler|kan|kommer|kom|fick|gick|blev|hann|far|ska|skall|maste|bor|behover|gar|racker|blir|har|hinner|fungerar|stammer|funkar|vill|borde|skulle|kunde|hade|var|sker|hander|brukar|tar|ingar|innebar|paverkar|\w{3,}(as|ns|ms|vs)|is|are|do|does|did|can|could|should|would|will|may|must|has|have|shall|am|was|were)\b/;
/** A greeting before the first words ("Hej Anna, gäller …?"): not part of the sentence's form. */
const GREETING = /^(hej|hejsan|hallo|hi|hello|dear|god (morgon|dag|eftermiddag))( \w+)?? /;
/** A text that opens with thanks, after a greeting ("Hej! Tack så mycket", "Thanks a lot"). */
const THANKS_OPENING =
  /^((hej|hejsan|hallo|hi|hello)( \w+)? )?(stort |varmt |ok |okej |toppen |super )?(tack|tackar|thanks|thank you)\b/;
/** What an info meeting is thanked as: the meeting, the session, the presentation. */
const INFO_THANKED =
  /\b(inf\w{0,10}?(mote|motet|traff|traffen)|infomotet|infotraffen|genomgangen|presentationen|dragningen|information (meeting|session)|session|presentation|briefing)\b/;
/** The award's own occasions a coordinator answers thanks for (the ceremony, the site visit). */
const CEREMONY_THANKED =
  /\b(prisutdelning\w*|gala\w*|ceremoni\w*|ceremony|platsbesok\w*|site visit|aterforing\w*|feedback|vinn\w*|vann|win\w*|pris|priset|prize|award)\b/;
/**
 * "Men vi skickade in vårt bidrag redan", "but we already sent it": a reply to a reminder telling it
 * was done before (with "redan"/"already" somewhere in the text, checked where it is used).
 */
const ALREADY_SENT =
  /\b(men |but )?(vi|jag|we|i) (har |hade |have |had )?(ju )?(redan |already )?(skickade|skickat|lamnade|lamnat|anmalde|anmalt|mejlade|mejlat|mailade|mailat|laddade upp|sent|submitted|registered|uploaded|signed up)\b/;
/** Thanks for something that happened; its span is what is thanked for. */
const THANKS_SPAN = /\b(tack|thanks?|thank you)\b/;

/**
 * Plain text wrapped at a fixed width (a mail client's 72–100 columns) breaks sentences mid-line:
 * a long line that does not end a sentence runs on into the next line of words.
 */
function unwrapLines(text: string): string {
  return text.replace(/([^\n]{60,}[^\n.!?:;,])\n(?=[ \t]*[\p{L}\d(])/gu, '$1 ');
}

/**
 * Spoken forms written as said ("vill va med i år"), read as their written words; the award's
 * compounds written apart ("informations mötet") read whole (split-compounds.ts).
 */
function spoken(folded: string): string {
  return joinSplitCompounds(folded.replace(/\bva med\b/g, 'vara med'));
}

function sentences(text: string, allQuestions = false, meetingThread = false): Sentence[] {
  const out: Sentence[] = [];
  // Split after . ! ? only before a capital letter or a line break, so "t.ex. vår" stays one sentence.
  for (const raw of unwrapLines(text).split(/(?<=[.!?])\s+(?=[\p{Lu}\d/])|(?<=[?!])\s+|\n+/u)) {
    const t = raw.trim();
    if (!t) continue;
    const f = spoken(fold(t));
    if (!f) continue;
    // A "?" inside a link ("…/view?id=88231") asks nothing.
    const hasMark = /\?/.test(t.replace(/\b(https?:\/\/|www\.)\S+/gi, ' '));
    // "Mötet den 18 februari" in a thread about the info meetings is one of them.
    const infoMeeting =
      (INFO.test(f) ||
        (meetingThread &&
          (MEETING_ON_DAY.test(f) || ATTEND_ON_DAY.test(f)) &&
          !EVENT.test(f) &&
          !BOARD_MEETING.test(f))) &&
      !AFTER_MEETING.test(f);
    const sentence: Sentence = {
      text: f,
      isQuestion: allQuestions || hasMark || ASKS.test(f),
      announced:
        ANNOUNCED.test(f) ||
        ANNOUNCED_LATER.test(f) ||
        WANTS_TO_ATTACH.test(f) ||
        WILL_WRITE_ENTRY.test(f) ||
        requiredToSend(f),
      earlier: EARLIER_REGISTRATION.test(f),
      // "Intresseanmälan efter informationsmötet": the meeting only dates the sentence.
      infoMeeting,
      sentBefore: SENT_BEFORE.test(f),
      attended: ATTENDED.test(f),
      // "En följdfråga: kan vi …?" opens its question after the colon.
      questionForm:
        hasMark &&
        (QUESTION_OPENING.test(f.replace(GREETING, '')) ||
          QUESTION_OPENING.test(fold(t.slice(t.indexOf(':') + 1)))),
      tentative: TENTATIVE.test(f),
      otherYear: OTHER_YEAR.test(f),
      pastYear: PAST_YEAR.test(f),
      event: (infoMeeting || EVENT.test(f)) && !AWARD_NAME.test(f),
      negated: NEGATION.test(f),
    };
    const thanks = THANKS_FOR_EVENT.exec(f);
    if (thanks && THANKS_SPAN.test(thanks[0]))
      sentence.thanked = [thanks.index, thanks.index + thanks[0].length];
    out.push(sentence);
  }
  return out;
}

const AUTO_SUBJECT =
  /^(automatiskt svar|autosvar|automatic reply|auto ?reply|autoreply|out of (the )?office|fr[aå]nvaro(meddelande)?|franvaro|fr[aå]nvarande|ledig|semester|(semester|franvaro|fr[aå]nvaro|ledighets)svar|abwesenheit|r[eé]ponse automatique|absence)\b/i;
/** An away prefix put before the subject answered ("Frånvaro: …", "Automatic reply: …"). */
const AWAY_PREFIX = new RegExp(`${AUTO_SUBJECT.source}\\s*:\\s*\\S`, 'i');
const AUTO_BODY = b(
  'ar (ledig|pa semester|franvarande|tjanstledig|sjukskriven|foraldraledig|borta)|tillbaka (den|pa|igen)|atervander|har begransad tillgang|lases inte|laser inte (min|mina|min egen) (e ?post|mejl|mail|inkorg)|out of (the )?office|i am (away|on leave|on vacation|out)|will be back|return(ing)? on|limited access to (my )?e ?mail|will not be read',
);

/** An away text's promise about mail: answered when back, read only now and then. */
const ANSWERS_LATER = b(
  '(svarar|besvarar|aterkommer|laser) (\\w+ ){0,3}(nar|sa snart) jag (ar|kommer) tillbaka|laser (min |mina |mitt )?(e ?post|mejl|mail|mejlen|mailen|inkorg\\w*) (bara |endast )?(sporadiskt|sallan|begransat|ibland|nagon gang)|will (reply|respond|answer|get back to you|read \\w+) (\\w+ ){0,2}(when|as soon as|once) i (am|m|get|return|come) back|(checking|reading|check|read) (my )?e ?mails? (only )?(sporadically|occasionally|intermittently)',
);

/** Doubt about managing (not "funderar på att delta": considering joining asks plainly). */
// Swedish puts the verb before the subject after a fronted word ("Annars vet jag inte om …").
const UNSURE =
  /\b(osaker\w*|osakra|tveksam\w*|(vet|vet (jag|vi)) (inte|ej) (an |annu )?om (vi|enheten|jag) (hinner|klarar|kan|orkar|kommer)|not sure (if|whether) we|unsure)\b/;
/**
 * Considering joining said with a registration half made: unsure yet, depending on something, counted
 * in provisionally ("vi är inte säkra än", "det beror på", "räkna med oss preliminärt").
 */
const HALF_REGISTERING = b(
  '(inte|ej) (helt )?(saker|sakra)( an| annu)?|osaker\\w*|osakra|vet (inte|ej)|inte bestamt|beror pa|preliminar\\w*|rakna med oss|not (yet )?sure|unsure|undecided|depends on|provisional\\w*|count us in',
);
/** What a unit may be unsure about managing: taking part, the submission, its deadline. */
const UNSURE_ABOUT_TAKING_PART =
  /\b(bidrag\w*|ansokan|delta|deltar|deltagande\w*|medverka\w*|vara med|hinn\w*|fullfolja|skriva klart|submission|application|entry|take part|taking part|participat\w*|make it|manage)\b/;

/**
 * "Our application", "the entry" named and nothing more: in a question with nothing attached or
 * linked ("Several of the staff writing our application are more comfortable in English. May the
 * application be written in English?") the application is what is asked about, not sent now. Only
 * with a word of sending in the sender's text ("please find", "attached", "submit", "here is") does
 * naming it still say it comes with this mail (and the forgotten file makes a coordinator look).
 */
const ENTRY_NAMED_ONLY = /^(our|the|my) (submission|entry|application|contribution)$/;
const SENDING_WORD_EN =
  /\b(attach\w*|enclos\w*|please find|submit\w*|here (is|are|comes)|send\w*|sent|upload\w*|forward\w*)\b/;

/** A registration form's file name ("Intresseanmälan.docx", "Anmälningsblankett Ekbacken.docx"). */
const REGISTRATION_FILE = /anmalan|anmalnings|intresse/;

/** A link to a shared document (SharePoint, OneDrive, Google Drive, Dropbox) or to a document file. */
const DOCUMENT_LINK =
  /\bhttps?:\/\/\S*(sharepoint|onedrive|1drv\.ms|drive\.google|dropbox)\S*|\bhttps?:\/\/\S+\.(docx?|pdf|odt)\b/i;

/** The board's protocol as a thing ("protokollsutdraget", "the minutes"), and words saying it is attached. */
const PROTOCOL_NOUN =
  /\b(\w*protokoll\w*|namndbeslut\w*|(ordforande|presidie|delegations)beslut\w*|minutes)\b/;
const ATTACHED_WORD = /\b(bifoga\w*|bilag\w*|har kommer|har ar|attached|enclosed|here (is|are))\b/;

const MAILBOX_GREETING =
  /\b(hej|hejsan|hallo|hi|hello|dear) (kvalitetsutmarkelse\w*|quality award)\b/g;
const SYSTEM_NOTICE_TEXT = {
  'calendar-invitation': {
    sv: 'en mötesinbjudan (kalendern har den)',
    en: 'a meeting invitation (the calendar has it)',
  },
  'platform-notification': {
    sv: 'ett programs avisering om meddelanden någon annanstans (Teams)',
    en: 'a program notifying of messages elsewhere (Teams)',
  },
  bulletin: {
    sv: 'ett utskick till alla chefer eller medarbetare, inget om kvalitetsutmärkelsen',
    en: 'a bulletin to every manager or employee, nothing about the award',
  },
  'delivery-delay': {
    sv: 'ett meddelande om fördröjd leverans från e-postservern',
    en: "a mail server's notice of delayed delivery",
  },
} as const;
/** Outlook's subject prefixes for an answer to a meeting invitation, Swedish and English. */
const CALENDAR_RESPONSE =
  /^(accepterat|accepterad|preliminärt( accepterat)?|avböjt|tackat ja|tackat nej|nytt tidsförslag|accepted|tentative|tentatively accepted|declined|new time proposed)\s*:/i;

const AWARD_NAME = /\b(kvalitetsutmarkelse\w*|kvalitetspris\w*|quality award)\b/;

const AWARD_CONTEXT = b(
  'kvalitet\\w*|\\w*utmarkelse\\w*|\\w*bidrag\\w*|tavling\\w*|ku ?20\\d\\d|ku|(var|vart|vara|er|enhetens) ansokan|ansokan (till|i|for) (arets |stockholms stads )?kvalitets\\w*|award|submission|application|entry|\\w*anmal\\w*|inf\\w{0,10}?(mote|traff)\\w*|protokoll\\w*|\\w*namnd\\w*|minutes|platsbesok\\w*|aterforing\\w*|examinator\\w*|ils',
);

const NEWSLETTER_BODY = b(
  'nyhetsbrev\\w*|avregistrera|avprenumerera|avsluta prenumeration\\w*|unsubscribe|newsletter|webinar\\w*|webbinar\\w*|erbjudande|kampanj|view (this|in) (e ?mail|browser)|visa i webblasare|anmal dig (har|via|senast|pa)|las mer (har|pa)|via lanken|register here|read more|early ?bird\\w*|(you are|you re) (warmly |cordially )?invited|register at|registrera dig (har|pa|via)',
);

/**
 * Classifies one mail. `facts.body` is plain text; quoted earlier mails are split off first and
 * weigh nothing, a reply's subject weighs half, a forwarded mail's text weighs almost fully.
 */
export function classifyMail(facts: MailFacts): Classification {
  const subject = parseSubject(facts.subject ?? '');
  const parts = splitMail(facts.body ?? '', subject.isForward);
  const fired: Signal[] = [];
  const add = (s: Signal) => fired.push(s);

  const language = detectLanguage(`${subject.clean}\n${parts.own}\n${parts.forwarded}`);
  // A reply's subject is the thread's topic (often our own receipt's subject), not what is said now.
  // So is what follows an away prefix ("Frånvaro: Påminnelse: protokollsutdrag senast 30 juni",
  // "Automatiskt svar: …"): a mail system that writes no away headers still puts the subject of the
  // mail it answers there, so its words (a protocol, an entry) are ours, not the sender's.
  const subjectWeight = subject.isReply || AWAY_PREFIX.test(subject.clean) ? 0.3 : 1;
  // A subject about an info meeting and not about registering gives the meeting as context.
  const foldedSubject = joinSplitCompounds(fold(subject.clean));
  const meetingSubject =
    INFO.test(foldedSubject) &&
    !AFTER_MEETING.test(foldedSubject) &&
    !PHRASES.some((r) => r.kind === 'pre-registration' && r.re.test(foldedSubject));
  // A mail about the info meetings (its subject, its words, or the invitation it answers, which
  // lists them): a meeting it calls by its day is one of them.
  const meetingThread = INFO.test(
    joinSplitCompounds(fold(`${subject.clean}\n${parts.own}\n${parts.quoted}\n${parts.forwarded}`)),
  );
  // "Prisutdelningen 23 november" over "Hela personalgruppen vill gärna vara med": under a subject
  // naming one of the award's events, taking part is taking part in the event, unless the sentence
  // names the award itself.
  const eventSubject =
    EVENT.test(foldedSubject) &&
    !PHRASES.some((r) => r.kind === 'pre-registration' && r.re.test(foldedSubject));
  const zones: { name: string; text: string; weight: number }[] = [
    { name: 'ämnesraden', text: subject.clean, weight: 1.2 * subjectWeight },
    { name: 'texten', text: parts.own, weight: 1 },
    { name: 'det vidarebefordrade', text: parts.forwarded, weight: 0.8 },
  ];

  // Phrase rules, sentence by sentence, each rule counted at most once per zone.
  let questionCount = 0;
  let announcesSubmission = false;
  let questionForm = false;
  let asksIndirectly = false;
  /** The sender considers registering or withdrawing but has not decided: a coordinator follows up. */
  let considering = false;
  // Only considering to join: the very reason to come to an info meeting, so no doubt on a signup.
  let consideringToJoin = false;
  /** Whether the sender's own text says (not asks) anything a rule knows. */
  let ownStatement = false;
  /** Whether the sender's own text only tells of things done before, thanked for or called off. */
  let ownReferred = false;
  const namedAward = new Map<MailKind, number>();
  /** Kinds the award is named with outside the subject (the subject alone is the thread's topic). */
  const namedInText = new Set<MailKind>();
  for (const zone of zones) {
    if (!zone.text.trim()) continue;
    // Each rule counts once per zone, at its strongest: a phrase asked about in one sentence and
    // said plainly in the next counts as said.
    const seen = new Map<string, Signal>();
    const asked = zone.name === 'ämnesraden' && QUESTION_SUBJECT.test(fold(zone.text));
    for (const said of sentences(zone.text, asked, meetingThread)) {
      // A request to join, put politely as a question, is a signup (or, with a registration's
      // words, a registration), not something asked: it says what the sender wants done.
      const aboutMeetingHere =
        said.infoMeeting ||
        (meetingSubject && zone.name !== 'ämnesraden' && !AWARD_NAME.test(said.text));
      const request =
        said.isQuestion &&
        zone.name !== 'det vidarebefordrade' &&
        JOIN_REQUEST.test(said.text) &&
        !JOIN_DOUBT.test(said.text) &&
        (aboutMeetingHere ||
          PHRASES.some(
            (r) => r.kind === 'pre-registration' && r.weight >= 3 && r.re.test(said.text),
          ));
      // In a forwarded mail, a colleague asked to pass a message on ("kan du mejla
      // kvalitetsutmärkelsen och säga att vi vill delta?") says what the message is: the unit's own
      // word, which the forwarder now delivers, not a question to us.
      const passedOn =
        said.isQuestion && zone.name === 'det vidarebefordrade' && PASS_ON.test(said.text);
      const s = request || passedOn ? { ...said, isQuestion: false, questionForm: false } : said;
      if (zone.name === 'texten' && s.isQuestion) questionCount++;
      // Asking in other words ("skulle behöva info om …", "I'd like to know …") counts like a
      // question word, once.
      if (
        zone.name !== 'det vidarebefordrade' &&
        !request &&
        ASKS.test(s.text) &&
        !PHRASES.some((r) => r.id === 'question-words' && r.re.test(s.text))
      )
        asksIndirectly = true;
      // A yes/no question counts like a question word, not on top of one ("Finns det kaffe?").
      if (
        zone.name !== 'det vidarebefordrade' &&
        s.questionForm &&
        !PHRASES.some((r) => r.id === 'question-words' && r.re.test(s.text))
      )
        questionForm = true;
      const withdraws = WITHDRAWAL_RULES.some((r) => r.re.test(s.text));
      for (const rule of PHRASES) {
        // In a request, its question words are the politeness, and only a meeting is joined this way.
        if (request && rule.kind === 'question') continue;
        if (rule.id === 'join-request' && !(request && aboutMeetingHere)) continue;
        // A meeting called by its day counts where the sentence is read as about an info meeting
        // and does not name one outright (the info-meeting rule counts that).
        if (rule.id === 'meeting-on-day' && (!s.infoMeeting || INFO.test(s.text))) continue;
        const m = rule.re.exec(s.text);
        if (!m) continue;
        // Mid-sentence "finns det", "kan vi" after an adverb ("så finns det tid ändå", "då kan vi
        // skicka") is Swedish word order in a statement; only at the start, or with "?", is it asked.
        if (rule.id === 'question-words' && !s.isQuestion && m.index > 0 && INVERTED.test(m[0]))
          continue;
        let kind = rule.kind;
        let weight = rule.weight;
        // Negation close before the phrase turns it around ("kommer inte att skicka in något bidrag").
        // ("Förra gången hann vi inte, men nu är vi med": a negation before "men"/"but" is the other
        // half's. "Hoppas det inte är för sent – här är vårt bidrag": a negation in a hope is the
        // hope's, not the sending's.)
        const near = wordsBefore(withoutHopedNot(s.text), m.index, 28, m[0].length).replace(
          /^.*\b(men|but|utan)\b/,
          '',
        );
        // "Vi är med!" under the subject "Informationsmöte 10 mars" signs up for the meeting.
        const aboutMeeting =
          s.infoMeeting ||
          (meetingSubject && zone.name !== 'ämnesraden' && !AWARD_NAME.test(s.text));
        if (aboutMeeting && rule.inInfoMeeting) kind = rule.inInfoMeeting;
        else if (rule.negated && NEGATION.test(near)) kind = rule.negated;
        // "Vi ber er stryka vår intresseanmälan": the registration cancelled is what is withdrawn.
        else if (
          rule.id === 'pre-registration-word' &&
          cancelsRegistration(s.text.slice(0, m.index))
        )
          kind = 'withdrawal';
        // In a sentence that withdraws, its talk of taking part is what is withdrawn ("vi lägger ner
        // vårt deltagande i kvalitetsutmärkelsen").
        // ("X drar sig ur, men Y vill delta i stället": a clause after "men"/"but" is a matter of its
        // own, so only a withdrawal in the phrase's own clause turns it.)
        else if (
          rule.negated === 'withdrawal' &&
          withdraws &&
          !s.pastYear &&
          WITHDRAWAL_RULES.some((r) => r.re.test(clauseOf(s.text, m.index, m[0].length)))
        )
          kind = 'withdrawal';
        // A phrase inside a question is asked about, not done ("hur långt får bidraget vara?").
        if (s.isQuestion && kind !== 'question') weight *= 0.1;
        else if (s.earlier && kind === 'pre-registration') weight *= 0.2;
        else if (s.announced && kind === 'submission') {
          weight *= 0.2;
          announcesSubmission = true;
        }
        // "Protokollet kommer i juni": the protocol is announced, not sent.
        else if (s.announced && kind === 'board-protocol') weight *= 0.2;
        // Told of as done before, or thanked for: referred to, not what this mail does.
        const thankedFor =
          s.thanked !== undefined &&
          kind !== 'other' &&
          m.index >= s.thanked[0] &&
          m.index < s.thanked[1];
        // Taking part under an event's subject is the event's (see eventSubject): no registration.
        const aboutEvent =
          eventSubject &&
          zone.name !== 'ämnesraden' &&
          !AWARD_NAME.test(s.text) &&
          (kind === 'pre-registration' || kind === 'withdrawal');
        // A meeting told of (or a "not") before "men" is that clause's: "Vi var för sent ute till
        // februarimötet, men anmäl mig till den 9 mars" signs up in the clause after it.
        const attended = s.attended && !clauseApart(s.text, ATTENDED, m.index);
        const referred =
          thankedFor ||
          // "Jag skickade en intresseanmälan för två veckor sedan": a registration told of as sent.
          (s.sentBefore && (kind === 'submission' || kind === 'pre-registration')) ||
          ((attended || AFTER_MEETING.test(s.text)) && kind === 'info-meeting-signup') ||
          ((s.tentative || s.otherYear || s.event) &&
            (kind === 'pre-registration' || kind === 'withdrawal')) ||
          aboutEvent ||
          // "Informationsmötena nästa år" are next cycle's meetings: no signup for this one's.
          (s.otherYear && kind === 'info-meeting-signup') ||
          (s.negated &&
            kind === 'info-meeting-signup' &&
            !clauseApart(s.text, NEGATION, m.index)) ||
          // "Vi återkommer om vilket informationsmöte vi går på": the choice is left for later.
          (MEETING_LATER.test(s.text) && kind === 'info-meeting-signup') ||
          (s.pastYear && kind === 'withdrawal');
        if (s.tentative && kind === 'withdrawal') considering = true;
        if (s.tentative && kind === 'pre-registration') consideringToJoin = true;
        // Asking whether to withdraw ("kan vi dra tillbaka bidraget om …?") is a unit about to
        // change its participation: a coordinator follows up, not just answers.
        if (s.isQuestion && rule.kind === 'withdrawal' && zone.name !== 'det vidarebefordrade')
          considering = true;
        // A withdrawal on a condition ("om vi inte får mer tid måste vi hoppa av", "annars drar vi
        // oss ur", "if we cannot get an extension we will have to withdraw"): nothing is withdrawn
        // yet, and what the unit asks for first is a coordinator's to answer.
        if (
          kind === 'withdrawal' &&
          zone.name !== 'det vidarebefordrade' &&
          CONDITIONAL_WITHDRAWAL.test(
            s.text
              .slice(0, m.index)
              .replace(/^.*\b(men|but)\b/, '')
              .trim(),
          )
        )
          considering = true;
        // "Efter informationsmötet …" only dates what follows: the meeting is no signup at all.
        const datedByMeeting =
          kind === 'info-meeting-signup' && !attended && AFTER_MEETING.test(s.text);
        // A meeting told of as attended or missed is no signup at all ("jag missade mötet").
        const toldOfMeeting = attended && kind === 'info-meeting-signup';
        // "Vi vill inte avanmäla oss": a withdrawal said not to happen withdraws nothing, and a
        // coordinator reads what the unit means instead.
        if (
          (rule.id === 'withdrawal-word' || rule.id === 'withdrawal-en') &&
          NEGATED_BEFORE.test(wordsBefore(s.text, m.index, 24))
        ) {
          weight = 0;
          considering = true;
        }
        if (referred && !s.isQuestion)
          weight *= thankedFor || datedByMeeting || toldOfMeeting || aboutEvent ? 0 : 0.2;
        const announcedHere = s.announced && (kind === 'submission' || kind === 'board-protocol');
        if (zone.name === 'texten' && !s.isQuestion && kind !== 'question') {
          // Thanks for what happened tells of the past too: the subject ("Informationsträffen") is
          // then what is thanked for, not a signup.
          if (referred || announcedHere || rule.id === 'thanks-for-event') ownReferred = true;
          else ownStatement = true;
        }
        if (!s.isQuestion && !referred && kind !== 'question' && AWARD_NAME.test(s.text)) {
          namedAward.set(kind, Math.max(namedAward.get(kind) ?? 0, zone.weight));
          if (zone.name !== 'ämnesraden') namedInText.add(kind);
        }
        const key = `${rule.id}:${kind}`;
        const signal: Signal = {
          rule: rule.id,
          kind,
          weight: weight * zone.weight,
          zone: zone.name,
          sv: `${kind === rule.kind ? rule.sv : negatedText(kind).sv} i ${zone.name}`,
          en: `${kind === rule.kind ? rule.en : negatedText(kind).en} in the ${zoneEn(zone.name)}`,
          evidence: m[0],
        };
        if (s.isQuestion && kind !== 'question') signal.asked = true;
        const before = seen.get(key);
        if (!before) {
          seen.set(key, signal);
          add(signal);
        } else if (signal.weight > before.weight) {
          Object.assign(before, signal);
        }
      }
    }
  }
  // Saying it about the award by name ("anmäler intresse till Kvalitetsutmärkelsen") is firmer.
  for (const [kind, zoneWeight] of namedAward) {
    add({
      rule: 'names-award',
      kind,
      weight: zoneWeight,
      // Named only in the subject, it is the subject's: asked about when the text only asks.
      ...(namedInText.has(kind) ? {} : { zone: 'ämnesraden' }),
      sv: 'i samma mening som kvalitetsutmärkelsen nämns',
      en: 'in the same sentence as the award is named',
    });
  }
  // In a reply, the subject is the thread's topic (often our own receipt's subject): when the sender's
  // own words state something, they decide; the topic may confirm them but does not compete.
  if (subject.isReply && ownStatement) {
    const stated = new Set(
      fired.filter((s) => s.zone === 'texten' && s.weight > 0 && !s.asked).map((s) => s.kind),
    );
    for (const s of fired)
      if (s.zone === 'ämnesraden' && s.kind !== 'question' && !stated.has(s.kind)) s.weight = 0;
  }
  // The subject names the topic; when all the sender writes is questions (or tells of what was done
  // before or is called off), the topic is asked about ("Format på bidraget" / "Kan vi skicka in som
  // PDF?"; "Informationsmötet" / "jag kan inte komma"), not done.
  if ((questionCount > 0 || ownReferred) && !ownStatement) {
    for (const s of fired)
      if (s.zone === 'ämnesraden' && s.kind !== 'question' && s.kind !== 'other') {
        s.weight *= 0.1;
        s.asked = true;
      }
  }
  if (asksIndirectly) {
    add({
      rule: 'asks-indirectly',
      kind: 'question',
      weight: 2,
      sv: 'ber om besked eller information',
      en: 'asks to be told or informed',
    });
  }
  if (questionForm) {
    add({
      rule: 'question-form',
      kind: 'question',
      weight: 2,
      sv: 'en mening är ställd som en fråga (”Räknas …?”, ”Kan vi …?”)',
      en: 'a sentence is put as a question ("Is it …?", "Can we …?")',
    });
  }
  // A reply's or a forward's subject is the thread's ("VB: Kvalitetsutmärkelsen – kör vi?"): its
  // "?" was asked by someone else.
  if (!subject.isReply && !subject.isForward && /\?\s*$/.test(subject.clean)) questionCount++;
  if (questionCount > 0) {
    add({
      rule: 'question-mark',
      kind: 'question',
      weight: Math.min(6, 2.5 * questionCount),
      sv: `${questionCount} frågor i avsändarens egen text`,
      en: `${questionCount} question(s) in the sender's own text`,
    });
  }

  // Attachments
  const documents = facts.attachments.filter(isDocumentAttachment);
  const unsupported = documents.filter((a) => !['docx', 'pdf'].includes(extensionOf(a.name)));
  const protocolNamed = documents.filter((a) =>
    /protokoll|utdrag|minutes|beslut|paragraf|anmalningsarende|namnd|sdn|styrelse|§/.test(
      fold(a.name) + a.name,
    ),
  );
  if (documents.length > 0) {
    if (protocolNamed.length > 0) {
      add({
        rule: 'attachment-protocol-name',
        kind: 'board-protocol',
        weight: 5,
        sv: `bilagan heter ${protocolNamed[0]?.name}`,
        en: `the attachment is named ${protocolNamed[0]?.name}`,
        evidence: protocolNamed[0]?.name,
      });
    } else {
      add({
        rule: 'attachment-document',
        kind: 'submission',
        weight: 2.5,
        sv: `har ett dokument bifogat (${documents.map((d) => d.name).join(', ')})`,
        en: `has a document attached (${documents.map((d) => d.name).join(', ')})`,
        evidence: documents[0]?.name,
      });
      const named = documents.find((a) =>
        /bidrag|tavling|kvalitetsutmarkelse|ansokan|submission|application|entry|kvalitet|\bku ?20\d\d\b/.test(
          fold(a.name),
        ),
      );
      if (named) {
        add({
          rule: 'attachment-submission-name',
          kind: 'submission',
          weight: 2.5,
          sv: `bilagans namn (${named.name}) ser ut som ett bidrag`,
          en: `the attachment's name (${named.name}) looks like a submission`,
          evidence: named.name,
        });
      }
      const named2 = documents.find((a) => REGISTRATION_FILE.test(fold(a.name)));
      if (named2) {
        add({
          rule: 'attachment-registration-name',
          kind: 'pre-registration',
          weight: 3,
          sv: `bilagans namn (${named2.name}) ser ut som en anmälan`,
          en: `the attachment's name (${named2.name}) looks like a registration form`,
          evidence: named2.name,
        });
      }
    }
  }

  // Sender
  const local = (facts.from.address.split('@')[0] ?? '').toLowerCase();
  if (/registrator|namnd|kansli|diarie|namndsekreterare/.test(fold(local))) {
    add({
      rule: 'sender-registry',
      kind: 'board-protocol',
      weight: 2,
      sv: `avsändaren är en registratur/nämndadress (${facts.from.address})`,
      en: `the sender is a registry/board address (${facts.from.address})`,
    });
  }
  const noreply = /no-?reply|noreply|donotreply|newsletter|nyhetsbrev|marketing|utskick/.test(
    facts.from.address.toLowerCase(),
  );

  // Auto-replies: headers are decisive, subjects nearly so.
  const autoSubmitted = headerValue(facts, 'Auto-Submitted');
  if (autoSubmitted && autoSubmitted.trim().toLowerCase() !== 'no') {
    add({
      rule: 'header-auto-submitted',
      kind: 'auto-reply',
      weight: 10,
      sv: `rubriken Auto-Submitted: ${autoSubmitted}`,
      en: `header Auto-Submitted: ${autoSubmitted}`,
    });
  }
  const suppress = headerValue(facts, 'X-Auto-Response-Suppress');
  if (suppress) {
    add({
      rule: 'header-auto-response-suppress',
      kind: 'auto-reply',
      weight: 3,
      sv: `rubriken X-Auto-Response-Suppress: ${suppress}`,
      en: `header X-Auto-Response-Suppress: ${suppress}`,
    });
  }
  // X-Autoreply / X-Autorespond: what autoresponders outside Exchange (ticket systems, hosted mail)
  // set in place of Auto-Submitted. The intake keeps them (features/intake/facts.ts); as firm as
  // Precedence: auto_reply.
  const xAuto = headerValue(facts, 'X-Autoreply') ?? headerValue(facts, 'X-Autorespond');
  if (xAuto && !/^(no|false|0)$/i.test(xAuto.trim())) {
    add({
      rule: 'header-x-autoreply',
      kind: 'auto-reply',
      weight: 6,
      sv: `rubriken X-Autoreply: ${xAuto}`,
      en: `header X-Autoreply: ${xAuto}`,
    });
  }
  const precedence = headerValue(facts, 'Precedence')?.toLowerCase();
  if (precedence === 'auto_reply') {
    add({
      rule: 'header-precedence-auto',
      kind: 'auto-reply',
      weight: 6,
      sv: 'Precedence: auto_reply',
      en: 'Precedence: auto_reply',
    });
  }
  if (AUTO_SUBJECT.test(subject.clean) || AUTO_SUBJECT.test(facts.subject.trim())) {
    add({
      rule: 'subject-auto-reply',
      kind: 'auto-reply',
      weight: 8,
      sv: 'ämnesraden är ett autosvar/frånvaromeddelande',
      en: 'the subject is an automatic reply / out of office',
      evidence: facts.subject,
    });
  }
  // A bounce of a mail the mailbox sent: as decisive as a header, and never answered.
  const bounce = nonDeliveryReport(facts);
  if (bounce) {
    add({
      rule: 'non-delivery-report',
      kind: 'auto-reply',
      weight: 10,
      sv: 'en rapport om utebliven leverans (ett mejl härifrån kom inte fram)',
      en: 'a non-delivery report (a mail from here was not delivered)',
      evidence: facts.subject,
    });
  }
  // A read or delivery receipt, and an away message that says it is one, without the headers that
  // would tell (core/intake/automatic-notices.ts): as decisive as the headers.
  const receiptRead = readReceipt(facts) ?? deliveryReceipt(facts);
  const declared = declaresAutomatic(`${parts.own}\n${parts.signature}`);
  if (receiptRead || declared) {
    // A receipt's text is the program's, quoting our subject: nothing in it is the sender's.
    if (receiptRead) for (const s of fired) if (s.kind !== 'auto-reply') s.weight = 0;
    add({
      rule: receiptRead ? 'read-receipt' : 'declared-automatic',
      kind: 'auto-reply',
      weight: 8,
      sv: receiptRead
        ? 'ett läs- eller leveranskvitto'
        : 'texten säger att den är ett automatiskt svar',
      en: receiptRead ? 'a read or delivery receipt' : 'the text says it is an automatic reply',
      evidence: receiptRead ?? declared,
    });
  }
  // A ticket system's receipt of a mail from here: its case number, not a person's words. Not in a
  // forward: a person passing such a receipt on writes about it.
  const ticket =
    !receiptRead && !declared && !subject.isForward
      ? caseReceipt({ subject: subject.clean, body: `${parts.own}\n${parts.signature}` })
      : undefined;
  if (ticket) {
    add({
      rule: 'case-receipt',
      kind: 'auto-reply',
      weight: 8,
      sv: 'ett ärendesystems kvitto på ett mejl härifrån (ärendenummer)',
      en: "a ticket system's receipt of a mail from here (a case number)",
      evidence: ticket,
    });
  }
  const autoBody = AUTO_BODY.exec(fold(parts.own));
  if (autoBody) {
    add({
      rule: 'body-away',
      kind: 'auto-reply',
      weight: 2.5,
      sv: 'texten säger att personen är borta',
      en: 'the text says the person is away',
      evidence: autoBody[0],
    });
  }

  // What an away message promises for later ("jag svarar när jag är tillbaka", "läser mejl
  // sporadiskt"): a second sign beside the absence, said the way people write their own away texts.
  const answersLater = ANSWERS_LATER.exec(fold(parts.own));
  if (answersLater) {
    add({
      rule: 'body-answers-later',
      kind: 'auto-reply',
      weight: 2.5,
      sv: 'texten säger att mejlet besvaras eller läses senare',
      en: 'the text says mail will be answered or read later',
      evidence: answersLater[0],
    });
  }

  // Newsletters and other bulk mail.
  const listHeader = headerValue(facts, 'List-Unsubscribe') ?? headerValue(facts, 'List-Id');
  if (listHeader || precedence === 'bulk' || precedence === 'list') {
    add({
      rule: 'header-list',
      kind: 'other',
      weight: 6,
      sv: 'utskick till en lista (List-Unsubscribe/Precedence: bulk)',
      en: 'sent to a mailing list (List-Unsubscribe/Precedence: bulk)',
    });
  }
  // Each further sign of a mass mailing ("nyhetsbrev" and "avprenumerera") makes it surer.
  const newsletter = [
    ...new Set(
      [
        ...fold(`${subject.clean}\n${parts.own}\n${withoutDisclaimer(parts.signature)}`).matchAll(
          new RegExp(NEWSLETTER_BODY.source, 'g'),
        ),
      ].map((x) => x[0]),
    ),
  ];
  if (newsletter.length > 0) {
    add({
      rule: 'newsletter-words',
      kind: 'other',
      weight: Math.min(7, 3 + 2 * (newsletter.length - 1)),
      sv: 'ser ut som ett nyhetsbrev/utskick',
      en: 'looks like a newsletter',
      evidence: newsletter.join(', '),
    });
  }
  if (noreply) {
    add({
      rule: 'sender-noreply',
      kind: 'other',
      weight: 2,
      sv: `avsändaren är en utskicksadress (${facts.from.address})`,
      en: `the sender is a bulk address (${facts.from.address})`,
    });
  }

  // An advertisement (a course "med 20 % rabatt", a conference's early-bird price; advertising.ts):
  // nothing the coordinators answer, and its questions are sales lines. Not in a reply (the sender's
  // thread with us) and not with a document (an entry may well name a price), but for the price list
  // or brochure an advertisement carries.
  const advert =
    !subject.isReply && (documents.length === 0 || onlyBrochures(documents.map((d) => d.name)))
      ? salesOffer(subject.clean, parts.own, parts.signature)
      : undefined;
  if (advert) {
    // Its award words are the sales pitch ("skriv ett vinnande bidrag", "anmälan: https://…"), not a
    // sending or a registration: the advertisement says nothing of the sender's own participation.
    for (const s of fired) if (s.kind !== 'other' && s.kind !== 'auto-reply') s.weight = 0;
    add({
      rule: 'advertising',
      kind: 'other',
      weight: 6,
      sv: 'en reklam eller ett säljerbjudande (rabatt, pris, "boka före")',
      en: 'an advertisement or sales offer (discount, price, "book before")',
      evidence: advert,
    });
  }

  const ownWordsEarly = fold(`${subject.clean}\n${parts.own}`);
  // Sent for information and nothing else: nothing asked, and no sign of any other matter beyond a
  // word in passing ("kanske något för informationsmötena"). Filed as other alone; a mail "för
  // kännedom" that also registers, sends or asks stays with the competition (a coordinator).
  const fyi = fired.find((s) => s.rule === 'for-information' && s.weight > 0 && !s.asked);
  if (
    fyi &&
    questionCount === 0 &&
    // A unit renamed, merged or under a new manager is news the register needs: a coordinator reads it.
    !MERGED_UNIT.test(ownWordsEarly) &&
    !NEW_MANAGER.test(ownWordsEarly) &&
    !fired.some((s) => s.kind !== 'other' && s.rule !== 'names-award' && s.weight >= 1.5)
  )
    fyi.weight = Math.max(fyi.weight, 5);
  // A system's mail (a calendar invitation, a Teams notice, a bulletin to every manager, a "Delayed:"
  // notice; system-notices.ts): its award words are a meeting's title or a quoted chat message, not a
  // unit's own, so only the notice itself counts.
  const systemMail = systemNotice({
    subject: facts.subject,
    own: parts.own,
    from: facts.from.address,
    attachmentNames: facts.attachments.map((a) => a.name),
    isReply: subject.isReply,
  });
  if (systemMail) {
    const noticeKind: MailKind = systemMail.sort === 'delivery-delay' ? 'auto-reply' : 'other';
    for (const s of fired) if (s.kind !== noticeKind) s.weight = 0;
    add({
      rule: 'system-notice',
      kind: noticeKind,
      weight: 8,
      sv: SYSTEM_NOTICE_TEXT[systemMail.sort].sv,
      en: SYSTEM_NOTICE_TEXT[systemMail.sort].en,
      evidence: systemMail.evidence,
    });
  }

  // Outlook's answer to a meeting invitation ("Accepterat: Informationsmöte …"): the calendar keeps
  // the answer, the subject is only the meeting's title, so nothing in it is said by the sender.
  const calendarResponse = CALENDAR_RESPONSE.exec(facts.subject.trim());
  if (calendarResponse) {
    // Words the sender added to the answer ("kan jag komma den 2 mars i stället?") are read as any
    // mail's: the answer itself then only hints.
    const ownSays =
      questionCount > 0 ||
      fired.some((s) => s.zone === 'texten' && s.weight > 0 && s.kind !== 'other');
    for (const s of fired) if (s.zone === 'ämnesraden' || s.rule === 'names-award') s.weight = 0;
    add({
      rule: 'calendar-response',
      kind: 'other',
      weight: ownSays ? 2 : 8,
      sv: 'ett svar på en mötesinbjudan (kalendern har svaret)',
      en: 'an answer to a meeting invitation (the calendar has it)',
      evidence: facts.subject,
    });
  }
  // The mailbox greeted by its name ("Hej Kvalitetsutmärkelsen,") says nothing about the award, nor
  // does its address (phishing names the mailbox it threatens: "Din postlåda kvalitetsutmarkelsen@…
  // är full"). In a reply, the thread it answers is its context too: "stryk oss från listan" under a
  // quoted mail about the award (the sender's own registration, our reminder) is about the award.
  const context = AWARD_CONTEXT.test(
    fold(
      `${subject.clean}\n${parts.own}\n${parts.forwarded}\n${subject.isReply ? parts.quoted : ''}\n${documents.map((d) => d.name).join(' ')}`.replace(
        /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
        ' ',
      ),
    ).replace(MAILBOX_GREETING, ' '),
  );
  // A no-reply sender with nothing about the award (a system notice, an invoice reminder): bulk mail
  // that no one here answers, so as sure as a newsletter (an auto-reply stays one).
  if (
    noreply &&
    !context &&
    documents.length === 0 &&
    !fired.some((s) => s.kind === 'auto-reply' && s.weight > 0)
  ) {
    // Its questions ("Hur var utbildningen?", "Har du sett vår nya kurs?") are asked of every
    // reader by an address that takes no answer: nothing for a coordinator to answer.
    for (const s of fired) if (s.kind === 'question') s.weight = 0;
    add({
      rule: 'sender-noreply-unrelated',
      kind: 'other',
      weight: 4,
      sv: 'en utskicksadress och inget om kvalitetsutmärkelsen',
      en: 'a bulk address and nothing about the award',
    });
  }
  // A link to click in a mail about the award is how some units send their entry, not phishing.
  if (context) for (const s of fired) if (s.rule === 'phishing') s.weight = 0;
  // The officers' report before the board meets ("tjänsteutlåtande", "förslag till beslut"): nothing
  // is decided yet, so it is no protocol, unless the mail tells of the decision or carries the extract.
  const proposalText = `${subject.clean}\n${parts.own}\n${parts.forwarded}`;
  const proposal =
    (BOARD_PROPOSAL.test(fold(proposalText)) ||
      documents.some((d) => PROPOSAL_NAME.test(fold(d.name)))) &&
    !sentences(proposalText).some((s) => !s.isQuestion && !s.announced && decisionTaken(s.text)) &&
    !documents.some(
      (d) =>
        !PROPOSAL_NAME.test(fold(d.name)) &&
        /protokoll|utdrag|minutes|§/.test(fold(d.name) + d.name),
    ) &&
    // A protocol only asked about ("räcker det att protokollsutdraget …, eller vill ni även ha
    // tjänsteutlåtandet?") sends no proposal: the question is about what to send.
    fired.some((s) => s.kind === 'board-protocol' && s.weight > 0 && !s.asked);
  if (proposal) {
    // Its "bifogas" is the proposal and its "deltagande" what the board is to decide, as in a protocol.
    for (const s of fired)
      if (s.kind === 'board-protocol') s.weight *= 0.2;
      else if (s.kind === 'submission' || s.kind === 'pre-registration') s.weight *= 0.3;
    add({
      rule: 'board-proposal',
      kind: 'other',
      weight: 6,
      sv: 'ett förslag inför nämndens sammanträde (tjänsteutlåtande): inget beslut är fattat än',
      en: "a proposal before the board meets (officers' report): nothing is decided yet",
    });
  }
  // A mail that carries the board's protocol (every document named so, protocol words in the text):
  // its "bifogar" is the protocol and its "deltagande i kvalitetsutmärkelsen" is what the board
  // decided, not a unit's own sending or registration.
  // The text may say so instead of the file name (a scanner's "scan_0622.pdf", the registry's
  // "Expediering_BR-2027-412.pdf"): one sentence names the protocol and says it is attached.
  const saysProtocolAttached = sentences(`${parts.own}\n${parts.forwarded}`).some(
    (s) => !s.isQuestion && PROTOCOL_NOUN.test(s.text) && ATTACHED_WORD.test(s.text),
  );
  const carriesProtocol =
    documents.length > 0 &&
    (protocolNamed.length === documents.length ||
      (saysProtocolAttached &&
        !documents.some((a) =>
          /bidrag|tavling|ansokan|submission|entry|application/.test(fold(a.name)),
        ))) &&
    fired.some((s) => s.rule === 'protocol-word' || s.rule === 'protocol-en');
  if (carriesProtocol) {
    for (const s of fired)
      if (s.kind === 'submission' || s.kind === 'pre-registration') s.weight *= 0.3;
  }
  // "Vi i styrelsen har beslutat att inte gå vidare": a cooperative's or a company's own board
  // deciding for its unit is how the unit tells its choice; with no document and no protocol named,
  // its decision words are no board's protocol sent (a district board's decision comes from others).
  if (documents.length === 0 && OWN_BOARD.test(fold(parts.own))) {
    const told = fired.filter(
      (s) =>
        s.rule === 'protocol-word' && s.zone === 'texten' && !/protokoll/.test(s.evidence ?? ''),
    );
    for (const s of told) s.weight = 0;
    // The award named beside that decision is named for what the unit does, not for a protocol.
    if (
      told.length &&
      !fired.some((s) => s.kind === 'board-protocol' && s.weight > 0.5 && s.rule !== 'names-award')
    )
      for (const s of fired) if (s.kind === 'board-protocol') s.weight = 0;
  }
  // Likewise a registration form ("Bifogar vår intresseanmälan" with "Anmälan Lindhagensskolan.docx"):
  // what is attached is the registration, not the entry.
  const carriesRegistration =
    documents.length > 0 &&
    documents.every((a) => REGISTRATION_FILE.test(fold(a.name))) &&
    !documents.some((a) => /bidrag|tavling|ansokan|submission|entry/.test(fold(a.name))) &&
    fired.some(
      (s) =>
        s.rule === 'pre-registration-word' &&
        // The subject of a mail of its own ("Intresseanmälan" over the form alone) says it too.
        (s.zone === 'texten' || (s.zone === 'ämnesraden' && !subject.isReply)) &&
        s.weight >= 1,
    );
  if (carriesRegistration) {
    for (const s of fired) if (s.kind === 'submission') s.weight *= 0.3;
  }
  // Thanks sent with a document is a sending with polite words, and thanks followed by a question
  // still asks something: only plain thanks closes a thread.
  if (documents.length > 0 || questionCount > 0) {
    for (const s of fired)
      if (s.rule === 'thanks-for-receipt' || s.rule === 'thanks-for-event') s.weight = 0;
  }
  // A short reply that only thanks ("Tack så mycket!", "Tack för påminnelsen, vi skriver för
  // fullt!"): the award words are all in our own subject it answers, so nothing is asked or sent.
  const ownFolded = fold(parts.own);
  // "Tack för påminnelsen, men vi skickade in vårt bidrag redan förra veckan": the but only says the
  // reminder came after the sending; nothing is sent now (no document) and nothing is asked. Not with
  // a word of a missing receipt ("inget kvitto", "kom det fram"), which a coordinator answers.
  const alreadyDone =
    /\b(redan|already)\b/.test(ownFolded) &&
    !/\b(kvitto\w*|bekraftelse\w*|kom fram|kommit fram|receipt|confirmation|arrived|inget|ingen|nothing|no reply)\b/.test(
      ownFolded,
    )
      ? ALREADY_SENT.exec(ownFolded)
      : null;
  const thanksText = alreadyDone ? ownFolded.replace(alreadyDone[0], ' ') : ownFolded;
  // The sending told of is past: its words ("vårt bidrag") are no sending now.
  const toldOfSending = (s: Signal) =>
    !!alreadyDone && (s.kind === 'submission' || s.kind === 'pre-registration');
  if (
    subject.isReply &&
    documents.length === 0 &&
    questionCount === 0 &&
    ownFolded.length <= 160 &&
    THANKS_OPENING.test(ownFolded) &&
    // "Tack för ditt mejl" is how away messages open, headers or not.
    !/\b(tack|thanks?|thank you) (sa mycket )?(for|for your) (ditt|ert|your) (mejl|mail|meddelande|e ?post|e ?mail|message)\b/.test(
      ownFolded,
    ) &&
    // "Tack, men det var fel dokument": a but, a wrong or a not says more than thanks.
    !/\b(men|but|dock|however|fel|wrong|inte|ej|not|never|aldrig)\b/.test(thanksText) &&
    !DOCUMENT_LINK.test(parts.own) &&
    !fired.some(
      (s) =>
        (s.zone === 'texten' || s.kind === 'auto-reply') &&
        s.weight > 0 &&
        s.kind !== 'other' &&
        !toldOfSending(s),
    )
  ) {
    for (const s of fired) if (toldOfSending(s)) s.weight = 0;
    // The subject's "Räknas timvikarier?" was our thread's question, answered now.
    for (const s of fired)
      if (s.zone === 'ämnesraden' || s.rule === 'question-form' || s.rule === 'asks-indirectly')
        s.weight = 0;
    add({
      rule: 'thanks-reply',
      kind: 'other',
      weight: 5,
      sv: 'ett kort svar som bara tackar',
      en: 'a short reply that only says thank you',
    });
  }
  // A note passed on only for interest ("bara som kuriosa, inget ni behöver göra något med", "no
  // action needed on your part"): the sender says outright that nothing is asked, and the mail
  // neither asks, sends nor says anything a rule of another kind knows.
  const nothingToDo = FOR_INTEREST_ONLY.exec(ownFolded);
  if (
    nothingToDo &&
    documents.length === 0 &&
    questionCount === 0 &&
    !fired.some(
      (s) =>
        (s.zone === 'texten' || s.kind === 'auto-reply') &&
        s.weight > 0 &&
        s.kind !== 'other' &&
        s.rule !== 'names-award',
    )
  ) {
    add({
      rule: 'for-interest-only',
      kind: 'other',
      weight: 5,
      sv: 'skickat bara för kännedom: avsändaren säger att inget behöver göras',
      en: 'sent for interest only: the sender says nothing needs doing',
      evidence: nothingToDo[0],
    });
  }
  // Thanks for an event is a closing courtesy when the mail also does something (withdraws, signs up).
  const doing = (k: MailKind) =>
    fired.filter((s) => s.kind === k && s.rule !== 'names-award').reduce((n, s) => n + s.weight, 0);
  if (MAIL_KINDS.some((k) => k !== 'other' && doing(k) >= 2.5)) {
    for (const s of fired) if (s.rule === 'thanks-for-event') s.weight = 0;
  }
  // An IT operations notice, a platform's "the recording is ready" (everyday-notices.ts): the award's
  // words in it are the meeting's title, so they weigh nothing. Not when the sender also asks
  // something: a person asking about a recording gets an answer.
  const notice =
    questionCount === 0 || asksOnlyWhereToTurn(parts.own)
      ? everydayNotice({
          subject: subject.clean,
          own: parts.own,
          bulkSender: noreply,
          documentNames: documents.map((d) => d.name),
        })
      : undefined;
  if (notice) {
    for (const s of fired) if (s.kind !== 'other' && s.kind !== 'auto-reply') s.weight = 0;
    add({
      rule: 'everyday-notice',
      kind: 'other',
      weight: 6,
      sv: `${notice.sv}, inget om utmärkelsen att göra`,
      en: `${notice.en}, nothing to do for the award`,
      evidence: notice.evidence,
    });
  }
  // Empty mail with a document: nearly always a submission or protocol sent without words.
  // A board's decision told of beside a unit's own registration or withdrawal, with no protocol
  // attached or linked and no units listed ("styrelsen beslutade först ikväll"), is why the unit
  // writes, not the board's excerpt: it weighs as the reason, not as a rival protocol.
  if (
    documents.length === 0 &&
    !DOCUMENT_LINK.test(parts.own) &&
    !fired.some((s) => s.rule === 'protocol-participants' && s.weight > 0) &&
    fired.some(
      (s) =>
        (s.kind === 'pre-registration' || s.kind === 'withdrawal') &&
        s.zone === 'texten' &&
        !s.asked &&
        s.weight >= 3,
    )
  )
    for (const s of fired) if (s.kind === 'board-protocol') s.weight *= 0.3;
  const scores = Object.fromEntries(MAIL_KINDS.map((k) => [k, 0])) as Record<MailKind, number>;
  for (const s of fired) scores[s.kind] += s.weight;
  // Talk of "bidraget" with nothing attached is usually a question about it, not the submission.
  // A link to the document instead of the file ("bidraget ligger här: https://…sharepoint…/KU.docx")
  // is a sending too: the receipt asks for the file.
  // (Not from a bulk sender: "X har delat ett dokument med dig" with a login link is phishing.)
  const documentLink = documents.length === 0 && !noreply ? DOCUMENT_LINK.exec(parts.own) : null;
  if (documentLink && scores.submission > 0) {
    add({
      rule: 'document-link',
      kind: 'submission',
      weight: 2,
      sv: 'länkar till ett dokument i stället för att bifoga det',
      en: 'links to a document instead of attaching it',
      evidence: documentLink[0],
    });
    scores.submission += 2;
  } else if (documents.length === 0 && scores.submission > 0) {
    // Saying it comes later ("bidraget kommer före midnatt") makes this mail surely not the sending.
    scores.submission /= announcesSubmission ? 4 : 2;
    fired.push({
      rule: 'no-document',
      kind: 'submission',
      weight: 0,
      sv: 'inget dokument bifogat',
      en: 'no document attached',
    });
  }
  // An auto-reply, bulk mail or advertisement is not also a question because it contains "?".
  if (
    scores['auto-reply'] >= 8 ||
    listHeader ||
    precedence === 'bulk' ||
    precedence === 'list' ||
    advert
  )
    scores.question = Math.min(scores.question, 1);

  const ranked = [...MAIL_KINDS].sort((a, b2) => scores[b2] - scores[a]);
  const top = ranked[0] ?? 'other';
  const second = ranked[1] ?? 'other';
  const topScore = scores[top];
  let secondScore = scores[second];
  // In a question, the topics it names (the submission, the protocol) are what is asked about: they
  // do not compete with the question itself, while anything the mail also says or does still does.
  // Not the info meeting: asking about one ("vilket möte passar oss?") is often a wish to attend.
  if (top === 'question') {
    const sendsNow = fired.some(
      (x) =>
        (x.rule === 'submission-sending' ||
          (x.rule === 'submission-en' &&
            (!ENTRY_NAMED_ONLY.test(x.evidence ?? '') || SENDING_WORD_EN.test(ownFolded)))) &&
        x.weight > 0 &&
        !x.asked,
    );
    const rival = (k: MailKind) => {
      const asked = fired
        .filter((x) => x.kind === k && x.asked && x.rule !== 'names-award')
        .reduce((n, x) => n + x.weight, 0);
      // Asking, with nothing attached or linked and no word of sending it now ("vi har gjort
      // bidraget i InDesign, går det bra som PDF?"): the submission is only the question's topic.
      if (k === 'submission' && documents.length === 0 && !documentLink && !sendsNow) return 0;
      const factor =
        k === 'submission' && documents.length === 0 ? (announcesSubmission ? 0.25 : 0.5) : 1;
      return Math.max(0, scores[k] - asked * factor);
    };
    secondScore = Math.max(
      scores['info-meeting-signup'],
      ...MAIL_KINDS.filter((k) => k !== 'question' && k !== 'info-meeting-signup').map(rival),
    );
  }
  let kind: MailKind = topScore > 0 ? top : 'other';
  let confidence: number;
  if (topScore <= 0) {
    confidence = 0.15;
  } else {
    const strength = 1 - Math.exp(-topScore / 3);
    const margin = 1 - 0.8 * (secondScore / topScore);
    confidence = strength * margin;
  }
  // RFC 3834 "auto-replied" is what out-of-office replies say about themselves: decisive.
  if (bounce || (autoSubmitted && /auto-replied/i.test(autoSubmitted))) {
    kind = 'auto-reply';
    confidence = Math.max(confidence, 0.95);
  }
  // Two independent signs of a program's reply (an "Autosvar:"/"Frånvaro:" subject, an away text,
  // a text declaring itself automatic, an Auto-Submitted header) settle it: the award's words in such
  // a mail are our own subject quoted back or a registry's standard text ("Mottagningskvitto:
  // Protokollsutdrag …"), not the sender's business. Never with a document, which only a person sends.
  const autoSigns = new Set(
    fired.filter((s) => s.kind === 'auto-reply' && s.weight > 0).map((s) => s.rule),
  );
  if (kind === 'auto-reply' && autoSigns.size >= 2 && documents.length === 0)
    confidence = Math.max(confidence, 0.9);
  // Every cap below is a doubt of the rules' own (`signals.doubted`), whether or not it lowers the
  // confidence here: a second reading never reads it away (assess.ts).
  let doubted = false;
  const doubt = (limit: number) => {
    doubted = true;
    confidence = Math.min(confidence, limit);
  };
  // A mail with nothing of its own (empty body, no attachment, plain subject) is never certain.
  if (
    !parts.own.trim() &&
    !parts.forwarded.trim() &&
    documents.length === 0 &&
    kind !== 'auto-reply' &&
    !calendarResponse
  ) {
    doubt(0.5);
  }
  // A complaint about a unit or the award is for a coordinator to read, whatever it asks.
  const complaint = COMPLAINT.exec(fold(`${subject.clean}\n${parts.own}`));
  // A newsletter's "klagomålshantering" is a topic it writes about, not someone complaining.
  const massMailing =
    kind === 'other' && (!!listHeader || precedence === 'bulk' || newsletter.length > 0);
  if (complaint && kind !== 'auto-reply' && !massMailing) {
    doubt(0.6);
    fired.push({
      rule: 'complaint',
      kind,
      weight: 0,
      sv: 'innehåller klagomål eller kritik',
      en: 'contains a complaint or criticism',
      evidence: complaint[0],
    });
  }
  // A question that also says the sender's unit wants to join or leave ("vi på förskolan vill anmäla
  // oss … vad behöver ni veta?"), sent from a private mailbox: the address tells no unit, so the
  // participation the mail is about is a coordinator's to place before anything is answered or filed.
  if (kind === 'question' && PRIVATE_MAILBOX.test(facts.from.address.split('@')[1] ?? '')) {
    const participation = fired.find(
      (s) =>
        s.zone === 'texten' &&
        (s.kind === 'pre-registration' || s.kind === 'withdrawal') &&
        PARTICIPATION_RULES.includes(s.rule),
    );
    if (participation) {
      doubt(0.6);
      fired.push({
        rule: 'private-participation',
        kind,
        weight: 0,
        sv: 'en privat adress skriver om enhetens deltagande',
        en: 'a private address writes about a unit taking part',
        evidence: participation.evidence ?? participation.rule,
      });
    }
  }
  const ownWords = fold(`${subject.clean}\n${parts.own}`);
  // A person signing up for a meeting the rules do not know as an information meeting ("vill
  // anmäla mig till mötet den 9 mars") with nothing of the award's in the mail: no registration of
  // the unit is decided from its "anmäla" (meeting-signup.ts); a coordinator reads it.
  const meetingSignup = kind === 'pre-registration' ? personalMeetingSignup(ownWords) : undefined;
  if (meetingSignup) {
    doubt(0.6);
    fired.push({
      rule: 'personal-meeting-signup',
      kind,
      weight: 0,
      sv: 'en person anmäler sig till ett möte, ingen anmälan av enheten till kvalitetsutmärkelsen',
      en: 'a person signs up for a meeting, not the unit for the award',
      evidence: meetingSignup,
    });
  }
  // A request for an exception (more time for the entry, a rule waived): the instructions grant
  // none, so a coordinator decides it; filed as a question it would wait for an ordinary answer.
  const exception = asksForException(`${subject.clean}\n${parts.own}`);
  if (exception && kind !== 'auto-reply' && !massMailing && !advert) {
    doubt(0.6);
    fired.push({
      rule: 'exception-request',
      kind,
      weight: 0,
      sv: 'ber om ett undantag (mer tid för bidraget eller protokollet, en regel som inte ska gälla): en samordnare beslutar',
      en: 'asks for an exception (more time for the entry or the protocol, a rule waived): a coordinator decides',
      evidence: exception,
    });
  }
  // Personal data to be deleted: a coordinator decides, whatever kind of mail it otherwise is (not
  // an auto-reply or an advertisement).
  const personalData = deletesPersonalData(`${subject.clean}\n${parts.own}`);
  if (personalData && kind !== 'auto-reply' && kind !== 'other') {
    doubt(0.6);
    fired.push({
      rule: 'personal-data',
      kind,
      weight: 0,
      sv: 'ber att personuppgifter raderas: en dataskyddsfråga för en samordnare',
      en: 'asks for personal data to be deleted: a data-protection matter for a coordinator',
      evidence: personalData,
    });
  }
  const appendicesSaid = APPENDICES_ONLY.exec(ownWords);
  // Likewise the documents the unit keeps ready for the site visit (the business plan, the annual
  // report, survey results), sent on their own: material for the examiners, not the application.
  const onlyAppendices =
    documents.length > 0 &&
    documents.every(
      (d) =>
        APPENDIX_NAME.test(fold(d.name)) ||
        (SUPPORTING_NAME.test(fold(d.name)) && !SUBMISSION_NAME.test(fold(d.name))),
    );
  if (kind === 'submission' && (appendicesSaid || onlyAppendices)) {
    doubt(0.6);
    fired.push({
      rule: 'appendices-only',
      kind,
      weight: 0,
      sv: 'bara bilagor till ett bidrag: en person lägger ihop dem med bidraget',
      en: 'only appendices to a submission: a person joins them to the submission',
      evidence: appendicesSaid?.[0] ?? documents.map((d) => d.name).join(', '),
    });
  }
  // A sending that says its file is attached when none is ("Bifogar härmed vårt bidrag", "se
  // bifogad fil"): the file was lost on the way (forgotten, or dropped by the mail system), so a
  // coordinator asks for it at once. Only saying it comes ("Här kommer Äppelgårdens bidrag") with
  // nothing attached is the unit's submission, whose receipt asks for the file (the lead's label
  // rule of 7 December 2026).
  if (
    kind === 'submission' &&
    documents.length === 0 &&
    !documentLink &&
    SAYS_ATTACHED.test(ownWords)
  ) {
    doubt(0.6);
    fired.push({
      rule: 'nothing-attached',
      kind,
      weight: 0,
      sv: 'säger att bidraget skickas men inget dokument är bifogat eller länkat',
      en: 'says the submission is sent, but no document is attached or linked',
    });
  }
  // Taking back an entry to send a corrected one ("vi drar tillbaka vårt bidrag och skickar en ny
  // version") replaces the entry, it does not leave the award: withdrawing the unit would be wrong.
  const replaces = REPLACEMENT.exec(ownWords);
  if (kind === 'withdrawal' && replaces) {
    doubt(0.6);
    fired.push({
      rule: 'replaces-entry',
      kind,
      weight: 0,
      sv: 'drar tillbaka ett bidrag för att ersätta det med en ny version, inte för att lämna utmärkelsen',
      en: 'takes back an entry to replace it with a new version, not to leave the award',
      evidence: replaces[0],
    });
  }
  const merged = MERGED_UNIT.exec(ownWords);
  // Asking what becomes of the registration or the entry after a merger ("gäller anmälan för den
  // nya enheten?") is the same matter: which unit the participation belongs to is the register's to
  // settle first, so a coordinator reads it rather than it standing as the old unit's question.
  // A withdrawal whose merger is still to come gives it as its reason (core/intake/merger-ahead.ts).
  if (
    merged &&
    (kind === 'pre-registration' ||
      (kind === 'withdrawal' && !mergerStillAhead(ownWords)) ||
      kind === 'submission' ||
      kind === 'info-meeting-signup' ||
      (kind === 'question' && PARTICIPATION_TOPIC.test(ownWords)))
  ) {
    doubt(0.6);
    fired.push({
      rule: 'merged-unit',
      kind,
      weight: 0,
      sv: 'enheten har slagits ihop med en annan eller bytt namn: registret behöver ses över först',
      en: 'the unit has merged with another or changed its name: the register needs updating first',
      evidence: merged[0],
    });
  }
  // Two changes to participation said in one mail (one unit withdrawn and another registered in
  // its place, a withdrawal sent with an entry): whichever kind wins, acting on it alone loses the
  // other, so a coordinator makes both.
  const changes = participationChanges(fired, documents.length > 0 || !!documentLink);
  // The entry and the board's protocol sent together (an administration sending both for its unit):
  // each file is its own matter (an entry receipted, a participation confirmed), so whichever kind
  // wins, acting on it alone leaves the other unhandled. Only a file named as the entry beside the
  // protocol, and the entry named in the sender's words: the protocol's own appendices are not one.
  const entryBesideProtocol =
    protocolNamed.length > 0 &&
    documents.some(
      (d) =>
        !protocolNamed.includes(d) &&
        ENTRY_FILE.test(fold(d.name)) &&
        !PROPOSAL_NAME.test(fold(d.name)) &&
        !REGISTRATION_FILE.test(fold(d.name)),
    ) &&
    fired.some(
      (s) =>
        s.kind === 'submission' &&
        !s.asked &&
        s.weight > 0 &&
        (s.zone === 'texten' || s.zone === 'ämnesraden'),
    );
  const sent: MailKind[] = entryBesideProtocol ? ['submission', 'board-protocol'] : [];
  // A signup for an info meeting that also registers the unit ("anmäl mig till mötet; räkna också
  // med vår intresseanmälan") is two matters too: taken as a signup, the registration is lost.
  const twoActions: MailKind[] =
    kind === 'info-meeting-signup' && changes.length > 0
      ? [kind, ...changes]
      : [...new Set([...changes, ...sent])];
  if (twoActions.length > 1 && kind !== 'auto-reply') {
    doubt(0.6);
    fired.push({
      rule: 'two-actions',
      kind,
      weight: 0,
      sv: `gör två saker på en gång (${twoActions.map((k) => MAIL_KIND_LABELS[k].sv.toLowerCase()).join(' och ')}): en samordnare gör båda`,
      en: `does two things at once (${twoActions.map((k) => MAIL_KIND_LABELS[k].en.toLowerCase()).join(' and ')}): a coordinator does both`,
    });
  }
  const changeSignup = CHANGE_SIGNUP.exec(ownWords);
  if (
    changeSignup &&
    kind !== 'auto-reply' &&
    (kind === 'info-meeting-signup' || INFO.test(fold(`${subject.clean}\n${parts.own}`)))
  ) {
    doubt(0.6);
    fired.push({
      rule: 'change-signup',
      kind,
      weight: 0,
      sv: 'vill flytta en anmälan till ett annat informationsmöte',
      en: 'asks to move a signup to another info meeting',
      evidence: changeSignup[0],
    });
  }
  // Unsure whether the unit will manage ("vi är osäkra på om vi hinner skriva klart bidraget"): a
  // unit about to change its participation, so a coordinator follows up, whatever else it asks.
  if (
    kind === 'question' &&
    sentences(parts.own).some((s) => UNSURE.test(s.text) && UNSURE_ABOUT_TAKING_PART.test(s.text))
  )
    considering = true;
  // Considering joining is the very reason to ask about the award (a question on the entry's content,
  // asked with "?", beside "vi funderar på att anmäla oss"): a question, answered as one. Considering
  // said with nothing asked ("vi funderar på om vi anmäler intresse"), or with a half-made
  // registration (unsure yet, "det beror på", "räkna med oss preliminärt"), is a unit whose
  // participation a coordinator follows up.
  if (
    consideringToJoin &&
    kind !== 'info-meeting-signup' &&
    (kind !== 'question' || !parts.own.includes('?') || HALF_REGISTERING.test(ownWords))
  )
    considering = true;
  if (considering && kind !== 'auto-reply') {
    doubt(0.6);
    fired.push({
      rule: 'considering',
      kind,
      weight: 0,
      sv: 'enheten funderar på att delta eller dra sig ur men har inte bestämt sig',
      en: 'the unit is considering taking part or withdrawing but has not decided',
    });
  }
  // The board's proposal is nothing to record yet, but a coordinator may want to read what the board
  // is to decide (which units, when): suggested as 'other', never filed away alone.
  if (proposal && kind !== 'auto-reply') doubt(0.6);
  // "Vi vill delta, men bara om platsbesöket kan ligga i oktober": taking part said outright and tied
  // to a condition the award must meet. Whether read as a registration or as the question it ends
  // in, the unit's participation hangs on a coordinator's answer, so it is never filed alone.
  const onlyIf = ONLY_IF.exec(ownWords);
  const takesPartSaid = fired.some(
    (s) =>
      s.kind === 'pre-registration' &&
      s.weight > 0 &&
      !s.asked &&
      s.zone === 'texten' &&
      s.rule !== 'names-award',
  );
  const conditional =
    kind === 'pre-registration' || kind === 'submission'
      ? (CONDITIONAL.exec(ownWords) ?? (takesPartSaid ? onlyIf : null))
      : kind === 'question' && takesPartSaid
        ? onlyIf
        : null;
  if (conditional) {
    doubt(0.6);
    fired.push({
      rule: 'conditional',
      kind,
      weight: 0,
      sv: 'anmäler sig bara om enheten får delta: en samordnare prövar villkoren först',
      en: 'registers only if the unit may take part: a coordinator checks the conditions first',
      evidence: conditional[0],
    });
  }
  // A protocol is the board's excerpt: without a document, only a mail that lists the units is one.
  if (
    kind === 'board-protocol' &&
    documents.length === 0 &&
    !fired.some((s) => s.rule === 'protocol-participants' && s.weight > 0)
  ) {
    doubt(0.6);
    fired.push({
      rule: 'protocol-without-document',
      kind,
      weight: 0,
      sv: 'inget protokoll bifogat och inga enheter uppräknade',
      en: 'no protocol attached and no units listed',
    });
  }
  // Thanks after the ceremony, the gala or a site visit asks for nothing, but a coordinator may want
  // to read it (and answer): suggested as 'other', never filed away alone. Thanks for an info meeting
  // or a presentation (the same words to every speaker, "tack för ett bra informationsmöte igår") is
  // filed alone: no one answers it.
  const thanks = fired.filter((s) => s.rule === 'thanks-for-event' && s.weight > 0);
  // What is thanked for: the phrase and the word after it ("a useful information session"). Thanks
  // said twice ("Tack för bra info!" in the subject, the meeting named in the text) are read together.
  const thankedFor = (thanked: Signal) => {
    const at = thanked.evidence ? ownWords.indexOf(thanked.evidence) : -1;
    return at >= 0
      ? ownWords.slice(at, at + (thanked.evidence?.length ?? 0) + 12)
      : (thanked.evidence ?? '');
  };
  if (
    kind === 'other' &&
    thanks.length > 0 &&
    !(thanks.some((t) => INFO_THANKED.test(thankedFor(t))) && !CEREMONY_THANKED.test(ownWords)) &&
    !fired.some((s) => s.kind === 'other' && s.rule !== 'thanks-for-event' && s.weight > 0)
  ) {
    doubt(0.6);
  }
  // A person greeting the award's mailbox by its name ("Hej Kvalitetsutmärkelsen! Parkenheten vill
  // vara med i år") writes to the award: for joining or leaving, that is context enough. Not for a
  // sending (an invoice greets whoever it is addressed to) nor from a bulk sender.
  const greetsAward =
    !noreply &&
    (kind === 'pre-registration' || kind === 'withdrawal') &&
    fold(parts.own).match(MAILBOX_GREETING) !== null;
  const aboutAward = context || greetsAward;
  // Nothing about the award at all (an invoice with "bifogar" and a PDF): never act on it alone.
  if (
    !aboutAward &&
    (kind === 'submission' || kind === 'pre-registration' || kind === 'withdrawal')
  ) {
    doubt(0.5);
    fired.push({
      rule: 'no-award-context',
      kind,
      weight: 0,
      sv: 'nämner inte kvalitetsutmärkelsen, bidrag eller anmälan',
      en: 'does not mention the award, an application or a registration',
    });
  }
  // A question about another of the city's matters (a preschool place, a building permit) or an offer
  // to sell, with no word of the award: sent here by mistake, nothing for the coordinators to answer.
  // Likewise a sending, registration or withdrawal with no word of the award (a CV "bifogar mitt
  // CV", a fault report "vi har anmält felet"): another of the city's matters, not the award's.
  // And a mail with no sign of any kind at all that names such a matter (an SEO seller's "we can put
  // you on the first page of Google"): as surely another matter as the question would be.
  const elsewhere =
    kind === 'question' ||
    (topScore <= 0 && !aboutAward) ||
    (!aboutAward && (kind === 'submission' || kind === 'pre-registration' || kind === 'withdrawal'))
      ? misdirectedTopic({
          subject: facts.subject,
          body: facts.body,
          attachmentNames: facts.attachments.map((a) => a.name),
        })
      : undefined;
  if (elsewhere) {
    kind = 'other';
    confidence = 0.8;
    secondScore = 0;
    fired.push({
      rule: 'misdirected',
      kind: 'other',
      weight: 0,
      sv: `handlar om ${elsewhere.sv}, inte om kvalitetsutmärkelsen: fel mottagare`,
      en: `about ${elsewhere.en}, not the award: sent here by mistake`,
      evidence: elsewhere.evidence,
    });
  }
  // Phishing that borrows a service's name, and an examiner's report of a visit done or booked that
  // asks nothing: other, decided alone (core/intake/spoofed-service.ts, examiner-report.ts).
  // Never over a doubt of the rules' own (a complaint, a request for an exception).
  const spoofed = doubted ? undefined : spoofedService(facts, parts.own);
  const visitReport =
    topScore <= 0 && !doubted
      ? examinerReport(subject.clean, parts.own, parts.signature)
      : undefined;
  if (spoofed || visitReport) {
    kind = 'other';
    confidence = 0.8;
    secondScore = 0;
    fired.push({
      rule: spoofed ? 'spoofed-service' : 'examiner-report',
      kind: 'other',
      weight: 0,
      sv: spoofed
        ? `avsändaren kallar sig ${spoofed} men adressen är inte tjänstens, och texten ber om inloggning via en länk: nätfiske`
        : 'en examinator berättar att ett besök är genomfört eller bokat och frågar inget',
      en: spoofed
        ? `the sender calls itself ${spoofed} but the address is not the service's, and the text asks to log in through a link: phishing`
        : 'an examiner reports a visit done or booked and asks nothing',
      evidence: spoofed ?? visitReport,
    });
  }
  if (topScore <= 0) kind = 'other';
  confidence = Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100;

  fired.sort((x, y) => y.weight - x.weight);
  const forKind = fired.filter((s) => s.kind === kind);
  const reasons = forKind.map((s) => s.sv);
  const reasonsEn = forKind.map((s) => s.en);
  if (topScore <= 0) {
    reasons.push('inga kännetecken för någon sorts ärende');
    reasonsEn.push('no signs of any kind of matter');
  }
  if (secondScore > 0 && topScore > 0) {
    const pct = Math.round((secondScore / topScore) * 100);
    reasons.push(
      `men också tecken på ${MAIL_KIND_LABELS[second].sv.toLowerCase()} (${pct} % så starkt)`,
    );
    reasonsEn.push(
      `but also signs of ${MAIL_KIND_LABELS[second].en.toLowerCase()} (${pct} % as strong)`,
    );
  }
  if (subject.isReply) {
    reasons.push('svar i en tråd: citerade tidigare mejl räknas inte');
    reasonsEn.push('a reply in a thread: quoted earlier mails do not count');
  }

  const signals: ClassificationSignals = {
    language,
    isReply: subject.isReply,
    isForward: subject.isForward,
    documents: documents.map((d) => d.name),
    unsupportedDocuments: unsupported.map((d) => d.name),
    questionCount,
    fired,
    doubted,
  };
  if (parts.originalSender) signals.originalSender = parts.originalSender;
  const result: Classification = {
    kind,
    confidence,
    reasons: reasons.slice(0, 6),
    reasonsEn: reasonsEn.slice(0, 6),
    scores,
    signals,
    parts,
    cleanSubject: subject.clean,
  };
  if (secondScore > 0) result.alternative = second;
  if (bounce) result.nonDelivery = bounce;
  return result;
}

/**
 * The whole words within `span` characters before `index` (and the `length` after it): a window cut
 * inside a word would read its tail as a word of its own ("Hej" as "ej", a negation).
 */
function wordsBefore(text: string, index: number, span: number, length = 0): string {
  const start = Math.max(0, index - span);
  const window = text.slice(start, index + length);
  return start > 0 && /\w/.test(text[start - 1] ?? '') ? window.replace(/^\w*/, '') : window;
}

/**
 * The text with a hope's own negation blanked out, same length ("hoppas det inte är för sent",
 * "hope it is not too late"): what is hoped not to happen does not negate what the sender does.
 */
function withoutHopedNot(text: string): string {
  return text.replace(
    /\b((hoppas|hope|hopefully)( att| that)?( \w+){0,2} )(inte|ej|not)\b/g,
    (_, hope: string, _v, _t, _w, not: string) => hope + '_'.repeat(not.length),
  );
}

/** The clause of `text` around a match: "men"/"but" part a sentence's clauses. */
function clauseOf(text: string, index: number, length: number): string {
  const before = [...text.slice(0, index).matchAll(/\b(men|but)\b/g)].pop();
  const start = before ? (before.index ?? 0) + before[0].length : 0;
  const after = /\b(men|but)\b/.exec(text.slice(index + length));
  const end = after ? index + length + after.index : text.length;
  return text.slice(start, end).trim();
}

/**
 * True when what `told` finds in the sentence comes before "men"/"but" and the phrase at `at` after
 * it: the later clause says what is wanted now ("missade februari, men anmäl mig till mars"). The
 * other way round ("vill gärna komma men kan inte") the later clause still has the last word.
 */
function clauseApart(text: string, told: RegExp, at: number): boolean {
  const found = told.exec(text);
  if (!found || found.index >= at) return false;
  const between = text.slice(found.index, at);
  const buts = [...between.matchAll(/\b(men|but)\b/g)];
  const last = buts.at(-1);
  // The clause after the last "men" must not say it again ("…, men kan inte heller den 2 mars").
  return !!last && !told.test(between.slice(last.index + last[0].length));
}

/** Kinds that change a unit's participation when said outright (not asked, not told of as past). */
const PARTICIPATION_CHANGES: readonly MailKind[] = ['pre-registration', 'withdrawal', 'submission'];

/**
 * The participation changes the sender's own words make firmly (a phrase worth at least 3 said, not
 * asked, in the subject or text): more than one is two matters in one mail. Talk of the entry is a
 * sending only with a document or link ("we cannot write the submission" sends none).
 */
function participationChanges(fired: readonly Signal[], sendsDocument: boolean): MailKind[] {
  return PARTICIPATION_CHANGES.filter(
    (k) =>
      (k !== 'submission' || sendsDocument) &&
      fired
        .filter(
          (s) =>
            s.kind === k &&
            !s.asked &&
            (s.zone === 'texten' || s.zone === 'ämnesraden') &&
            s.rule !== 'names-award',
        )
        .reduce((n, s) => Math.max(n, s.weight), 0) >= 3,
  );
}

/**
 * The signature without its legal footer: the city's privacy and confidentiality notice ("läs mer på
 * stockholm.se/personuppgifter") ends every mail from a city address and is no sign of a newsletter.
 */
function withoutDisclaimer(signature: string): string {
  return signature
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((line) => !DISCLAIMER.test(fold(line)))
    .join('\n');
}
const DISCLAIMER = b(
  'personuppgift\\w*|dataskydd\\w*|sekretess|konfidentiell\\w*|ratt mottagare|avsedd mottagare|gdpr|confidential\\w*|privacy|intended recipient|personal data',
);

function negatedText(kind: MailKind): { sv: string; en: string } {
  switch (kind) {
    case 'withdrawal':
      return { sv: 'skriver att enheten inte deltar', en: 'says the unit will not take part' };
    case 'info-meeting-signup':
      return {
        sv: 'vill anmäla sig till informationsmöte',
        en: 'wants to sign up for an info meeting',
      };
    default:
      return { sv: kind, en: kind };
  }
}

function zoneEn(sv: string): string {
  return sv === 'ämnesraden' ? 'subject' : sv === 'texten' ? 'text' : 'forwarded mail';
}

export type Decision = 'auto' | 'triage';

/** Auto when the classifier is confident; otherwise a coordinator decides. */
export function decide(c: Pick<Classification, 'confidence' | 'kind'>): Decision {
  return c.confidence >= AUTO_THRESHOLD ? 'auto' : 'triage';
}
