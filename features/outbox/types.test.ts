// What producers get from enqueueMail: priorities by purpose, recipients counted, the key kept once.
import { describe, expect, it } from 'vitest';
import type { NewOutboxItem } from '../../store/index.js';
import { classifySendError } from './failures.js';
import { GraphError } from '../../graph/index.js';
import { MailPriority, enqueueMail, receiptPriority, recipientCountOf } from './types.js';

function fakeOutbox() {
  const queued: NewOutboxItem[] = [];
  return {
    queued,
    outbox: {
      async enqueue<P>(item: NewOutboxItem<P>) {
        const seen = queued.find((q) => q.key === item.key);
        if (!seen) queued.push(item);
        return {
          inserted: !seen,
          item: { id: queued.length, status: 'pending' as const, createdAt: 'now' } as never,
        };
      },
    },
  };
}

describe('enqueueMail', () => {
  it('queues a reply with the purpose’s priority, once per key', async () => {
    const repos = fakeOutbox();
    const reply = {
      kind: 'reply' as const,
      mailbox: 'Kvalitetsutmarkelsen@Stockholm.example',
      messageId: 'AAMk1',
      html: '<p>Tack</p>',
      cc: [{ address: 'enhet@forskola.example' }],
    };
    const first = await enqueueMail(repos, {
      key: 'receipt:AAMk1',
      purpose: 'receipt',
      message: reply,
    });
    const again = await enqueueMail(repos, {
      key: 'receipt:AAMk1',
      purpose: 'receipt',
      message: reply,
    });
    expect(first.inserted).toBe(true);
    expect(again.inserted).toBe(false);
    expect(repos.queued).toHaveLength(1);
    expect(repos.queued[0]).toMatchObject({
      kind: 'receipt',
      priority: MailPriority.receipt,
      mailbox: 'kvalitetsutmarkelsen@stockholm.example',
      recipientCount: 2,
    });
  });

  it('refuses a new mail without recipients', async () => {
    await expect(
      enqueueMail(fakeOutbox(), {
        key: 'x',
        message: { kind: 'send', mailbox: 'a@b.se', to: [], subject: 's', html: '' },
      }),
    ).rejects.toThrow(/no recipients/);
  });

  it('counts to, cc and bcc of a new mail', () => {
    const to = [{ address: 'a@x.se' }, { address: 'b@x.se' }];
    expect(
      recipientCountOf({ kind: 'send', mailbox: 'm', to, bcc: to, subject: 's', html: '' }),
    ).toBe(4);
  });
});

describe('receiptPriority', () => {
  const deadline = '2026-05-17T22:00:00Z';
  it('makes the deadline day’s receipts (and late ones) the most urgent', () => {
    expect(receiptPriority('2026-05-17T21:58:00Z', deadline)).toBe(MailPriority.deadlineReceipt);
    expect(receiptPriority('2026-05-18T07:00:00Z', deadline)).toBe(MailPriority.deadlineReceipt);
    expect(receiptPriority('2026-05-10T10:00:00Z', deadline)).toBe(MailPriority.receipt);
    expect(receiptPriority('2026-05-10T10:00:00Z', undefined)).toBe(MailPriority.receipt);
  });
});

describe('classifySendError', () => {
  it('tells a daily quota 429 from a minute one, and bad addresses from unclear outcomes', () => {
    const quota = classifySendError(
      new GraphError({
        reason: 'throttled',
        status: 429,
        code: 'ErrorSubmissionQuotaExceeded',
        retryAfterMs: 3_600_000,
        message: 'recipient rate limit',
      }),
    );
    expect(quota).toMatchObject({ kind: 'throttled', dailyQuota: true, retryAfterMs: 3_600_000 });
    expect(
      classifySendError(new GraphError({ reason: 'throttled', status: 429, message: 'slow down' })),
    ).toMatchObject({ kind: 'throttled', dailyQuota: false, retryAfterMs: 60_000 });
    expect(
      classifySendError(
        new GraphError({
          reason: 'bad-request',
          status: 400,
          code: 'ErrorInvalidRecipients',
          message: 'x',
        }),
      ),
    ).toMatchObject({ kind: 'permanent' });
    expect(
      classifySendError(new GraphError({ reason: 'unavailable', status: 503, message: 'x' })),
    ).toMatchObject({ kind: 'transient', maybeSent: true });
    expect(classifySendError(new Error('socket hang up'))).toMatchObject({
      kind: 'transient',
      maybeSent: true,
    });
  });
});
