// Applications as a unit would write them (the seed's generator), as .docx bytes.
import { buildApplication, makeDocx, type Application } from '../../emulator/seed/index.js';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function applicationDocx(
  unit: { name: string; managerName: string; managerEmail: string },
  options: { chars?: number; year?: number } = {},
): Promise<{ app: Application; bytes: Buffer }> {
  const app = buildApplication({
    unit: {
      name: unit.name,
      classId: 'forskola',
      managerName: unit.managerName,
      unitPhone: '08-508 111 11',
      managerPhone: '070-111 11 11',
      unitEmail: unit.managerEmail,
      managerEmail: unit.managerEmail,
      postalAddress: 'Box 1, 111 11 Stockholm',
      visitingAddress: 'Storgatan 1, Stockholm',
      staffCount: 14,
    },
    year: options.year ?? 2027,
    targetNonSpaceChars: options.chars ?? 30_000,
  });
  return { app, bytes: await makeDocx(app.paragraphs) };
}

/** "30 123" as the receipts write it (a no-break space between thousands). */
export function svNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** A mail body's text with HTML entities for spaces normalised. */
export function plain(html: string | null | undefined): string {
  return (html ?? '').replace(/&nbsp;|&#160;/g, '\u00a0').replace(/&amp;/g, '&');
}
