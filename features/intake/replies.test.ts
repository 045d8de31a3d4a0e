import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCycle } from '../../core/cycle.js';
import type { NewOutboxItem } from '../../store/index.js';
import { silentLogger, type IntakeContext } from './context.js';
import { queueReply, receiptKey } from './replies.js';

const cycle = parseCycle(
  JSON.parse(readFileSync(new URL('../../cycles/2027.json', import.meta.url), 'utf8')),
);

function fakeContext() {
  const queued = new Map<string, NewOutboxItem>();
  const ctx = {
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
    logger: silentLogger,
    store: {
      outbox: {
        async enqueue(item: NewOutboxItem) {
          const inserted = !queued.has(item.key);
          if (inserted) queued.set(item.key, item);
          return {
            inserted,
            item: { id: 1, status: 'pending', createdAt: new Date().toISOString() },
          };
        },
      },
    },
  } as unknown as IntakeContext;
  return { ctx, queued };
}

const receipt = { subject: 'Kvitto', html: '<p>Tack</p>', text: 'Tack' };

describe('receipts through the outbox', () => {
  it('queues one reply per mail, however often the mail is processed', async () => {
    const { ctx, queued } = fakeContext();
    const request = {
      messageId: 'm1',
      receipt,
      receivedAt: '2027-04-02T10:00:00+02:00',
      cycle,
      purpose: 'receipt' as const,
    };
    expect(await queueReply(ctx, request)).toBe(true);
    expect(await queueReply(ctx, request)).toBe(false);
    expect([...queued.keys()]).toEqual([receiptKey(ctx.mailbox, 'm1')]);
    expect(queued.get(receiptKey(ctx.mailbox, 'm1'))?.payload).toMatchObject({
      kind: 'reply',
      messageId: 'm1',
      html: '<p>Tack</p>',
    });
  });

  it('puts a receipt on deadline evening before anything else', async () => {
    const { ctx, queued } = fakeContext();
    const deadlineEvening = `${cycle.timeline.submissionDeadline}T22:30:00+02:00`;
    await queueReply(ctx, {
      messageId: 'late-evening',
      receipt,
      receivedAt: deadlineEvening,
      cycle,
      purpose: 'receipt',
    });
    await queueReply(ctx, {
      messageId: 'april',
      receipt,
      receivedAt: '2027-04-02T10:00:00+02:00',
      cycle,
      purpose: 'receipt',
    });
    const priority = (id: string) => queued.get(receiptKey(ctx.mailbox, id))?.priority ?? -1;
    expect(priority('late-evening')).toBeLessThan(priority('april'));
    expect(priority('late-evening')).toBe(0);
  });
});
