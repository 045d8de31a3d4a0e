import { describe, expect, it } from 'vitest';
import type { MailRecord } from '../../store/index.js';
import { awaitingTriage, readDetails, triageItemOf } from './details.js';

const mail = (patch: Partial<MailRecord>): MailRecord => ({
  mailbox: 'kvalitetsutmarkelsen@stockholm.example',
  messageId: 'AAMk-1',
  receivedAt: '2027-03-01T09:00:00.000Z',
  status: 'triage',
  attempts: 1,
  firstSeenAt: '2027-03-01T09:00:01.000Z',
  updatedAt: '2027-03-01T09:00:02.000Z',
  ...patch,
});

describe("a mail's details read at the boundary", () => {
  it('keeps what fits the schema and drops what does not, field by field', () => {
    const d = readDetails(
      mail({
        details: {
          kind: 'submission',
          confidence: 'high', // an older shape: dropped
          reasons: [{ sv: 'nämner bidraget', en: 'mentions the submission' }],
          decision: { kind: 'no-such-kind', by: 'anna', at: '2027-03-01T10:00:00Z' },
          candidates: [{ unitId: 'u1', unitName: 'Förskolan Solrosen', score: 0.91 }],
          somethingElse: true,
        },
      }),
    );
    expect(d).toEqual({
      kind: 'submission',
      reasons: [{ sv: 'nämner bidraget', en: 'mentions the submission' }],
      candidates: [{ unitId: 'u1', unitName: 'Förskolan Solrosen', score: 0.91 }],
    });
    expect(readDetails(mail({}))).toEqual({});
  });

  it('has one rule for waiting for a coordinator: triage, or failed with no retry planned', () => {
    expect(awaitingTriage(mail({ status: 'triage' }))).toBe(true);
    expect(awaitingTriage(mail({ status: 'failed' }))).toBe(true);
    expect(awaitingTriage(mail({ status: 'failed', retryAt: '2027-03-01T09:05:00Z' }))).toBe(false);
    expect(awaitingTriage(mail({ status: 'processed' }))).toBe(false);
  });

  it('builds the triage item a coordinator sees, a failed mail with its error', () => {
    const item = triageItemOf(
      mail({
        status: 'failed',
        error: 'Graph answered 500',
        from: 'bo.berg@stockholm.example',
        details: { kind: 'question', confidence: 0.4, preview: 'Hur långt får bidraget vara?' },
      }),
    );
    expect(item).toMatchObject({
      messageId: 'AAMk-1',
      from: 'bo.berg@stockholm.example',
      suggestedKind: 'question',
      confidence: 0.4,
      preview: 'Hur långt får bidraget vara?',
      failed: 'Graph answered 500',
    });
    expect(item.triageReasons[0]?.sv).toMatch(/kunde inte behandlas/);
  });

  it('offers a signup the meetings it may mean, pre-selecting only one of them', () => {
    const askMeetings = [
      { id: 'im-2027-1', start: '2027-02-16T09:00:00+01:00' },
      { id: 'im-2027-3', start: '2027-03-02T14:00:00+01:00' },
    ];
    const details = (extra: Record<string, unknown>) =>
      triageItemOf(mail({ status: 'triage', details: { askMeetings, ...extra } }));
    expect(details({ suggestedMeetingId: 'im-2027-3' })).toMatchObject({
      meetingChoices: askMeetings,
      suggestedMeetingId: 'im-2027-3',
    });
    // Older details without a pick, or a pick that is not among the choices: nothing pre-selected.
    expect(details({}).suggestedMeetingId).toBeUndefined();
    expect(details({ suggestedMeetingId: 'im-2026-1' }).suggestedMeetingId).toBeUndefined();
    expect(details({ suggestedMeetingId: 'im-2026-1' }).meetingChoices).toEqual(askMeetings);
  });
});
