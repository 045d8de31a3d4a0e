// Bad input to the shared mailbox: each case gets a clear outcome and nothing is lost. We look where a
// person would: the answer in the sender's inbox, the mail's categories, the unit's state.
import { asCoordinator } from '../support/tab-token.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badDocuments, type BadDocument } from '../../emulator/seed/index.js';
import { createGraphApi } from '../../graph/index.js';
import { SHARED, DANA, ERIK, CECILIA, BO, COORD } from './tenant.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { applicationDocx, DOCX, plain, svNumber } from './documents.js';

let h: IntakeHarness;
let bad: BadDocument[];
beforeAll(async () => {
  h = await startIntakeHarness();
  bad = await badDocuments();
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

async function mailStatus(subject: string) {
  const filed = await h.inShared(subject);
  const record =
    filed && (await h.server.store.mails.get({ mailbox: SHARED, messageId: filed.id }));
  return { filed, record };
}

/** Mail from a tenant user put straight into the shared mailbox (attachments too big for sendMail). */
function deliver(
  from: string,
  subject: string,
  body: string,
  attachments: BadDocument[] | { name: string; contentType: string; bytes: Buffer }[] = [],
) {
  h.emulator.admin.deliver({
    to: SHARED,
    from,
    subject,
    body,
    attachments: attachments.map((a) => ({
      name: a.name,
      contentType: a.contentType,
      contentBytes: a.bytes.toString('base64'),
    })),
  });
}

const replyTo = async (upn: string, pattern: RegExp) =>
  (await h.inbox(upn)).filter((m) => pattern.test(m.subject ?? ''));

describe('bad input', () => {
  it('a mail with no body is filed and recorded, not lost', async () => {
    const subject = 'Intresseanmälan Hemtjänsten Hamnen';
    await h.send(ERIK, { subject, text: '' });
    await h.settle();
    const { filed, record } = await mailStatus(subject);
    expect(['processed', 'triage']).toContain(record?.status);
    expect(filed?.categories.length).toBeGreaterThan(0);
  });

  it('an HTML-only body with scripts never shows the script to anyone', async () => {
    const subject = 'Vi vill vara med!';
    await h.send(CECILIA, {
      subject,
      html: '<html><head><script>alert("x")</script><style>p{color:red}</style></head><body onload="steal()"><p>Hej! Kastanjeskolan vill delta i Kvalitetsutmärkelsen 2027.</p><img src=x onerror="alert(1)"></body></html>',
    });
    await h.settle();
    const { record } = await mailStatus(subject);
    const shown = JSON.stringify(record?.details ?? {});
    expect(shown).not.toMatch(/alert|<script|onerror|steal/);
    expect(shown).toMatch(/Kastanjeskolan vill delta/);
    const triage = (await (
      await asCoordinator(h.emulator.url, COORD)(`${h.server.url}/api/tab/triage`)
    ).json()) as unknown;
    expect(JSON.stringify(triage)).not.toMatch(/alert|<script|onerror/);
  });

  it.each(['pages', 'odt', 'legacy-doc'] as const)(
    'a %s file is answered with a request for .docx or PDF',
    async (kind) => {
      const doc = bad.find((d) => d.kind === kind)!;
      await h.send(BO, {
        subject: `Tävlingsbidrag Förskolan Solrosen (${kind})`,
        text: 'Hej! Här är vårt tävlingsbidrag till Kvalitetsutmärkelsen.\n\nBo Berg, Förskolan Solrosen',
        attachments: [doc],
      });
      await h.settle();
      const reply = (await h.inbox(BO)).find((m) => plain(m.body?.content).includes(doc.name));
      expect(plain(reply?.body?.content)).toMatch(/Word-dokument \(\.docx\) eller PDF/);
      const p = await h.server.store.participations.get('u-solrosen', 2027);
      expect(p?.state).not.toBe('submitted');
    },
  );

  it.each(['encrypted-docx', 'corrupt-pdf', 'zip-bomb-docx'] as const)(
    'a %s submission gets a clear answer and the mail is kept',
    async (kind) => {
      const doc = bad.find((d) => d.kind === kind)!;
      const subject = `Bidrag Äldreboendet Linden (${kind})`;
      deliver(
        DANA,
        subject,
        'Hej, här kommer vårt tävlingsbidrag till kvalitetsutmärkelsen. /Dana Lind, Äldreboendet Linden',
        [doc],
      );
      await h.settle();
      const { record, filed } = await mailStatus(subject);
      expect(record?.status).toBe('processed');
      expect(filed?.folder).toMatch(/Bidrag$/);
      const reply = (await h.inbox(DANA)).find((m) => plain(m.body?.content).includes(doc.name));
      expect(reply?.subject).toContain('Vi har tagit emot ert bidrag – något behöver åtgärdas');
      expect(plain(reply?.body?.content)).toMatch(
        kind === 'encrypted-docx' ? /lösenordsskyddad/ : /går inte att öppna/,
      );
    },
  );

  it('a 20 MB document is refused before it is downloaded', async () => {
    const big = {
      name: 'Bidrag Hemtjänsten Hamnen.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.alloc(20 * 1024 * 1024, 0x41),
    };
    h.emulator.admin.resetRequestCounts();
    deliver(
      ERIK,
      'Tävlingsbidrag Hemtjänsten Hamnen',
      'Hej! Här är vårt tävlingsbidrag till Kvalitetsutmärkelsen 2027.\nErik Holm, Hemtjänsten Hamnen',
      [big],
    );
    await h.settle();
    const counts = h.emulator.admin.requestCounts();
    expect(Object.keys(counts.byKind).filter((k) => /value/i.test(k))).toEqual([]);
    const replies = await replyTo(ERIK, /bidrag/i);
    expect(plain(replies[0]?.body?.content)).toMatch(/för stor/);
  });

  it('a submission split over two mails is merged and counted once complete', async () => {
    const { app } = await applicationDocx(
      { name: 'Kastanjeskolan', managerName: 'Cecilia Ek', managerEmail: CECILIA },
      { chars: 20_000 },
    );
    const half = Math.floor(app.paragraphs.length / 2);
    const { makeDocx } = await import('../../emulator/seed/index.js');
    const part1 = await makeDocx(app.paragraphs.slice(0, half));
    const part2 = await makeDocx(app.paragraphs.slice(half));
    await h.send(CECILIA, {
      subject: 'Tävlingsbidrag Kastanjeskolan del 1 av 2',
      text: 'Hej! Här kommer första delen av vårt bidrag till Kvalitetsutmärkelsen.\nCecilia Ek, Kastanjeskolan',
      attachments: [{ name: 'Bidrag del 1.docx', contentType: DOCX, bytes: part1 }],
    });
    await h.settle();
    expect(await replyTo(CECILIA, /Del 1 av 2 mottagen/)).toHaveLength(1);
    await h.send(CECILIA, {
      subject: 'Tävlingsbidrag Kastanjeskolan del 2 av 2',
      text: 'Hej! Här kommer andra delen av vårt bidrag till Kvalitetsutmärkelsen.\nCecilia Ek, Kastanjeskolan',
      attachments: [{ name: 'Bidrag del 2.docx', contentType: DOCX, bytes: part2 }],
    });
    await h.settle();
    const full = (await replyTo(CECILIA, /Vi har tagit emot ert bidrag/)).map((m) =>
      plain(m.body?.content),
    );
    expect(full).toHaveLength(1);
    // The parts' texts joined: the count is the whole application's (within the joins' blank lines).
    const latest = await h.server.store.submissions.latest('u-kastanjen', 2027);
    expect(Math.abs(latest!.characterCount - app.nonSpaceCharacters)).toBeLessThan(5);
    expect(full[0]).toContain(svNumber(latest!.characterCount));
    expect((await h.server.store.participations.get('u-kastanjen', 2027))?.state).toBe('submitted');
  });

  it('a reply quoting an earlier pre-registration is not taken for a second one', async () => {
    const subject = 'SV: Vi har tagit emot er intresseanmälan – Kvalitetsutmärkelsen 2027';
    const before = (await replyTo(DANA, /.*/)).length;
    await h.send(DANA, {
      subject,
      text: [
        'Tack! En fråga: hur många sidor får bilagorna vara?',
        '',
        'Dana Lind',
        '',
        'Från: Kvalitetsutmärkelsen <kvalitetsutmarkelsen@stockholm.example>',
        'Skickat: den 10 mars 2027 10:00',
        'Ämne: Vi har tagit emot er intresseanmälan',
        '',
        '> Tack! Vi har tagit emot intresseanmälan för Äldreboendet Linden.',
        '> Äldreboendet Linden vill delta i Kvalitetsutmärkelsen 2027, vi anmäler härmed vårt intresse.',
      ].join('\n'),
    });
    await h.settle();
    const { record, filed } = await mailStatus(subject);
    expect(record?.classification).not.toBe('pre-registration');
    expect(filed?.categories).not.toContain('Intresseanmälan');
    // No automatic answer to a question: a coordinator answers.
    expect((await replyTo(DANA, /.*/)).length).toBe(before);
  });

  it('keeps working through Graph throttling', async () => {
    // Only the app's calls to the shared mailbox are throttled (not the managers sending).
    h.faults({
      throttle: { count: 6, retryAfterSeconds: 1, pathContains: 'kvalitetsutmarkelsen' },
    });
    const subject = 'Intresseanmälan Hemtjänsten Hamnen – nytt försök';
    await h.send(ERIK, {
      subject,
      text: 'Hej! Hemtjänsten Hamnen vill delta i Kvalitetsutmärkelsen 2027 och anmäler härmed sitt intresse.\nErik Holm, enhetschef Hemtjänsten Hamnen',
    });
    await h.settle();
    h.faults({ throttle: null } as never);
    // A mail caught by the throttling is tried again when Graph said to (Retry-After), not lost.
    for (let i = 0; i < 50 && (await mailStatus(subject)).record?.status !== 'processed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      await h.settle();
    }
    const { record } = await mailStatus(subject);
    expect(record?.status).toBe('processed');
    expect((await h.server.store.participations.get('u-hamnen', 2027))?.state).toBe(
      'pre-registered',
    );
  });
  it('two parts arriving at the same moment are still merged into one receipt', async () => {
    const { app } = await applicationDocx(
      { name: 'Hemtjänsten Hamnen', managerName: 'Erik Holm', managerEmail: ERIK },
      { chars: 12_000 },
    );
    const received = async () => (await h.inbox(ERIK)).map((m) => m.subject ?? '');
    const before = await received();
    const { makeDocx } = await import('../../emulator/seed/index.js');
    const half = Math.floor(app.paragraphs.length / 2);
    const parts = [app.paragraphs.slice(0, half), app.paragraphs.slice(half)];
    for (const [i, paragraphs] of parts.entries())
      deliver(
        ERIK,
        `Bidrag Hemtjänsten Hamnen (${i + 1}/2)`,
        `Hej! Här är del ${i + 1} av vårt tävlingsbidrag till Kvalitetsutmärkelsen.\nErik Holm, Hemtjänsten Hamnen`,
        [{ name: `Bidrag ${i + 1}.docx`, contentType: DOCX, bytes: await makeDocx(paragraphs) }],
      );
    await h.settle();
    const replies = (await received()).filter((s) => !before.includes(s) || s.includes('Del'));
    expect(replies.filter((s) => s.startsWith('Vi har tagit emot ert bidrag'))).toHaveLength(1);
    expect(replies.filter((s) => /Del \d av 2 mottagen/.test(s))).toHaveLength(1);
  });
});

describe('throttling mid-sync', () => {
  it('a delta round cut short by throttling is picked up by the next, nothing twice', async () => {
    // Without the subscription, the delta round is the only way mail is seen.
    const api = createGraphApi(h.server.graph);
    for (const s of h.emulator.admin.subscriptions())
      await api.subscriptions.deleteSubscription(s.id);
    const subject = 'Intresseanmälan Förskolan Solrosen (via delta)';
    deliver(
      BO,
      subject,
      'Hej! Förskolan Solrosen vill delta i Kvalitetsutmärkelsen 2027.\nBo Berg, förskolechef',
    );
    h.faults({ throttle: { count: 8, retryAfterSeconds: 0, pathContains: 'delta' } });
    await expect(h.intake.syncNow()).rejects.toMatchObject({ reason: 'throttled' });
    h.faults({ throttle: null } as never);
    await h.settle();
    await h.settle();
    const { record } = await mailStatus(subject);
    expect(record?.status).toBe('processed');
    expect(record?.attempts).toBe(1);
    const counts = await h.server.store.mails.counts(SHARED);
    expect(counts.received + counts.processing).toBe(0);
  });
});
