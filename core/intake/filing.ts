// Where a handled mail goes in Outlook, as data: a category per kind, "Att granska" on mails waiting
// for a coordinator, "Försenat" and "Behöver åtgärd" on mails that need a second look, and a folder
// per cycle and kind. features/intake/filing.ts does the Graph calls.
import { MAIL_KIND_LABELS, type MailKind } from './facts.js';

export const TRIAGE_CATEGORY = 'Att granska';
export const LATE_CATEGORY = 'Försenat';
export const PROBLEM_CATEGORY = 'Behöver åtgärd';

/** The folder a handled mail of this kind goes to, or null when it stays in the inbox. */
export function folderFor(kind: MailKind, year: number): string[] | null {
  // Questions stay in the inbox: a coordinator answers them there.
  if (kind === 'question') return null;
  return [`Kvalitetsutmärkelsen ${year}`, MAIL_KIND_LABELS[kind].category];
}
