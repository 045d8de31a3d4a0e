// Who signed up for which info meeting: the signups intake recorded (one per mail), per meeting of a
// cycle, for the coordinators' lists (room size, Teams invitations).
import type { Cycle } from '../../core/model.js';
import type { IntakeContext } from './context.js';
import { readDetails } from './details.js';

export interface InfoMeetingSignups {
  meetingId: string;
  start: string;
  place: string;
  signups: {
    from: string;
    unitId?: string;
    messageId: string;
    receivedAt: string;
    /** False when the mail did not say which meeting (the next open one was assumed). */
    certain: boolean;
  }[];
}

export async function infoMeetingSignups(
  ctx: Pick<IntakeContext, 'store' | 'mailbox'>,
  cycle: Cycle,
): Promise<InfoMeetingSignups[]> {
  const meetings = cycle.timeline.infoMeetings;
  // Looked up by meeting in the store (indexed), oldest first: none lost however full the mailbox.
  const mails = await ctx.store.mails.listInfoMeetingSignups({
    mailbox: ctx.mailbox,
    meetingIds: meetings.map((m) => m.id),
  });
  return meetings.map((m) => ({
    meetingId: m.id,
    start: m.start,
    place: m.place,
    signups: mails
      .map((mail) => ({ mail, d: readDetails(mail) }))
      .filter(({ d }) => d.infoMeeting?.id === m.id)
      .map(({ mail, d }) => ({
        from: mail.from ?? d.from ?? '',
        ...(mail.unitId ? { unitId: mail.unitId } : {}),
        messageId: mail.messageId,
        receivedAt: mail.receivedAt,
        certain: d.infoMeeting?.certain ?? false,
      })),
  }));
}
