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
  const mails = await ctx.store.mails.list({
    status: 'processed',
    mailbox: ctx.mailbox,
    limit: 5000,
  });
  return cycle.timeline.infoMeetings.map((m) => ({
    meetingId: m.id,
    start: m.start,
    place: m.place,
    signups: mails
      .filter((mail) => readDetails(mail).infoMeeting?.id === m.id)
      .map((mail) => {
        const d = readDetails(mail);
        return {
          from: mail.from ?? d.from ?? '',
          ...(mail.unitId ? { unitId: mail.unitId } : {}),
          messageId: mail.messageId,
          receivedAt: mail.receivedAt,
          certain: d.infoMeeting?.certain ?? false,
        };
      })
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
  }));
}
