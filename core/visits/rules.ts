// The booking rules of site and feedback visits as data: lengths by kind and mode (the issue's
// defaults; a cycle may override them), lead time, travel buffer and the daily cap per examiner.
import type { IsoInstant } from '../model.js';

export type VisitKind = 'site' | 'feedback';
/** On site at the unit's visiting address, or a Teams meeting. */
export type VisitMode = 'on-site' | 'digital';

export interface VisitRules {
  /** Site visit on site: 3 h (time for a walk-round and interviews). */
  siteOnSiteMinutes: number;
  siteDigitalMinutes: number;
  feedbackMinutes: number;
  /** The unit needs time to prepare its documents: at least this many working days ahead. */
  leadWorkingDays: number;
  /** Between two on-site visits of one examiner (travel across the city). */
  travelBufferMinutes: number;
  maxVisitsPerExaminerPerDay: number;
  /** Candidate start times are this far apart. */
  stepMinutes: number;
}

export const DEFAULT_VISIT_RULES: VisitRules = {
  siteOnSiteMinutes: 180,
  siteDigitalMinutes: 120,
  feedbackMinutes: 120,
  leadWorkingDays: 10,
  travelBufferMinutes: 45,
  maxVisitsPerExaminerPerDay: 2,
  stepMinutes: 30,
};

export function visitMinutes(rules: VisitRules, kind: VisitKind, mode: VisitMode): number {
  if (kind === 'feedback') return rules.feedbackMinutes;
  return mode === 'on-site' ? rules.siteOnSiteMinutes : rules.siteDigitalMinutes;
}

/** A visit already in someone's calendar, for the daily cap, the buffer and the load. */
export interface BookedVisit {
  examinerId: string;
  start: IsoInstant;
  end: IsoInstant;
  onSite: boolean;
}
