// The last evening before a submission deadline, as the shared mailbox sees it: every unit sends its
// application (some send a corrected version, several times), others ask questions, send
// follow-ups without the file, thank for the receipt, or answer with an out-of-office. The documents
// are real .docx and .pdf files built from the seed's application text, one per unit, reused by that
// unit's later versions (as a unit re-sends the same file). Wording varies as it does between people;
// about one mail in 25 without a document comes from outside the units.
import type { InboundMail } from '../../emulator/server.js';
import {
  DOCX_CONTENT_TYPE,
  PDF_CONTENT_TYPE,
  buildApplication,
  makeDocx,
  makePdf,
} from '../../emulator/seed/index.js';
import type { Unit } from '../../core/model.js';

export interface RushOptions {
  units: readonly Unit[];
  year: number;
  shared: string;
  mails: number;
  /** Mails carrying a document (the submissions and re-submissions). */
  withAttachments: number;
  /** Share of documents made as PDF (the rest .docx). */
  pdfShare?: number;
}

export interface Rush {
  mails: InboundMail[];
  documents: { docx: number; pdf: number; bytes: number };
}

export async function buildRush(o: RushOptions): Promise<Rush> {
  const units = o.units;
  const pdfEvery = Math.max(1, Math.round(1 / (o.pdfShare ?? 0.3)));
  const documents = { docx: 0, pdf: 0, bytes: 0 };
  const files: Array<{ name: string; contentType: string; contentBytes: string }> = [];
  for (const [i, unit] of units.entries()) {
    const app = buildApplication({
      unit: {
        name: unit.name,
        classId: unit.classId,
        managerName: unit.managerName,
        unitPhone: unit.phone ?? '',
        managerPhone: unit.phone ?? '',
        unitEmail: unit.email ?? '',
        managerEmail: unit.managerEmail,
        postalAddress: unit.postalAddress
          ? `${unit.postalAddress.street}, ${unit.postalAddress.postalCode} ${unit.postalAddress.city}`
          : '',
        visitingAddress: unit.visitingAddress
          ? `${unit.visitingAddress.street}, ${unit.visitingAddress.postalCode} ${unit.visitingAddress.city}`
          : '',
        staffCount: unit.staffCount ?? 10,
      },
      year: o.year,
      targetNonSpaceChars: 30_000 + ((i * 7_919) % 50_000),
    });
    const meta = {
      title: `Kvalitetsutmärkelsen ${o.year} – ${unit.name}`,
      author: unit.managerName,
    };
    const pdf = i % pdfEvery === 0;
    const bytes = pdf ? await makePdf(app.paragraphs, meta) : await makeDocx(app.paragraphs, meta);
    if (pdf) documents.pdf++;
    else documents.docx++;
    documents.bytes += bytes.length;
    files.push({
      name: `Bidrag ${unit.name} ${o.year}.${pdf ? 'pdf' : 'docx'}`,
      contentType: pdf ? PDF_CONTENT_TYPE : DOCX_CONTENT_TYPE,
      contentBytes: bytes.toString('base64'),
    });
  }

  const mails: InboundMail[] = [];
  const from = (unit: Unit) => ({ name: unit.managerName, address: unit.managerEmail });
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
  for (let n = 0; n < o.mails; n++) {
    const k = n % units.length;
    const unit = units[k]!;
    const round = Math.floor(n / units.length);
    const y = o.year;
    if (n < o.withAttachments) {
      const text = round === 0 ? pick(FIRST_SENDING, n)(unit, y) : pick(RESENDING, n + k)(unit, y);
      mails.push({ to: o.shared, from: from(unit), ...text, attachments: [files[k]!] });
      continue;
    }
    // The rest of the evening, in the shares a deadline night has (see MIX).
    const slot = MIX[(n * 7) % MIX.length]!;
    if (slot === 'unknown') {
      mails.push({ to: o.shared, ...pick(UNKNOWN, Math.floor(n / MIX.length))(n, y) });
      continue;
    }
    const text = pick(TEXTS[slot], n + round)(unit, y);
    mails.push({
      to: o.shared,
      from: from(unit),
      ...text,
      ...(slot === 'auto-reply'
        ? {
            internetMessageHeaders: [
              { name: 'Auto-Submitted', value: 'auto-replied' },
              { name: 'X-Auto-Response-Suppress', value: 'All' },
            ],
          }
        : {}),
    });
  }
  return { mails, documents };
}

type Text = { subject: string; body: string };
type UnitText = (u: Unit, year: number) => Text;

const first = (u: Unit) => u.managerName.split(' ')[0] ?? u.managerName;
const sig = (u: Unit) => `${u.managerName}\nEnhetschef, ${u.name}`;

/** A unit's application, first time. */
const FIRST_SENDING: UnitText[] = [
  (u, y) => ({
    subject: `Bidrag till Kvalitetsutmärkelsen ${y} – ${u.name}`,
    body: `Hej!\n\nHär kommer vårt tävlingsbidrag till Kvalitetsutmärkelsen ${y} från ${u.name}.\n\nMed vänlig hälsning\n${sig(u)}`,
  }),
  (u, y) => ({
    subject: `${u.name} – bidrag Kvalitetsutmärkelsen ${y}`,
    body: `Hej,\n\nBifogat finns vårt bidrag. Det har varit ett intensivt arbete i hela arbetsgruppen och vi är stolta över resultatet!\n\nVänliga hälsningar\n${sig(u)}`,
  }),
  (u, y) => ({
    subject: `Tävlingsbidrag ${y}`,
    body: `Hej!\n\nVi skickar härmed in vårt bidrag till årets kvalitetsutmärkelse från ${u.name}.\n\nHälsningar\n${sig(u)}`,
  }),
  (u) => ({
    subject: `Vårt bidrag – ${u.name}`,
    body: `Hej kvalitetsgruppen!\n\nSe bilaga. Äntligen klart, i sista stund som vanligt.\n\n/${first(u)}\n${sig(u)}`,
  }),
  (u, y) => ({
    subject: `Kvalitetsutmärkelsen ${y}: ${u.name}`,
    body: `God kväll!\n\nHär är vårt färdiga bidrag till Kvalitetsutmärkelsen ${y}. Hör gärna av er om något saknas.\n\nMvh\n${sig(u)}`,
  }),
];

/** The same unit again, with a corrected file. */
const RESENDING: UnitText[] = [
  (u, y) => ({
    subject: `Ny version: bidrag Kvalitetsutmärkelsen ${y} – ${u.name}`,
    body: `Hej igen!\n\nVi upptäckte några fel i bidraget. Här är en rättad version av vårt bidrag, ersätt gärna den tidigare.\n\nVänliga hälsningar\n${u.managerName}`,
  }),
  (u) => ({
    subject: `Rättat bidrag – ${u.name}`,
    body: `Hej!\n\nUrsäkta, vi skickade fel version nyss. Bifogat är det slutliga bidraget.\n\n${sig(u)}`,
  }),
  (u, y) => ({
    subject: `Korrigerat tävlingsbidrag ${y} från ${u.name}`,
    body: `Hej,\n\nEn kollega hittade ett par stavfel, så här kommer bidraget igen. Det är den här versionen som gäller.\n\nMvh\n${u.managerName}`,
  }),
  (u) => ({
    subject: `Uppdaterad version av vårt bidrag`,
    body: `Hej!\n\nVi har kortat texten så att den håller sig inom teckengränsen. Bifogar det uppdaterade bidraget från ${u.name}.\n\n${sig(u)}`,
  }),
];

type Slot = 'question' | 'pre-registration-follow-up' | 'thanks' | 'announce' | 'auto-reply';

const TEXTS: Record<Slot, UnitText[]> = {
  question: [
    (u) => ({
      subject: `Fråga om bidraget – ${u.name}`,
      body: `Hej!\n\nRäknas rubrikerna och frågetexterna in i de 85 000 tecknen, eller bara våra svar? Vi ligger nära gränsen.\n\nTack på förhand!\n${u.managerName}`,
    }),
    (u) => ({
      subject: 'Fråga om bilagor',
      body: `Hej!\n\nFår vi bifoga bilder och diagram i bidraget, och räknas de i så fall in i teckenantalet?\n\nHälsningar\n${sig(u)}`,
    }),
    (u) => ({
      subject: `Teckengränsen – ${u.name}`,
      body: `Hej!\n\nHur räknar ni tecken, med eller utan mellanslag? Word visar två olika siffror.\n\n/${first(u)}`,
    }),
    (u) => ({
      subject: 'Sista tid ikväll?',
      body: `Hej!\n\nGäller det att bidraget ska vara inne senast 23.59 ikväll, eller har vi till midnatt?\n\n${sig(u)}`,
    }),
    (u) => ({
      subject: `Fråga – ${u.name}`,
      body: `Hej,\n\nVi undrar om det går att skicka bidraget från en annan adress än chefens, vår administratör hjälper oss ikväll?\n\nMvh\n${u.managerName}`,
    }),
  ],
  'pre-registration-follow-up': [
    (u, y) => ({
      subject: `Intresseanmälan ${y} – ${u.name}`,
      body: `Hej!\n\nVi anmälde intresse i mars. Kan ni bekräfta att vår intresseanmälan är registrerad, så att vårt bidrag ikväll gäller?\n\n${sig(u)}`,
    }),
    (u) => ({
      subject: `Fråga om vår anmälan – ${u.name}`,
      body: `Hej!\n\nVi har bytt enhetschef sedan intresseanmälan. Behöver vi göra en ny anmälan, eller räcker det att ni ändrar kontaktperson till mig?\n\nHälsningar\n${sig(u)}`,
    }),
  ],
  thanks: [
    (u, y) => ({
      subject: `SV: Bidrag till Kvalitetsutmärkelsen ${y} – ${u.name}`,
      body: `Tack för bekräftelsen!\n\nHälsningar\n${u.managerName}`,
    }),
    (u) => ({
      subject: `SV: Vi har tagit emot ert bidrag – ${u.name}`,
      body: `Tack så mycket för kvittensen, skönt att det kom fram!\n\n/${first(u)}`,
    }),
  ],
  announce: [
    (u) => ({
      subject: `Bidraget kommer strax – ${u.name}`,
      body: `Hej!\n\nVi har problem med att spara dokumentet som PDF, men vårt bidrag kommer före midnatt. Går det bra att skicka det som Word-fil i stället?\n\n${u.managerName}`,
    }),
  ],
  'auto-reply': [
    (u, y) => ({
      subject: `Automatiskt svar: Bidrag till Kvalitetsutmärkelsen ${y}`,
      body: `Jag är tillbaka måndag och läser inte min e-post förrän dess.\n\n${u.managerName}`,
    }),
    (u) => ({
      subject: 'Automatiskt svar: Vi har tagit emot ert bidrag',
      body: `Hej! Jag är ledig till och med den 24 maj. Vid brådskande ärenden, ring enhetens växel.\n\n${u.managerName}`,
    }),
  ],
};

/**
 * Shares of the 700 mails without a document, in tenths of a percent of the rush: most are
 * questions and follow-ups of the units themselves, a few come from outside.
 */
const MIX: readonly (Slot | 'unknown')[] = [
  ...Array<Slot>(9).fill('question'),
  ...Array<Slot>(3).fill('pre-registration-follow-up'),
  ...Array<Slot>(5).fill('thanks'),
  ...Array<Slot>(2).fill('announce'),
  ...Array<Slot>(4).fill('auto-reply'),
  'unknown',
];

/** Mail from outside the units: an offer, a journalist, another municipality. */
const UNKNOWN: ((n: number, year: number) => Text & { from: { name: string; address: string } })[] =
  [
    (n) => ({
      from: { name: 'Okänd avsändare', address: `info${n}@foretag-${n % 13}.example` },
      subject: 'Erbjudande: kurs i verksamhetsutveckling',
      body: 'Hej! Vi erbjuder kurser i kvalitetsarbete för offentlig sektor. Hör av er!',
    }),
    (n, y) => ({
      from: { name: 'Lokaltidningen', address: `redaktion${n}@tidning.example` },
      subject: `Kvalitetsutmärkelsen ${y}`,
      body: 'Hej! När offentliggörs vinnarna i år, och går det att närvara vid prisutdelningen?\n\nVänliga hälsningar\nRedaktionen',
    }),
  ];
