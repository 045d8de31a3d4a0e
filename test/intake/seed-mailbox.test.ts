// The demo tenant's shared mailbox (written by the emulator seed, labelled independently of the
// intake rules) read the way intake will read it: classification and unit matching agree with the
// labels, and submissions' documents show the problems their labels say they have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessMail } from '../../core/intake/assess.js';
import { extensionOf, type MailFacts } from '../../core/intake/facts.js';
import { detectAdministrativeData } from '../../core/intake/questions.js';
import { checkSubmission, type SubmissionDocument } from '../../core/intake/submission.js';
import { htmlToText } from '../../core/intake/text.js';
import { parseCycle } from '../../core/cycle.js';
import { buildSharedMailbox } from '../../emulator/seed/shared-mailbox.js';
import { buildUnits } from '../../emulator/seed/units.js';
import { extractDocument } from '../../features/documents/extract.js';
import type { LabelledSeedMessage } from '../../emulator/seed/message.js';

const YEAR = 2027;
const cycle = parseCycle(
  JSON.parse(readFileSync(new URL(`../../cycles/${YEAR}.json`, import.meta.url), 'utf8')),
);
const units = buildUnits();

function factsOf(sm: LabelledSeedMessage): MailFacts {
  const msg = sm.message;
  const content = msg.body?.content ?? '';
  return {
    subject: msg.subject ?? '',
    body: msg.body?.contentType === 'html' ? htmlToText(content) : content,
    from: {
      address: msg.from?.emailAddress?.address ?? '',
      name: msg.from?.emailAddress?.name ?? '',
    },
    attachments: (sm.attachments ?? []).map((a) => ({
      name: a.name,
      contentType: a.contentType,
      size: Math.floor((a.contentBytes.length * 3) / 4),
      isInline: a.isInline ?? false,
    })),
    headers: (msg.internetMessageHeaders ?? []).map((h) => ({
      name: h.name ?? '',
      value: h.value ?? '',
    })),
    sentAt: msg.sentDateTime ?? '',
  };
}

describe(`the demo shared mailbox ${YEAR}`, async () => {
  const box = await buildSharedMailbox({ year: YEAR, units });
  const labelled = box.messages.filter((m) => m.label);

  it('is classified and matched like its labels say, with no wrong automatic action', () => {
    let correct = 0;
    const wrong: string[] = [];
    let unitsExpected = 0;
    let unitsMatched = 0;
    for (const sm of labelled) {
      const label = sm.label!;
      const a = assessMail(factsOf(sm), units);
      const c = a.classification;
      if (c.kind === label.kind) correct++;
      else if (c.confidence >= 0.7)
        wrong.push(`${sm.message.subject}: ${c.kind} (${c.confidence}), label ${label.kind}`);
      if (a.match.status === 'matched' && !label.unitIds.includes(a.match.unitId!)) {
        wrong.push(
          `${sm.message.subject}: matched ${a.match.candidates[0]?.unitName}, label ${label.unitIds.join(',') || 'none'}`,
        );
      }
      if (label.unitIds.length === 1 && label.kind !== 'board-protocol') {
        unitsExpected++;
        if (a.match.unitId === label.unitIds[0]) unitsMatched++;
      }
    }
    console.warn(
      `demo mailbox ${YEAR}: ${correct}/${labelled.length} kinds correct, units matched ${unitsMatched}/${unitsExpected}, wrong automatic actions ${wrong.length}`,
    );
    expect(wrong).toEqual([]);
    expect(correct / labelled.length).toBeGreaterThanOrEqual(0.95);
    expect(unitsMatched / unitsExpected).toBeGreaterThanOrEqual(0.9);
  });

  it("finds the problems the submissions' labels name in their documents", async () => {
    const submissions = labelled.filter((m) => m.label!.kind === 'submission');
    expect(submissions.length).toBeGreaterThan(10);
    const seen = new Set<string>();
    for (const sm of submissions) {
      const tags = sm.label!.tags;
      const documents: SubmissionDocument[] = [];
      for (const a of sm.attachments ?? []) {
        if (a.isInline) continue;
        const r = await extractDocument({
          name: a.name,
          bytes: Buffer.from(a.contentBytes, 'base64'),
        });
        documents.push(
          r.ok
            ? { fileName: a.name, result: { ok: true, text: r.text } }
            : {
                fileName: a.name,
                result: { ok: false, reason: r.reason, ...(r.format ? { format: r.format } : {}) },
              },
        );
      }
      const check = checkSubmission({ cycle, sentAt: sm.message.sentDateTime ?? '', documents });
      const kinds = check.problems.map((p) => p.kind);
      const where = `${sm.message.subject} [${tags.join(',')}] → ${kinds.join(',') || 'no problems'}`;
      if (tags.includes('over-limit')) expect(kinds, where).toContain('over-limit');
      if (tags.includes('missing-questions')) expect(kinds, where).toContain('questions-missing');
      if (tags.includes('late')) expect(check.late, where).toBe(true);
      if (tags.includes('just-in-time')) expect(check.late, where).toBe(false);
      if (tags.includes('unsupported-format')) {
        expect(
          check.problems.some(
            (p) => p.kind === 'document-failed' && p.reason === 'unsupported-format',
          ),
          where,
        ).toBe(true);
      }
      const readable = documents.filter(
        (d) => d.result.ok && ['docx', 'pdf'].includes(extensionOf(d.fileName)),
      );
      if (readable.length > 0 && !tags.includes('split')) {
        // Every readable application names its unit in the administrative data.
        expect(detectAdministrativeData(check.text).unitName, where).toBeTruthy();
      }
      for (const t of tags) seen.add(t);
    }
    expect([...seen]).toEqual(
      expect.arrayContaining(['over-limit', 'missing-questions', 'unsupported-format', 'late']),
    );
  });
});
