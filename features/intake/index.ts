// Mailbox intake: the pipeline that reads the shared mailbox through Graph, understands each mail,
// updates the unit's participation, answers the sender through the outbox and files the mail.
export { silentLogger, INTAKE_ACTOR, type IntakeContext, type IntakeLogger } from './context.js';
export { createIntakeService, type IntakeService, type IntakeServiceOptions } from './service.js';
export type { MailView, MailViewUnit } from './mail-view.js';
export type { MailCorrection } from './correction.js';
export { IntakeError, isIntakeError, type IntakeErrorReason } from './errors.js';
export {
  listTriage,
  recordTriageDecision,
  type TriageItem,
  type TriageResolution,
} from './triage.js';
export { missingFromProtocol, type MissingFromProtocol } from './protocol.js';
export { infoMeetingSignups, type InfoMeetingSignups } from './info-meetings.js';
export {
  clientStateMatches,
  workFor,
  type ChangeNotification,
  type NotificationWork,
} from './webhook.js';
export { intakeCategories, folderFor, TRIAGE_CATEGORY } from './filing.js';
export { receiptKey } from './replies.js';
export { cycleForMail } from './cycle.js';
export { unitIndexFor, type UnitIndex } from './unit-index.js';
export { getGoLive } from './settings.js';
export type { IntakeDetails, TriageDecision } from './process.js';
