// The panes' words, Swedish first, English when Outlook's display language is English.
export type Locale = 'sv' | 'en';

export function localeOf(tag?: string): Locale {
  return (tag ?? navigator.language ?? 'sv').toLowerCase().startsWith('en') ? 'en' : 'sv';
}

export type Bilingual = { sv: string; en: string };

const T = {
  title: { sv: 'Kvalitetsutmärkelsen', en: 'Quality Award' },
  loading: { sv: 'Hämtar…', en: 'Loading…' },
  noOutlook: {
    sv: 'Öppna fönstret från Outlook. Lokalt: lägg till ?standin i adressen (se README).',
    en: 'Open this pane from Outlook. Locally: add ?standin to the address (see the README).',
  },
  signInFailed: { sv: 'Inloggningen misslyckades.', en: 'Sign-in failed.' },
  // mail pane
  kind: { sv: 'Typ', en: 'Kind' },
  confidence: { sv: 'säkerhet', en: 'confidence' },
  why: { sv: 'Varför', en: 'Why' },
  waiting: { sv: 'Väntar på en samordnare', en: 'Waiting for a coordinator' },
  decidedBy: { sv: 'Beslutat av', en: 'Decided by' },
  automatic: { sv: 'Avgjort automatiskt', en: 'Decided automatically' },
  units: { sv: 'Enhet', en: 'Unit' },
  candidate: { sv: 'möjlig', en: 'possible' },
  noParticipation: { sv: 'deltar inte', en: 'not taking part' },
  submission: { sv: 'Bidraget', en: 'The submission' },
  characters: { sv: 'tecken utan blanksteg', en: 'characters without spaces' },
  questions: { sv: 'frågor besvarade', en: 'questions answered' },
  missing: { sv: 'Saknas', en: 'Missing' },
  late: { sv: 'Skickat efter sista dagen', en: 'Sent after the deadline' },
  receipt: { sv: 'Kvitto', en: 'Receipt' },
  noReceipt: { sv: 'Inget kvitto skickat', en: 'No receipt sent' },
  resends: { sv: 'skickat igen', en: 'resent' },
  times: { sv: 'gång(er)', en: 'time(s)' },
  resend: { sv: 'Skicka kvittot igen', en: 'Resend the receipt' },
  resent: { sv: 'Kvittot skickas en gång till.', en: 'The receipt goes out once more.' },
  decide: { sv: 'Rätta typ och enhet', en: 'Correct kind and unit' },
  chooseUnit: { sv: 'Välj enhet', en: 'Choose a unit' },
  save: { sv: 'Spara beslutet', en: 'Save the decision' },
  saved: { sv: 'Beslutet är sparat.', en: 'The decision is saved.' },
  receiptStatus: {
    sv: { pending: 'i kö', sending: 'skickas', sent: 'skickat', failed: 'misslyckades' },
    en: { pending: 'queued', sending: 'sending', sent: 'sent', failed: 'failed' },
  },
  // appointment pane
  bookVisit: { sv: 'Boka besök', en: 'Book a visit' },
  yourUnits: {
    sv: 'Lagets enheter som väntar på besök',
    en: "Your team's units waiting for a visit",
  },
  noneWaiting: { sv: 'Alla lagets besök är bokade.', en: "All your team's visits are booked." },
  site: { sv: 'Platsbesök', en: 'Site visit' },
  feedback: { sv: 'Återföringsbesök', en: 'Feedback visit' },
  onSite: { sv: 'På plats', en: 'On site' },
  digital: { sv: 'Digitalt', en: 'Digital' },
  proposals: { sv: 'Föreslagna tider', en: 'Proposed times' },
  noSlots: { sv: 'Ingen tid passar alla.', en: 'No time suits everyone.' },
  filled: {
    sv: 'Mötet är ifyllt: tid, deltagare, plats och dokumenten. Spara och registrera besöket, skicka sedan inbjudan.',
    en: 'The meeting is filled in: time, attendees, location and the documents. Save and record the visit, then send the invitation.',
  },
  teamsHint: {
    sv: 'Digitalt besök: slå på Teams-möte i mötets verktygsfält innan du skickar inbjudan (det kan fönstret inte göra åt dig).',
    en: "Digital visit: switch on Teams meeting in the meeting's toolbar before you send the invitation (the pane cannot do that for you).",
  },
  record: { sv: 'Spara och registrera besöket', en: 'Save and record the visit' },
  recorded: {
    sv: 'Besöket är registrerat. Skicka inbjudan i Outlook.',
    en: 'The visit is recorded. Send the invitation in Outlook.',
  },
  already: { sv: 'Besöket var redan registrerat.', en: 'The visit was already recorded.' },
  taken: {
    sv: 'Tiden hann bokas av någon annan. Välj en ny tid nedan och spara igen.',
    en: 'That time was taken meanwhile. Pick a new time below and save again.',
  },
} as const;

type Key = { [K in keyof typeof T]: (typeof T)[K] extends Bilingual ? K : never }[keyof typeof T];

export const t = (key: Key, locale: Locale): string => (T[key] as Bilingual)[locale];
export const receiptStatusText = (status: string, locale: Locale): string =>
  (T.receiptStatus[locale] as Record<string, string>)[status] ?? status;

export function when(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function timeRange(start: string, end: string, locale: Locale): string {
  const endTime = new Date(end).toLocaleTimeString(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${when(start, locale)}–${endTime}`;
}
