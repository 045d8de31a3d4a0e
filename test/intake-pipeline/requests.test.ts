// Graph requests per mail: mail that arrived while the app was down is read by the delta round (pages
// with the bodies, attachment metadata and headers in $batch) and filed in shared $batches, so
// processing makes no request of its own per mail except downloading a document. Counted by the
// emulator, as Graph's mailbox limit (10,000 requests per 10 minutes) would count them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../../emulator/seed/index.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { BO, CECILIA, DANA, ERIK, SHARED } from './tenant.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MANAGERS = [BO, CECILIA, DANA, ERIK];

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness({ awardNow: '2027-03-10T10:00:00+01:00' });
  await h.settle();
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

describe('Graph requests per mail', () => {
  it('processes a batch of new mail without reading each mail, its attachments or filing it one by one', async () => {
    const docx = (
      await makeDocx(['Tävlingsbidrag', 'Vi beskriver vårt arbete med kvalitet.'])
    ).toString('base64');
    const ids: string[] = [];
    await h.restart(async () => {
      for (let i = 0; i < 24; i++) {
        const from = MANAGERS[i % MANAGERS.length]!;
        const mail =
          i % 6 === 5
            ? // An auto-reply known only by its header: the headers must reach the classifier.
              {
                subject: 'Re: Kvalitetsutmärkelsen',
                body: 'Tack för ditt mejl, jag läser det när jag kan.',
                internetMessageHeaders: [{ name: 'Auto-Submitted', value: 'auto-replied' }],
              }
            : i % 3 === 0
              ? {
                  subject: `Vårt bidrag ${i}`,
                  body: 'Hej! Bifogar vårt tävlingsbidrag till kvalitetsutmärkelsen.',
                  attachments: [
                    { name: `Bidrag ${i}.docx`, contentType: DOCX, contentBytes: docx },
                  ],
                }
              : {
                  subject: `Fråga ${i} om kvalitetsutmärkelsen`,
                  body: 'Hej! Hur långt får bidraget vara?',
                };
        ids.push(h.emulator.admin.deliver({ to: SHARED, from, ...mail })[0]!.messageId);
      }
      h.emulator.admin.resetRequestCounts();
    });
    await h.settle();

    const records = await Promise.all(
      ids.map((messageId) => h.server.store.mails.get({ mailbox: SHARED, messageId })),
    );
    expect(records.map((r) => r?.status)).toEqual(
      ids.map(() => expect.stringMatching(/processed|triage/)),
    );
    const autoReplies = records.filter((_, i) => i % 6 === 5);
    expect(autoReplies.map((r) => r?.classification)).toEqual(autoReplies.map(() => 'auto-reply'));

    const counts = h.emulator.admin.requestCounts();
    const direct = (kind: string) => counts.byKind[kind] ?? 0;
    // Read once per page or per 20 mails, never once per mail.
    expect(direct('attachments.list')).toBe(0);
    expect(direct('messages.get')).toBeLessThan(ids.length / 4);
    // Filed in shared $batches: categories and moves are batch items, not requests of their own.
    expect(direct('messages.update') + direct('messages.move')).toBeLessThan(ids.length / 4);
    expect(counts.batchItemsByKind['messages.move'] ?? 0).toBeGreaterThanOrEqual(ids.length / 2);
  });

  it('reads a mail Graph notifies about once: the lookup that checks the notification is kept for processing', async () => {
    const docx = (await makeDocx(['Tävlingsbidrag', 'Vårt arbete.'])).toString('base64');
    h.emulator.admin.resetRequestCounts();
    const ids = [
      h.emulator.admin.deliver({
        to: SHARED,
        from: BO,
        subject: 'Fråga om platsbesöket',
        body: 'Hej! När kommer examinatorerna på besök?',
      })[0]!.messageId,
      h.emulator.admin.deliver({
        to: SHARED,
        from: CECILIA,
        subject: 'Vårt tävlingsbidrag',
        body: 'Hej! Bifogar vårt tävlingsbidrag till kvalitetsutmärkelsen.',
        attachments: [{ name: 'Bidrag.docx', contentType: DOCX, contentBytes: docx }],
      })[0]!.messageId,
    ];
    await h.settle();
    for (const messageId of ids)
      expect((await h.server.store.mails.get({ mailbox: SHARED, messageId }))?.status).toMatch(
        /processed|triage/,
      );
    const counts = h.emulator.admin.requestCounts();
    expect(counts.byKind['messages.get'] ?? 0).toBeLessThanOrEqual(ids.length);
    expect(counts.byKind['attachments.list'] ?? 0).toBeLessThanOrEqual(1);
  });
});
