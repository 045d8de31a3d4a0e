// The words of the tab and the Outlook add-in's panes (one table), Swedish first, English when the
// host (Teams' locale, Outlook's display language, ?locale=, or the browser) says English. State and
// class names come from core (the same words as the bot's cards).
import { UNIT_CLASSES } from '../../core/classes.js';
import type { ParticipationState, UnitClassId } from '../../core/model.js';
import { PARTICIPATION_STATE_LABELS } from '../../core/participation.js';

export type Locale = 'sv' | 'en';
export type Bilingual = { sv: string; en: string };

export function pickLocale(hint?: string | null): Locale {
  const fromUrl = new URLSearchParams(location.search).get('locale');
  const tag = (fromUrl ?? hint ?? navigator.language ?? 'sv').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'sv';
}

export const stateLabel = (s: ParticipationState, l: Locale) => PARTICIPATION_STATE_LABELS[s][l];
export const className = (id: UnitClassId, l: Locale) =>
  UNIT_CLASSES.find((c) => c.id === id)?.[l] ?? id;
export const STATES = Object.keys(PARTICIPATION_STATE_LABELS) as ParticipationState[];
export const CLASSES = UNIT_CLASSES;

const T = {
  title: { sv: 'Kvalitetsutmärkelsen', en: 'Quality Award' },
  signIn: { sv: 'Logga in', en: 'Sign in' },
  localSignInTitle: { sv: 'Logga in i demoläget', en: 'Sign in to the demo' },
  localSignInIntro: {
    sv: 'Ingen Teams-värd hittades. Välj vem du vill vara i demoorganisationen.',
    en: 'No Teams host found. Choose who you want to be in the demo organisation.',
  },
  signOut: { sv: 'Logga ut', en: 'Sign out' },
  signedInAs: { sv: 'Inloggad som', en: 'Signed in as' },
  year: { sv: 'Omgång', en: 'Cycle' },
  overview: { sv: 'Översikt', en: 'Overview' },
  units: { sv: 'Enheter', en: 'Units' },
  myUnits: { sv: 'Mina enheter', en: 'My units' },
  ourUnit: { sv: 'Vår enhet', en: 'Our unit' },
  triage: { sv: 'Granska mejl', en: 'Review mail' },
  conflicts: { sv: 'Jäv', en: 'Conflicts of interest' },
  nextDates: { sv: 'Kommande datum', en: 'Coming dates' },
  noDates: { sv: 'Inga kommande datum.', en: 'No coming dates.' },
  pipeline: { sv: 'Läget i omgången', en: 'Where the cycle stands' },
  total: { sv: 'Deltaganden', en: 'Participations' },
  submitted: { sv: 'Bidrag inkomna', en: 'Applications in' },
  inProtocol: { sv: 'I protokoll', en: 'In a protocol' },
  missingFromProtocol: { sv: 'Saknas i protokoll', en: 'Missing from a protocol' },
  notSubmitted: { sv: 'Inget bidrag än', en: 'No application yet' },
  byState: { sv: 'Per läge', en: 'By state' },
  byClass: { sv: 'Per klass', en: 'By class' },
  participating: { sv: 'deltar', en: 'taking part' },
  filter: { sv: 'Sök enhet', en: 'Find a unit' },
  allStates: { sv: 'Alla lägen', en: 'All states' },
  allClasses: { sv: 'Alla klasser', en: 'All classes' },
  exportCsv: { sv: 'Exportera deltagarlista (CSV)', en: 'Export participant list (CSV)' },
  name: { sv: 'Enhet', en: 'Unit' },
  class: { sv: 'Klass', en: 'Class' },
  board: { sv: 'Nämnd', en: 'Board' },
  state: { sv: 'Läge', en: 'State' },
  characters: { sv: 'Tecken', en: 'Characters' },
  late: { sv: 'sent', en: 'late' },
  visits: { sv: 'Besök', en: 'Visits' },
  shown: { sv: 'visas', en: 'shown' },
  of: { sv: 'av', en: 'of' },
  previous: { sv: 'Föregående', en: 'Previous' },
  next: { sv: 'Nästa', en: 'Next' },
  page: { sv: 'Sida', en: 'Page' },
  loading: { sv: 'Hämtar …', en: 'Loading …' },
  back: { sv: 'Tillbaka', en: 'Back' },
  history: { sv: 'Historik', en: 'History' },
  mails: { sv: 'Mejlen bakom', en: 'The mails behind it' },
  showMail: { sv: 'Visa mejlet', en: 'Show the mail' },
  submission: { sv: 'Bidraget', en: 'The application' },
  noSubmission: { sv: 'Inget bidrag har kommit in.', en: 'No application has come in.' },
  eligibility: { sv: 'Behörighet', en: 'Eligibility' },
  due: { sv: 'Kvar att göra', en: 'Still to do' },
  nothingDue: { sv: 'Inget kvar att göra just nu.', en: 'Nothing left to do right now.' },
  manager: { sv: 'Chef', en: 'Manager' },
  staff: { sv: 'Medarbetare', en: 'Staff' },
  team: { sv: 'Examinatorslag', en: 'Examiner team' },
  withdraw: { sv: 'Ta tillbaka vår anmälan', en: 'Withdraw our participation' },
  withdrawTitle: { sv: 'Ta tillbaka anmälan?', en: 'Withdraw the participation?' },
  withdrawBody: {
    sv: 'Enheten deltar då inte i årets omgång. Samordnarna ser att ni har dragit er ur.',
    en: 'The unit then does not take part this cycle. The coordinators see that you withdrew.',
  },
  withdrawConfirm: { sv: 'Ja, ta tillbaka', en: 'Yes, withdraw' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  withdrawn: { sv: 'Anmälan är tillbakatagen.', en: 'The participation is withdrawn.' },
  notParticipating: { sv: 'Deltar inte i den här omgången.', en: 'Not taking part in this cycle.' },
  noUnits: { sv: 'Inga enheter att visa.', en: 'No units to show.' },
  triageEmpty: { sv: 'Inga mejl väntar på granskning.', en: 'No mail waits for review.' },
  suggested: { sv: 'Förslag', en: 'Suggested' },
  kind: { sv: 'Typ', en: 'Kind' },
  unit: { sv: 'Enhet', en: 'Unit' },
  chooseUnit: { sv: 'Välj enhet', en: 'Choose a unit' },
  infoMeeting: { sv: 'Informationsmöte', en: 'Information meeting' },
  chooseMeeting: { sv: 'Välj informationsmöte', en: 'Choose the information meeting' },
  confirm: { sv: 'Bekräfta', en: 'Confirm' },
  decided: { sv: 'Beslutat', en: 'Decided' },
  from: { sv: 'Från', en: 'From' },
  why: { sv: 'Varför granskning', en: 'Why review' },
  declare: { sv: 'Anmäl jäv', en: 'Declare a conflict' },
  declareIntro: {
    sv: 'Anmäl de enheter du har band till (egen förvaltning, anhöriga, tidigare arbete). Du examinerar dem inte.',
    en: 'Declare the units you have ties to (your own administration, relatives, former work). You will not examine them.',
  },
  reason: { sv: 'Skäl (valfritt)', en: 'Reason (optional)' },
  declared: { sv: 'Anmält jäv', en: 'Declared conflicts' },
  noConflicts: { sv: 'Du har inte anmält något jäv.', en: 'You have declared no conflicts.' },
  conflictsUnavailable: {
    sv: 'Jävsanmälan öppnar när examinatorslagen finns.',
    en: 'Conflict declarations open once the examiner teams exist.',
  },
  saved: { sv: 'Sparat.', en: 'Saved.' },
  error: { sv: 'Något gick fel', en: 'Something went wrong' },
  roles: { sv: 'Roller', en: 'Roles' },
  noRole: {
    sv: 'Du har ingen roll i utmärkelsen än; här ser du omgångarnas datum.',
    en: 'You have no role in the award yet; here are the cycles’ dates.',
  },
  role_coordinator: { sv: 'samordnare', en: 'coordinator' },
  role_examiner: { sv: 'examinator', en: 'examiner' },
  'role_team-leader': { sv: 'lagledare', en: 'team leader' },
  'role_unit-manager': { sv: 'enhetschef', en: 'unit manager' },
  daysLeft: { sv: 'dagar kvar', en: 'days left' },
  today: { sv: 'i dag', en: 'today' },
  // Visits and reminders views.
  visitCalendar: { sv: 'Besökskalender', en: 'Visit calendar' },
  myVisits: { sv: 'Mina besök', en: 'My visits' },
  visitKind: { sv: 'Besökstyp', en: 'Kind of visit' },
  visitKind_site: { sv: 'Platsbesök', en: 'Site visits' },
  visitKind_feedback: { sv: 'Återföringsbesök', en: 'Feedback visits' },
  teams: { sv: 'Examinatorslag', en: 'Examiner teams' },
  leader: { sv: 'Lagledare', en: 'Team leader' },
  members: { sv: 'Medlemmar', en: 'Members' },
  when: { sv: 'När', en: 'When' },
  status: { sv: 'Status', en: 'Status' },
  unbookedCount: { sv: 'obokade', en: 'unbooked' },
  bookedCount: { sv: 'bokade', en: 'booked' },
  noVisits: { sv: 'Inga besök i den här omgången.', en: 'No visits in this cycle.' },
  noTeams: { sv: 'Inga examinatorslag än.', en: 'No examiner teams yet.' },
  assignment: { sv: 'Fördelning på lag', en: 'Assignment to teams' },
  findTime: { sv: 'Hitta tid', en: 'Find a time' },
  bookAt: { sv: 'Boka', en: 'Book' },
  visitBooked: {
    sv: 'Besöket är bokat; alla har fått en inbjudan.',
    en: 'The visit is booked; everyone got an invitation.',
  },
  moveVisit: { sv: 'Flytta', en: 'Move' },
  moveTo: { sv: 'Flytta till', en: 'Move to' },
  movingFrom: { sv: 'Nu bokat', en: 'Booked now' },
  keepTime: { sv: 'Behåll tiden', en: 'Keep the time' },
  visitMoved: {
    sv: 'Besöket är flyttat; alla inbjudna har fått den nya tiden i Outlook.',
    en: 'The visit was moved; everyone invited got the new time in Outlook.',
  },
  assignAsProposed: { sv: 'Fördela enligt förslaget', en: 'Assign as proposed' },
  unitsAssigned: {
    sv: 'enheter fördelade; de är nu under examination.',
    en: 'units assigned; they are now under examination.',
  },
  nothingToAssign: {
    sv: 'Inga godkända enheter väntar på ett lag.',
    en: 'No eligible units are waiting for a team.',
  },
  unassignable: {
    sv: 'Inget lag utan jäv eller egen förvaltning för',
    en: 'No team without a conflict or own administration for',
  },
  visit_unbooked: { sv: 'obokat', en: 'unbooked' },
  visit_booked: { sv: 'bokat', en: 'booked' },
  visit_held: { sv: 'genomfört', en: 'held' },
  visit_declined: { sv: 'tackat nej', en: 'declined' },
  visit_cancelled: { sv: 'inställt', en: 'cancelled' },
  reminders: { sv: 'Påminnelser', en: 'Reminders' },
  reminderKind: { sv: 'Påminnelse', en: 'Reminder' },
  sendAt: { sv: 'Skickas', en: 'Sent at' },
  deadline: { sv: 'Sista dag', en: 'Deadline' },
  recipients: { sv: 'Mottagare', en: 'Recipients' },
  viaTeams: { sv: 'Teams', en: 'Teams' },
  viaMail: { sv: 'Mejl', en: 'Mail' },
  failed: { sv: 'Misslyckade', en: 'Failed' },
  actedSince: { sv: 'Klara sedan dess', en: 'Done since' },
  noReminders: { sv: 'Inga påminnelser i den här omgången.', en: 'No reminders in this cycle.' },
  reminder_planned: { sv: 'planerad', en: 'planned' },
  actions: { sv: 'Åtgärd', en: 'Action' },
  pauseReminder: { sv: 'Pausa', en: 'Pause' },
  resumeReminder: { sv: 'Återuppta', en: 'Resume' },
  sendReminderNow: { sv: 'Skicka nu', en: 'Send now' },
  reminder_due: { sv: 'skickas nu', en: 'sending' },
  reminder_sent: { sv: 'skickad', en: 'sent' },
  reminder_paused: { sv: 'pausad', en: 'paused' },
  reminder_expired: { sv: 'passerad', en: 'past' },
  'reminderKind_pre-registration': { sv: 'Intresseanmälan', en: 'Pre-registration' },
  'reminderKind_info-meeting-signup': {
    sv: 'Anmälan till informationsmöte',
    en: 'Information meeting sign-up',
  },
  reminderKind_submission: { sv: 'Bidrag', en: 'Application' },
  'reminderKind_board-protocol': { sv: 'Nämndens protokoll', en: "The board's protocol" },
  'reminderKind_site-visit-documents': { sv: 'Inför platsbesöket', en: 'Before the site visit' },
  'reminderKind_feedback-visit': { sv: 'Återföringsbesök', en: 'Feedback visit' },
  noOutlook: {
    sv: 'Öppna fönstret från Outlook. Lokalt: lägg till ?standin i adressen (se README).',
    en: 'Open this pane from Outlook. Locally: add ?standin to the address (see the README).',
  },
  signInFailed: { sv: 'Inloggningen misslyckades.', en: 'Sign-in failed.' },
  // The Outlook add-in's panes: the mail pane
  confidence: { sv: 'säkerhet', en: 'confidence' },
  whyThisKind: { sv: 'Varför', en: 'Why' },
  waiting: { sv: 'Väntar på en samordnare', en: 'Waiting for a coordinator' },
  decidedBy: { sv: 'Beslutat av', en: 'Decided by' },
  automatic: { sv: 'Avgjort automatiskt', en: 'Decided automatically' },
  candidate: { sv: 'möjlig', en: 'possible' },
  noParticipation: { sv: 'deltar inte', en: 'not taking part' },
  charactersNoSpaces: { sv: 'tecken utan blanksteg', en: 'characters without spaces' },
  questions: { sv: 'frågor besvarade', en: 'questions answered' },
  missing: { sv: 'Saknas', en: 'Missing' },
  sentLate: { sv: 'Skickat efter sista dagen', en: 'Sent after the deadline' },
  receipt: { sv: 'Kvitto', en: 'Receipt' },
  noReceipt: { sv: 'Inget kvitto skickat', en: 'No receipt sent' },
  resends: { sv: 'skickat igen', en: 'resent' },
  times: { sv: 'gång(er)', en: 'time(s)' },
  resend: { sv: 'Skicka kvittot igen', en: 'Resend the receipt' },
  resent: { sv: 'Kvittot skickas en gång till.', en: 'The receipt goes out once more.' },
  decide: { sv: 'Rätta typ och enhet', en: 'Correct kind and unit' },
  save: { sv: 'Spara beslutet', en: 'Save the decision' },
  decisionSaved: { sv: 'Beslutet är sparat.', en: 'The decision is saved.' },
  // The Outlook add-in's panes: the appointment pane
  bookVisit: { sv: 'Boka besök', en: 'Book a visit' },
  yourUnits: {
    sv: 'Lagets enheter som väntar på besök',
    en: "Your team's units waiting for a visit",
  },
  noneWaiting: { sv: 'Alla lagets besök är bokade.', en: "All your team's visits are booked." },
  siteVisit: { sv: 'Platsbesök', en: 'Site visit' },
  feedbackVisit: { sv: 'Återföringsbesök', en: 'Feedback visit' },
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
  receipt_pending: { sv: 'i kö', en: 'queued' },
  receipt_sending: { sv: 'skickas', en: 'sending' },
  receipt_sent: { sv: 'skickat', en: 'sent' },
  receipt_failed: { sv: 'misslyckades', en: 'failed' },
} as const;

export type Key = keyof typeof T;
export const t = (key: Key, l: Locale): string => T[key][l];
/** A word whose key comes from data (a kind or status the server sends); the key itself if unknown. */
export const tOr = (key: string, l: Locale): string => (key in T ? T[key as Key][l] : key);

export function formatInstant(iso: string, l: Locale): string {
  return new Date(iso).toLocaleString(l === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** One version of a unit's application as a line: when, how long, how many answers, late or not. */
export function submissionText(
  s: { sentAt: string; characters: number; answeredQuestions: number; late: boolean },
  l: Locale,
): string {
  const chars = s.characters.toLocaleString(l === 'sv' ? 'sv-SE' : 'en-GB');
  const late = s.late ? ` (${t('late', l)})` : '';
  return `${formatInstant(s.sentAt, l)}: ${chars} ${t('characters', l).toLowerCase()}, ${s.answeredQuestions}/24${late}`;
}

/** A receipt's delivery status (the mail pane). */
export const receiptStatusText = (status: string, l: Locale): string => tOr(`receipt_${status}`, l);

/** A visit's time with the weekday, Stockholm time (the add-in's panes). */
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
