// The store's public surface: open a Store, the record types its repositories speak, typed errors.
export { openStore, pgliteDir, type OpenStoreOptions, type StoreLogger } from './open.js';
export type { Repositories, Store, StoreKind } from './store.js';
export { StoreError, isStoreError, type StoreErrorReason } from './errors.js';
export type { TimeInput } from './time.js';
export type { OrganisationsRepo, UnitFilter, UnitsRepo } from './units.js';
export type {
  ApplyTransitionOptions,
  ApplyTransitionResult,
  ParticipationFilter,
  ParticipationUpdate,
  ParticipationsRepo,
  SourcedTransition,
} from './participations.js';
export type {
  ClaimOptions,
  MailFindings,
  MailKey,
  MailRecord,
  MailStatus,
  MailsRepo,
  NewMail,
} from './mails.js';
export type { NewSubmissionVersion, SubmissionVersion, SubmissionsRepo } from './submissions.js';
export type {
  DeltaLinkRecord,
  GraphSubscriptionInput,
  GraphSubscriptionRecord,
  SyncRepo,
} from './sync.js';
export {
  OutboxPriority,
  type NewOutboxItem,
  type OutboxItem,
  type OutboxRepo,
  type OutboxStatus,
} from './outbox.js';
export type {
  ConversationRefInput,
  ConversationRefRecord,
  ConversationsRepo,
} from './conversations.js';
export type {
  ReminderChannel,
  ReminderDeliveriesRepo,
  ReminderDelivery,
  ReminderDeliveryKey,
  ReminderDeliveryStatus,
} from './reminders.js';
export type { ReminderSnooze, ReminderSnoozeKey, ReminderSnoozesRepo } from './snoozes.js';
export {
  visitId,
  type ReserveResult,
  type VisitInput,
  type VisitKind,
  type VisitRecord,
  type VisitsRepo,
} from './visits.js';
export type {
  ConflictDeclaration,
  ExaminerMember,
  ExaminerTeamInput,
  ExaminerTeamRecord,
  ExaminerTeamsRepo,
  UnitAssignment,
} from './examiners.js';
export type { LocksRepo } from './locks.js';
export type { SettingsRepo } from './settings.js';
