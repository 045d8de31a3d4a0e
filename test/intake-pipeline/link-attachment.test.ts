// Attachments that are not files: a submission sent as a OneDrive/SharePoint link (a reference
// attachment, nothing to download) gets a receipt asking for the file, and a mail forwarded as an
// attachment (an item attachment) is filed without being read as a document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED, ERIK } from './tenant.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { plain } from './documents.js';

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

describe('attachments other than files', () => {
  it('a submission sent as a link gets a receipt asking for the file, and nothing is downloaded', async () => {
    h.emulator.admin.resetRequestCounts();
    h.emulator.admin.deliver({
      to: SHARED,
      from: ERIK,
      subject: 'Tävlingsbidrag Hemtjänsten Hamnen',
      body: 'Hej! Här är vårt tävlingsbidrag till Kvalitetsutmärkelsen 2027 som länk.\nErik Holm, Hemtjänsten Hamnen',
      attachments: [
        {
          kind: 'reference',
          name: 'Bidrag Hemtjänsten Hamnen.docx',
          sourceUrl: 'https://stockholm.sharepoint.com/:w:/s/hamnen/Bidrag.docx',
        },
      ],
    });
    await h.settle();
    const counts = h.emulator.admin.requestCounts();
    expect(Object.keys(counts.byKind).filter((k) => /value/i.test(k))).toEqual([]);
    const replies = (await h.inbox(ERIK)).filter((m) => /bidrag/i.test(m.subject ?? ''));
    expect(replies).toHaveLength(1);
    expect(plain(replies[0]?.body?.content)).toMatch(/kom som en länk .* Bifoga bidraget som fil/);
    expect(plain(replies[0]?.body?.content)).not.toMatch(/ingen bifogad fil/);
  }, 60_000);
});
