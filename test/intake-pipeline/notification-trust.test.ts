// Change notifications are hints, not the truth: a poster holding the clientState cannot make the
// intake process the app's own receipts, made-up ids cost a bounded number of lookups once, and only
// our subscription counts. Spoken as Graph speaks to the app: POST /api/graph/notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED, CECILIA, ERIK } from './tenant.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';

let h: IntakeHarness;
let subscriptionId = '';
let clientState = '';
beforeAll(async () => {
  h = await startIntakeHarness();
  await h.settle();
  // The subscription is made in the background at start; it is in the store once made (a deadline,
  // not a count of polls: each poll is slower on a loaded machine, and so is the start).
  for (const deadline = Date.now() + 45_000; !(await h.server.store.sync.listSubscriptions())[0];) {
    if (Date.now() > deadline) throw new Error('the intake made no Graph subscription in 45 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  subscriptionId = (await h.server.store.sync.listSubscriptions())[0]!.id;
  clientState = h.intake.clientState();
}, 120_000);
afterAll(async () => {
  await h?.stop();
});

const notify = (ids: string[], subscription = subscriptionId) =>
  fetch(`${h.server.url}/api/graph/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      value: ids.map((id) => ({
        subscriptionId: subscription,
        clientState,
        changeType: 'created',
        resource: `Users/x/Messages/${id}`,
        resourceData: { id },
      })),
    }),
  });

const lookups = () => h.emulator.admin.requestCounts().byKind['messages.get'] ?? 0;

describe('notifications trusted only as far as Graph confirms them', () => {
  it("the app's own receipt in Sent Items is never taken for a unit's mail", async () => {
    await h.send(CECILIA, {
      subject: 'Intresseanmälan Kastanjeskolan',
      text: 'Kastanjeskolan vill delta i Kvalitetsutmärkelsen 2027. Cecilia Ek',
    });
    await h.settle();
    // The receipt, in the shared mailbox's Sent Items.
    const receipt = h.emulator.admin
      .messages(SHARED)
      .find((m) => /^Vi har tagit emot er intresseanmälan/.test(m.subject));
    expect(receipt).toBeDefined();
    expect((await notify([receipt!.id])).status).toBe(202);
    await h.intake.idle();
    expect(
      await h.server.store.mails.get({ mailbox: SHARED, messageId: receipt!.id }),
    ).toBeUndefined();
    const after = h.emulator.admin.messages(SHARED).find((m) => m.id === receipt!.id);
    expect(after?.folderId).toBe(receipt!.folderId);
    expect(after?.categories).toEqual([]);
  });

  it('a notification of a subscription we do not have is ignored; ours is taken', async () => {
    h.faults({ notifications: { dropNext: 1 } });
    const [{ messageId }] = h.emulator.admin.deliver({
      to: SHARED,
      from: ERIK,
      subject: 'Intresseanmälan Hemtjänsten Hamnen',
      body: 'Hemtjänsten Hamnen vill delta i Kvalitetsutmärkelsen 2027. Erik Holm',
    }) as [{ messageId: string }, ...unknown[]];
    const key = { mailbox: SHARED, messageId };
    expect((await notify([messageId], 'not-our-subscription')).status).toBe(202);
    await h.intake.idle();
    expect(await h.server.store.mails.get(key)).toBeUndefined();
    expect((await notify([messageId])).status).toBe(202);
    await h.intake.idle();
    expect((await h.server.store.mails.get(key))?.status).toBe('processed');
  });

  it('made-up ids: bounded lookups per request, each unknown id asked about once, none stored', async () => {
    const before = await h.server.store.mails.counts();
    h.emulator.admin.resetRequestCounts();
    const made = Array.from({ length: 2000 }, (_, i) => `AAMkMadeUp${i}`);
    expect((await notify(made)).status).toBe(202);
    await h.intake.idle();
    const first = lookups();
    expect(first).toBeLessThanOrEqual(50);
    expect(first).toBeGreaterThan(0);
    // The same ids again: those Graph already said it does not know cost nothing.
    h.emulator.admin.resetRequestCounts();
    expect((await notify(made.slice(0, first))).status).toBe(202);
    await h.intake.idle();
    expect(lookups()).toBe(0);
    expect(await h.server.store.mails.counts()).toEqual(before);
  });

  it('a notification list holding null is answered 400, not 500', async () => {
    for (const body of ['{"value":[null]}', '{"value":[1]}', '{"value":{}}', '[]']) {
      const res = await fetch(`${h.server.url}/api/graph/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBeTruthy();
    }
  });
});
