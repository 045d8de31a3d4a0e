// The database's shape as Kysely sees it: one interface per table, matching migrations.ts. Row types
// are internal to store/; repositories map them to the records they export.
import type { ColumnType, Generated } from 'kysely';

/** timestamptz: both drivers return a Date; we write Dates (or ISO strings). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
/** jsonb: read back parsed, written as JSON text (see json() in db.ts) so pg never turns arrays into PG arrays. */
type Json<T = unknown> = ColumnType<T, string, string>;
type NullableJson<T = unknown> = ColumnType<T | null, string | null, string | null>;

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  data: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface UnitsTable {
  id: string;
  name: string;
  class_id: string;
  organisation_id: string;
  manager_email: string;
  email: string | null;
  data: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface ParticipationsTable {
  unit_id: string;
  year: number;
  state: string;
  jury_result: string | null;
  /** The whole Participation without unitId, year and history, so core can add fields freely. */
  data: Json<Record<string, unknown>>;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TransitionsTable {
  id: Generated<number>;
  unit_id: string;
  year: number;
  seq: number;
  from_state: string | null;
  to_state: string;
  at: Timestamp;
  actor_id: string;
  source_kind: string;
  source_ref: string | null;
  idempotency_key: string | null;
  /** The Transition exactly as core produced it. */
  data: Json<Record<string, unknown>>;
  recorded_at: Timestamp;
}

export interface MailsTable {
  mailbox: string;
  message_id: string;
  internet_message_id: string | null;
  conversation_id: string | null;
  from_address: string | null;
  subject: string | null;
  received_at: Timestamp;
  sent_at: NullableTimestamp;
  status: string;
  classification: string | null;
  confidence: number | null;
  unit_id: string | null;
  year: number | null;
  attempts: number;
  last_error: string | null;
  lease_owner: string | null;
  lease_until: NullableTimestamp;
  retry_at: NullableTimestamp;
  processed_at: NullableTimestamp;
  details: NullableJson<Record<string, unknown>>;
  first_seen_at: Timestamp;
  updated_at: Timestamp;
}

export interface SubmissionsTable {
  id: Generated<number>;
  unit_id: string;
  year: number;
  mailbox: string;
  message_id: string;
  received_at: Timestamp;
  sent_at: Timestamp;
  character_count: number;
  answered_questions: Json<number[]>;
  late: boolean;
  file_names: Json<string[]>;
  problems: Json<string[]>;
  details: NullableJson<Record<string, unknown>>;
  recorded_at: Timestamp;
}

export interface DeltaLinksTable {
  mailbox: string;
  folder_id: string;
  delta_link: string;
  updated_at: Timestamp;
}

export interface GraphSubscriptionsTable {
  id: string;
  resource: string;
  change_type: string;
  notification_url: string;
  client_state: string;
  expires_at: Timestamp;
  details: NullableJson<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  kind: string;
  mailbox: string;
  payload: Json;
  recipient_count: number;
  priority: number;
  not_before: Timestamp;
  status: string;
  attempts: number;
  lease_owner: string | null;
  lease_until: NullableTimestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The draft (immutable id) the sender created for this item; sent or still a draft. */
  draft_id: string | null;
  /** A non-delivery report came back for this sent mail: when it arrived, and the server's reason. */
  bounced_at: NullableTimestamp;
  bounce_reason: string | null;
  /** The Message-ID of the mail sent for this item (the draft's internetMessageId, '<…@…>'). */
  internet_message_id: string | null;
}

export interface ConversationRefsTable {
  aad_object_id: string;
  tenant_id: string | null;
  conversation_id: string;
  service_url: string;
  reference: Json;
  updated_at: Timestamp;
}

export interface ReminderDeliveriesTable {
  reminder_id: string;
  recipient: string;
  channel: string;
  status: string;
  attempts: number;
  lease_until: NullableTimestamp;
  claimed_at: Timestamp;
  delivered_at: NullableTimestamp;
  last_error: string | null;
  details: NullableJson<Record<string, unknown>>;
}

export interface VisitsTable {
  id: string;
  unit_id: string;
  year: number;
  kind: string;
  status: string;
  starts_at: NullableTimestamp;
  ends_at: NullableTimestamp;
  organizer: string | null;
  event_id: string | null;
  details: NullableJson<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExaminerTeamsTable {
  id: string;
  year: number;
  name: string;
  /** The team leader's address, lower case. */
  leader: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExaminerTeamMembersTable {
  team_id: string;
  /** Lower case. */
  address: string;
  name: string | null;
  object_id: string | null;
  /** The examiner's own administration (never examines its units). */
  organisation_id: string | null;
}

export interface UnitAssignmentsTable {
  unit_id: string;
  year: number;
  team_id: string;
  assigned_by: string;
  assigned_at: Timestamp;
}

export interface ExaminerConflictsTable {
  year: number;
  address: string;
  unit_id: string;
  reason: string | null;
  declared_at: Timestamp;
}

export interface VisitHoldsTable {
  visit_id: string;
  address: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export interface JobLocksTable {
  name: string;
  owner: string;
  until: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface ReminderSnoozesTable {
  object_id: string;
  occurrence_id: string;
  unit_id: string;
  due_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  organisations: OrganisationsTable;
  units: UnitsTable;
  participations: ParticipationsTable;
  participation_transitions: TransitionsTable;
  mails: MailsTable;
  submissions: SubmissionsTable;
  delta_links: DeltaLinksTable;
  graph_subscriptions: GraphSubscriptionsTable;
  outbox: OutboxTable;
  conversation_refs: ConversationRefsTable;
  reminder_deliveries: ReminderDeliveriesTable;
  reminder_snoozes: ReminderSnoozesTable;
  visits: VisitsTable;
  examiner_teams: ExaminerTeamsTable;
  examiner_team_members: ExaminerTeamMembersTable;
  unit_assignments: UnitAssignmentsTable;
  examiner_conflicts: ExaminerConflictsTable;
  visit_holds: VisitHoldsTable;
  job_locks: JobLocksTable;
  settings: SettingsTable;
}
