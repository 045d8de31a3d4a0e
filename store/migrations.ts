// The schema's versioned migrations, defined in code so they run the same from tsx and from built
// output, applied at open by Kysely's Migrator (in one transaction, under its advisory lock, so two
// instances starting together on one PostgreSQL server apply them once). Never edit a released
// migration: add the next one. One statement per string: PGlite's extended protocol runs one at a time.
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { StoreError } from './errors.js';

function statements(...list: string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of list) await sql.raw(statement).execute(db);
    },
  };
}

const TS = 'timestamptz';

export const migrations: Record<string, Migration> = {
  '0001_initial': statements(
    `create table organisations (
       id text primary key,
       name text not null,
       kind text not null,
       data jsonb not null,
       updated_at ${TS} not null)`,
    `create table units (
       id text primary key,
       name text not null,
       class_id text not null,
       organisation_id text not null,
       manager_email text not null,
       email text,
       data jsonb not null,
       updated_at ${TS} not null)`,
    `create index units_manager_email_idx on units (lower(manager_email))`,
    `create index units_email_idx on units (lower(email))`,
    `create index units_class_idx on units (class_id)`,
    `create index units_organisation_idx on units (organisation_id)`,

    `create table participations (
       unit_id text not null,
       year integer not null,
       state text not null,
       jury_result text,
       data jsonb not null,
       version integer not null,
       created_at ${TS} not null,
       updated_at ${TS} not null,
       primary key (unit_id, year))`,
    `create index participations_year_state_idx on participations (year, state)`,
    `create table participation_transitions (
       id integer generated always as identity primary key,
       unit_id text not null,
       year integer not null,
       seq integer not null,
       from_state text,
       to_state text not null,
       at ${TS} not null,
       actor_id text not null,
       source_kind text not null,
       source_ref text,
       idempotency_key text,
       data jsonb not null,
       recorded_at ${TS} not null,
       foreign key (unit_id, year) references participations (unit_id, year) on delete cascade,
       unique (unit_id, year, seq),
       unique (unit_id, year, idempotency_key))`,
    `create index participation_transitions_source_idx
       on participation_transitions (source_kind, source_ref)`,

    `create table mails (
       mailbox text not null,
       message_id text not null,
       internet_message_id text,
       conversation_id text,
       from_address text,
       subject text,
       received_at ${TS} not null,
       sent_at ${TS},
       status text not null check (status in ('received', 'processing', 'processed', 'triage', 'failed')),
       classification text,
       confidence double precision,
       unit_id text,
       year integer,
       attempts integer not null default 0,
       last_error text,
       lease_owner text,
       lease_until ${TS},
       retry_at ${TS},
       processed_at ${TS},
       details jsonb,
       first_seen_at ${TS} not null,
       updated_at ${TS} not null,
       primary key (mailbox, message_id))`,
    `create index mails_status_idx on mails (status, received_at)`,
    `create index mails_unit_idx on mails (unit_id, year)`,

    `create table submissions (
       id integer generated always as identity primary key,
       unit_id text not null,
       year integer not null,
       mailbox text not null,
       message_id text not null,
       received_at ${TS} not null,
       sent_at ${TS} not null,
       character_count integer not null,
       answered_questions jsonb not null,
       late boolean not null,
       file_names jsonb not null,
       problems jsonb not null,
       details jsonb,
       recorded_at ${TS} not null,
       unique (mailbox, message_id))`,
    `create index submissions_unit_idx on submissions (unit_id, year, sent_at desc)`,

    `create table delta_links (
       mailbox text not null,
       folder_id text not null,
       delta_link text not null,
       updated_at ${TS} not null,
       primary key (mailbox, folder_id))`,
    `create table graph_subscriptions (
       id text primary key,
       resource text not null,
       change_type text not null,
       notification_url text not null,
       client_state text not null,
       expires_at ${TS} not null,
       details jsonb,
       created_at ${TS} not null,
       updated_at ${TS} not null)`,

    `create table outbox (
       id integer generated always as identity primary key,
       idempotency_key text not null unique,
       kind text not null,
       mailbox text not null,
       payload jsonb not null,
       recipient_count integer not null check (recipient_count >= 0),
       priority integer not null,
       not_before ${TS} not null,
       status text not null check (status in ('pending', 'sending', 'sent', 'failed')),
       attempts integer not null default 0,
       lease_owner text,
       lease_until ${TS},
       last_error text,
       sent_at ${TS},
       created_at ${TS} not null,
       updated_at ${TS} not null)`,
    `create index outbox_due_idx on outbox (priority, created_at, id) where status in ('pending', 'sending')`,
    `create index outbox_sent_idx on outbox (mailbox, sent_at) where status = 'sent'`,

    `create table conversation_refs (
       aad_object_id text primary key,
       tenant_id text,
       conversation_id text not null,
       service_url text not null,
       reference jsonb not null,
       updated_at ${TS} not null)`,
    `create table reminder_deliveries (
       reminder_id text not null,
       recipient text not null,
       channel text not null,
       status text not null check (status in ('claimed', 'delivered', 'failed')),
       attempts integer not null default 1,
       lease_until ${TS},
       claimed_at ${TS} not null,
       delivered_at ${TS},
       last_error text,
       details jsonb,
       primary key (reminder_id, recipient))`,
    `create table visits (
       id text primary key,
       unit_id text not null,
       year integer not null,
       kind text not null,
       status text not null,
       starts_at ${TS},
       ends_at ${TS},
       organizer text,
       event_id text,
       details jsonb,
       created_at ${TS} not null,
       updated_at ${TS} not null)`,
    `create index visits_unit_idx on visits (unit_id, year)`,
    `create index visits_year_idx on visits (year, kind)`,
    `create table job_locks (
       name text primary key,
       owner text not null,
       until ${TS} not null)`,
  ),
  '0002_settings': statements(
    `create table settings (
       key text primary key,
       value jsonb not null,
       updated_at ${TS} not null)`,
  ),
  // Examiner teams per cycle, the units assigned to them, conflicts of interest examiners declare,
  // one visit per unit, year and kind, and holds on attendees' time while a visit is booked (two
  // team leaders never book one unit manager's hour twice).
  '0003_examiner_teams_and_visit_holds': statements(
    `create table examiner_teams (
       id text primary key,
       year integer not null,
       name text not null,
       leader text not null,
       created_at ${TS} not null,
       updated_at ${TS} not null)`,
    `create index examiner_teams_year_idx on examiner_teams (year)`,
    `create table examiner_team_members (
       team_id text not null references examiner_teams (id) on delete cascade,
       address text not null,
       name text,
       object_id text,
       organisation_id text,
       primary key (team_id, address))`,
    `create index examiner_team_members_address_idx on examiner_team_members (address)`,
    `create index examiner_team_members_object_idx on examiner_team_members (object_id)`,
    `create table unit_assignments (
       unit_id text not null,
       year integer not null,
       team_id text not null references examiner_teams (id) on delete cascade,
       assigned_by text not null,
       assigned_at ${TS} not null,
       primary key (unit_id, year))`,
    `create index unit_assignments_team_idx on unit_assignments (team_id)`,
    `create table examiner_conflicts (
       year integer not null,
       address text not null,
       unit_id text not null,
       reason text,
       declared_at ${TS} not null,
       primary key (year, address, unit_id))`,
    `create unique index visits_unit_year_kind_uq on visits (unit_id, year, kind)`,
    `create table visit_holds (
       visit_id text not null references visits (id) on delete cascade,
       address text not null,
       starts_at ${TS} not null,
       ends_at ${TS} not null,
       primary key (visit_id, address))`,
    `create index visit_holds_address_idx on visit_holds (address, starts_at)`,
  ),
  // The outbox sends a draft it created (immutable id) and keeps that id: after a crash the id tells
  // whether the mail went (Sent Items drop custom headers, so a header search cannot).
  '0004_outbox_draft_id': statements(`alter table outbox add column draft_id text`),
  // A sent mail can still bounce (past the day's recipient limit, a mistyped address): the intake
  // marks the item when the non-delivery report arrives, so coordinators see who got nothing.
  '0005_outbox_bounce': statements(
    `alter table outbox add column bounced_at timestamptz`,
    `alter table outbox add column bounce_reason text`,
  ),
  // Reminder snoozes leave the one settings value every snooze read and rewrote whole (two managers
  // snoozing at once lost one): a row per person and reminder instead. Snoozes kept in the old value
  // come along (the latest per key; entries that are not snoozes stay behind), then the value goes.
  '0006_reminder_snoozes': statements(
    `create table reminder_snoozes (
       object_id text not null,
       occurrence_id text not null,
       unit_id text not null,
       due_at ${TS} not null,
       updated_at ${TS} not null,
       primary key (object_id, occurrence_id, unit_id))`,
    `create index reminder_snoozes_due_idx on reminder_snoozes (due_at)`,
    `insert into reminder_snoozes (object_id, occurrence_id, unit_id, due_at, updated_at)
       select distinct on (object_id, occurrence_id, unit_id)
              object_id, occurrence_id, unit_id, due_at, now()
         from (select e->>'objectId' as object_id,
                      e->>'occurrenceId' as occurrence_id,
                      e->>'unitId' as unit_id,
                      case when e->>'dueAt' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T'
                           then (e->>'dueAt')::${TS} end as due_at
                 from settings s
                 cross join lateral jsonb_array_elements(
                   case when jsonb_typeof(s.value) = 'array' then s.value else '[]'::jsonb end) as e
                where s.key = 'reminders:snoozes' and jsonb_typeof(e) = 'object') as old
        where object_id is not null and occurrence_id is not null
          and unit_id is not null and due_at is not null
        order by object_id, occurrence_id, unit_id, due_at desc
       on conflict do nothing`,
    `delete from settings where key = 'reminders:snoozes'`,
  ),
  // The sent mail's Message-ID (Graph gives the draft its internetMessageId when it is created), so a
  // non-delivery report that quotes it is matched to exactly that mail; indexed for that look-up.
  '0008_outbox_internet_message_id': statements(
    `alter table outbox add column internet_message_id text`,
    `create index outbox_internet_message_id_idx on outbox (internet_message_id)`,
  ),
  // Info-meeting signups are looked up by meeting, not found by scanning the newest mails (a mailbox
  // past a few thousand mails lost the older ones): an index on the meeting id intake keeps in a
  // processed mail's details. Existing signups are in it as soon as it is built.
  '0009_mails_info_meeting_idx': statements(
    `create index mails_info_meeting_idx
       on mails (mailbox, ((details -> 'infoMeeting' ->> 'id')))
       where status = 'processed'`,
  ),
  // The units' version: a counter bumped by a trigger before every statement that writes units (an
  // import, a rename, a merger, raw SQL alike), in that statement's transaction. A process that keeps
  // the unit list in memory (the intake's matcher index) reads this one row per mail and reloads only
  // when it moved, and sees another process's writes once they commit. The counter row serialises
  // unit writers; taking it before the rows keeps their lock order the same, so they cannot deadlock.
  // The trigger upserts the row, so a database whose tables were emptied (the tests) counts again.
  '0010_units_version': statements(
    `create table data_versions (name text primary key, version bigint not null)`,
    `insert into data_versions (name, version) values ('units', 1)`,
    `create function bump_units_version() returns trigger language plpgsql as $$
       begin
         insert into data_versions (name, version) values ('units', 1)
           on conflict (name) do update set version = data_versions.version + 1;
         return null;
       end $$`,
    `create trigger units_version_bump
       before insert or update or delete or truncate on units
       for each statement execute function bump_units_version()`,
  ),
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The name of the newest migration in code: what a fully migrated database reports. */
export const latestMigration = Object.keys(migrations).sort().at(-1) ?? '';

/** Applies every pending migration; a no-op when the database is up to date. Returns the names applied. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreError(
      'migration-failed',
      `applying schema migration ${failed} failed: ${describe(error)}`,
      {
        cause: error,
        details: { migration: failed },
      },
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The newest migration the database has applied ('' for an empty database). */
export async function appliedMigration<DB>(db: Kysely<DB>): Promise<string> {
  const migrator = new Migrator({ db, provider });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt !== undefined).at(-1)?.name ?? '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
