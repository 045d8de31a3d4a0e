// Builds the text of a submission ("tävlingsbidrag"): administrative data, an introduction and answers to
// chosen questions among the 24 of the instructions, in Swedish prose of a chosen length. Tests use it to
// make applications with an exact number of characters excluding spaces, or with questions missing.
import {
  QUESTION_AREAS,
  QUESTION_TEXTS,
  type QuestionArea,
  type QuestionAreaId,
} from '../../core/intake/questions.js';
import type { UnitClassId } from '../../core/model.js';
import type { DocxParagraph } from './documents.js';
import { prng, type Prng } from './ids.js';

export { QUESTION_AREAS };

/** The 24 questions as written in the instructions (seed 002, 2021). */
export const QUESTIONS = QUESTION_TEXTS;

export const ALL_QUESTIONS: readonly number[] = Array.from({ length: 24 }, (_, i) => i + 1);

/** Counts characters excluding spaces, as Word's "characters (no spaces)": every non-whitespace character. */
export function countNonSpace(text: string): number {
  let count = 0;
  for (const ch of text) if (!/\s/u.test(ch)) count++;
  return count;
}

/** The administrative data the instructions ask for at the top of a submission. */
export interface ApplicationUnit {
  name: string;
  classId: UnitClassId;
  managerName: string;
  unitPhone: string;
  managerPhone: string;
  unitEmail: string;
  managerEmail: string;
  postalAddress: string;
  visitingAddress: string;
  staffCount: number;
  /** The board or administration, for the introduction. */
  organisationName?: string;
}

export interface ApplicationOptions {
  unit: ApplicationUnit;
  year: number;
  /** The questions answered (default all 24); the others are left out, headings and all. */
  questions?: readonly number[];
  /**
   * Total characters excluding spaces of the whole text (title, administrative data, headings, question
   * texts and answers). Reached exactly when it is above the fixed parts' size. Default 38 000.
   */
  targetNonSpaceChars?: number;
  /** Seed for the prose (default the unit's name and year). */
  seed?: string;
  /** Leave out the administrative data block (a submission that forgot it). */
  omitAdministrativeData?: boolean;
  /** Write "Fråga 7" headings without the question text (some units shorten them). */
  questionHeadings?: 'full' | 'number-only';
}

export interface Application {
  paragraphs: DocxParagraph[];
  /** The paragraphs' text joined by blank lines, as mammoth's raw text gives it. */
  text: string;
  nonSpaceCharacters: number;
  answeredQuestions: number[];
}

interface Vocabulary {
  who: string;
  whoShort: string;
  relatives: string;
  place: string;
  laws: string;
  survey: string;
  activity: string;
}

const VOCABULARY: Record<UnitClassId, Vocabulary> = {
  forskola: {
    who: 'barnen',
    whoShort: 'barn',
    relatives: 'vårdnadshavarna',
    place: 'förskolan',
    laws: 'skollagen, läroplanen för förskolan (Lpfö 18), barnkonventionen och stadens förskoleprogram',
    survey: 'förskoleundersökningen',
    activity: 'undervisningen',
  },
  skola: {
    who: 'eleverna',
    whoShort: 'elever',
    relatives: 'vårdnadshavarna',
    place: 'skolan',
    laws: 'skollagen, läroplanen (Lgr22), diskrimineringslagen och stadens skolplan',
    survey: 'skolenkäten',
    activity: 'undervisningen',
  },
  aldreomsorg: {
    who: 'de äldre',
    whoShort: 'omsorgstagare',
    relatives: 'anhöriga',
    place: 'verksamheten',
    laws: 'socialtjänstlagen, Socialstyrelsens föreskrifter om ledningssystem för systematiskt kvalitetsarbete (SOSFS 2011:9), den nationella värdegrunden och stadens äldreomsorgsprogram',
    survey: 'Socialstyrelsens brukarundersökning',
    activity: 'omsorgen',
  },
  socialtjanst: {
    who: 'brukarna',
    whoShort: 'brukare',
    relatives: 'närstående och gode män',
    place: 'verksamheten',
    laws: 'socialtjänstlagen, LSS, förvaltningslagen, SOSFS 2011:9 och stadens program för stöd och service',
    survey: 'stadens brukarundersökning',
    activity: 'stödet',
  },
  andra: {
    who: 'kunderna',
    whoShort: 'kunder',
    relatives: 'samarbetspartnerna i förvaltningarna',
    place: 'enheten',
    laws: 'kommunallagen, förvaltningslagen, offentlighets- och sekretesslagen, GDPR och stadens budget',
    survey: 'kundundersökningen',
    activity: 'servicen',
  },
};

// Sentences per area, with {who}, {place}, ... filled from the unit's class. Combined in seeded order so
// long answers read as prose rather than one sentence repeated.
const SENTENCES: Record<QuestionAreaId | 'inledning', string[]> = {
  inledning: [
    '{Place} har ett tydligt uppdrag från nämnden och arbetar utifrån {laws}.',
    'Vi har en ledningsgrupp som träffas varje vecka och arbetslag som planerar tillsammans varannan vecka.',
    'Medarbetarna har olika yrkesbakgrunder och flera har vidareutbildat sig under de senaste åren.',
    'Könsfördelningen bland medarbetarna är relativt jämn och vi talar tillsammans drygt femton språk.',
    'I ordlistan sist i bidraget förklarar vi de begrepp som är särskilda för vår verksamhet.',
    'Vi har under året varit ungefär lika många {whoShort} som föregående år, med en något större andel flickor än pojkar.',
  ],
  malgrupp: [
    'Ett gott bemötande är grunden i allt vi gör och vi pratar om det på varje arbetsplatsträff.',
    'Vi utgår från {who}s behov och ser till att {who} kan påverka sin vardag, både i stort och smått.',
    'Varje termin genomför vi samtal där {who} och {relatives} berättar vad som fungerar och vad som kan bli bättre.',
    'Synpunkter och klagomål registreras i stadens system, och vi återkopplar alltid inom två veckor.',
    'Vi har infört en enkel modell där {who} kan lämna förslag digitalt eller på papper, på flera språk.',
    'Under året har vi sett över lokalerna tillsammans med en tillgänglighetskonsult och åtgärdat trösklar, skyltning och ljudmiljö.',
    'Resultaten i {survey} har förbättrats tre år i rad och andelen nöjda ligger nu på 91 procent.',
    'Vi analyserar resultaten i arbetslagen och jämför med stadens genomsnitt och liknande verksamheter.',
    'När resultaten sjönk för frågan om information tog vi fram en ny rutin för välkomstsamtal.',
    'Jämställdhet och jämlikhet är en del av vårt dagliga arbete, och vi granskar regelbundet hur vi fördelar tid och uppmärksamhet.',
    'Vi använder bildstöd, tolk och lättläst information så att alla kan ta del av {activity}.',
    'Brukarråd, klassråd och referensgrupper ger oss kunskap som vi inte hade fått på något annat sätt.',
    'Alla nya medarbetare går igenom vår bemötandeguide under sin första vecka.',
    'Vi följer upp hur {who} upplever bemötandet genom korta pulsfrågor efter varje större förändring.',
  ],
  ledarskap: [
    'Min ledarskapsidé bygger på tillit, tydlighet och närvaro i vardagen.',
    'Jag finns ute i {place} en stor del av dagen och deltar i det praktiska arbetet när det behövs.',
    'Jag utvärderar mitt ledarskap genom medarbetarsamtal, den årliga medarbetarenkäten och återkoppling från min chef.',
    'Under året har jag gått stadens ledarskapsprogram och haft en mentor från en annan förvaltning.',
    'Verksamhetens mål bryts ned tillsammans med medarbetarna på planeringsdagarna i augusti och januari.',
    'Varje arbetslag formulerar egna aktiviteter som kopplar till nämndens mål, och vi följer upp dem månadsvis.',
    'Jag försöker ta vara på medarbetarnas intressen genom att fördela ansvarsområden efter kompetens och engagemang.',
    'Vi har en kompetensutvecklingsplan som bygger på en inventering av behoven i varje arbetslag.',
    'Kollegialt lärande sker genom att medarbetare besöker varandra och delar erfarenheter på gemensamma träffar.',
    'När vi upptäcker ett behov av ny kunskap prioriterar vi utbildning före nya projekt.',
    'Jag är noga med att förklara varför vi gör saker, inte bara vad vi ska göra.',
    'Ledningsgruppen reflekterar varje månad över hur vårt ledarskap påverkar resultaten för {who}.',
  ],
  medarbetare: [
    'Vår värdegrund har vi tagit fram tillsammans och den sammanfattas i orden respekt, ansvar och nyfikenhet.',
    'Värdegrunden är en stående punkt på arbetsplatsträffarna och vi använder konkreta fall från vardagen.',
    'Vid rekrytering använder vi kompetensbaserade intervjuer och anonymiserade ansökningar för att motverka diskriminering.',
    'Vi har en jämn könsfördelning i ledningsgruppen och följer upp lönestrukturen varje år.',
    'Medarbetarna driver egna förbättringsförslag, och under året genomfördes elva av dem.',
    'I den senaste medarbetarenkäten ökade aktivt medskapandeindex till 84, jämfört med 79 två år tidigare.',
    'Vi analyserade resultaten i varje arbetslag och tog fram tre gemensamma utvecklingsområden.',
    'Frisknärvaron har ökat och personalomsättningen är lägre än i jämförbara verksamheter.',
    'Introduktionen av nya medarbetare sker med en fadder och en tydlig checklista.',
    'Alla medarbetare har en individuell utvecklingsplan som följs upp i medarbetarsamtalet.',
  ],
  resultat: [
    'Av verksamhetsplanens mål uppfylldes de flesta helt och två delvis under förra året.',
    'Vi ser en positiv utveckling över de tre senaste åren, särskilt inom delaktighet och trygghet.',
    'Resultaten förklarar vi framför allt med det gemensamma arbetet med rutiner och uppföljning.',
    'Där målen inte nåddes har vi analyserat orsakerna tillsammans med medarbetarna och {relatives}.',
    'Det ekonomiska resultatet har varit i balans de senaste tre åren, med ett litet överskott förra året.',
    'Prognosen för innevarande år visar en budget i balans trots ökade kostnader för lokaler och livsmedel.',
    'Vi jämför våra resultat med andra verksamheter i staden genom nyckeltal i stadens uppföljningssystem.',
    'Analysen används som underlag när vi prioriterar aktiviteter i nästa års verksamhetsplan.',
  ],
  mal: [
    'Verksamhetsplanen togs fram under hösten i en process där alla medarbetare deltog genom workshoppar.',
    'Vi utgick från nämndens mål, förra årets uppföljning och det {who} och {relatives} har berättat för oss.',
    'Mål 1: Alla {whoShort} ska uppleva att de blir lyssnade på. Förväntat resultat är att minst 90 procent svarar positivt i {survey}.',
    'Arbetssättet är att varje arbetslag har en återkommande dialog med {who} och dokumenterar vad som kommer fram.',
    'Uppföljningen sker varje tertial, och vi redovisar resultaten i tertialrapporten till nämnden.',
    'Mål 2: Medarbetarna ska ha rätt kompetens för uppdraget. Vi följer upp genom kompetensinventering och medarbetarenkäten.',
    'Mål 3: Verksamheten ska bedrivas inom given budget. Vi följer ekonomin månadsvis tillsammans med controller.',
    'Planeringen för årets uppföljning finns i ett årshjul som alla medarbetare känner till.',
    'Vi använder resurserna effektivt genom samplanering, gemensamma inköp och ett genomtänkt schema.',
    'Energiförbrukningen har minskat sedan vi bytte till närvarostyrd belysning och ser över ventilationen.',
    'Digitala verktyg sparar tid i dokumentationen, som vi i stället lägger på möten med {who}.',
  ],
  utveckling: [
    'Analyserna av uppföljningen har lett till flera konkreta förbättringar under året.',
    'Ett exempel är att vi förändrade rutinen för överlämningar, vilket minskade antalet avvikelser med en tredjedel.',
    'Risker identifierar vi i en årlig riskanalys och i samband med varje större förändring.',
    'Avvikelser rapporteras och analyseras varje månad, och lärdomarna sprids i hela {place}.',
    'Framöver ser vi utmaningar i kompetensförsörjningen och i att möta {who}s förändrade behov.',
    'Möjligheterna finns i digitaliseringen och i ett närmare samarbete med andra verksamheter i stadsdelen.',
    'Vi delar goda exempel genom stadens nätverk, studiebesök och på Kvalitetsdagen.',
    'Vi lär av andra genom att ta emot och göra studiebesök, och genom att följa forskningen inom vårt område.',
    'Agenda 2030 har hjälpt oss att se hur vårt arbete bidrar till en hållbar stad.',
    'Under året besökte vi två verksamheter som tidigare fått Kvalitetsutmärkelsen och tog med oss deras arbetssätt.',
  ],
};

function areaOf(question: number): QuestionArea {
  const area = QUESTION_AREAS.find((a) => a.questions.includes(question));
  if (!area) throw new RangeError(`No question ${question}: the questions are 1–24`);
  return area;
}

function fill(template: string, v: Vocabulary): string {
  const place = v.place;
  return template
    .replace(/\{Place\}/g, place.charAt(0).toUpperCase() + place.slice(1))
    .replace(/\{place\}/g, place)
    .replace(/\{who\}s/g, v.who.endsWith('s') ? v.who : `${v.who}s`)
    .replace(/\{who\}/g, v.who)
    .replace(/\{whoShort\}/g, v.whoShort)
    .replace(/\{relatives\}/g, v.relatives)
    .replace(/\{laws\}/g, v.laws)
    .replace(/\{survey\}/g, v.survey)
    .replace(/\{activity\}/g, v.activity);
}

/** Prose of exactly `budget` non-space characters (or less when budget is tiny), in paragraphs. */
function prose(random: Prng, pool: readonly string[], v: Vocabulary, budget: number): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let used = 0;
  let order = random.shuffle(pool);
  let index = 0;
  while (used < budget) {
    if (index >= order.length) {
      order = random.shuffle(pool);
      index = 0;
    }
    let sentence = fill(order[index++]!, v);
    const left = budget - used;
    if (countNonSpace(sentence) > left) {
      // Prefer a whole sentence that still fits; only the last few characters are a cut sentence.
      const fitting = pool.map((t) => fill(t, v)).filter((s) => countNonSpace(s) <= left);
      if (fitting.length > 0) sentence = random.pick(fitting);
    }
    if (countNonSpace(sentence) > left) {
      // The last sentence is cut to fit exactly and closed with a full stop.
      if (left < 2) {
        sentence = '.'.repeat(left);
      } else {
        let taken = 0;
        let cut = 0;
        for (const ch of sentence) {
          if (taken === left - 1) break;
          cut += ch.length;
          if (!/\s/u.test(ch)) taken++;
        }
        sentence =
          sentence
            .slice(0, cut)
            .trimEnd()
            .replace(/[.,;:]$/, '') + '.';
        while (countNonSpace(sentence) < left) sentence = sentence.slice(0, -1) + 'a.';
      }
    }
    current.push(sentence);
    used += countNonSpace(sentence);
    if (current.length >= random.int(3, 6)) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs;
}

function plain(paragraph: DocxParagraph): string {
  return typeof paragraph === 'string' ? paragraph : paragraph.text;
}

/** Builds a submission answering the chosen questions, grouped by the six areas. */
export function buildApplication(options: ApplicationOptions): Application {
  const { unit, year } = options;
  const v = VOCABULARY[unit.classId];
  const random = prng(options.seed ?? `${unit.name}|${year}`);
  const answered = [...new Set(options.questions ?? ALL_QUESTIONS)].sort((a, b) => a - b);
  answered.forEach(areaOf);
  const target = options.targetNonSpaceChars ?? 38_000;

  // Fixed parts first, with a placeholder per answer; then the prose budget is shared out.
  const fixed: DocxParagraph[] = [
    { text: `Stockholms stads kvalitetsutmärkelse ${year}`, style: 'Title' },
    `Tävlingsbidrag från ${unit.name}`,
  ];
  if (!options.omitAdministrativeData) {
    fixed.push(
      { text: 'Administrativa uppgifter', style: 'Heading1' },
      `Verksamhetens namn: ${unit.name}`,
      `Verksamhetens chef: ${unit.managerName}`,
      `Telefon verksamheten: ${unit.unitPhone}`,
      `Telefon chefen: ${unit.managerPhone}`,
      `E-post verksamheten: ${unit.unitEmail}`,
      `E-post chefen: ${unit.managerEmail}`,
      `Postadress: ${unit.postalAddress}`,
      `Besöksadress: ${unit.visitingAddress}`,
      `Antal anställda maj ${year}: ${unit.staffCount}`,
    );
  }
  type Slot = { pool: string[]; weight: number };
  const layout: Array<DocxParagraph | Slot> = [...fixed];
  layout.push({ text: 'Inledning', style: 'Heading1' });
  if (unit.organisationName) layout.push(`${unit.name} tillhör ${unit.organisationName}.`);
  layout.push({ pool: SENTENCES.inledning, weight: 1.5 });
  for (const area of QUESTION_AREAS) {
    const inArea = area.questions.filter((q) => answered.includes(q));
    if (inArea.length === 0) continue;
    layout.push({ text: area.sv, style: 'Heading1' });
    for (const q of inArea) {
      const heading =
        options.questionHeadings === 'number-only' ? `Fråga ${q}` : `${q}. ${QUESTIONS[q]}`;
      layout.push({ text: heading, style: 'Heading2' });
      layout.push({ pool: SENTENCES[area.id], weight: q === 18 ? 2 : 1 });
    }
  }
  const isSlot = (x: DocxParagraph | Slot): x is Slot => typeof x === 'object' && 'pool' in x;
  const fixedSize = layout
    .filter((x) => !isSlot(x))
    .reduce((n, p) => n + countNonSpace(plain(p as DocxParagraph)), 0);
  const slots = layout.filter(isSlot);
  const totalWeight = slots.reduce((n, s) => n + s.weight, 0);
  const budget = Math.max(0, target - fixedSize);
  let given = 0;
  const budgets = slots.map((slot, i) => {
    const share =
      i === slots.length - 1 ? budget - given : Math.floor((budget * slot.weight) / totalWeight);
    given += share;
    return share;
  });

  const paragraphs: DocxParagraph[] = [];
  let slotIndex = 0;
  for (const item of layout) {
    if (isSlot(item)) paragraphs.push(...prose(random, item.pool, v, budgets[slotIndex++]!));
    else paragraphs.push(item);
  }
  const text = paragraphs.map(plain).join('\n\n');
  return { paragraphs, text, nonSpaceCharacters: countNonSpace(text), answeredQuestions: answered };
}
