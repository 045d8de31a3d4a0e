// Submission versions per unit × year: one per mail (natural key mailbox + message id, so the same
// mail recorded twice is one version). Every version is kept; the newest by sent time is current.
import type { Selectable } from 'kysely';
import type { IsoInstant } from '../core/model.js';
import { json, jsonOrNull, type RepoContext } from './db.js';
import type { SubmissionsTable } from './schema.js';
import { compact, toDate, toIso, type TimeInput } from './time.js';

export interface NewSubmissionVersion {
  unitId: string;
  year: number;
  mailbox: string;
  messageId: string;
  receivedAt: TimeInput;
  /** The sender's sent time: lateness is judged on it, not on when we processed the mail. */
  sentAt: TimeInput;
  /** Characters excluding whitespace, as Word's "characters (no spaces)". */
  characterCount: number;
  /** Question numbers (1–24) found answered. */
  answeredQuestions: readonly number[];
  late: boolean;
  fileNames: readonly string[];
  /** Problem codes for the receipt (over the limit, questions missing, unreadable file, ...). */
  problems?: readonly string[];
  /** Intake's own structure: detected administrative data, per-file notes, ... */
  details?: Record<string, unknown>;
}

export interface SubmissionVersion extends Omit<
  NewSubmissionVersion,
  'receivedAt' | 'sentAt' | 'answeredQuestions' | 'fileNames' | 'problems'
> {
  id: number;
  receivedAt: IsoInstant;
  sentAt: IsoInstant;
  answeredQuestions: number[];
  fileNames: string[];
  problems: string[];
  recordedAt: IsoInstant;
}

export interface SubmissionsRepo {
  /** Records a version; the same mail again returns the version already recorded (`inserted: false`). */
  add(version: NewSubmissionVersion): Promise<{ inserted: boolean; submission: SubmissionVersion }>;
  getByMessage(mailbox: string, messageId: string): Promise<SubmissionVersion | undefined>;
  /** Every version of a unit's submission for a year, newest (by sent time) first. */
  list(unitId: string, year: number): Promise<SubmissionVersion[]>;
  /** The current (newest) version. */
  latest(unitId: string, year: number): Promise<SubmissionVersion | undefined>;
  /** The current version of every unit that submitted in a year, by unit id. */
  latestByYear(year: number): Promise<SubmissionVersion[]>;
}

export function submissionsRepo({ db, now }: RepoContext): SubmissionsRepo {
  // A unit's versions for a year, newest first (the order list() and latest() promise).
  const newestFirst = (unitId: string, year: number) =>
    db
      .selectFrom('submissions')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .orderBy('sent_at', 'desc')
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc');

  return {
    async add(version) {
      const inserted = await db
        .insertInto('submissions')
        .values({
          unit_id: version.unitId,
          year: version.year,
          mailbox: version.mailbox,
          message_id: version.messageId,
          received_at: toDate(version.receivedAt),
          sent_at: toDate(version.sentAt),
          character_count: version.characterCount,
          answered_questions: json([...version.answeredQuestions]),
          late: version.late,
          file_names: json([...version.fileNames]),
          problems: json([...(version.problems ?? [])]),
          details: jsonOrNull(version.details),
          recorded_at: now(),
        })
        .onConflict((oc) => oc.columns(['mailbox', 'message_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { inserted: true, submission: toVersion(inserted) };
      const existing = await db
        .selectFrom('submissions')
        .selectAll()
        .where('mailbox', '=', version.mailbox)
        .where('message_id', '=', version.messageId)
        .executeTakeFirstOrThrow();
      return { inserted: false, submission: toVersion(existing) };
    },

    async getByMessage(mailbox, messageId) {
      const row = await db
        .selectFrom('submissions')
        .selectAll()
        .where('mailbox', '=', mailbox)
        .where('message_id', '=', messageId)
        .executeTakeFirst();
      return row && toVersion(row);
    },

    async list(unitId, year) {
      const rows = await newestFirst(unitId, year).execute();
      return rows.map(toVersion);
    },

    async latest(unitId, year) {
      const row = await newestFirst(unitId, year).limit(1).executeTakeFirst();
      return row && toVersion(row);
    },

    async latestByYear(year) {
      const rows = await db
        .selectFrom('submissions')
        .selectAll()
        .distinctOn('unit_id')
        .where('year', '=', year)
        .orderBy('unit_id')
        .orderBy('sent_at', 'desc')
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toVersion);
    },
  };
}

function toVersion(row: Selectable<SubmissionsTable>): SubmissionVersion {
  return compact({
    id: row.id,
    unitId: row.unit_id,
    year: row.year,
    mailbox: row.mailbox,
    messageId: row.message_id,
    receivedAt: toIso(row.received_at),
    sentAt: toIso(row.sent_at),
    characterCount: row.character_count,
    answeredQuestions: row.answered_questions,
    late: row.late,
    fileNames: row.file_names,
    problems: row.problems,
    details: row.details ?? undefined,
    recordedAt: toIso(row.recorded_at),
  });
}
