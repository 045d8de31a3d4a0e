// Typed errors as words for a chat: the bot's half of the "errors mapped at one boundary" rule
// (the server maps the same errors to HTTP statuses in server/errors.ts).
import type { Locale } from '../core/model.js';

const GENERIC = {
  sv: 'Något gick fel hos mig. Försök igen om en stund, eller skriv till funktionsbrevlådan.',
  en: 'Something went wrong on my side. Please try again shortly, or write to the shared mailbox.',
} as const;

const GRAPH_BUSY = {
  sv: 'Microsoft 365 svarar långsamt just nu. Försök igen om en stund.',
  en: 'Microsoft 365 is slow to answer right now. Please try again shortly.',
} as const;

/** A user-facing sentence for an error: a DomainError's own message, or a generic apology. */
export function userMessageFor(error: unknown, locale: Locale): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { name?: unknown; messages?: unknown };
    if (e.name === 'DomainError' && typeof e.messages === 'object' && e.messages !== null) {
      const text = (e.messages as Record<string, unknown>)[locale];
      if (typeof text === 'string') return text;
    }
    if (e.name === 'GraphError') return GRAPH_BUSY[locale];
  }
  return GENERIC[locale];
}
