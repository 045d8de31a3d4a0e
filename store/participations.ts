// Participations (unit × cycle year) and their transition history. Updates go through one door,
// applyTransition, which serialises writers per participation (a transaction-scoped advisory lock,
// so two instances or two requests never lose an update), calls the caller's pure function on the
// current value, and records the new transitions. A replay of the same source (the same mail applied
// twice) is recognised by an idempotency key and changes nothing.
import { sql } from 'kysely';
import type { Participation, ParticipationState, Source, Transition } from '../core/model.js';
import { inTransaction, json, type Db, type RepoContext } from './db.js';
import { StoreError } from './errors.js';
import { toDate } from './time.js';

/** A pure update: the participation as stored now (null if none yet) → the participation to store. */
export type ParticipationUpdate = (current: Participation | null) => Participation;

export interface ApplyTransitionOptions {
  /**
   * Names this change for idempotency. If a transition with this key is already recorded on the
   * participation, nothing happens and `update` is not even called (so a replayed mail does not
   * surface as an illegal transition). Default: `<source kind>:<source ref>:<target state>` of the
   * newest transition `update` adds, when its source has a ref.
   */
  idempotencyKey?: string;
}

export interface ApplyTransitionResult {
  participation: Participation;
  /** False when the change was already recorded (same idempotency key) or `update` changed nothing. */
  applied: boolean;
  /** The transitions this call added to the history, oldest first. */
  added: Transition[];
}

export interface ParticipationFilter {
  year: number;
  state?: ParticipationState | readonly ParticipationState[];
  unitIds?: readonly string[];
}

export interface SourcedTransition {
  unitId: string;
  year: number;
  transition: Transition;
}

export interface ParticipationsRepo {
  get(unitId: string, year: number): Promise<Participation | undefined>;
  /** With their histories, ordered by unit id. */
  list(filter: ParticipationFilter): Promise<Participation[]>;
  /** Every year's participation of one unit, newest year first (lockout after a win looks back). */
  listForUnit(unitId: string): Promise<Participation[]>;
  applyTransition(
    unitId: string,
    year: number,
    update: ParticipationUpdate,
    options?: ApplyTransitionOptions,
  ): Promise<ApplyTransitionResult>;
  /** The transitions a source caused (e.g. everything one mail changed). */
  findBySource(source: Source): Promise<SourcedTransition[]>;
}

interface Row {
  unit_id: string;
  year: number;
  data: Record<string, unknown>;
}

export function participationsRepo({ db, now }: RepoContext): ParticipationsRepo {
  return {
    get: (unitId, year) => load(db, unitId, year),

    async list(filter) {
      let query = db
        .selectFrom('participations')
        .select(['unit_id', 'year', 'data'])
        .where('year', '=', filter.year);
      if (filter.state !== undefined) {
        const states = typeof filter.state === 'string' ? [filter.state] : [...filter.state];
        if (states.length === 0) return [];
        query = query.where('state', 'in', states);
      }
      if (filter.unitIds !== undefined) {
        if (filter.unitIds.length === 0) return [];
        query = query.where('unit_id', 'in', [...filter.unitIds]);
      }
      const rows = await query.orderBy('unit_id').execute();
      // A whole year's list: its transitions by year alone (a thousand-id IN list costs more than
      // the few rows it would leave out).
      return withHistories(db, rows, filter.unitIds === undefined);
    },

    async listForUnit(unitId) {
      const rows = await db
        .selectFrom('participations')
        .select(['unit_id', 'year', 'data'])
        .where('unit_id', '=', unitId)
        .orderBy('year', 'desc')
        .execute();
      return withHistories(db, rows);
    },

    applyTransition(unitId, year, update, options = {}) {
      return inTransaction(db, async (trx) => {
        // One writer per participation at a time, across connections and instances. An advisory lock
        // (unlike SELECT ... FOR UPDATE) also covers the first write, when there is no row to lock yet.
        await sql`select pg_advisory_xact_lock(hashtextextended(${`participation:${unitId}:${year}`}, 0))`.execute(
          trx,
        );
        const current = (await load(trx, unitId, year)) ?? null;
        if (options.idempotencyKey !== undefined && current !== null) {
          if (await hasKey(trx, unitId, year, options.idempotencyKey)) {
            return { participation: current, applied: false, added: [] };
          }
        }

        const next = update(current);
        if (next.unitId !== unitId || next.year !== year) {
          throw new StoreError(
            'invalid-argument',
            `the update for ${unitId}/${year} returned a participation of ${next.unitId}/${next.year}`,
          );
        }
        const known = current?.history.length ?? 0;
        if (next.history.length < known) {
          throw new StoreError(
            'invalid-argument',
            `the update for ${unitId}/${year} dropped transitions from the history`,
          );
        }
        const added = next.history.slice(known);
        const newest = added.at(-1);
        const key = options.idempotencyKey ?? (newest && derivedKey(newest));
        if (key !== undefined && current !== null && (await hasKey(trx, unitId, year, key))) {
          return { participation: current, applied: false, added: [] };
        }
        const data = stripped(next);
        if (current !== null && added.length === 0 && stable(data) === stable(stripped(current))) {
          return { participation: current, applied: false, added: [] };
        }

        const at = now();
        if (current === null) {
          await trx
            .insertInto('participations')
            .values({
              unit_id: unitId,
              year,
              state: next.state,
              jury_result: next.juryResult ?? null,
              data: json(data),
              version: 1,
              created_at: at,
              updated_at: at,
            })
            .execute();
        } else {
          await trx
            .updateTable('participations')
            .set((eb) => ({
              state: next.state,
              jury_result: next.juryResult ?? null,
              data: json(data),
              version: eb('version', '+', 1),
              updated_at: at,
            }))
            .where('unit_id', '=', unitId)
            .where('year', '=', year)
            .execute();
        }
        if (added.length > 0) {
          await trx
            .insertInto('participation_transitions')
            .values(
              added.map((transition, index) => ({
                unit_id: unitId,
                year,
                seq: known + index,
                from_state: transition.from,
                to_state: transition.to,
                at: toDate(transition.at),
                actor_id: transition.actor.id,
                source_kind: transition.source.kind,
                source_ref: transition.source.ref ?? null,
                idempotency_key: index === added.length - 1 ? (key ?? null) : null,
                data: json(transition),
                recorded_at: at,
              })),
            )
            .execute();
        }
        return { participation: { ...next }, applied: true, added };
      });
    },

    async findBySource(source) {
      let query = db
        .selectFrom('participation_transitions')
        .select(['unit_id', 'year', 'data'])
        .where('source_kind', '=', source.kind);
      query =
        source.ref === undefined
          ? query.where('source_ref', 'is', null)
          : query.where('source_ref', '=', source.ref);
      const rows = await query.orderBy('id').execute();
      return rows.map((row) => ({
        unitId: row.unit_id,
        year: row.year,
        transition: row.data as unknown as Transition,
      }));
    },
  };
}

async function load(db: Db, unitId: string, year: number): Promise<Participation | undefined> {
  const row = await db
    .selectFrom('participations')
    .select(['unit_id', 'year', 'data'])
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const [participation] = await withHistories(db, [row]);
  return participation;
}

async function withHistories(db: Db, rows: Row[], wholeYears = false): Promise<Participation[]> {
  if (rows.length === 0) return [];
  const years = [...new Set(rows.map((row) => row.year))];
  const unitIds = [...new Set(rows.map((row) => row.unit_id))];
  let query = db
    .selectFrom('participation_transitions')
    .select(['unit_id', 'year', 'data'])
    .where('year', 'in', years);
  if (!wholeYears) query = query.where('unit_id', 'in', unitIds);
  const transitions = await query.orderBy('seq').execute();
  const histories = new Map<string, Transition[]>();
  for (const t of transitions) {
    const id = `${t.unit_id}\u0000${t.year}`;
    const list = histories.get(id) ?? [];
    list.push(t.data as unknown as Transition);
    histories.set(id, list);
  }
  return rows.map(
    (row) =>
      ({
        ...row.data,
        unitId: row.unit_id,
        year: row.year,
        history: histories.get(`${row.unit_id}\u0000${row.year}`) ?? [],
      }) as unknown as Participation,
  );
}

async function hasKey(db: Db, unitId: string, year: number, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('participation_transitions')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}

function derivedKey(transition: Transition): string | undefined {
  const { kind, ref } = transition.source;
  return ref === undefined ? undefined : `${kind}:${ref}:${transition.to}`;
}

/** The participation without the parts stored elsewhere (key columns, history table). */
function stripped(participation: Participation): Record<string, unknown> {
  const { unitId: _unitId, year: _year, history: _history, ...rest } = participation;
  return rest;
}

/** JSON with sorted keys: jsonb does not keep key order, so plain JSON.stringify cannot compare. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
