// A mail waiting for a coordinator's decision, as plain data: the intake lists them, the cards and the
// tab show them. Lives in core so cards/ (pure) can describe it without importing features/.
import type { Bilingual } from '../model.js';
import type { MailKind } from './facts.js';

export interface TriageItem {
  messageId: string;
  receivedAt: string;
  from?: string;
  subject?: string;
  preview?: string;
  suggestedKind: MailKind;
  confidence: number;
  suggestedUnitId?: string;
  candidates: { unitId: string; unitName: string; score: number }[];
  reasons: Bilingual[];
  triageReasons: Bilingual[];
  /** The info meetings a signup could be for (it named none): a decision picks one. */
  meetingChoices?: { id: string; start: string }[];
  /**
   * The choice pre-selected among meetingChoices: the one the intake finds most likely (the next
   * still ahead when the mail was sent). Absent: nothing is pre-selected and the coordinator must pick.
   */
  suggestedMeetingId?: string;
  /** Set when the app gave up processing the mail (after retries): the error, for whoever looks. */
  failed?: string;
}
