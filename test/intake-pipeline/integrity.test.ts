// Every mail handled once, nothing lost, whatever its text: a NUL, half an emoji at the preview's cut,
// a lost lease after a crash, the same document attached twice. We look where people would: the
// mail's status, the receipt in the sender's inbox, the unit's state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED, BO, CECILIA, DANA, ERIK } from './tenant.js';
import { makePdf } from '../../emulator/seed/index.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { applicationDocx, DOCX, plain, svNumber } from './documents.js';

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

async function record(subject: string) {
  const filed = await h.inShared(subject);
  return filed && h.server.store.mails.get({ mailbox: SHARED, messageId: filed.id });
}

const receipts = async (upn: string, pattern: RegExp) =>
  (await h.inbox(upn)).filter((m) => pattern.test(m.subject ?? ''));

describe('mail text that PostgreSQL cannot store as it is', () => {
  it('half an emoji at the preview cut and a NUL still end processed, answered once', async () => {
    const subject = 'Intresseanmälan Kastanjeskolan';
    // The 280th UTF-16 unit is the first half of 😀.
    const body =
      'Kastanjeskolan vill delta i Kvalitetsutmärkelsen 2027. '.padEnd(279, '.') +
      '😀 och mer\u0000text.';
    await h.send(CECILIA, { subject, text: body });
    await h.settle();
    const mail = await record(subject);
    expect(mail?.status).toBe('processed');
    expect(mail?.attempts).toBe(1);
    const preview = (mail?.details as { preview?: string }).preview ?? '';
    expect(preview).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(preview).not.toContain('\u0000');
    expect(await receipts(CECILIA, /intresseanmälan/i)).toHaveLength(1);
    expect(await h.server.store.participations.get('u-kastanjen', 2027)).toMatchObject({
      state: 'pre-registered',
    });
  });

  it('a NUL in the subject and the sender name still ends processed', async () => {
    const subject = 'Intresseanmälan\u0000 Äldreboendet Linden \ud800';
    await h.send(DANA, {
      subject,
      text: 'Äldreboendet Linden anmäler intresse för Kvalitetsutmärkelsen 2027.\u0000',
    });
    await h.settle();
    const filed = h.emulator.admin.messages(SHARED).find((m) => m.subject.includes('Linden'));
    const mail = await h.server.store.mails.get({ mailbox: SHARED, messageId: filed!.id });
    expect(['processed', 'triage']).toContain(mail?.status);
  });
});

describe('the same document twice', () => {
  it('three copies of one .docx count once, and the receipt names the counted file', async () => {
    const { app, bytes } = await applicationDocx(
      { name: 'Förskolan Solrosen', managerName: 'Bo Berg', managerEmail: BO },
      { chars: 30_000 },
    );
    const subject = 'Tävlingsbidrag Förskolan Solrosen';
    await h.send(BO, {
      subject,
      text: 'Hej! Här kommer vårt bidrag till Kvalitetsutmärkelsen 2027. Bo Berg',
      attachments: ['Bidrag.docx', 'Bidrag (1).docx', 'Bidrag kopia.docx'].map((name) => ({
        name,
        contentType: DOCX,
        bytes,
      })),
    });
    await h.settle();
    const [receipt] = await receipts(BO, /bidrag/i);
    const text = plain(receipt?.body?.content);
    expect(text).toContain(svNumber(app.nonSpaceCharacters));
    expect(text).not.toMatch(/över gränsen|over the limit/i);
    expect(text).toMatch(
      /Vi räknade Bidrag\.docx: Bidrag \(1\)\.docx och Bidrag kopia\.docx har samma text/,
    );
  });

  it('an application sent as both .docx and PDF counts once', async () => {
    const { app, bytes } = await applicationDocx(
      { name: 'Äldreboendet Linden', managerName: 'Dana Lind', managerEmail: DANA },
      { chars: 50_000 },
    );
    const pdf = await makePdf(app.paragraphs);
    const subject = 'Tävlingsbidrag Äldreboendet Linden';
    await h.send(DANA, {
      subject,
      text: 'Hej! Här kommer vårt bidrag till Kvalitetsutmärkelsen 2027, som Word och som PDF. Dana Lind',
      attachments: [
        { name: 'Bidrag Linden.docx', contentType: DOCX, bytes },
        { name: 'Bidrag Linden.pdf', contentType: 'application/pdf', bytes: pdf },
      ],
    });
    await h.settle();
    const [receipt] = await receipts(DANA, /bidrag/i);
    const text = plain(receipt?.body?.content);
    expect(text).toContain(svNumber(app.nonSpaceCharacters));
    expect(text).toMatch(/Vi räknade Bidrag Linden\.docx: Bidrag Linden\.pdf har samma text/);
    expect(text).toMatch(/We counted Bidrag Linden\.docx/);
  });
});

describe('after the effects', () => {
  it('a failed filing step resumes where it stopped: the documents are not read again', async () => {
    const { bytes } = await applicationDocx(
      { name: 'Hemtjänsten Hamnen', managerName: 'Erik Holm', managerEmail: ERIK },
      { chars: 20_000 },
    );
    // Moving the mail into its folder fails six times in a row: more than the Graph client retries.
    h.faults({ unavailable: { count: 6, retryAfterSeconds: 0, pathContains: '/move' } });
    h.emulator.admin.resetRequestCounts();
    const subject = 'Tävlingsbidrag Hemtjänsten Hamnen';
    await h.send(ERIK, {
      subject,
      text: 'Hej! Här kommer vårt bidrag till Kvalitetsutmärkelsen 2027. Erik Holm',
      attachments: [{ name: 'Bidrag Hamnen.docx', contentType: DOCX, bytes }],
    });
    await h.settle();
    await until(async () => (await record(subject))?.status === 'processed');
    h.faults({ unavailable: null });
    const mail = await record(subject);
    expect(mail?.attempts).toBe(2);
    expect((await h.inShared(subject))?.folder).toMatch(/Bidrag$/);
    expect(h.emulator.admin.requestCounts().byKind['attachments.value']).toBe(1);
    expect(await receipts(ERIK, /bidrag/i)).toHaveLength(1);
  });
});

describe('after a crash', () => {
  it('a mail leased by a killed instance is finished when the lease runs out, not minutes later', async () => {
    const subject = 'Intresseanmälan Förskolan Solrosen';
    let messageId = '';
    await h.restart(async (store) => {
      // Arrived while the app was down; the killed instance had claimed it, with 8 s of lease left.
      messageId = h.emulator.admin.deliver({
        to: SHARED,
        from: BO,
        subject,
        body: 'Förskolan Solrosen vill delta i Kvalitetsutmärkelsen 2027. Bo Berg',
      })[0]!.messageId;
      await store.mails.recordSeen({ mailbox: SHARED, messageId, receivedAt: new Date() });
      expect(
        await store.mails.claim({ mailbox: SHARED, messageId }, { owner: 'killed', leaseMs: 8000 }),
      ).not.toBeNull();
    });
    // No settle(): nothing but the running-out lease may wake the worker.
    await until(
      async () =>
        (await h.server.store.mails.get({ mailbox: SHARED, messageId }))?.status === 'processed',
      // Well before the harness's delta round (every 60 s), which would also find it.
      40_000,
    );
  }, 90_000);
});

async function until(ok: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
