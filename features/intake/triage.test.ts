import { describe, expect, it } from 'vitest';
import type { MailRecord } from '../../store/index.js';
import type { IntakeContext } from './context.js';
import { listTriage, recordTriageDecision } from './triage.js';

const mailbox = 'kvalitetsutmarkelsen@stockholm.example';
const base = {
  mailbox,
  receivedAt: '2027-03-10T09:00:00Z',
  attempts: 1,
  firstSeenAt: '2027-03-10T09:00:01Z',
  updatedAt: '2027-03-10T09:00:02Z',
};
const mails: MailRecord[] = [
  {
    ...base,
    messageId: 'uncertain',
    status: 'triage',
    details: {
      kind: 'question',
      confidence: 0.5,
      reasons: [],
      facts: [],
      triageReasons: [{ sv: 'osäker', en: 'unsure' }],
    },
  },
  { ...base, messageId: 'gave-up', status: 'failed', attempts: 5, error: 'Graph 500' },
  {
    ...base,
    messageId: 'retrying',
    status: 'failed',
    error: 'Graph 503',
    retryAt: '2027-03-10T09:05:00Z',
  },
];

function ctx() {
  const resolved: string[] = [];
  const c = {
    mailbox,
    now: () => new Date('2027-03-10T10:00:00Z'),
    store: {
      mails: {
        list: async ({ status }: { status: string[] }) =>
          mails.filter((m) => status.includes(m.status)),
        get: async ({ messageId }: { messageId: string }) =>
          mails.find((m) => m.messageId === messageId),
        resolve: async ({ messageId }: { messageId: string }) => {
          resolved.push(messageId);
          return true;
        },
      },
      units: { get: async () => undefined },
    },
  } as unknown as IntakeContext;
  return { c, resolved };
}

describe('the triage list', () => {
  it('holds the uncertain mails and those the app gave up on, not those still being retried', async () => {
    const items = await listTriage(ctx().c);
    expect(items.map((i) => i.messageId)).toEqual(['uncertain', 'gave-up']);
    expect(items[1]).toMatchObject({ failed: 'Graph 500', suggestedKind: 'other' });
    expect(items[1]!.triageReasons[0]!.sv).toMatch(/kunde inte behandlas/);
  });

  it('takes a decision on a mail the app gave up on, and refuses one still being retried', async () => {
    const { c, resolved } = ctx();
    await recordTriageDecision(c, { messageId: 'gave-up', kind: 'question', by: 'anna' });
    expect(resolved).toEqual(['gave-up']);
    await expect(
      recordTriageDecision(c, { messageId: 'retrying', kind: 'question', by: 'anna' }),
    ).rejects.toMatchObject({ reason: 'not-in-triage' });
    await expect(
      recordTriageDecision(c, { messageId: 'uncertain', kind: 'withdrawal', by: 'anna' }),
    ).rejects.toMatchObject({ reason: 'unit-required' });
  });
});
