// Units and organisations (boards/administrations). Upserts by id, so re-importing the same register
// is idempotent. The whole object is kept in `data` so fields core adds later survive without a migration;
// the columns we filter on are copies.
import { sql } from 'kysely';
import type { Organisation, Unit, UnitClassId } from '../core/model.js';
import { excludedSet, json, type RepoContext } from './db.js';

export interface UnitFilter {
  classId?: UnitClassId;
  organisationId?: string;
}

export interface UnitsRepo {
  /** Inserts or replaces the unit with this id. */
  upsert(unit: Unit): Promise<void>;
  get(id: string): Promise<Unit | undefined>;
  /** Sorted by name. */
  list(filter?: UnitFilter): Promise<Unit[]>;
  /** Units whose manager has this address, case-insensitive (a manager may lead several units). */
  findByManagerEmail(email: string): Promise<Unit[]>;
  /** Units whose manager address or unit address is this one, case-insensitive. */
  findByEmail(email: string): Promise<Unit[]>;
  /**
   * An opaque token that changes whenever units are written (committed, by any process on this
   * database): one indexed row, cheap enough to read per mail before trusting a cached unit list.
   */
  version(): Promise<string>;
}

export interface OrganisationsRepo {
  upsert(organisation: Organisation): Promise<void>;
  get(id: string): Promise<Organisation | undefined>;
  /** Sorted by name. */
  list(): Promise<Organisation[]>;
}

export function unitsRepo({ db, now }: RepoContext): UnitsRepo {
  const select = () => db.selectFrom('units').select(['id', 'data']);
  const toUnit = (row: { id: string; data: Record<string, unknown> }): Unit =>
    ({ ...row.data, id: row.id }) as unknown as Unit;

  return {
    async upsert(unit) {
      const row = {
        id: unit.id,
        name: unit.name,
        class_id: unit.classId,
        organisation_id: unit.organisationId,
        manager_email: unit.managerEmail,
        email: unit.email ?? null,
        data: json(unit),
        updated_at: now(),
      };
      await db
        .insertInto('units')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(({ ref }) => excludedSet(ref, row, ['id'])))
        .execute();
    },
    async get(id) {
      const row = await select().where('id', '=', id).executeTakeFirst();
      return row && toUnit(row);
    },
    async list(filter = {}) {
      let query = select();
      if (filter.classId !== undefined) query = query.where('class_id', '=', filter.classId);
      if (filter.organisationId !== undefined)
        query = query.where('organisation_id', '=', filter.organisationId);
      const rows = await query.orderBy('name').orderBy('id').execute();
      return rows.map(toUnit);
    },
    async findByManagerEmail(email) {
      const rows = await select()
        .where(sql<string>`lower(manager_email)`, '=', email.trim().toLowerCase())
        .orderBy('name')
        .execute();
      return rows.map(toUnit);
    },
    async findByEmail(email) {
      const address = email.trim().toLowerCase();
      const rows = await select()
        .where((eb) =>
          eb.or([
            eb(sql<string>`lower(manager_email)`, '=', address),
            eb(sql<string>`lower(email)`, '=', address),
          ]),
        )
        .orderBy('name')
        .execute();
      return rows.map(toUnit);
    },
    async version() {
      // Bumped by a trigger in the writing statement's transaction (migration 0010_units_version).
      const { rows } = await sql<{ version: string }>`
        select version::text as version from data_versions where name = 'units'`.execute(db);
      return rows[0]?.version ?? '0';
    },
  };
}

export function organisationsRepo({ db, now }: RepoContext): OrganisationsRepo {
  const toOrganisation = (row: { id: string; data: Record<string, unknown> }): Organisation =>
    ({ ...row.data, id: row.id }) as unknown as Organisation;
  return {
    async upsert(organisation) {
      const row = {
        id: organisation.id,
        name: organisation.name,
        kind: organisation.kind,
        data: json(organisation),
        updated_at: now(),
      };
      await db
        .insertInto('organisations')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(({ ref }) => excludedSet(ref, row, ['id'])))
        .execute();
    },
    async get(id) {
      const row = await db
        .selectFrom('organisations')
        .select(['id', 'data'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toOrganisation(row);
    },
    async list() {
      const rows = await db
        .selectFrom('organisations')
        .select(['id', 'data'])
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toOrganisation);
    },
  };
}
