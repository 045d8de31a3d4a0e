// The award's plain data: cycles and their timelines, units, classes, participations and their history.
// Every layer speaks these types; they hold no behaviour and no I/O.

/** An instant as an ISO 8601 string with offset (e.g. "2027-05-18T00:00:00+02:00"). */
export type IsoInstant = string;
/** A local calendar date in Europe/Stockholm, "YYYY-MM-DD". */
export type LocalDate = string;

export type UnitClassId = 'forskola' | 'skola' | 'aldreomsorg' | 'socialtjanst' | 'andra';

export interface UnitClass {
  id: UnitClassId;
  sv: string;
  en: string;
  /** The longer wording of the instructions, where they give one ("Andra verksamheter, såsom ..."). */
  description?: Bilingual;
}

export type OrganisationKind = 'district' | 'administration' | 'company';

/** A district board ("stadsdelsnämnd"), a specialist board/administration or a city company. */
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export type Ownership = 'municipal' | 'private';

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

export interface Unit {
  id: string;
  name: string;
  classId: UnitClassId;
  organisationId: string;
  managerName: string;
  managerEmail: string;
  email?: string;
  phone?: string;
  postalAddress?: Address;
  visitingAddress?: Address;
  staffCount?: number;
  ownership: Ownership;
  /** For private units: share (0–1) of places/children/customers from Stockholm. */
  stockholmShare?: number;
}

export interface InfoMeeting {
  id: string;
  start: IsoInstant;
  end: IsoInstant;
  /** A place ("Stadshuset, Ragnar Östbergs plan 1") or "Teams". */
  place: string;
  teamsUrl?: string;
  /** The last day to sign up, as written in the instructions ("anmäl senast 17 februari"). */
  signupDeadline: LocalDate;
}

export interface DateWindow {
  from: LocalDate;
  to: LocalDate;
}

/** A cycle's timeline. Deadlines are local dates meaning "by the end of that day (kl. 24.00)". */
export interface CycleTimeline {
  infoMeetings: InfoMeeting[];
  preRegistrationDeadline: LocalDate;
  submissionDeadline: LocalDate;
  boardProtocolDeadline: LocalDate;
  siteVisitWindow: DateWindow;
  juryDate: LocalDate;
  /** The prize ceremony; `start` when the time is announced. */
  ceremony: { date: LocalDate; place: string; start?: IsoInstant };
  feedbackVisitWindow: DateWindow;
}

export interface CycleRules {
  maxCharacters: number;
  minStaff: number;
  minStockholmShare: number;
  /** Years a winner is locked out after winning (2 → winner 2025 may take part again 2028). */
  winnerLockoutYears: number;
  /** 2024 rule: no deficit last year nor in the current forecast; earlier: budget in balance. */
  budgetRule: 'balance' | 'no-deficit-last-year-or-forecast';
}

export type ReminderKind =
  | 'pre-registration'
  | 'info-meeting-signup'
  | 'submission'
  | 'board-protocol'
  | 'site-visit-documents'
  | 'feedback-visit';

/** One line of a cycle file's `reminders`: `daysBefore` the deadline of `kind`, at `at` (HH:MM, Stockholm). */
export interface ReminderRule {
  id: string;
  kind: ReminderKind;
  daysBefore: number;
  at: string;
}

export interface Cycle {
  /** The cycle file's format: 2 adds `reminders`. Absent in format 1. */
  schema?: 2;
  year: number;
  /** Version of the cycle file, bumped when dates change. */
  version: number;
  mailbox: string;
  timeline: CycleTimeline;
  rules: CycleRules;
  /** When reminders go out (core/reminders.ts); without it, the defaults there. */
  reminders?: ReminderRule[];
  /** Visit lengths and booking rules; without it, core/visits/rules.ts' defaults. */
  visits?: CycleVisitRules;
}

/** A cycle's visit rules (minutes, working days); each left out takes the default. */
export interface CycleVisitRules {
  siteOnSiteMinutes?: number;
  siteDigitalMinutes?: number;
  feedbackMinutes?: number;
  leadWorkingDays?: number;
  travelBufferMinutes?: number;
  maxVisitsPerExaminerPerDay?: number;
}

export type ParticipationState =
  | 'interested'
  | 'pre-registered'
  | 'withdrawn'
  | 'submitted'
  | 'in-protocol'
  | 'eligible'
  | 'not-eligible'
  | 'under-examination'
  | 'site-visit-held'
  | 'jury-decided'
  | 'feedback-visit-held';

export type JuryResult = 'winner' | 'honourable-mention' | 'none';

export type SourceKind = 'mail' | 'card' | 'tab' | 'bot' | 'system' | 'phone';

export interface Source {
  kind: SourceKind;
  /** The mail's immutable id, the card action id, ... */
  ref?: string;
}

export interface Actor {
  /** "system", a user's e-mail or AAD object id. */
  id: string;
  name?: string;
}

/** Why a unit is not eligible: a rule id (an EligibilityRuleId from core/eligibility, or free) and its text. */
export interface Reason extends Bilingual {
  rule: string;
}

export interface Transition {
  /** null for the first entry, which creates the participation. */
  from: ParticipationState | null;
  to: ParticipationState;
  at: IsoInstant;
  actor: Actor;
  source: Source;
  note?: string;
  /** Set on the transition to 'jury-decided'. */
  juryResult?: JuryResult;
  /** Set on the transition to 'not-eligible'. */
  reasons?: Reason[];
}

export interface Participation {
  unitId: string;
  year: number;
  state: ParticipationState;
  juryResult?: JuryResult;
  /** Rule ids of the reasons for 'not-eligible' (kept while the state is 'not-eligible'). */
  ineligibleReasons?: string[];
  /** The same reasons with their Swedish and English text, index for index. */
  ineligibleReasonTexts?: Bilingual[];
  history: Transition[];
}

export type Locale = 'sv' | 'en';

export interface Bilingual {
  sv: string;
  en: string;
}
