// The answers the app sends from the shared mailbox. Swedish first with English below, or English
// first when the sender wrote in English. Pure: data in, {subject, html, text} out; the pipeline
// sends them as replies in the sender's thread, once per mail.
import { isLate, upcomingDeadlines } from '../deadlines.js';
import {
  formatDate,
  formatDeadline,
  formatInstant,
  formatTimeRange,
  monthName,
} from '../format.js';
import type { Bilingual, Cycle, InfoMeeting, IsoInstant, Locale } from '../model.js';
import { ADMINISTRATIVE_FIELD_LABELS } from './questions.js';
import type { DocumentFailureReason, SubmissionProblem } from './submission.js';

export interface Receipt {
  subject: string;
  html: string;
  text: string;
}

/** One language's part of a receipt: paragraphs, each a string or a bullet list. */
type Block = string | string[];

interface Parts {
  subject: string;
  blocks: Block[];
}

const SIGNATURE: Record<Locale, string> = {
  sv: 'Med vänliga hälsningar\nKvalitetsutmärkelsen, Stockholms stad',
  en: 'Kind regards\nThe Quality Award, City of Stockholm',
};

const NOTE: Record<Locale, string> = {
  sv: 'Det här är ett automatiskt svar. Svara på det här mejlet om något inte stämmer.',
  en: 'This is an automatic reply. Reply to this mail if something is not right.',
};

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function render(parts: Record<Locale, Parts>, first: Locale): Receipt {
  const order: Locale[] = first === 'en' ? ['en', 'sv'] : ['sv', 'en'];
  const textOf = (l: Locale) =>
    [...parts[l].blocks, NOTE[l], SIGNATURE[l]]
      .map((b) => (Array.isArray(b) ? b.map((x) => `- ${x}`).join('\n') : b))
      .join('\n\n');
  const htmlOf = (l: Locale) =>
    `<div lang="${l}">` +
    [...parts[l].blocks, NOTE[l], SIGNATURE[l]]
      .map((b) =>
        Array.isArray(b)
          ? `<ul>${b.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`
          : `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`,
      )
      .join('') +
    `</div>`;
  const [a, b] = order as [Locale, Locale];
  return {
    subject: `${parts[a].subject} / ${parts[b].subject}`,
    text: `${textOf(a)}\n\n${'—'.repeat(20)}\n\n${textOf(b)}\n`,
    html: `<!DOCTYPE html><html><body>${htmlOf(a)}<hr>${htmlOf(b)}</body></html>`,
  };
}

function greeting(l: Locale): string {
  return l === 'sv' ? 'Hej!' : 'Hello,';
}

function unitPhrase(l: Locale, unitName?: string): string {
  if (!unitName) return l === 'sv' ? 'er verksamhet' : 'your unit';
  return unitName;
}

export interface PreRegistrationReceiptInput {
  cycle: Cycle;
  /** When the receipt is written (the next dates are those after it). */
  now: IsoInstant;
  unitName?: string;
  language: Locale;
}

/** Receipt of a pre-registration: thanks, it is not binding, and the cycle's next dates. */
export function preRegistrationReceipt(input: PreRegistrationReceiptInput): Receipt {
  const { cycle, now, unitName } = input;
  const upcoming = upcomingDeadlines(cycle, now, { kinds: ['submission', 'board-protocol'] });
  // Info meetings still open for signup (their own signup deadline not passed), with that deadline.
  const meetings = openForSignup(cycle, now);
  const dates = (l: Locale) => [
    ...meetings.map((m) =>
      l === 'sv'
        ? `Informationsmöte ${formatTimeRange(m.start, m.end, 'sv')}, ${m.place} – anmäl dig senast ${formatDate(m.signupDeadline, 'sv')} genom att svara på det här mejlet.`
        : `Information meeting ${formatTimeRange(m.start, m.end, 'en')}, ${m.place} – sign up by ${formatDate(m.signupDeadline, 'en')} by replying to this mail.`,
    ),
    ...upcoming.map((e) => {
      switch (e.kind) {
        case 'submission':
          return l === 'sv'
            ? `Tävlingsbidraget ska ha kommit in senast ${formatDeadline(cycle.timeline.submissionDeadline, 'sv')} (högst ${fmtNumber(cycle.rules.maxCharacters, 'sv')} tecken exklusive blanksteg, som .docx eller PDF).`
            : `The application must arrive by ${formatDeadline(cycle.timeline.submissionDeadline, 'en')} (at most ${fmtNumber(cycle.rules.maxCharacters, 'en')} characters excluding spaces, as .docx or PDF).`;
        case 'board-protocol':
          return l === 'sv'
            ? `Nämnden eller styrelsen skickar protokollsutdrag om ert deltagande senast ${formatDeadline(cycle.timeline.boardProtocolDeadline, 'sv')}.`
            : `Your board sends the protocol excerpt on your participation by ${formatDeadline(cycle.timeline.boardProtocolDeadline, 'en')}.`;
        default:
          return `${e.label[l]}: ${e.when[l]}`;
      }
    }),
  ];
  const parts: Record<Locale, Parts> = {
    sv: {
      subject: `Vi har tagit emot er intresseanmälan – Kvalitetsutmärkelsen ${cycle.year}`,
      blocks: [
        greeting('sv'),
        `Tack! Vi har tagit emot intresseanmälan för ${unitPhrase('sv', unitName)} till Stockholms stads kvalitetsutmärkelse ${cycle.year}. Anmälan är inte bindande, men meddela oss om ni bestämmer er för att inte delta.`,
        'Kommande datum:',
        dates('sv'),
        'Kom också ihåg att anmäla deltagandet till er förvaltning eller ert bolag, så att det tas upp i nämnden eller styrelsen.',
      ],
    },
    en: {
      subject: `We have received your pre-registration – Quality Award ${cycle.year}`,
      blocks: [
        greeting('en'),
        `Thank you! We have received the pre-registration of ${unitPhrase('en', unitName)} for the City of Stockholm's Quality Award ${cycle.year}. It is not binding, but please tell us if you decide not to take part.`,
        'Coming dates:',
        dates('en'),
        'Please also report your participation to your administration or company so that the board can record it.',
      ],
    },
  };
  if (upcoming.length === 0 && meetings.length === 0) {
    parts.sv.blocks.splice(2, 2);
    parts.en.blocks.splice(2, 2);
  }
  return render(parts, input.language);
}

export interface SubmissionReceiptInput {
  cycle: Cycle;
  unitName?: string;
  language: Locale;
  /** When the mail was sent (shown to the unit, and what lateness is judged by). */
  sentAt: IsoInstant;
  characterCount: number;
  problems: SubmissionProblem[];
  /** The names of the documents read. */
  fileNames: string[];
  /** True when this replaces an earlier version from the same unit. */
  replacesEarlier?: boolean;
  /** Files with the same text as another one: counted once, and the receipt says which. */
  duplicates?: { fileName: string; sameAs: string }[];
  /** Sent after the deadline and accepted by a coordinator (the late line says so). */
  lateAccepted?: boolean;
}

/** Receipt of a submission with the character count and every problem found, or "all in order". */
export function submissionReceipt(input: SubmissionReceiptInput): Receipt {
  const { cycle, unitName, characterCount, problems } = input;
  const ok = problems.length === 0;
  const block = (l: Locale): Block[] => {
    const sv = l === 'sv';
    const blocks: Block[] = [greeting(l)];
    blocks.push(
      sv
        ? `Tack! Vi har tagit emot tävlingsbidraget från ${unitPhrase('sv', unitName)} till Kvalitetsutmärkelsen ${cycle.year}, skickat ${formatInstant(input.sentAt, 'sv')}.`
        : `Thank you! We have received the application from ${unitPhrase('en', unitName)} for the Quality Award ${cycle.year}, sent ${formatInstant(input.sentAt, 'en')}.`,
    );
    if (input.fileNames.length > 0) {
      blocks.push((sv ? 'Filer: ' : 'Files: ') + input.fileNames.join(', '));
    }
    for (const [sameAs, copies] of groupDuplicates(input.duplicates ?? [])) {
      const list = copies.join(sv ? ' och ' : ' and ');
      blocks.push(
        sv
          ? `Vi räknade ${sameAs}: ${list} har samma text och räknades inte en gång till.`
          : `We counted ${sameAs}: ${list} ${copies.length > 1 ? 'have' : 'has'} the same text and ${copies.length > 1 ? 'were' : 'was'} not counted again.`,
      );
    }
    const readable =
      !problems.some((p) => p.kind === 'no-document') &&
      !(problems.some((p) => p.kind === 'document-failed') && characterCount === 0);
    if (readable) {
      blocks.push(
        sv
          ? `Bidraget har ${fmtNumber(characterCount, 'sv')} tecken exklusive blanksteg (gränsen är ${fmtNumber(cycle.rules.maxCharacters, 'sv')}).`
          : `The application has ${fmtNumber(characterCount, 'en')} characters excluding spaces (the limit is ${fmtNumber(cycle.rules.maxCharacters, 'en')}).`,
      );
    }
    if (input.replacesEarlier) {
      blocks.push(
        sv
          ? 'Den här versionen ersätter den ni skickade tidigare; den tidigare sparas.'
          : 'This version replaces the one you sent earlier; the earlier one is kept.',
      );
    }
    if (ok) {
      blocks.push(
        sv ? 'Allt ser ut att vara i sin ordning.' : 'Everything appears to be in order.',
      );
    } else {
      blocks.push(
        sv
          ? 'Vi har sett följande som ni behöver titta på:'
          : 'We noticed the following that needs your attention:',
      );
      blocks.push(problems.map((p) => problemText(p, l, cycle, input.lateAccepted)));
    }
    return blocks;
  };
  const parts: Record<Locale, Parts> = {
    sv: {
      subject: `${ok ? 'Vi har tagit emot ert bidrag' : 'Vi har tagit emot ert bidrag – något behöver åtgärdas'} – Kvalitetsutmärkelsen ${cycle.year}`,
      blocks: block('sv'),
    },
    en: {
      subject: `${ok ? 'We have received your application' : 'We have received your application – action needed'} – Quality Award ${cycle.year}`,
      blocks: block('en'),
    },
  };
  return render(parts, input.language);
}

const FORMAT_NAMES: Record<string, string> = {
  doc: 'Word 97–2003 (.doc)',
  docm: 'Word med makron (.docm)',
  odt: 'OpenDocument (.odt)',
  pages: 'Apple Pages (.pages)',
  rtf: 'RTF (.rtf)',
  txt: 'text (.txt)',
  wpd: 'WordPerfect (.wpd)',
  xps: 'XPS (.xps)',
  zip: 'zip-arkiv (.zip)',
};

/** What to tell the sender about a document that could not be read, in both languages. */
export function documentFailureMessage(
  fileName: string,
  reason: DocumentFailureReason,
  format?: string,
  maxBytes?: number,
): Bilingual {
  return {
    sv: documentFailureText(fileName, reason, 'sv', format, maxBytes),
    en: documentFailureText(fileName, reason, 'en', format, maxBytes),
  };
}

function documentFailureText(
  fileName: string,
  reason: DocumentFailureReason,
  l: Locale,
  format?: string,
  maxBytes?: number,
): string {
  const sv = l === 'sv';
  switch (reason) {
    case 'too-large': {
      const mb = maxBytes ? Math.round(maxBytes / 1024 / 1024) : undefined;
      return sv
        ? `Filen ${fileName} är för stor${mb ? ` (största tillåtna storlek är ${mb} MB)` : ''}. Skicka en mindre fil, till exempel utan stora bilder, som .docx eller PDF.`
        : `The file ${fileName} is too large${mb ? ` (the largest allowed size is ${mb} MB)` : ''}. Please send a smaller file, for example without large images, as .docx or PDF.`;
    }
    case 'password-protected':
      return sv
        ? `Filen ${fileName} är lösenordsskyddad och kan inte läsas. Skicka den utan lösenord, som .docx eller PDF.`
        : `The file ${fileName} is password-protected and cannot be read. Please send it without a password, as .docx or PDF.`;
    case 'unsupported-format': {
      const name = format ? (FORMAT_NAMES[format] ?? `.${format}`) : fileName;
      return sv
        ? `Filen ${fileName} är i formatet ${name}, som vi inte kan läsa. Skicka bidraget som Word-dokument (.docx) eller PDF.`
        : `The file ${fileName} is in the format ${name}, which we cannot read. Please send the application as a Word document (.docx) or PDF.`;
    }
    case 'empty':
      return sv
        ? `Filen ${fileName} innehåller ingen text som går att läsa (kanske en inskannad bild). Skicka bidraget som .docx eller som PDF med text.`
        : `The file ${fileName} contains no readable text (perhaps a scanned image). Please send the application as .docx or as a PDF with text.`;
    case 'link':
      return sv
        ? `${fileName} kom som en länk till OneDrive eller SharePoint, inte som en fil, och länken kan vi inte öppna. Bifoga bidraget som fil, som Word-dokument (.docx) eller PDF.`
        : `${fileName} came as a link to OneDrive or SharePoint, not as a file, and we cannot open the link. Please attach the application as a file, as a Word document (.docx) or PDF.`;
    case 'suspicious-archive':
    case 'unreadable':
    default:
      return sv
        ? `Filen ${fileName} går inte att öppna (den verkar vara skadad). Spara om den och skicka den igen som .docx eller PDF.`
        : `The file ${fileName} cannot be opened (it seems to be damaged). Please save it again and send it as .docx or PDF.`;
  }
}

function problemText(
  p: SubmissionProblem,
  l: Locale,
  cycle: Cycle,
  lateAccepted?: boolean,
): string {
  const sv = l === 'sv';
  switch (p.kind) {
    case 'over-limit':
      return sv
        ? `Bidraget har ${fmtNumber(p.count, 'sv')} tecken exklusive blanksteg, ${fmtNumber(p.count - p.max, 'sv')} fler än de tillåtna ${fmtNumber(p.max, 'sv')}. Korta texten och skicka bidraget igen.`
        : `The application has ${fmtNumber(p.count, 'en')} characters excluding spaces, ${fmtNumber(p.count - p.max, 'en')} more than the allowed ${fmtNumber(p.max, 'en')}. Please shorten it and send it again.`;
    case 'questions-missing':
      return sv
        ? `Vi hittar inga svar på ${p.numbers.length === 1 ? 'fråga' : 'frågorna'} ${listNumbers(p.numbers, 'sv')}. Kontrollera att alla 24 frågor är besvarade och numrerade.`
        : `We cannot find answers to question${p.numbers.length === 1 ? '' : 's'} ${listNumbers(p.numbers, 'en')}. Please check that all 24 questions are answered and numbered.`;
    case 'administrative-data-missing':
      return sv
        ? `De administrativa uppgifterna saknar ${p.fields.map((f) => ADMINISTRATIVE_FIELD_LABELS[f].sv).join(', ')}.`
        : `The administrative data lacks ${p.fields.map((f) => ADMINISTRATIVE_FIELD_LABELS[f].en).join(', ')}.`;
    case 'late':
      if (lateAccepted)
        return sv
          ? `Bidraget skickades ${formatInstant(p.sentAt, 'sv')}, efter sista dagen ${formatDeadline(cycle.timeline.submissionDeadline, 'sv')}. Samordnarna har godtagit det.`
          : `The application was sent ${formatInstant(p.sentAt, 'en')}, after the deadline ${formatDeadline(cycle.timeline.submissionDeadline, 'en')}. The coordinators have accepted it.`;
      return sv
        ? `Bidraget skickades ${formatInstant(p.sentAt, 'sv')}, efter sista dagen ${formatDeadline(cycle.timeline.submissionDeadline, 'sv')}. Samordnarna avgör om det kan tas med.`
        : `The application was sent ${formatInstant(p.sentAt, 'en')}, after the deadline ${formatDeadline(cycle.timeline.submissionDeadline, 'en')}. The coordinators decide whether it can be included.`;
    case 'document-failed':
      return documentFailureText(p.fileName, p.reason, l, p.format, p.maxBytes);
    case 'no-document':
      return sv
        ? 'Vi hittade ingen bifogad fil. Bifoga bidraget som Word-dokument (.docx) eller PDF.'
        : 'We found no attached file. Please attach the application as a Word document (.docx) or PDF.';
  }
}

function listNumbers(ns: number[], l: Locale): string {
  if (ns.length <= 1) return ns.join('');
  return `${ns.slice(0, -1).join(', ')} ${l === 'sv' ? 'och' : 'and'} ${ns[ns.length - 1]}`;
}

/** "85 000" with a non-breaking thin space in Swedish, "85,000" in English. */
export function fmtNumber(n: number, l: Locale): string {
  const s = String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, l === 'sv' ? '\u00a0' : ',');
  return s;
}

export interface WithdrawalReceiptInput {
  cycle: Cycle;
  unitName?: string;
  language: Locale;
}

/** Confirms a withdrawal, and says how to come back. */
export function withdrawalReceipt(input: WithdrawalReceiptInput): Receipt {
  const { cycle, unitName } = input;
  return render(
    {
      sv: {
        subject: `Avanmälan bekräftad – Kvalitetsutmärkelsen ${cycle.year}`,
        blocks: [
          greeting('sv'),
          `Vi har tagit emot avanmälan och ${unitPhrase('sv', unitName)} deltar inte i Kvalitetsutmärkelsen ${cycle.year}. Tack för att ni hörde av er.`,
          `Om ni ändrar er går det bra att anmäla er igen fram till ${formatDeadline(cycle.timeline.submissionDeadline, 'sv')}, då bidraget ska ha kommit in. Välkomna tillbaka ett annat år!`,
        ],
      },
      en: {
        subject: `Withdrawal confirmed – Quality Award ${cycle.year}`,
        blocks: [
          greeting('en'),
          `We have received your withdrawal: ${unitPhrase('en', unitName)} will not take part in the Quality Award ${cycle.year}. Thank you for letting us know.`,
          `If you change your mind you can register again until ${formatDeadline(cycle.timeline.submissionDeadline, 'en')}, when the application is due. You are welcome back another year!`,
        ],
      },
    },
    input.language,
  );
}

export interface InfoMeetingReceiptInput {
  cycle: Cycle;
  meeting: InfoMeeting;
  language: Locale;
  name?: string;
}

/** Confirms a signup for an info meeting with its time and place (and Teams link). */
export function infoMeetingSignupReceipt(input: InfoMeetingReceiptInput): Receipt {
  const { cycle, meeting } = input;
  const where = (l: Locale) => {
    if (meeting.teamsUrl)
      return l === 'sv' ? `i Teams: ${meeting.teamsUrl}` : `in Teams: ${meeting.teamsUrl}`;
    if (meeting.place.toLowerCase() === 'teams') {
      return l === 'sv'
        ? 'i Teams (länken skickas före mötet)'
        : 'in Teams (the link will be sent before the meeting)';
    }
    return l === 'sv' ? `på ${meeting.place}` : `at ${meeting.place}`;
  };
  return render(
    {
      sv: {
        subject: `Anmälan till informationsmöte bekräftad – Kvalitetsutmärkelsen ${cycle.year}`,
        blocks: [
          greeting('sv'),
          `Välkommen till informationsmötet om Kvalitetsutmärkelsen ${cycle.year}, ${formatTimeRange(meeting.start, meeting.end, 'sv')}, ${where('sv')}.`,
          'Kan du inte komma? Svara på det här mejlet så lämnar vi platsen till någon annan.',
        ],
      },
      en: {
        subject: `Info meeting signup confirmed – Quality Award ${cycle.year}`,
        blocks: [
          greeting('en'),
          `Welcome to the information meeting on the Quality Award ${cycle.year}, ${formatTimeRange(meeting.start, meeting.end, 'en')}, ${where('en')}.`,
          'Cannot come? Reply to this mail and we will give the place to someone else.',
        ],
      },
    },
    input.language,
  );
}

/**
 * The meetings open for signup at `at`: not yet begun and their own signup deadline ("anmäl senast
 * den 17 februari") not passed. A meeting still ahead whose deadline has passed is not open: the
 * instructions give each meeting a signup deadline for planning (room, link), so a signup after it is
 * a coordinator's call (is there room?), never confirmed alone.
 */
export function openForSignup(cycle: Cycle, at: IsoInstant): InfoMeeting[] {
  const t = new Date(at).getTime();
  return cycle.timeline.infoMeetings.filter(
    (m) => new Date(m.start).getTime() > t && !isLate(at, m.signupDeadline),
  );
}

/**
 * The info meeting a signup mail most likely means: one still ahead whose date is written in the
 * text, else the next one open for signup (certain when it is the only one open). `closed` when the
 * meeting's signup deadline has passed (named, or none open while some are still ahead).
 */
/**
 * The one meeting ahead that a sentence about a meeting describes by its place, month and weekday
 * instead of its day ("informationsmötet på Teams i mars", "tisdagsmötet i februari", "the session at
 * Stadshuset in February"), or by its order in the invitation's list ("det första informationsmötet",
 * "the last session"), or undefined. Only words in a sentence naming a meeting count: "bidraget kommer
 * i maj" dates nothing. `all` is the cycle's meetings, as the invitation lists them.
 */
function describedMeeting(
  ahead: readonly InfoMeeting[],
  lower: string,
  all: readonly InfoMeeting[] = ahead,
): InfoMeeting | undefined {
  const about = lower
    .split(/[.!?\n]+/)
    .filter((t) => /m[öo]te|meeting|session|tr[äa]ff|tillf[äa]lle|briefing/.test(t))
    .join(' ');
  if (!about) return undefined;
  const placeWord = (m: InfoMeeting) => (m.place.split(/[\s,]/)[0] ?? '').toLowerCase();
  const placeNamed = (m: InfoMeeting) => {
    const word = placeWord(m);
    if (!word) return false;
    const words = word === 'teams' ? 'teams|digital|digitala|digitalt|online|på distans' : word;
    return new RegExp(`(^|[^\\p{L}])(${words})($|[^\\p{L}])`, 'u').test(about);
  };
  const monthNamed = (m: InfoMeeting) => {
    const month = new Date(m.start).getUTCMonth() + 1;
    return new RegExp(
      `\\b(i|in|under|during) (${monthName(month, 'sv')}|${monthName(month, 'en').toLowerCase()})\\b`,
    ).test(about);
  };
  // The weekday, alone or in a compound ("på tisdag", "tisdagsmötet", "Tuesday's session"); not in a
  // sentence that says no to a day ("men inte på tisdag").
  const negated = /(^|[^\p{L}])(inte|ej|not|cannot|can't)($|[^\p{L}])/u.test(about);
  const weekdayNamed = (m: InfoMeeting) => {
    const d = new Date(m.start).getUTCDay();
    return (
      !negated && new RegExp(`(^|[^\\p{L}])(${WEEKDAY_SV[d]}|${WEEKDAY_EN[d]})`, 'u').test(about)
    );
  };
  const byPlace = ahead.some(placeNamed);
  const byMonth = ahead.some(monthNamed);
  const byWeekday = ahead.some(weekdayNamed);
  const fitsAll = (m: InfoMeeting) =>
    (!byPlace || placeNamed(m)) && (!byMonth || monthNamed(m)) && (!byWeekday || weekdayNamed(m));
  // "Det första mötet", "the last session": the first or last of those the invitation lists (that
  // fit the place, month or weekday named), if it is still ahead. Not "andra" (also "other").
  const order =
    /(^|[^\p{L}])(första|first|sista|last)\s+(\p{L}+\s+)?(informations)?(mötet|möte|tillfället|träffen|meeting|session|info ?session)($|[^\p{L}])/u.exec(
      about,
    );
  if (order && !negated) {
    const listed = [...all].filter(fitsAll).sort((a, b) => a.start.localeCompare(b.start));
    const meant = /första|first/.test(order[2] ?? '') ? listed[0] : listed.at(-1);
    return meant && ahead.includes(meant) ? meant : undefined;
  }
  if (!byPlace && !byMonth && !byWeekday) return undefined;
  const fits = ahead.filter(fitsAll);
  return fits.length === 1 ? fits[0] : undefined;
}

/** Weekday names by `getUTCDay()` (0 = Sunday), as a compound's first part too ("tisdagsmötet"). */
const WEEKDAY_SV = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const WEEKDAY_EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * A month's days as ordinal words, indexed by the day ("andra" for 2, "sextonde" for 16), the way
 * people write a date out ("den andra mars", "the sixteenth of February"); index 0 is unused.
 */
const ORDINAL_SV = [
  '',
  'första',
  'andra',
  'tredje',
  'fjärde',
  'femte',
  'sjätte',
  'sjunde',
  'åttonde',
  'nionde',
  'tionde',
  'elfte',
  'tolfte',
  'trettonde',
  'fjortonde',
  'femtonde',
  'sextonde',
  'sjuttonde',
  'artonde',
  'nittonde',
  'tjugonde',
  'tjugoförsta',
  'tjugoandra',
  'tjugotredje',
  'tjugofjärde',
  'tjugofemte',
  'tjugosjätte',
  'tjugosjunde',
  'tjugoåttonde',
  'tjugonionde',
  'trettionde',
  'trettioförsta',
];
const ORDINAL_EN = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
  'twenty-second',
  'twenty-third',
  'twenty-fourth',
  'twenty-fifth',
  'twenty-sixth',
  'twenty-seventh',
  'twenty-eighth',
  'twenty-ninth',
  'thirtieth',
  'thirty-first',
];

export function pickInfoMeeting(
  cycle: Cycle,
  text: string,
  now: IsoInstant,
): { meeting: InfoMeeting; certain: boolean; closed?: true } | null {
  const ahead = cycle.timeline.infoMeetings.filter(
    (m) => new Date(m.start).getTime() > new Date(now).getTime(),
  );
  const open = openForSignup(cycle, now);
  // A meeting the mail names is certain; past its own signup deadline it is also closed.
  const named = (m: InfoMeeting) =>
    open.includes(m)
      ? { meeting: m, certain: true }
      : { meeting: m, certain: true, closed: true as const };
  const lower = text.toLowerCase();
  for (const m of ahead) {
    const d = new Date(m.start);
    // The meeting's local day (Stockholm is UTC+1/+2; meetings are in daytime so the UTC date is the same day).
    const day = d.getUTCDate();
    const month = d.getUTCMonth() + 1;
    const sv = monthName(month, 'sv');
    const en = monthName(month, 'en').toLowerCase();
    // Ordinals as written: "16:e feb", "2:a mars", "den 16e", "16th Feb", "Feb 16th".
    const patterns = [
      new RegExp(`\\b${day}(:?[ae])?\\s*(${sv}|${sv.slice(0, 3)}\\.?)`),
      new RegExp(`\\b${day}(st|nd|rd|th)?\\s*(of\\s*)?(${en}|${en.slice(0, 3)}\\b\\.?)`),
      new RegExp(`(${en}|${en.slice(0, 3)}\\.?)\\s*${day}(st|nd|rd|th)?\\b`),
      new RegExp(`\\b${day}/${month}\\b`),
      // The ISO date, as a calendar or a form writes it: "2027-03-02", "2027-3-2".
      new RegExp(`\\b${d.getUTCFullYear()}-0?${month}-0?${day}\\b`),
      // The day as an ordinal word: "den andra mars", "sextonde februari", "the second of March".
      new RegExp(
        `(^|[^\\p{L}])${ORDINAL_SV[day]}\\s+(${sv}|${sv.slice(0, 3)}\\.?)($|[^\\p{L}])`,
        'u',
      ),
      new RegExp(`\\b${ORDINAL_EN[day]}\\s+(of\\s+)?(${en}|${en.slice(0, 3)}\\b\\.?)`),
      new RegExp(`(${en}|${en.slice(0, 3)}\\.?)\\s+(the\\s+)?${ORDINAL_EN[day]}\\b`),
    ];
    if (patterns.some((p) => p.test(lower))) return named(m);
  }
  // The day alone, as a reply to our invitation gives it ("jag kommer den 16:e"): the meeting whose
  // day of the month it is, when only one ahead falls on it (a month named decides above).
  const dayAlone = [
    ...lower.matchAll(
      /\bden (\d{1,2})(:?[ae])?\b(?!\s*(\/|\.\d|jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec))/gu,
    ),
  ].map((x) => Number(x[1]));
  const onDay = ahead.filter((m) => dayAlone.includes(new Date(m.start).getUTCDate()));
  if (onDay.length === 1 && onDay[0]) {
    const m = onDay[0];
    return named(m);
  }
  const described = describedMeeting(ahead, lower, cycle.timeline.infoMeetings);
  if (described) return named(described);
  const next = open[0];
  if (next) return { meeting: next, certain: open.length === 1 };
  const first = ahead[0];
  return first ? { meeting: first, certain: ahead.length === 1, closed: true } : null;
}

/** Copies per counted file, in the order the files came. */
function groupDuplicates(
  duplicates: { fileName: string; sameAs: string }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of duplicates) out.set(d.sameAs, [...(out.get(d.sameAs) ?? []), d.fileName]);
  return out;
}
