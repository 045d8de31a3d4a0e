// Reads an application's structure: the administrative data at the top and which of the 24 questions
// (in 6 areas, from the instructions) have an answer. Headings are found as "1.", "1)", "Fråga 1",
// "Question 1" or by the question's own words; a numbered list inside an answer is not a heading,
// because headings must come in order and the question's words weigh more than a bare number.
import { fold, findEmailAddresses } from './text.js';

export type QuestionAreaId =
  'malgrupp' | 'ledarskap' | 'medarbetare' | 'resultat' | 'mal' | 'utveckling';

export interface QuestionArea {
  id: QuestionAreaId;
  sv: string;
  en: string;
  questions: number[];
}

export const QUESTION_AREAS: readonly QuestionArea[] = [
  { id: 'malgrupp', sv: 'Målgrupp', en: 'Target group', questions: [1, 2, 3, 4, 5] },
  {
    id: 'ledarskap',
    sv: 'Chef- och ledarskap',
    en: 'Management and leadership',
    questions: [6, 7, 8, 9, 10],
  },
  { id: 'medarbetare', sv: 'Medarbetare', en: 'Employees', questions: [11, 12, 13, 14] },
  { id: 'resultat', sv: 'Resultat och analys', en: 'Results and analysis', questions: [15, 16] },
  {
    id: 'mal',
    sv: 'Från mål till uppföljning',
    en: 'From goals to follow-up',
    questions: [17, 18, 19, 20],
  },
  { id: 'utveckling', sv: 'Utveckling', en: 'Development', questions: [21, 22, 23, 24] },
];

export const QUESTION_COUNT = 24;

// The 24 questions as the instructions (2021) word them. The part before '|' is the question's opening:
// enough words to recognise a copied heading (a heading may stop there).
const WORDING: Readonly<Record<number, string>> = {
  1: 'Beskriv hur ni arbetar med bemötandefrågor och förstärker en kultur där brukare/kunder är i centrum|.',
  2: 'Beskriv hur ni gör brukarna/kunderna delaktiga, såväl på individ- som gruppnivå|.',
  3: 'Beskriv hur ni arbetar med jämställdhet och jämlikhet ur ett brukar-/kundperspektiv|.',
  4: 'Beskriv hur ni arbetar med att öka tillgängligheten i er verksamhet| så att alla, oavsett funktionsförmåga, ska kunna ta del av den.',
  5: 'Redovisa kortfattat resultaten från era brukarundersökningar/kunddialoger|. Analysera genom att jämföra utvecklingen över tid (om möjligt de tre senaste åren), och reflektera över varför ni fått de resultat ni fått. Redogör också för hur ni arbetar med att tillvarata analysen.',
  6: 'Beskriv din ledarskapsidé|. Beskriv också konkret på vilket sätt den märks i ditt dagliga arbete.',
  7: 'Redogör för hur du som ledare utvärderar och utvecklar ditt ledarskap|.',
  8: 'Beskriv hur du som chef/ledare försäkrar dig om att medarbetarna är införstådda med verksamhetens syfte och mål| och ser sin del i måluppfyllelsen.',
  9: 'Beskriv hur du som chef/ledare skapar förutsättningar för och tar vara på intresse, engagemang och kompetens| hos medarbetarna.',
  10: 'Beskriv hur du som chef/ledare skapar möjligheter för lärande i organisationen| och hur ni arbetar med kompetensutveckling utifrån identifierade behov.',
  11: 'Beskriv vilken värdegrund/gemensamma förhållningssätt ni har i er verksamhet|. Beskriv hur den/de förankras och märks i det dagliga arbetet.',
  12: 'Beskriv hur ni arbetar med frågor kring jämställdhet och jämlikhet, utifrån ett arbetsgivarperspektiv|.',
  13: 'Beskriv hur ni arbetar för ett aktivt medarbetarskap|, där medarbetare medverkar i utveckling av verksamheten.',
  14: 'Redovisa kortfattat resultaten från den senaste medarbetarundersökningen|. Analysera genom att jämföra utvecklingen över tid (om möjligt de tre senaste åren), och reflektera över varför ni fått de resultat ni fått. Redogör också för hur ni arbetar med att tillvarata analysen.',
  15: 'Redovisa kortfattat resultat från förra årets uppföljningar av era mål i verksamhetsplanen| och/eller andra betydande resultat, som visar på hur väl ni har lyckats i ert uppdrag att skapa önskat resultat för målgruppen. Analysera genom att jämföra utvecklingen över tid (om möjligt de tre senaste åren), och reflektera över varför ni fått de resultat ni fått. Redogör också för hur ni arbetar med att tillvarata analysen.',
  16: 'Redovisa ert prognostiserade ekonomiska resultat i förhållande till budget| för innevarande år samt de tre senaste årens resultat. Redogör också för er analys av resultaten och vilka trender ni kan se. (Det krävs inga detaljerade siffror.)',
  17: 'Beskriv processen, det vill säga hur det gick till när ni tog fram årets verksamhetsplan|, vilka som deltog och vilka överväganden ni gjorde när ni bestämde era mål.',
  18: 'Skriv era mål från verksamhetsplan eller motsvarande|. Under varje mål ska ni skriva förväntat resultat (vad är det ni vill uppnå?), arbetssätt (hur arbetar ni för att nå resultatet?) och hur avser ni att följa upp (hur tar ni reda på att ni nått förväntat resultat?).',
  19: 'Beskriv hur er planering för årets uppföljning ser ut|.',
  20: 'Beskriv hur ni använder verksamhetens resurser så effektivt som möjligt för att nå era mål|. Med resurser avses, förutom tilldelad budget, till exempel medarbetarna och deras kompetens, samverkan, lokaler, material, energiförbrukning, IT-stöd och fordon.',
  21: 'Beskriv hur ni utvecklar verksamheten utifrån era analyser av uppföljningar och resultat|. Ge gärna konkreta exempel.',
  22: 'Beskriv hur ni arbetar med att identifiera och minimera risker och sårbarheter| i er verksamhet.',
  23: 'Beskriv vilka utmaningar och möjligheter ni ser framöver i er verksamhet|. Beskriv också hur ni planerar och arbetar för att möta dessa.',
  24: 'Beskriv hur ni delar med er av era goda exempel|. Beskriv också hur ni lär av andra och hur ni använder dessa kunskaper för att utveckla verksamheten. Ge gärna konkreta exempel.',
};

const byQuestion = (pick: (wording: string) => string): Readonly<Record<number, string>> =>
  Object.fromEntries(Object.entries(WORDING).map(([n, w]) => [n, pick(w)]));

/** Each question in full, as written in the instructions. */
export const QUESTION_TEXTS = byQuestion((w) => w.replace('|', ''));

/** The opening words of each question in the instructions (2021), enough to recognise a copied heading. */
export const QUESTION_OPENINGS = byQuestion((w) => w.slice(0, w.indexOf('|')));

const OPENING_TOKENS: Record<number, string[]> = Object.fromEntries(
  Object.entries(QUESTION_OPENINGS).map(([n, t]) => [n, fold(t).split(' ').slice(0, 10)]),
);

export interface QuestionHeading {
  number: number;
  /** Line index in the text. */
  line: number;
  heading: string;
  /** Characters (no spaces) of the answer under the heading. */
  answerLength: number;
}

export interface QuestionCoverage {
  headings: QuestionHeading[];
  answered: number[];
  /** Questions with no heading, or a heading with (almost) nothing under it. */
  missing: number[];
  /** Per area: how many of its questions are answered. */
  areas: { id: string; sv: string; en: string; answered: number; total: number }[];
}

/** An answer shorter than this (characters, no spaces) counts as not answered. */
export const MIN_ANSWER_CHARS = 20;

interface Candidate {
  line: number;
  number: number;
  weight: number;
  heading: string;
}

const NUMBERED =
  /^\s*(?:(fr[aå]ga|question|q)\s*(?:nr\.?\s*)?(\d{1,2})\b[.):]?|(\d{1,2})\s*[.):](?!\d))\s*(.*)$/i;

/** Finds the 24 questions' headings in an application's text and which have answers under them. */
export function detectQuestions(text: string): QuestionCoverage {
  const lines = text.split(/\r?\n/);
  const candidates: Candidate[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.length > 600) return;
    const m = NUMBERED.exec(line);
    const folded = fold(line);
    const tokens = folded.split(' ');
    if (m) {
      const n = Number(m[2] ?? m[3]);
      if (n >= 1 && n <= QUESTION_COUNT) {
        const labelled = !!m[1];
        const rest = fold(m[4] ?? '');
        const textMatch = openingMatch(rest.split(' ').filter(Boolean), n);
        const weight =
          (labelled ? 3 : 1) + (textMatch ? 4 : 0) + (rest.length === 0 && !labelled ? 0.5 : 0);
        candidates.push({ line: i, number: n, weight, heading: line });
        return;
      }
    }
    // A heading that is the question's text without a number.
    for (let n = 1; n <= QUESTION_COUNT; n++) {
      if (openingMatch(tokens, n) && tokens.length <= 80) {
        candidates.push({ line: i, number: n, weight: 3, heading: line });
        break;
      }
    }
  });
  const chain = bestChain(candidates);
  const headings: QuestionHeading[] = chain.map((c, idx) => {
    const next = chain[idx + 1]?.line ?? lines.length;
    const body = lines.slice(c.line + 1, next).join('\n');
    // A heading line with the answer on the same line ("1. Vi arbetar ...") counts its own words too.
    const sameLine = c.weight < 4 ? (NUMBERED.exec(c.heading)?.[4] ?? '') : '';
    const answerLength =
      body.replace(/\s+/gu, '').length +
      (sameLine.length > 60 ? sameLine.replace(/\s+/gu, '').length : 0);
    return { number: c.number, line: c.line, heading: c.heading, answerLength };
  });
  const answered = headings.filter((h) => h.answerLength >= MIN_ANSWER_CHARS).map((h) => h.number);
  const missing: number[] = [];
  for (let n = 1; n <= QUESTION_COUNT; n++) if (!answered.includes(n)) missing.push(n);
  return {
    headings,
    answered,
    missing,
    areas: QUESTION_AREAS.map((a) => ({
      id: a.id,
      sv: a.sv,
      en: a.en,
      answered: a.questions.filter((q) => answered.includes(q)).length,
      total: a.questions.length,
    })),
  };
}

function openingMatch(tokens: string[], n: number): boolean {
  const opening = OPENING_TOKENS[n] ?? [];
  const k = Math.min(opening.length, 6);
  if (tokens.length < k) return false;
  let same = 0;
  for (let i = 0; i < k; i++) if (tokens[i] === opening[i]) same++;
  return same >= k - 1 && k >= 3;
}

/** The heaviest chain of candidates with strictly increasing question numbers and line positions. */
function bestChain(cands: Candidate[]): Candidate[] {
  const n = cands.length;
  const best = new Array<number>(n).fill(0);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const ci = cands[i]!;
    best[i] = ci.weight;
    for (let j = 0; j < i; j++) {
      const cj = cands[j]!;
      if (cj.number < ci.number && cj.line < ci.line) {
        // Skipping numbers costs a little, so "1,2,3" inside answer 5 loses to the real 6,7,8.
        const gapPenalty = 0.1 * (ci.number - cj.number - 1);
        const v = best[j]! + ci.weight - gapPenalty;
        if (v > best[i]!) {
          best[i] = v;
          prev[i] = j;
        }
      }
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || best[i]! > best[end]!) end = i;
  const chain: Candidate[] = [];
  for (let i = end; i >= 0; i = prev[i]!) chain.unshift(cands[i]!);
  return chain;
}

// ---------------------------------------------------------------------------------------------
// Administrative data

export interface AdministrativeData {
  unitName?: string;
  managerName?: string;
  phones: string[];
  emails: string[];
  postalAddress?: string;
  visitingAddress?: string;
  staffCount?: number;
  /** Fields the instructions ask for that were not found. */
  missing: AdministrativeField[];
}

export type AdministrativeField =
  | 'unitName'
  | 'managerName'
  | 'phones'
  | 'emails'
  | 'postalAddress'
  | 'visitingAddress'
  | 'staffCount';

export const ADMINISTRATIVE_FIELD_LABELS: Readonly<
  Record<AdministrativeField, { sv: string; en: string }>
> = {
  unitName: { sv: 'verksamhetens namn', en: "the unit's name" },
  managerName: { sv: 'chefens namn', en: "the manager's name" },
  phones: { sv: 'telefonnummer', en: 'phone numbers' },
  emails: { sv: 'e-postadresser', en: 'e-mail addresses' },
  postalAddress: { sv: 'postadress', en: 'postal address' },
  visitingAddress: { sv: 'besöksadress', en: 'visiting address' },
  staffCount: { sv: 'antal anställda', en: 'number of staff' },
};

const LABELS: { field: Exclude<AdministrativeField, 'phones' | 'emails'>; re: RegExp }[] = [
  {
    field: 'unitName',
    re: /^(verksamhetens namn|verksamhet|enhetens namn|enhet|namn på verksamheten|name of (the )?unit|unit name|unit)\s*[:\-–]\s*(.+)$/i,
  },
  {
    field: 'managerName',
    re: /^(verksamhetens chefs namn|verksamhetens chef|chefens namn|enhetschef|förskolechef|rektor|chef|ansvarig chef|manager|unit manager|manager's name)\s*[:\-–]\s*(.+)$/i,
  },
  {
    field: 'postalAddress',
    re: /^(postadress|post address|postal address|mailing address)\s*[:\-–]\s*(.+)$/i,
  },
  {
    field: 'visitingAddress',
    re: /^(besöksadress|besöks adress|visiting address|street address)\s*[:\-–]\s*(.+)$/i,
  },
  {
    field: 'staffCount',
    re: /^(antal anställda|antal medarbetare|antal personal|number of (staff|employees))[^:\-–]*[:\-–]\s*(.+)$/i,
  },
];

const PHONE = /(?:\+46\s?\(?0?\)?\s?|\b0)\d{1,3}[\s-]?\d{2,3}(?:[\s-]?\d{2,3}){1,3}\b/g;

/**
 * Reads the administrative data from the top of an application: labelled lines ("Postadress: …"),
 * phone numbers and e-mail addresses. Looks only before the first question so an answer's numbers
 * are not taken for phone numbers.
 */
export function detectAdministrativeData(
  text: string,
  coverage?: QuestionCoverage,
): AdministrativeData {
  const lines = text.split(/\r?\n/);
  const firstQuestionLine =
    (coverage ?? detectQuestions(text)).headings[0]?.line ?? Math.min(lines.length, 80);
  const head = lines.slice(0, Math.max(1, Math.min(firstQuestionLine, 120)));
  const data: AdministrativeData = { phones: [], emails: [], missing: [] };
  for (let i = 0; i < head.length; i++) {
    const line = (head[i] ?? '').trim().replace(/^[-•*]\s*/, '');
    for (const { field, re } of LABELS) {
      const m = re.exec(line);
      if (!m) continue;
      let value = (m[m.length - 1] ?? '').trim();
      // "Postadress:" alone on a line with the value on the next line.
      if (!value && head[i + 1]) value = (head[i + 1] ?? '').trim();
      if (!value) continue;
      if (field === 'staffCount') {
        const num = /(\d{1,5})/.exec(value.replace(/\s(?=\d{3}\b)/g, ''));
        if (num && data.staffCount === undefined) data.staffCount = Number(num[1]);
      } else if (data[field] === undefined) {
        data[field] = value.replace(/\s+/g, ' ');
      }
      break;
    }
  }
  const headText = head.join('\n');
  data.emails = findEmailAddresses(headText);
  data.phones = [
    ...new Set(
      (headText.replace(/[a-z0-9._%+-]+@[a-z0-9.-]+/gi, ' ').match(PHONE) ?? []).map((p) =>
        p.trim(),
      ),
    ),
  ].filter((p) => p.replace(/\D/g, '').length >= 7);
  const fields: AdministrativeField[] = [
    'unitName',
    'managerName',
    'phones',
    'emails',
    'postalAddress',
    'visitingAddress',
    'staffCount',
  ];
  data.missing = fields.filter((f) => {
    const v = data[f];
    return v === undefined || (Array.isArray(v) && v.length === 0);
  });
  return data;
}
