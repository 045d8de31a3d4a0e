// The tab's status API payload: where the cycle stands and what comes next. Pure (cycles and an
// instant in, JSON out); the server supplies the cycles and the clock.
import { currentPhase, upcomingDeadlines, type TimelineEntry } from '../core/deadlines.js';
import type { Bilingual, Cycle, IsoInstant } from '../core/model.js';

export interface TabDeadline {
  id: string;
  year: number;
  kind: TimelineEntry['kind'];
  shape: TimelineEntry['shape'];
  label: Bilingual;
  when: Bilingual;
  /** When it is over (ISO instant with offset). */
  end: IsoInstant;
}

export interface TabStatus {
  now: IsoInstant;
  year: number;
  phase: { id: string; label: Bilingual; until?: IsoInstant };
  mailbox: string;
  deadlines: TabDeadline[];
}

/**
 * The status of the cycle `cycle` at `now`; a still-running earlier cycle (feedback visits reaching
 * into the new year) contributes its remaining dates too.
 */
export function tabStatus(
  cycle: Cycle,
  now: Date,
  options: { earlier?: Cycle; limit?: number } = {},
): TabStatus {
  const phase = currentPhase(cycle, now);
  const entries = [
    ...(options.earlier ? upcomingDeadlines(options.earlier, now) : []),
    ...upcomingDeadlines(cycle, now),
  ].slice(0, options.limit ?? 8);
  return {
    now: now.toISOString(),
    year: cycle.year,
    phase: { id: phase.phase, label: phase.label, ...(phase.until ? { until: phase.until } : {}) },
    mailbox: cycle.mailbox,
    deadlines: entries.map((e) => ({
      id: e.id,
      year: e.year,
      kind: e.kind,
      shape: e.shape,
      label: e.label,
      when: e.when,
      end: e.end,
    })),
  };
}
