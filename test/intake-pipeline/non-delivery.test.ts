// A receipt that bounces: past the mailbox's daily recipient limit Exchange accepts the mail (202)
// and then sends a non-delivery report from the postmaster to the shared mailbox. The intake must
// know it for what it is (not an out-of-office reply), never answer it, mark the receipt bounced,
// and show coordinators whose receipt did not arrive, with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptKey } from '../../features/intake/replies.js';
import { asCoordinator } from '../support/tab-token.js';
import { BO, CECILIA, COORD, DANA, SHARED } from './tenant.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

describe('a receipt that bounces', () => {
  it('is marked bounced, its report is not answered, and coordinators see whose receipt did not arrive', async () => {
    // The mailbox has used up its day: every send from it bounces (the inbound mail is delivered
    // straight to the inbox, so only the app's receipt meets the limit).
    h.faults({ sendingLimits: { messagesPerMinute: 30, recipientsPerDay: 0 } });
    const [delivered] = h.emulator.admin.deliver({
      to: SHARED,
      from: BO,
      subject: 'Intresseanmälan Förskolan Solrosen',
      body: 'Hej! Förskolan Solrosen vill delta i Kvalitetsutmärkelsen 2027.\nBo Berg, förskolechef',
    });
    const registration = delivered!.messageId;
    await h.settle();
    // The report arrives a moment after the receipt was accepted (as Exchange's does); then the
    // intake reads it like any other mail.
    let report: ReturnType<typeof h.emulator.admin.messages>[number] | undefined;
    // 2 s after the receipt on the emulator's clock: a 30 s cap, not a count of polls.
    for (const end = Date.now() + 30_000; !report && Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 100));
      report = h.emulator.admin.messages(SHARED).find((m) => /^Undeliverable:/.test(m.subject));
    }
    expect(report, 'the postmaster reported the bounce').toBeDefined();
    await h.settle();

    // Bo never got the receipt; the app's receipt is marked bounced with the server's reason.
    expect(await h.inbox(BO)).toEqual([]);
    const receipt = await h.server.store.outbox.getByKey(receiptKey(SHARED, registration));
    expect(receipt?.status).toBe('sent');
    expect(receipt?.bouncedAt).toBeDefined();
    expect(receipt?.bounceReason).toMatch(/5\.1\.90/);

    // The report waits for a coordinator, filed as an automatic mail, and is never answered.
    const record = await h.server.store.mails.get({ mailbox: SHARED, messageId: report!.id });
    expect(record?.status).toBe('triage');
    expect(record?.classification).toBe('auto-reply');
    expect(await h.server.store.outbox.getByKey(receiptKey(SHARED, report!.id))).toBeUndefined();
    const filed = await h.inShared(report!.subject);
    expect(filed?.categories).toEqual(expect.arrayContaining(['Autosvar', 'Att granska']));

    // The tab's triage list (the bot's "granska" reads the same list) says whose receipt bounced.
    const response = await asCoordinator(h.emulator.url, COORD)(`${h.server.url}/api/tab/triage`);
    expect(response.status).toBe(200);
    const shown = JSON.stringify(await response.json());
    expect(shown).toContain(`Kvittot till ${BO} kom inte fram`);
    expect(shown).toContain(`The receipt to ${BO} was not delivered`);
    expect(shown).toMatch(/5\.1\.90/);
    const items = await h.intake.listTriage();
    const item = items.find((i) => i.messageId === report!.id);
    expect(item?.suggestedUnitId).toBe('u-solrosen');
  }, 120_000);

  it('is matched by Message-ID: of two receipts with one subject, only the bounced one is marked', async () => {
    h.faults({ sendingLimits: { messagesPerMinute: 30, recipientsPerDay: 10_000 } });
    const subject = 'Intresseanmälan Kvalitetsutmärkelsen';
    const [fromBo] = h.emulator.admin.deliver({
      to: SHARED,
      from: BO,
      subject,
      body: 'Hej! Förskolan Solrosen vill delta i Kvalitetsutmärkelsen 2027.\nBo Berg, förskolechef',
    });
    await h.settle();
    const boReceipt = await h.server.store.outbox.getByKey(receiptKey(SHARED, fromBo!.messageId));
    expect(boReceipt?.status).toBe('sent');
    // The Message-ID Graph gave the draft is on record.
    expect(boReceipt?.internetMessageId).toMatch(/^<[^@\s]+@[^>\s]+>$/);

    // The day's limit is reached: Cecilia's receipt, with the same subject, bounces.
    const earlier = new Set(
      h.emulator.admin
        .messages(SHARED)
        .filter((m) => /^Undeliverable:/.test(m.subject))
        .map((m) => m.id),
    );
    h.faults({ sendingLimits: { messagesPerMinute: 30, recipientsPerDay: 0 } });
    const [fromCecilia] = h.emulator.admin.deliver({
      to: SHARED,
      from: CECILIA,
      subject,
      body: 'Hej! Kastanjeskolan vill delta i Kvalitetsutmärkelsen 2027.\nCecilia Ek, rektor',
    });
    await h.settle();
    const reports = () =>
      h.emulator.admin
        .messages(SHARED)
        .filter((m) => /^Undeliverable:/.test(m.subject) && !earlier.has(m.id));
    for (const end = Date.now() + 30_000; reports().length === 0 && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 100));
    const [report] = reports();
    expect(report, 'the postmaster reported the bounce').toBeDefined();
    await h.settle();

    const ceciliaReceipt = await h.server.store.outbox.getByKey(
      receiptKey(SHARED, fromCecilia!.messageId),
    );
    expect(ceciliaReceipt?.bouncedAt).toBeDefined();
    expect((await h.server.store.outbox.get(boReceipt!.id))?.bouncedAt).toBeUndefined();
    // Coordinators see Kastanjeskolan's receipt as the one that did not arrive.
    const item = (await h.intake.listTriage()).find((i) => i.messageId === report!.id);
    expect(item?.suggestedUnitId).toBe('u-kastanjen');
    const response = await asCoordinator(h.emulator.url, COORD)(`${h.server.url}/api/tab/triage`);
    expect(JSON.stringify(await response.json())).toContain(
      `Kvittot till ${CECILIA} kom inte fram`,
    );

    // A report whose subject Exchange rewrote (translated, shortened) still names Bo's receipt by
    // its Message-ID; the subject alone would have found nothing.
    h.faults({ sendingLimits: { messagesPerMinute: 30, recipientsPerDay: 10_000 } });
    h.emulator.admin.deliver({
      to: SHARED,
      from: { name: 'Microsoft Outlook', address: 'postmaster@stockholm.example' },
      subject: 'Olevererbart: Intresseanm…',
      body: {
        contentType: 'html',
        content: `<html><body><p>Det gick inte att leverera meddelandet till:<br>${BO}</p><p>Diagnostisk information för administratörer:<br>Remote server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound'</p><p>Ursprungliga meddelanderubriker:<br>Message-ID: ${boReceipt!.internetMessageId!.replace('<', '&lt;').replace('>', '&gt;')}</p></body></html>`,
      },
      internetMessageHeaders: [
        { name: 'Content-Type', value: 'multipart/report; report-type=delivery-status' },
      ],
    });
    await h.settle();
    const boAfter = await h.server.store.outbox.get(boReceipt!.id);
    expect(boAfter?.bouncedAt).toBeDefined();
    expect(boAfter?.bounceReason).toMatch(/5\.1\.1/);
  }, 120_000);

  it('to a mistyped address in the city’s own domain bounces as unknown (5.1.10) and is listed', async () => {
    // A mail from an own-domain address no mailbox has (a typo in a form relay's From line): the
    // receipt is accepted, then Exchange's resolver finds nobody and the postmaster reports it.
    h.faults({ sendingLimits: { messagesPerMinute: 30, recipientsPerDay: 10_000 } });
    const mistyped = 'erik.holmm@stockholm.example';
    const earlier = new Set(
      h.emulator.admin
        .messages(SHARED)
        .filter((m) => /^Undeliverable:/.test(m.subject))
        .map((m) => m.id),
    );
    const [mail] = h.emulator.admin.deliver({
      to: SHARED,
      from: { name: 'Erik Holm', address: mistyped },
      subject: 'Intresseanmälan Hemtjänsten Hamnen',
      body: 'Hej! Hemtjänsten Hamnen vill delta i Kvalitetsutmärkelsen 2027. Vi anmäler härmed vårt intresse.\nErik Holm, enhetschef',
    });
    await h.settle();
    const receipt = await h.server.store.outbox.getByKey(receiptKey(SHARED, mail!.messageId));
    expect(receipt?.status).toBe('sent');
    const reports = () =>
      h.emulator.admin
        .messages(SHARED)
        .filter((m) => /^Undeliverable:/.test(m.subject) && !earlier.has(m.id));
    for (const end = Date.now() + 30_000; reports().length === 0 && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 100));
    const [report] = reports();
    expect(report, 'the postmaster reported the unknown recipient').toBeDefined();
    await h.settle();

    const marked = await h.server.store.outbox.get(receipt!.id);
    expect(marked?.bouncedAt).toBeDefined();
    expect(marked?.bounceReason).toMatch(/5\.1\.10/);
    const item = (await h.intake.listTriage()).find((i) => i.messageId === report!.id);
    expect(item?.suggestedUnitId).toBe('u-hamnen');
    const response = await asCoordinator(h.emulator.url, COORD)(`${h.server.url}/api/tab/triage`);
    const shown = JSON.stringify(await response.json());
    expect(shown).toContain(`Kvittot till ${mistyped} kom inte fram`);
    expect(shown).toMatch(/RecipientNotFound/);
  }, 120_000);

  it('without a Message-ID in the report, falls back to the subject and the recipient it names', async () => {
    h.faults({ sendingLimits: { messagesPerMinute: 30, recipientsPerDay: 10_000 } });
    const [fromDana] = h.emulator.admin.deliver({
      to: SHARED,
      from: DANA,
      subject: 'Anmälan till Kvalitetsutmärkelsen',
      body: 'Hej! Äldreboendet Linden anmäler sig till Kvalitetsutmärkelsen 2027.\nDana Lind, enhetschef',
    });
    await h.settle();
    const receipt = await h.server.store.outbox.getByKey(receiptKey(SHARED, fromDana!.messageId));
    expect(receipt?.status).toBe('sent');
    const subject = (receipt!.payload as { subject?: string }).subject;
    expect(subject).toBeTruthy();
    // Another server's report: the subject and the recipient, no copy of the original headers.
    const [report] = h.emulator.admin.deliver({
      to: SHARED,
      from: { name: 'Mail Delivery System', address: 'mailer-daemon@relay.example' },
      subject: `Undeliverable: ${subject}`,
      body: `Delivery to the following recipient failed permanently:\n${DANA}\n550 5.1.1 mailbox unavailable`,
    });
    await h.settle();
    expect((await h.server.store.outbox.get(receipt!.id))?.bouncedAt).toBeDefined();
    const item = (await h.intake.listTriage()).find((i) => i.messageId === report!.messageId);
    expect(item?.suggestedUnitId).toBe('u-linden');
  }, 120_000);
});
