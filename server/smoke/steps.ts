// The tenant smoke test's steps: each a small round trip through graph/ (and the outbox's draft
// path) against the configured shared mailbox, cleaning up after itself, reported as pass, fail or
// skip with the reason. Used by `npm run smoke:tenant` (server/smoke/main.ts); tests run it against
// the emulator.
import { randomUUID } from 'node:crypto';
import type { GraphApi } from '../../graph/index.js';
import { userPath } from '../../graph/index.js';
import {
  createOutboxDraft,
  draftOutcome,
  draftsFolderIds,
  sendOutboxDraft,
} from '../../features/outbox/transport.js';

export type StepOutcome = 'pass' | 'fail' | 'skip';

export interface StepResult {
  step: string;
  outcome: StepOutcome;
  detail: string;
  ms: number;
}

export interface SmokeOptions {
  api: GraphApi;
  /** The shared mailbox (UPN or object id). */
  mailbox: string;
  /** The app's public notification URL, which answers Graph's validation; without it: skip. */
  notificationUrl?: string;
  clientState?: string;
  now?: () => Date;
  /** How long to wait for mail to arrive or a sent copy to show (default 60 s). */
  waitMs?: number;
  pollMs?: number;
  onStep?: (r: StepResult) => void;
}

class Skip extends Error {}

/** Runs every step (a failure does not stop the next one) and returns what happened. */
export async function runTenantSmokeTest(o: SmokeOptions): Promise<StepResult[]> {
  const { api, mailbox } = o;
  const now = o.now ?? (() => new Date());
  const waitMs = o.waitMs ?? 60_000;
  const pollMs = o.pollMs ?? 2_000;
  const tag = `KU-smoke-${randomUUID().slice(0, 8)}`;
  const results: StepResult[] = [];

  const step = async (name: string, run: () => Promise<string>) => {
    const started = performance.now();
    let outcome: StepOutcome = 'pass';
    let detail: string;
    try {
      detail = await run();
    } catch (e) {
      outcome = e instanceof Skip ? 'skip' : 'fail';
      detail = e instanceof Error ? e.message : String(e);
    }
    const r = { step: name, outcome, detail, ms: Math.round(performance.now() - started) };
    results.push(r);
    o.onStep?.(r);
  };

  const poll = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const hit = await probe();
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`${what}: not seen within ${waitMs / 1000} s`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };

  await step('read the shared mailbox', async () => {
    const user = await api.users.getUser(mailbox);
    const inbox = await api.folders.getFolder(mailbox, 'inbox');
    const newest = await api.messages.listMessages(mailbox, { folder: 'inbox', top: 1 });
    return `${user.displayName ?? mailbox}: inbox has ${inbox.totalItemCount ?? '?'} mails, newest "${newest[0]?.subject ?? '-'}"`;
  });

  await step('create and remove a category (MailboxSettings.ReadWrite)', async () => {
    const [made] = (
      await api.categories.ensureMasterCategories(mailbox, [{ displayName: tag, color: 'preset4' }])
    ).filter((c) => c.displayName === tag);
    if (!made?.id) throw new Error('the category was not listed after creating it');
    await api.graph.json<void>({
      method: 'DELETE',
      path: `${userPath(mailbox)}/outlook/masterCategories/${encodeURIComponent(made.id)}`,
    });
    return `created and deleted "${tag}"`;
  });

  await step('create and remove a folder', async () => {
    const folder = await api.folders.ensureChildFolder(mailbox, 'inbox', tag);
    await api.graph.json<void>({
      method: 'DELETE',
      path: `${userPath(mailbox)}/mailFolders/${encodeURIComponent(folder.id!)}`,
    });
    return `created and deleted Inbox/${tag}`;
  });

  await step('reply to a test mail and find the reply by its draft id', async () => {
    // The test mail: from the shared mailbox to itself, so nobody outside gets anything.
    await api.messages.sendMail(mailbox, {
      subject: `${tag} testmejl`,
      text: 'Automatiskt test av Kvalitetsutmärkelsens app. Kan raderas.',
      to: [mailbox],
      saveToSentItems: false,
    });
    const mail = await poll('the test mail in the inbox', async () => {
      const found = await api.messages.listMessages(mailbox, {
        folder: 'inbox',
        top: 25,
        select: ['id', 'subject'],
      });
      return found.find((m) => m.subject === `${tag} testmejl`);
    });
    const { id: draftId, internetMessageId } = await createOutboxDraft(api, `smoke:${tag}`, {
      kind: 'reply',
      mailbox,
      messageId: mail.id!,
      html: '<p>Automatiskt svar från testet. Kan raderas.</p>',
    });
    await sendOutboxDraft(api, mailbox, draftId);
    const drafts = draftsFolderIds(api);
    const outcome = await poll('the sent reply', async () => {
      const o = await draftOutcome(api, mailbox, draftId, () => drafts(mailbox));
      return o.state === 'sent' ? o : undefined;
    });
    // The outbox keeps the draft's Message-ID to match bounces by it: the sent mail must carry it.
    const sent = await api.messages.getMessage(mailbox, draftId, { select: ['internetMessageId'] });
    const sameId = !!internetMessageId && sent.internetMessageId === internetMessageId;
    // Clean up: the test mail, the reply in Sent Items and the reply that came back in.
    await api.graph.json<void>({
      method: 'DELETE',
      path: `${userPath(mailbox)}/messages/${encodeURIComponent(mail.id!)}`,
    });
    await api.graph.json<void>({
      method: 'DELETE',
      path: `${userPath(mailbox)}/messages/${encodeURIComponent(draftId)}`,
    });
    if (!sameId)
      throw new Error(
        `the draft's internetMessageId (${internetMessageId ?? 'none'}) is not the sent mail's (${sent.internetMessageId ?? 'none'}): bounces would be matched by subject only`,
      );
    return `sent at ${outcome.state === 'sent' ? (outcome.sentAt ?? '?') : '?'}, found in Sent Items by its id, with the draft's Message-ID`;
  });

  await step('create and cancel a calendar event', async () => {
    const start = new Date(now().getTime() + 7 * 86_400_000);
    start.setUTCHours(8, 0, 0, 0);
    const iso = (d: Date) => d.toISOString().slice(0, 19);
    const event = await api.calendar.createEvent(mailbox, {
      subject: `${tag} testbokning`,
      start: { dateTime: iso(start), timeZone: 'UTC' },
      end: { dateTime: iso(new Date(start.getTime() + 30 * 60_000)), timeZone: 'UTC' },
      attendees: [],
      transactionId: tag,
    });
    await api.calendar.cancelEvent(mailbox, event.id!, 'Test, inställt');
    const online = event.isOnlineMeeting ? 'with' : 'without';
    return `created ${online} a Teams meeting and cancelled`;
  });

  await step('getSchedule for the shared mailbox', async () => {
    const start = now();
    const end = new Date(start.getTime() + 86_400_000);
    const iso = (d: Date) => d.toISOString().slice(0, 19);
    const [info] = await api.schedule.getSchedule({
      asUser: mailbox,
      addresses: [mailbox],
      startTime: { dateTime: iso(start), timeZone: 'UTC' },
      endTime: { dateTime: iso(end), timeZone: 'UTC' },
      availabilityViewInterval: 60,
    });
    if (!info) throw new Error('no schedule came back');
    if (info.error) throw new Error(`${info.error.responseCode}: ${info.error.message}`);
    return `${info.scheduleItems?.length ?? 0} busy items in the next 24 h`;
  });

  await step('create and delete a subscription', async () => {
    if (!o.notificationUrl || !o.clientState)
      throw new Skip('PUBLIC_URL is not set: Graph needs the running app to validate the URL');
    const sub = await api.subscriptions.createSubscription({
      resource: `users/${mailbox}/mailFolders('inbox')/messages`,
      notificationUrl: o.notificationUrl,
      clientState: o.clientState,
      now: now(),
      minutes: 60,
    });
    await api.subscriptions.deleteSubscription(sub.id!);
    return `created ${sub.id} (expires ${sub.expirationDateTime}) and deleted it`;
  });

  return results;
}
