// The Outlook add-in's mail pane API as the pane calls it: the real server in the local mode with the
// demo mailbox, a coordinator's token from the emulator, a mail found by its internet message id.
// The coordinator sees the classification, decides a triage mail (the unit's state changes) and
// resends a receipt (sent once more, once); everyone else, and every mail outside the shared
// mailbox, gets a clear refusal.
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeService } from '../../features/intake/index.js';
import { intakeFeatures } from '../../server/jobs/intake.js';
import { tabFeature } from '../../server/jobs/tab.js';
import { startTestServer, type TestServer } from '../server/harness.js';
import { DEMO_COORDINATOR, tabToken } from '../support/tab-token.js';

const SHARED = 'kvalitetsutmarkelsen@stockholm.example';
let server: TestServer;
let intake!: IntakeService;
let coordinator: string;

const api = (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/tab${path}`, {
    ...init,
    headers: {
      ...(init.headers as Record<string, string>),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
const view = (internetMessageId: string, token = coordinator) =>
  api(`/addin/mail?internetMessageId=${encodeURIComponent(internetMessageId)}`, token);

interface MailBody {
  mail: {
    messageId: string;
    kind: string;
    reasons: { sv: string }[];
    waitingForTriage: boolean;
    units: { unitId: string; state?: string; matched: string }[];
    receipt?: { status: string; resends: number };
    decidedBy?: { by: string };
  };
  actions: { decide: boolean; resendReceipt: boolean };
}

beforeAll(async () => {
  server = await startTestServer(
    { AWARD_NOW: '2027-03-01T10:00:00+01:00' },
    { features: [...intakeFeatures({ onService: (s) => (intake = s) }), tabFeature()] },
  );
  await intake.idle();
  coordinator = await tabToken(server.emulatorUrl!, DEMO_COORDINATOR);
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describe('the mail read pane API', () => {
  it('shows a coordinator how a triage mail was classified, and a decision moves the unit', async () => {
    // A mail about one unit that the intake left to a coordinator (a registration or withdrawal it
    // was unsure of); the coordinator decides it is a withdrawal.
    let item: Awaited<ReturnType<typeof intake.listTriage>>[number] | undefined;
    for (const i of await intake.listTriage({ limit: 100 })) {
      if (i.suggestedKind !== 'withdrawal' && i.suggestedKind !== 'pre-registration') continue;
      if (!i.suggestedUnitId) continue;
      const p = await server.store.participations.get(i.suggestedUnitId, 2026);
      // Only a unit that may still withdraw (not withdrawn, not yet judged).
      const mayWithdraw = ['interested', 'pre-registered', 'submitted', 'in-protocol', 'eligible'];
      if (p && !mayWithdraw.includes(p.state)) continue;
      item = i;
      break;
    }
    if (!item) throw new Error('no triage mail about one unit in the seeded mailbox');
    const record = await server.store.mails.get({ mailbox: SHARED, messageId: item.messageId });
    const internetMessageId = record!.internetMessageId!;

    const res = await view(internetMessageId);
    expect(res.status).toBe(200);
    const body = (await res.json()) as MailBody;
    expect(body.mail.kind).toBe(item.suggestedKind);
    expect(body.mail.waitingForTriage).toBe(true);
    expect(body.mail.reasons.length).toBeGreaterThan(0);
    expect(body.mail.units.map((u) => u.unitId)).toContain(item.suggestedUnitId);
    expect(body.actions.decide).toBe(true);

    const before = await server.store.participations.get(item.suggestedUnitId!, 2026);
    const decided = await api('/addin/mail/decision', coordinator, {
      method: 'POST',
      body: JSON.stringify({ internetMessageId, kind: 'withdrawal', unitId: item.suggestedUnitId }),
    });
    expect(decided.status).toBe(200);
    const after = (await decided.json()) as MailBody;
    expect(after.mail.waitingForTriage).toBe(false);
    expect(after.mail.decidedBy?.by).toBeTruthy();
    const unit = after.mail.units.find((u) => u.unitId === item.suggestedUnitId)!;
    expect(unit.matched).toBe('acted');
    expect(unit.state).toBe('withdrawn');
    expect(before?.state).not.toBe('withdrawn');
    expect((await server.store.participations.get(item.suggestedUnitId!, 2026))?.state).toBe(
      'withdrawn',
    );

    // The same decision again: already decided, nothing changes.
    const again = await api('/addin/mail/decision', coordinator, {
      method: 'POST',
      body: JSON.stringify({ internetMessageId, kind: 'withdrawal', unitId: item.suggestedUnitId }),
    });
    expect(again.status).toBe(409);
  });

  it('resends a receipt once per click, and the sender gets it once more', async () => {
    const sent = await fetch(`${server.emulatorUrl}/_admin/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        // Förskolan Tensta äng has won nothing lately (the demo's 2025 winner Vasaparken may not
        // take part in 2027, so its registration waits for a coordinator: core/intake/winner-lockout.ts).
        from: 'fatima.yusuf@stockholm.example',
        message: {
          subject: 'Intresseanmälan Kvalitetsutmärkelsen 2027 – Förskolan Tensta äng',
          internetMessageId: '<addin-resend-1@stockholm.example>',
          body: {
            contentType: 'text',
            content:
              'Hej!\n\nFörskolan Tensta äng vill gärna delta i Kvalitetsutmärkelsen 2027. Vi anmäler härmed vårt intresse.\n\nMed vänliga hälsningar\nFatima Yusuf\nFörskolechef, Förskolan Tensta äng',
          },
          toRecipients: [{ emailAddress: { address: SHARED } }],
        },
      }),
    });
    expect(sent.status).toBe(202);
    await intake.syncNow();
    await intake.idle();
    const record = (await server.store.mails.list({ mailbox: SHARED, limit: 1000 })).find((m) =>
      m.subject?.startsWith('Intresseanmälan Kvalitetsutmärkelsen 2027'),
    )!;
    expect(record?.status).toBe('processed');
    const id = record.internetMessageId!;
    const first = (await (await view(id)).json()) as MailBody;
    expect(first.actions.resendReceipt).toBe(true);
    expect(first.mail.receipt?.resends).toBe(0);

    const resend = () =>
      api('/addin/mail/receipt', coordinator, {
        method: 'POST',
        body: JSON.stringify({ internetMessageId: id, seen: 0 }),
      });
    const [a, b] = await Promise.all([resend(), resend()]);
    const results = [
      (await a.json()) as { queued: boolean },
      (await b.json()) as { queued: boolean },
    ];
    expect(results.filter((r) => r.queued)).toHaveLength(1);
    const receiptsInInbox = async () =>
      (
        (await (
          await fetch(
            `${server.emulatorUrl}/_admin/messages?upn=fatima.yusuf@stockholm.example&folder=inbox`,
          )
        ).json()) as { value: { subject?: string }[] }
      ).value.filter((m) => /intresseanmälan/i.test(m.subject ?? '')).length;
    for (let i = 0; i < 100 && (await receiptsInInbox()) < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await receiptsInInbox()).toBe(2);
    const later = (await (await view(id)).json()) as MailBody;
    expect(later.mail.receipt).toMatchObject({ resends: 1 });
  });

  it('corrects a mail decided automatically: the wrong unit’s change is undone with who, the right unit moves', async () => {
    const record = (await server.store.mails.list({ mailbox: SHARED, limit: 1000 })).find((m) =>
      m.subject?.startsWith('Intresseanmälan Kvalitetsutmärkelsen 2027'),
    )!;
    expect(record.status).toBe('processed');
    const wrongUnit = record.unitId!;
    expect((await server.store.participations.get(wrongUnit, 2027))?.state).toBe('pre-registered');
    const rightUnit = (await server.store.units.list()).find(
      (u) => u.id !== wrongUnit && !u.name.includes('Tensta äng'),
    )!;
    const before = await server.store.participations.get(rightUnit.id, 2027);
    expect(before).toBeUndefined();

    const res = await api('/addin/mail/decision', coordinator, {
      method: 'POST',
      body: JSON.stringify({
        internetMessageId: record.internetMessageId,
        kind: 'pre-registration',
        unitId: rightUnit.id,
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as MailBody;
    expect(body.mail.units[0]).toMatchObject({ unitId: rightUnit.id, matched: 'acted' });
    expect(body.mail.decidedBy?.by).toBeTruthy();

    const wrong = (await server.store.participations.get(wrongUnit, 2027))!;
    expect(wrong.state).toBe('withdrawn');
    const undo = wrong.history.at(-1)!;
    expect(undo.source).toEqual({ kind: 'tab', ref: `correction:${record.messageId}` });
    expect(undo.actor.name).toBe(body.mail.decidedBy!.by);
    expect((await server.store.participations.get(rightUnit.id, 2027))?.state).toBe(
      'pre-registered',
    );

    // The same correction again changes nothing.
    const again = await api('/addin/mail/decision', coordinator, {
      method: 'POST',
      body: JSON.stringify({
        internetMessageId: record.internetMessageId,
        kind: 'pre-registration',
        unitId: rightUnit.id,
      }),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'nothing-to-correct',
    );
  });

  it('says so for a mail outside the shared mailbox, and refuses bad input with 400', async () => {
    const outside = await view('<not-in-the-shared-mailbox@example.com>');
    expect(outside.status).toBe(404);
    const body = (await outside.json()) as { error: { code: string; messageSv: string } };
    expect(body.error.code).toBe('outside-shared-mailbox');
    expect(body.error.messageSv).toMatch(/funktionsbrevlåda/);

    const someMail = (await server.store.mails.list({ mailbox: SHARED, limit: 1 }))[0]!;
    const otherMailbox = await api(
      `/addin/mail?internetMessageId=${encodeURIComponent(someMail.internetMessageId!)}&mailbox=elin.wallin@stockholm.example`,
      coordinator,
    );
    expect(otherMailbox.status).toBe(404);

    expect((await api('/addin/mail', coordinator)).status).toBe(400);
    const badKind = await api('/addin/mail/decision', coordinator, {
      method: 'POST',
      body: JSON.stringify({ internetMessageId: someMail.internetMessageId, kind: 'spam' }),
    });
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as { error: { message: string } }).error.message).toMatch(
      /kind/,
    );

    // A meeting that is not the mail's cycle's: 400 in both languages, and the mail still waits.
    const waiting = (await intake.listTriage({ limit: 100 })).find((i) => i.suggestedUnitId);
    if (!waiting) throw new Error('no triage mail about a unit in the seeded mailbox');
    const waitingId = (await server.store.mails.get({
      mailbox: SHARED,
      messageId: waiting.messageId,
    }))!.internetMessageId!;
    const badMeeting = await api('/addin/mail/decision', coordinator, {
      method: 'POST',
      body: JSON.stringify({
        internetMessageId: waitingId,
        kind: 'info-meeting-signup',
        unitId: waiting.suggestedUnitId,
        meetingId: 'im-1999-9',
      }),
    });
    expect(badMeeting.status).toBe(400);
    const problem = (await badMeeting.json()) as { error: { code: string; messageSv: string } };
    expect(problem.error.code).toBe('unknown-meeting');
    expect(problem.error.messageSv).toMatch(/Informationsmötet im-1999-9 finns inte/);
    expect(((await (await view(waitingId)).json()) as MailBody).mail.waitingForTriage).toBe(true);
  });

  it('answers 401 to a missing or forged token and 403 to someone who is not a coordinator', async () => {
    const someMail = (await server.store.mails.list({ mailbox: SHARED, limit: 1 }))[0]!;
    expect((await view(someMail.internetMessageId!, '')).status).toBe(401);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(coordinator))
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .sign(privateKey);
    expect((await view(someMail.internetMessageId!, forged)).status).toBe(401);

    const manager = (await server.store.units.list())[0]!.managerEmail;
    const res = await view(
      someMail.internetMessageId!,
      await tabToken(server.emulatorUrl!, manager),
    );
    expect(res.status).toBe(403);
    const resend = await api('/addin/mail/receipt', await tabToken(server.emulatorUrl!, manager), {
      method: 'POST',
      body: JSON.stringify({ internetMessageId: someMail.internetMessageId, seen: 0 }),
    });
    expect(resend.status).toBe(403);
  });
});
