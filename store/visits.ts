// Site and feedback visits, keyed by the visit id the visits feature assigns; upserted so a booking
// recorded twice (retry, second instance) stays one visit, and unique per unit, year and kind. The
// Outlook event id links to the calendar. `reserve` holds the attendees' time while a booking is
// made: writers on one person are serialised, so two team leaders never take one manager's hour.
import { sql, type Selectable } from 'kysely';
import type { IsoInstant } from '../core/model.js';
import { excludedSet, inTransaction, jsonOrNull, type RepoContext } from './db.js';
import { StoreError } from './errors.js';
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
  /**
   * Records the visit (as given, usually status 'booking') and holds its time for these addresses,
   * unless another visit already holds an overlapping time of one of them: then nothing changes and
   * the answer names who and which visit. The visit's own earlier holds are replaced (rebooking).
   */
  reserve(visit: VisitInput, addresses: string[]): Promise<ReserveResult>;
  /** Drops the visit's holds (cancelled, or a booking that failed). */
  release(visitId: string): Promise<void>;
  /** Held times of these addresses overlapping [from, to), for the slot finder. */
  holds(
    addresses: string[],
    from: TimeInput,
    to: TimeInput,
  ): Promise<{ visitId: string; address: string; start: IsoInstant; end: IsoInstant }[]>;
}

export type ReserveResult =
  { reserved: true } | { reserved: false; busy: { address: string; visitId: string }[] };

/** The one visit of a unit per year and kind. */
export const visitId = (year: number, kind: VisitKind, unitId: string): string =>
  `${year}:${kind}:${unitId}`;

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
    reserve(visit, addresses) {
      if (visit.start === undefined || visit.end === undefined) {
        return Promise.reject(
          new StoreError('invalid-argument', 'reserve needs the visit start and end'),
        );
      }
      const start = toDate(visit.start);
      const end = toDate(visit.end);
      const people = [...new Set(addresses.map((a) => a.trim().toLowerCase()))].sort();
      return inTransaction(db, async (trx) => {
        // Sorted, so two bookings over the same people take the locks in one order (no deadlock).
        for (const address of people) {
          await sql`select pg_advisory_xact_lock(hashtextextended(${`visit-person:${address}`}, 0))`.execute(
            trx,
          );
        }
        const clash = await trx
          .selectFrom('visit_holds')
          .select(['address', 'visit_id'])
          .where('address', 'in', people)
          .where('visit_id', '!=', visit.id)
          .where('starts_at', '<', end)
          .where('ends_at', '>', start)
          .execute();
        if (clash.length > 0) {
          return {
            reserved: false as const,
            busy: clash.map((c) => ({ address: c.address, visitId: c.visit_id })),
          };
        }
        await visitsRepo({ db: trx, now }).upsert(visit);
        await trx.deleteFrom('visit_holds').where('visit_id', '=', visit.id).execute();
        if (people.length > 0) {
          await trx
            .insertInto('visit_holds')
            .values(
              people.map((address) => ({
                visit_id: visit.id,
                address,
                starts_at: start,
                ends_at: end,
              })),
            )
            .execute();
        }
        return { reserved: true as const };
      });
    },
    async release(id) {
      await db.deleteFrom('visit_holds').where('visit_id', '=', id).execute();
    },
    async holds(addresses, from, to) {
      const people = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
      if (people.length === 0) return [];
      const rows = await db
        .selectFrom('visit_holds')
        .selectAll()
        .where('address', 'in', people)
        .where('starts_at', '<', toDate(to))
        .where('ends_at', '>', toDate(from))
        .orderBy('starts_at')
        .execute();
      return rows.map((r) => ({
        visitId: r.visit_id,
        address: r.address,
        start: toIso(r.starts_at),
        end: toIso(r.ends_at),
      }));
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
