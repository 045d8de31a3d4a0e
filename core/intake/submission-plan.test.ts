import { describe, expect, it } from 'vitest';
import type { Cycle } from '../model.js';
import { QUESTION_OPENINGS } from './questions.js';
import { planSubmission, type SubmissionPlanInput } from './submission-plan.js';

const cycle = {
  year: 2027,
  timeline: { submissionDeadline: '2027-05-17', infoMeetings: [] },
  rules: { maxCharacters: 85_000 },
} as unknown as Cycle;

const answers = (numbers: number[]) =>
  numbers.map((n) => `${n}. ${QUESTION_OPENINGS[n]}\nVi gör så här och följer upp det.`).join('\n');
const doc = (fileName: string, text: string) => ({ fileName, result: { ok: true as const, text } });

function input(o: Partial<SubmissionPlanInput>): SubmissionPlanInput {
  return {
    messageId: 'm-2',
    subject: 'Bidrag Förskolan Solrosen',
    unitName: 'Förskolan Solrosen',
    cycle,
    sentAt: '2027-05-10T10:00:00+02:00',
    language: 'sv',
    documents: [doc('bidrag.docx', answers([1, 2, 3]))],
    earlier: [],
    ...o,
  };
}

describe('a submission mail, planned', () => {
  it('part 1 of 2: a short "part received" answer naming the part still missing', () => {
    const plan = planSubmission(input({ subject: 'Bidrag del 1 av 2' }));
    expect(plan.waitingFor).toEqual({ part: 1, of: 2, missing: [2] });
    expect(plan.receipt.subject).toMatch(/^Del 1 av 2 mottagen/);
    expect(plan.receipt.text).toContain('Vi väntar på del 2.');
    expect(plan.details).toMatchObject({ split: { part: 1, of: 2 }, partFiles: ['bidrag.docx'] });
  });

  it('the last part merges the earlier one: one receipt counting both', () => {
    const first = planSubmission(
      input({
        messageId: 'm-1',
        subject: 'Bidrag del 1 av 2',
        documents: [doc('a.docx', answers([1, 2]))],
      }),
    );
    const last = planSubmission(
      input({
        subject: 'Bidrag del 2 av 2',
        documents: [doc('b.docx', answers([3, 4]))],
        earlier: [{ messageId: 'm-1', details: first.details }],
      }),
    );
    expect(last.waitingFor).toBeUndefined();
    expect(last.check.questions.answered).toEqual([1, 2, 3, 4]);
    expect(last.check.characterCount).toBeGreaterThan(first.check.characterCount);
    expect(last.replacesEarlier).toBe(false);
    expect(last.receipt.subject).not.toMatch(/mottagen/);
  });

  it('a whole application after an earlier one replaces it; the mail itself is not "earlier"', () => {
    expect(planSubmission(input({ earlier: [{ messageId: 'm-1' }] })).replacesEarlier).toBe(true);
    expect(planSubmission(input({ earlier: [{ messageId: 'm-2' }] })).replacesEarlier).toBe(false);
  });

  it('nothing readable: not arrived, and it replaces nothing', () => {
    const plan = planSubmission(
      input({
        documents: [{ fileName: 'bidrag.docx', result: { ok: false, reason: 'unreadable' } }],
        earlier: [{ messageId: 'm-1' }],
      }),
    );
    expect(plan.readable).toBe(false);
    expect(plan.replacesEarlier).toBe(false);
    expect(plan.check.problems.map((p) => p.kind)).toContain('document-failed');
  });

  it('late by the sent time: said in the part receipt too', () => {
    const plan = planSubmission(
      input({ subject: 'Bidrag del 1 av 2', sentAt: '2027-05-18T00:00:00+02:00' }),
    );
    expect(plan.check.late).toBe(true);
    expect(plan.receipt.text).toContain('Observera att bidraget kom in efter sista dag.');
  });
});

describe('a submission sent as a link', () => {
  it('with nothing attached: the receipt says the link cannot be opened and asks for the file', () => {
    const plan = planSubmission(
      input({
        documents: [],
        linkedDocument: 'https://stad.sharepoint.example/sites/skola/KU2027.docx',
      }),
    );
    expect(plan.readable).toBe(false);
    expect(plan.receipt.text).toContain(
      'https://stad.sharepoint.example/sites/skola/KU2027.docx kom som en länk till OneDrive eller SharePoint',
    );
    expect(plan.receipt.text).not.toContain('Vi hittade ingen bifogad fil');
  });

  it('a file attached as well wins: the link is not counted', () => {
    const plan = planSubmission(
      input({ linkedDocument: 'https://stad.sharepoint.example/x.docx' }),
    );
    expect(plan.readable).toBe(true);
    expect(plan.receipt.text).not.toContain('kom som en länk');
  });
});
