// Site and feedback visits, keyed by the visit id the visits feature assigns; upserted so a booking
// recorded twice (retry, second instance) stays one visit. The Outlook event id links to the calendar.
import type { Selectable } from 'kysely';
import type { IsoInstant } from '../core/model.js';
import { excludedSet, jsonOrNull, type RepoContext } from './db.js';
import type { VisitsTable } from './schema.js';
import { compact, toDate, toIso, toIsoOrUndefined, type TimeInput } from './time.js';

export type VisitKind = 'site' | 'feedback';

export interface VisitInput {
  id: string;
  unitId: string;
  year: number;
  kind: VisitKind;
  /** The visits feature's own states ('proposed', 'booked', 'held', 'cancelled', ...). */
  status: string;
  start?: TimeInput;
  end?: TimeInput;
  /** The team leader's address (whose calendar holds the event). */
  organizer?: string;
  /** The Outlook event's immutable id. */
  eventId?: string;
  details?: Record<string, unknown>;
}

export interface VisitRecord extends Omit<VisitInput, 'start' | 'end'> {
  start?: IsoInstant;
  end?: IsoInstant;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface VisitsRepo {
  upsert(visit: VisitInput): Promise<void>;
  get(id: string): Promise<VisitRecord | undefined>;
  /** Earliest first; without a year, every year. */
  listForUnit(unitId: string, year?: number): Promise<VisitRecord[]>;
  listForYear(year: number, kind?: VisitKind): Promise<VisitRecord[]>;
}

export function visitsRepo({ db, now }: RepoContext): VisitsRepo {
  return {
    async upsert(visit) {
      const at = now();
      const row = {
        id: visit.id,
        unit_id: visit.unitId,
        year: visit.year,
        kind: visit.kind,
        status: visit.status,
        starts_at: visit.start === undefined ? null : toDate(visit.start),
        ends_at: visit.end === undefined ? null : toDate(visit.end),
        organizer: visit.organizer ?? null,
        event_id: visit.eventId ?? null,
        details: jsonOrNull(visit.details),
        created_at: at,
        updated_at: at,
      };
      await db
        .insertInto('visits')
        .values(row)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet(({ ref }) => excludedSet(ref, row, ['id', 'created_at'])),
        )
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toVisit(row);
    },
    async listForUnit(unitId, year) {
      let query = db.selectFrom('visits').selectAll().where('unit_id', '=', unitId);
      if (year !== undefined) query = query.where('year', '=', year);
      const rows = await query.orderBy('starts_at').orderBy('id').execute();
      return rows.map(toVisit);
    },
    async listForYear(year, kind) {
      let query = db.selectFrom('visits').selectAll().where('year', '=', year);
      if (kind !== undefined) query = query.where('kind', '=', kind);
      const rows = await query.orderBy('starts_at').orderBy('id').execute();
      return rows.map(toVisit);
    },
  };
}

function toVisit(row: Selectable<VisitsTable>): VisitRecord {
  return compact({
    id: row.id,
    unitId: row.unit_id,
    year: row.year,
    kind: row.kind as VisitKind,
    status: row.status,
    start: toIsoOrUndefined(row.starts_at),
    end: toIsoOrUndefined(row.ends_at),
    organizer: row.organizer ?? undefined,
    eventId: row.event_id ?? undefined,
    details: row.details ?? undefined,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  });
}
