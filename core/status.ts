// What the status views show (features/status computes it, cards/ and the tab render it): the cycle's
// numbers, unit lists and a unit's detail as plain JSON-able data, with Bilingual labels so each client
// picks its language.
import type { TimelineEntry } from './deadlines.js';
import type {
  Bilingual,
  IsoInstant,
  ParticipationState,
  Reason,
  Source,
  UnitClassId,
} from './model.js';

export interface StatusDeadline {
  id: string;
  year: number;
  kind: TimelineEntry['kind'];
  label: Bilingual;
  when: Bilingual;
  /** When it is over. */
  end: IsoInstant;
  /** Whole days from now until `end` (0 on the day itself). */
  daysLeft: number;
}

/** The next dates of one cycle (cycles overlap: December has last year's feedback visits and next year's info meetings). */
export interface CycleDeadlines {
  year: number;
  phase: { id: string; label: Bilingual };
  next: StatusDeadline[];
}

export interface UnitRef {
  unitId: string;
  name: string;
}

export interface YearCounts {
  year: number;
  phase: { id: string; label: Bilingual };
  /** Participations in the year (every state). */
  total: number;
  byState: Record<ParticipationState, number>;
  /** Units that have reached the milestone at some point, whatever their state now. */
  submitted: number;
  inProtocol: number;
  /** Pre-registered or submitted, still taking part, and no board protocol has named them. */
  missingFromProtocol: number;
  /** Taking part, and no application yet. */
  notSubmitted: number;
  visits: { booked: number; held: number };
  /** Taking part (not withdrawn) per class; submitted per class. */
  byClass: Record<UnitClassId, { participating: number; submitted: number }>;
  problems: { late: UnitRef[]; overLimit: UnitRef[]; unreadable: UnitRef[] };
}

export interface StatusOverview {
  now: IsoInstant;
  /** The year lists and acts default to (the cycle units are working on now). */
  year: number;
  /** Every cycle in play, oldest first. */
  years: YearCounts[];
  /** Next dates of every cycle that has any, oldest cycle first. */
  deadlines: CycleDeadlines[];
}

export type ProblemKind = 'late' | 'over-limit' | 'unreadable';

export interface UnitListFilter {
  year?: number;
  states?: ParticipationState[];
  classId?: UnitClassId;
  organisationId?: string;
  notSubmitted?: boolean;
  missingFromProtocol?: boolean;
  problem?: ProblemKind;
  /** Only these units (an examiner's team, a unit manager's units). */
  unitIds?: readonly string[];
}

export interface UnitRow extends UnitRef {
  classId: UnitClassId;
  organisationId: string;
  organisationName?: string;
  state: ParticipationState;
  submission?: {
    characters: number;
    answeredQuestions: number;
    late: boolean;
    problems: string[];
  };
  visits: { kind: string; status: string; start?: IsoInstant }[];
}

export interface UnitPage {
  year: number;
  filter: UnitListFilter;
  items: UnitRow[];
  total: number;
  /** 0-based. */
  page: number;
  pageSize: number;
  pages: number;
}

export interface HistoryEntry {
  from: ParticipationState | null;
  to: ParticipationState;
  at: IsoInstant;
  by: { id: string; name?: string };
  source: Source;
  note?: string;
  reasons?: Reason[];
}

export interface UnitNote {
  text: string;
  by: { id: string; name?: string };
  at: IsoInstant;
}

export interface UnitDetail {
  unit: UnitRef & {
    classId: UnitClassId;
    className: Bilingual;
    organisationId: string;
    organisationName?: string;
    managerName: string;
    managerEmail: string;
    email?: string;
    phone?: string;
    staffCount?: number;
    ownership: string;
  };
  year: number;
  state?: ParticipationState;
  history: HistoryEntry[];
  submissions: {
    messageId: string;
    sentAt: IsoInstant;
    characters: number;
    answeredQuestions: number;
    late: boolean;
    fileNames: string[];
    problems: string[];
    source: 'mail' | 'ils-webben';
  }[];
  eligibility: {
    /** Decided: the participation's state says so; otherwise what the rules say from the known facts. */
    decided?: 'eligible' | 'not-eligible';
    reasons: Bilingual[];
    needsChecking: Bilingual[];
  };
  examinerTeam?: { id: string; name: string; leader: string };
  visits: { kind: string; status: string; start?: IsoInstant; end?: IsoInstant }[];
  notes: UnitNote[];
  /** What the unit still has to do, and by when (a unit manager's "what is missing?"). */
  due: { kind: string; label: Bilingual; when: Bilingual; daysLeft: number }[];
}
