// Mail sent to the award's address by mistake: a question the award's coordinators cannot answer,
// because it is about something else the city does (a preschool place, a building permit, parking,
// the staff survey) or sells something to the city (consultants, a demo, a free meeting). Such a mail
// is 'other', not an award question.
// Only a mail with no word of the award's business anywhere (subject, own text, signature, quotes,
// file names) can be one: a question about the award in other words ("räknas barnen med
// förskoleplats i Solna?", "vem ska jag vända mig till om bidraget?") stays a question.
import { fold, wholeWords } from './text.js';

const b = wholeWords;

/**
 * The award's business, folded: its name, process, documents, events, rules and people. Broad on
 * purpose: one such word anywhere keeps the mail a question for a coordinator.
 */
const AWARD_BUSINESS = b(
  [
    '\\w*utmarkelse\\w*|quality award|award|kvalitetspris\\w*|tavling\\w*|tavla|competition',
    '\\w*bidrag\\w*|ansokan (till|i|for) (arets |stockholms stads )?kvalitet\\w*|submission\\w*|entry|entries',
    '\\w*anmal\\w*|registr\\w*|sign(ed|ing)? up|deltag\\w*|delta|deltar|vara med|medverka\\w*|take part|particip\\w*',
    'inf\\w{0,10}?(mote|motet|moten|traff\\w*)|info|informationsmote\\w*|information meeting',
    'examinat\\w*|examiner\\w*|platsbesok\\w*|site visit\\w*|aterforing\\w*|feedback|jury\\w*|juryn',
    'prisutdelning\\w*|gala\\w*|ceremoni\\w*|ceremony|stadshuset|vinnare|vinna|vann|vunnit|winner\\w*|hedersomnamn\\w*|diplom\\w*|pris|priset',
    'protokoll\\w*|\\w*namnd\\w*|minutes|board|tjansteutlatande\\w*',
    'raknas|andel\\w*|procent|\\d+ ?%|villkor\\w*|krav|kraven|kriteri\\w*|regel|reglerna|regler|underskott\\w*|budget\\w*|verksamhetsplan\\w*|medarbetare|anstallda|eligib\\w*|criteria|rules',
    'tecken|sidor|fragomrade\\w*|frageomrade\\w*|fraga \\d+|instruktion\\w*|mall(en)?|template|deadline|sista dag\\w*',
    'kvalitetsarbete\\w*|kvalitetsutveckling\\w*|kvalitetssamordnare|samordnare|coordinator\\w*',
  ].join('|'),
);

/** What else the city does, or sells to it: the topics a misdirected mail is about. */
const ELSEWHERE: readonly { re: RegExp; sv: string; en: string }[] = [
  {
    re: b(
      '(forskole|skol|fritids|barnomsorgs|forskoleklass)plats\\w*|plats (pa|i|till) (forskola|forskolan|skola|skolan|fritids\\w*)|besked om (en )?plats|(statt|star|stod|sta) i (ko|kon)|ko(n)? (till|hos|for) (forskola|forskolan|skola|skolan)|skolval\\w*|skolplacering\\w*|placering (pa|i) (forskola|skola)|byta (forskola|skola)|preschool place|school place|childcare place|waiting list',
    ),
    sv: 'en plats i förskola eller skola',
    en: 'a place in a preschool or school',
  },
  {
    re: b(
      'bygglov\\w*|marklov\\w*|rivningslov\\w*|detaljplan\\w*|strandskydd\\w*|attefall\\w*|altan\\w*|nybyggnadskarta\\w*|fastighetsbildning\\w*|building permit\\w*|planning permission',
    ),
    sv: 'bygglov eller planärenden',
    en: 'a building permit or planning',
  },
  {
    re: b(
      'parkering\\w*|felparkering\\w*|boendeparkering\\w*|parkeringstillstand\\w*|sophamtning\\w*|snorojning\\w*|gatubelysning\\w*|hittegods\\w*|parking (permit|fine|ticket)|waste collection',
    ),
    sv: 'parkering, gator eller avfall',
    en: 'parking, streets or waste',
  },
  {
    re: b(
      'konsult\\w*|interim\\w*|bemanning\\w*|rekrytering\\w*|tillgangliga? med kort varsel|kort (samtal|mote)|boka (ett |en )?(kort |kostnadsfri\\w* )?(demo|samtal|mote|visning)|(kostnadsfri\\w*|gratis) (\\d+ )?(demo|provperiod|visning|\\w*samtal|\\w*mote|radgivning|konsultation)|sokmotor\\w*|synas (battre )?(pa|i) (google|sokmotorer\\w*|natet)|search engine\\w*|seo|(first|1st|forsta) (page|sidan) (of|on|pa) google|free (audit|analysis|website review)|offert\\w*|vara tjanster|consultant\\w*|staffing|recruit\\w*|book a (demo|call|meeting)|(short|quick) call|free trial',
    ),
    sv: 'ett erbjudande om tjänster',
    en: 'an offer of services',
  },
  {
    re: b(
      'spontanansokan|(soker|ansoker om|intresserad av) (tjansten|jobbet|ett jobb|arbete|praktik\\w*|sommarjobb\\w*)|praktikplats\\w*|sommarjobb\\w*|mitt cv|bifogat cv|job application|my (cv|resume)|internship',
    ),
    sv: 'en ansökan om arbete',
    en: 'a job application',
  },
  {
    // The building: a broken radiator, a lock, a leak, the cleaning (fault reports go to the
    // property's facility management, not to the award's mailbox).
    re: b(
      'felanmal\\w*|fastighetsskot\\w*|fastighetsforvalt\\w*|fastighetsjour\\w*|fastighetsvard\\w*|vaktmastar\\w*|lokalvard\\w*|elementet|elementen|\\w*elementet (ar )?(kallt|trasigt|lacker)|radiator\\w*|ventilationen|vattenlacka\\w*|vattenskada\\w*|lacker (in )?vatten|stopp i (avloppet|toaletten|handfatet)|(trasig|trasigt|trasiga|sonder) (lampa|lampor|las|laset|dorr|dorren|hiss|hissen|kran|kranen|toalett\\w*|fonster\\w*|element|persienn\\w*|kaffemaskin\\w*)|(lampan|laset|dorren|hissen|kranen|toaletten|fonstret|kortlasaren|passersystemet)( \\w+){0,4} (ar|har gatt) (\\w+ )?(trasig\\w*|sonder|ur funktion|stopp)|broken (heater|radiator|lock|door|lift|elevator|light|window)|facility management|facilities management|maintenance request|heating (is|does)',
    ),
    sv: 'fastigheten eller lokalerna (felanmälan)',
    en: 'the building or premises (a fault report)',
  },
  {
    // The city's parks and outdoor places: a broken swing on a playground, a park bench, graffiti,
    // a fallen tree (the traffic office's or the district's park unit's matter, reported through the
    // city's fault service). A resident writes here by mistake; the award has no playgrounds.
    re: b(
      'lekplats\\w*|lekpark\\w*|gunga|gungan|gungor|gungorna|gungstall\\w*|klatterstall\\w*|lekstall\\w*|sandlad\\w*|rutschkan\\w*|lekredskap\\w*|parkbank\\w*|klotter|nedskrap\\w*|potthal\\w*|(trad|gren) (har )?(fallit|blast omkull)|playground\\w*|swings|swing set\\w*|park bench\\w*|graffiti|pothole\\w*',
    ),
    sv: 'en park, lekplats eller gata (felanmälan utomhus)',
    en: 'a park, playground or street (an outdoor fault report)',
  },
  {
    // A parent's view on their child's preschool or school: the meals, a teacher, how the child is
    // treated ("synpunkter på maten på min dotters förskola", "my son's teacher"). The school's head
    // or the district's complaints service takes it; the award judges no one's lunch. Said by the
    // thing viewed (the school's meals, the child's own school or teacher), not by a complaint word
    // alone: a unit's unhappy word about its assessment names the award and never gets here. Care of
    // an adult (a parent's home care) is not in it: a complaint about someone's care carries their
    // welfare and personal data, and is for a coordinator to pass on (b3-triage-09, b12-triage-14).
    re: b(
      '(skol|forskole|fritids)mat(en)?|skollunch\\w*|(maten|lunchen|lunchema\\w*|matsedel\\w*|maltid\\w*|mellanmal\\w*|portioner\\w*) (pa|i|for) (\\w+ ){0,3}(forskola|forskolan|skola|skolan|fritids|fritidshemmet|avdelningen)|(min|mitt|mina|var|vart|vara) (sons?|dotters?|barns?|barnens|flickas?|pojkes?|grabbs?|tjejs?|killes?) (forskola|forskolan|skola|skolan|klass|klasslarare|larare|forskollarare|pedagog\\w*|mentor|fritids|avdelning)|school (meals?|lunch(es)?|food|dinners?)|(my|our) (son|daughter|child|children|kid|kids)( s)? (school|preschool|nursery|teacher|class)',
    ),
    sv: 'ett barns förskola eller skola (maten, lärarna)',
    en: "a child's preschool or school (the meals, the teachers)",
  },
  {
    // The city's staff survey and its reminders ("Har du svarat på medarbetarenkäten?"): HR's, sent to
    // every mailbox; its question is asked of each employee, not of the award.
    re: b(
      'medarbetarenkat\\w*|medarbetarundersokning\\w*|personalenkat\\w*|arbetsmiljoenkat\\w*|(staff|employee) (survey|engagement survey)',
    ),
    sv: 'stadens medarbetarenkät',
    en: "the city's staff survey",
  },
  {
    // An employee's own pay, leave or employment: the payroll service centre's or HR's matter.
    re: b(
      '\\w*lon(en)? (utbetal\\w*|saknas)|(semester|sjuk|manads|tim|over(tids)?|retroaktiv)lon\\w*|lonespec\\w*|lonebesked\\w*|loneutbetalning\\w*|lonekontor\\w*|loneadministration\\w*|anstallningsnummer|anstallningsbevis|tjanstgoringsintyg|arbetsgivarintyg|ob tillagg\\w*|reserakning\\w*|semesterdagar(na)?|semesteransokan|forsakringskassan|payslip\\w*|salary|holiday pay|sick pay|employee number|employment certificate',
    ),
    sv: 'lön, ledighet eller anställning',
    en: 'pay, leave or employment',
  },
];

export interface Misdirected {
  /** What the mail is about instead, in Swedish and English. */
  sv: string;
  en: string;
  /** The words that say so. */
  evidence: string;
}

/**
 * What else than the award a mail is about, when it says nothing of the award's business and names
 * one of the city's other matters (or an offer to sell); else undefined.
 */
export function misdirectedTopic(mail: {
  subject: string;
  body: string;
  attachmentNames?: readonly string[];
}): Misdirected | undefined {
  const all = fold(`${mail.subject}\n${mail.body}\n${(mail.attachmentNames ?? []).join('\n')}`);
  if (AWARD_BUSINESS.test(all)) return undefined;
  for (const topic of ELSEWHERE) {
    const m = topic.re.exec(all);
    if (m) return { sv: topic.sv, en: topic.en, evidence: m[0] };
  }
  return undefined;
}
