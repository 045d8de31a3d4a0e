// Reading a claimed mail: what the delta round kept (features/intake/snapshots.ts), else the message
// and its attachments' metadata from Graph.
import type { Message } from '@microsoft/microsoft-graph-types';
import { isGraphError } from '../../graph/index.js';
import type { IntakeContext } from './context.js';
import { INTAKE_MESSAGE_SELECT } from './facts.js';
import type { MailSnapshot, MailSnapshots } from './snapshots.js';

/** The mail and its attachments: from the snapshot when the delta round left one, else from Graph. */
export async function readMail(
  ctx: IntakeContext,
  messageId: string,
  snapshots?: MailSnapshots,
): Promise<MailSnapshot | 'gone'> {
  const snapshot = snapshots?.take(messageId);
  if (snapshot) return snapshot;
  let message: Message;
  try {
    message = await ctx.graph.messages.getMessage(ctx.mailbox, messageId, {
      select: INTAKE_MESSAGE_SELECT,
    });
  } catch (e) {
    if (isGraphError(e, 'not-found')) return 'gone';
    throw e;
  }
  const attachments = message.hasAttachments
    ? await ctx.graph.attachments.listAttachments(ctx.mailbox, messageId)
    : [];
  return { message, attachments };
}
