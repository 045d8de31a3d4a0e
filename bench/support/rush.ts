// The last evening before a submission deadline, as the shared mailbox sees it: every unit sends its
// application (some send a corrected version, several times), others ask questions, send
// follow-ups without the file, thank for the receipt, or answer with an out-of-office. The documents
// are real .docx and .pdf files built from the seed's application text, one per unit, reused by that
// unit's later versions (as a unit re-sends the same file).
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

const line = (unit: Unit) => `${unit.name}`;

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
  for (let n = 0; n < o.mails; n++) {
    const k = n % units.length;
    const unit = units[k]!;
    const round = Math.floor(n / units.length);
    if (n < o.withAttachments) {
      mails.push({
        to: o.shared,
        from: from(unit),
        subject:
          round === 0
            ? `Bidrag till Kvalitetsutmärkelsen ${o.year} – ${line(unit)}`
            : `Ny version: bidrag Kvalitetsutmärkelsen ${o.year} – ${line(unit)}`,
        body:
          round === 0
            ? `Hej!\n\nHär kommer vårt tävlingsbidrag till Kvalitetsutmärkelsen ${o.year} från ${unit.name}.\n\nMed vänlig hälsning\n${unit.managerName}\nEnhetschef, ${unit.name}`
            : `Hej igen!\n\nVi upptäckte några fel i bidraget. Här är en rättad version av vårt bidrag, ersätt gärna den tidigare.\n\nVänliga hälsningar\n${unit.managerName}`,
        attachments: [files[k]!],
      });
      continue;
    }
    switch (n % 5) {
      case 0:
        mails.push({
          to: o.shared,
          from: from(unit),
          subject: `Fråga om bidraget – ${unit.name}`,
          body: `Hej!\n\nRäknas rubrikerna och frågetexterna in i de 85 000 tecknen, eller bara våra svar? Vi ligger nära gränsen.\n\nTack på förhand!\n${unit.managerName}`,
        });
        break;
      case 1:
        mails.push({
          to: o.shared,
          from: from(unit),
          subject: `SV: Bidrag till Kvalitetsutmärkelsen ${o.year} – ${unit.name}`,
          body: `Tack för bekräftelsen!\n\nHälsningar\n${unit.managerName}`,
        });
        break;
      case 2:
        mails.push({
          to: o.shared,
          from: from(unit),
          subject: `Automatiskt svar: Bidrag till Kvalitetsutmärkelsen ${o.year}`,
          body: `Jag är tillbaka måndag och läser inte min e-post förrän dess.\n\n${unit.managerName}`,
          internetMessageHeaders: [
            { name: 'Auto-Submitted', value: 'auto-replied' },
            { name: 'X-Auto-Response-Suppress', value: 'All' },
          ],
        });
        break;
      case 3:
        mails.push({
          to: o.shared,
          from: from(unit),
          subject: `Bidraget kommer strax – ${unit.name}`,
          body: `Hej!\n\nVi har problem med att spara dokumentet som PDF, men vårt bidrag kommer före midnatt. Går det bra att skicka det som Word-fil i stället?\n\n${unit.managerName}`,
        });
        break;
      default:
        mails.push({
          to: o.shared,
          from: { name: 'Okänd avsändare', address: `info${n}@foretag-${n % 13}.example` },
          subject: 'Erbjudande: kurs i verksamhetsutveckling',
          body: 'Hej! Vi erbjuder kurser i kvalitetsarbete för offentlig sektor. Hör av er!',
        });
    }
  }
  return { mails, documents };
}
