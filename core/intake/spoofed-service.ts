// Phishing dressed as a service's notice: the sender's name is a service the city uses (SharePoint,
// OneDrive, Microsoft, Teams …) but the address is not that service's, and the text asks the reader
// to log in through a link ("Logga in för att visa", "sign in to view"). Whatever award words its
// subject borrows ("… har delat 'Bidrag 2027.pdf' med dig"), it is no one's entry: a unit sends a
// file or a link in its own name. A careful coordinator files it as other and never clicks. A real
// share notice (the service's own address) or a person's link stays as the rules read it.
import type { MailFacts } from './facts.js';
import { fold } from './text.js';

/** Services whose name a phishing sender borrows (folded, as in a display name). */
const SERVICES = [
  'sharepoint',
  'onedrive',
  'microsoft',
  'office',
  'outlook',
  'teams',
  'dropbox',
  'docusign',
  'wetransfer',
  'google',
] as const;

/** Asking to log in or verify to see something. */
const LOG_IN =
  /\b(logga in|logga pa|sign in|log in|login|verifiera (ditt|ert|din) (konto|identitet|inloggning)|verify your (account|identity))\b/;

/** The borrowed service's name when a mail looks like a spoofed service notice; undefined if not. */
export function spoofedService(facts: MailFacts, ownText: string): string | undefined {
  const name = fold(facts.from.name ?? '');
  const domain = (facts.from.address.split('@')[1] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const claimed = SERVICES.filter((s) => new RegExp(`\\b${s}\\b`).test(name));
  // Not a service's name, or the address is the service's own: nothing borrowed.
  if (claimed.length === 0 || claimed.some((s) => domain.includes(s))) return undefined;
  // A person's entry comes with its file; the notice only points at one.
  if (facts.attachments.some((a) => !a.isInline)) return undefined;
  if (!/https?:\/\//i.test(ownText) || !LOG_IN.test(fold(ownText))) return undefined;
  return facts.from.name;
}
