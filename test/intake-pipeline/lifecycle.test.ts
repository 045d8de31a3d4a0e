// The pipeline over time: mail already in the mailbox when the app first connects (filed, never
// answered), a crash mid-processing (finished once after the restart), triage by a coordinator,
// subscription lifecycle events and an expired delta link.
import { asCoordinator } from '../support/tab-token.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newParticipation } from '../../core/participation.js';
import { createIntakeService, receiptKey, silentLogger } from '../../features/intake/index.js';
import { createGraphApi } from '../../graph/index.js';
import { loadCycles } from '../../server/cycles.js';
import { postActivity, teamsMessage } from '../server/harness.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { BO, CECILIA, COORD, COORD_ID, DANA, ERIK, SHARED } from './tenant.js';

/** The coordinator as Teams names her (the coordinators group decides who may triage). */
const ANNA = { id: '29:anna', name: 'Anna Samordnare', aadObjectId: COORD_ID };

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness({
    async beforeStart({ emulator, store }) {
      // Mail from before the app existed (February), and an imported participation already far along.
      emulator.admin.deliver({
        to: SHARED,
        from: { name: 'Bo Berg', address: BO },
        subject: 'Intresseanmälan Förskolan Solrosen',
        body: 'Hej! Förskolan Solrosen vill delta i Kvalitetsutmärkelsen 2027 och anmäler härmed sitt intresse.\nBo Berg, förskolechef',
        receivedDateTime: '2027-02-20T08:00:00Z',
      });
      emulator.admin.deliver({
        to: SHARED,
        from: { name: 'Erik Holm', address: ERIK },
        subject: 'Avanmälan Hemtjänsten Hamnen',
        body: 'Hej! Hemtjänsten Hamnen drar tillbaka sin anmälan och deltar inte i Kvalitetsutmärkelsen 2027.\nErik Holm',
        receivedDateTime: '2027-02-25T08:00:00Z',
      });
      emulator.admin.deliver({
        to: SHARED,
        from: { name: 'Bo Berg', address: BO },
        subject: 'Intresseanmälan 2019',
        body: 'Hej! Förskolan Solrosen vill delta i Kvalitetsutmärkelsen 2019 och anmäler härmed sitt intresse.\nBo Berg',
        receivedDateTime: '2019-02-20T08:00:00Z',
      });
      await store.participations.applyTransition('u-kastanjen', 2026, () => ({
        ...newParticipation('u-kastanjen', 2026, 'in-protocol', {
          at: '2026-06-10T10:00:00+02:00',
          actor: { id: 'system:import' },
          source: { kind: 'system', ref: 'import' },
        }),
        state: 'under-examination',
      }));
      await store.participations.applyTransition('u-hamnen', 2027, () => ({
        ...newParticipation('u-hamnen', 2027, 'in-protocol', {
          at: '2027-01-10T10:00:00+01:00',
          actor: { id: 'system:import' },
          source: { kind: 'system', ref: 'import' },
        }),
        state: 'site-visit-held',
      }));
    },
  });
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

describe('intake over time', () => {
  it('files and records mail from before go-live without answering it', async () => {
    await h.settle();
    const filed = await h.inShared('Intresseanmälan Förskolan Solrosen');
    expect(filed?.folder).toBe('Kvalitetsutmärkelsen 2027/Intresseanmälan');
    const p = await h.server.store.participations.get('u-solrosen', 2027);
    expect(p?.state).toBe('pre-registered');
    expect(p?.history.at(-1)?.source.ref).toBe(filed!.id);
    expect(await h.inbox(BO)).toEqual([]);
    expect(await h.server.store.outbox.counts()).toMatchObject({ pending: 0, sent: 0 });
  });

  it('labels years-old mail but changes no participation with it', async () => {
    const old = await h.inShared('Intresseanmälan 2019');
    expect(old).toMatchObject({ folder: 'inbox', categories: ['Intresseanmälan'] });
    expect(
      await h.server.store.participations.findBySource({ kind: 'mail', ref: old!.id }),
    ).toEqual([]);
  });

  it('records an impossible transition as a fact on the mail, not an error', async () => {
    const filed = await h.inShared('Avanmälan Hemtjänsten Hamnen');
    const mail = await h.server.store.mails.get({ mailbox: SHARED, messageId: filed!.id });
    expect(mail?.status).toBe('processed');
    expect(JSON.stringify(mail?.details)).toMatch(/Ändrades inte/);
    expect((await h.server.store.participations.get('u-hamnen', 2027))?.state).toBe(
      'site-visit-held',
    );
    expect(await h.inbox(ERIK)).toEqual([]);
  });

  it('applies a withdrawal to the cycle the unit is taking part in', async () => {
    await h.send(CECILIA, {
      subject: 'Avanmälan Kastanjeskolan',
      text: 'Hej! Kastanjeskolan drar tillbaka sitt deltagande i Kvalitetsutmärkelsen, vi kan tyvärr inte ta emot platsbesöket.\n\nCecilia Ek, rektor',
    });
    await h.settle();
    expect((await h.server.store.participations.get('u-kastanjen', 2026))?.state).toBe('withdrawn');
    expect(await h.server.store.participations.get('u-kastanjen', 2027)).toBeUndefined();
    const [reply] = (await h.inbox(CECILIA)).filter((m) =>
      /Avanmälan bekräftad/.test(m.subject ?? ''),
    );
    expect(reply?.body?.content).toContain('Kvalitetsutmärkelsen 2026');
  });

  it('finishes a mail once after a crash mid-processing, with one receipt', async () => {
    const subject = 'Intresseanmälan Äldreboendet Linden';
    let messageId = '';
    await h.restart(async (store) => {
      // While the app is down the mail arrives; the previous instance had claimed it, changed the
      // unit's state, and died before queueing the receipt.
      const [delivered] = h.emulator.admin.deliver({
        to: SHARED,
        from: { name: 'Dana Lind', address: DANA },
        subject,
        body: 'Hej! Äldreboendet Linden vill delta i Kvalitetsutmärkelsen 2027. Vi anmäler härmed vårt intresse.\nDana Lind, enhetschef',
      });
      messageId = delivered!.messageId;
      const key = { mailbox: SHARED, messageId };
      await store.mails.recordSeen({ ...key, receivedAt: new Date() });
      expect(
        await store.mails.claim(key, { owner: 'crashed-instance', leaseMs: 1 }),
      ).not.toBeNull();
      await store.participations.applyTransition(
        'u-linden',
        2027,
        () =>
          newParticipation('u-linden', 2027, 'pre-registered', {
            at: new Date(),
            actor: { id: 'system:intake' },
            source: { kind: 'mail', ref: messageId },
          }),
        { idempotencyKey: `mail:${messageId}:pre-registered` },
      );
    });
    await h.settle();
    const mail = await h.server.store.mails.get({ mailbox: SHARED, messageId });
    expect(mail?.status).toBe('processed');
    expect(mail?.attempts).toBe(2);
    const replies = (await h.inbox(DANA)).filter((m) => /intresseanmälan/i.test(m.subject ?? ''));
    expect(replies).toHaveLength(1);
    const p = await h.server.store.participations.get('u-linden', 2027);
    expect(p?.history.filter((t) => t.source.ref === messageId)).toHaveLength(1);
    expect((await h.server.store.outbox.getByKey(receiptKey(SHARED, messageId)))?.status).toBe(
      'sent',
    );
  });

  it('sends an unknown sender to triage, and a coordinator decision applies it', async () => {
    const subject = 'Anmälan till kvalitetsutmärkelsen';
    h.emulator.admin.deliver({
      to: SHARED,
      from: { name: 'Okänd Avsändare', address: 'okand@extern.example' },
      subject,
      body: 'Hej, vi vill delta i kvalitetsutmärkelsen i år.\nMvh Okänd',
    });
    await h.settle();
    const filed = await h.inShared(subject);
    expect(filed?.folder).toBe('inbox');
    expect(filed?.categories).toContain('Att granska');

    const triage = (await (
      await asCoordinator(h.emulator.url, COORD)(`${h.server.url}/api/tab/triage`)
    ).json()) as {
      items: { messageId: string; suggestedKind: string; triageReasons: { sv: string }[] }[];
    };
    const item = triage.items.find((i) => i.messageId === filed!.id);
    expect(item?.triageReasons.length).toBeGreaterThan(0);
    // The coordinator got the card in Teams, once.
    const cards = h.teams.filter((t) => JSON.stringify(t.activity).includes(filed!.id));
    expect(cards).toHaveLength(1);
    expect(cards[0]!.conversationId).toBe('a:coordinator-chat');
    expect(JSON.stringify(cards[0]!.activity)).toContain(
      'Att granska: mejl till funktionsbrevlådan',
    );

    const mail = await h.intake.resolveTriage({
      messageId: filed!.id,
      kind: 'pre-registration',
      unitId: 'u-kastanjen',
      by: COORD,
    });
    expect(mail?.status).toBe('processed');
    await h.settle();
    const after = await h.inShared(subject);
    expect(after?.categories).not.toContain('Att granska');
    expect(after?.folder).toBe('Kvalitetsutmärkelsen 2027/Intresseanmälan');
    expect(
      h.emulator.admin.outbox().filter((o) => o.to.includes('okand@extern.example')),
    ).toHaveLength(1);
    await expect(
      h.intake.resolveTriage({ messageId: filed!.id, kind: 'question', by: COORD }),
    ).rejects.toMatchObject({ reason: 'not-in-triage' });
  });

  it('recreates a removed subscription and renews one that needs reauthorization', async () => {
    const [first] = h.emulator.admin.subscriptions();
    await h.emulator.admin.triggerLifecycle(first!.id, 'subscriptionRemoved');
    await h.settle();
    const now = h.emulator.admin.subscriptions();
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(first!.id);
    const stored = await h.server.store.sync.listSubscriptions();
    expect(stored.map((s) => s.id)).toEqual([now[0]!.id]);
    const before = stored[0]!.updatedAt;
    await h.emulator.admin.triggerLifecycle(now[0]!.id, 'reauthorizationRequired');
    await h.settle();
    expect((await h.server.store.sync.getSubscription(now[0]!.id))?.updatedAt).not.toBe(before);
  });

  it('resyncs after the delta link expired, without answering anything twice', async () => {
    const sentBefore = (await h.server.store.outbox.counts()).sent;
    h.emulator.admin.invalidateDelta(SHARED);
    await h.send(BO, {
      subject: 'Fråga om kvalitetsutmärkelsen',
      text: 'Hej! När är nästa informationsmöte? /Bo Berg, Förskolan Solrosen',
    });
    await h.settle();
    expect(await h.inShared('Fråga om kvalitetsutmärkelsen')).toMatchObject({ folder: 'inbox' });
    expect((await h.server.store.outbox.counts()).sent).toBe(sentBefore);
    const counts = await h.server.store.mails.counts(SHARED);
    expect(counts.failed + counts.received + counts.processing).toBe(0);
  });
});

describe('two instances', () => {
  it('process a mail once between them, with one receipt', async () => {
    const second = createIntakeService({
      store: h.server.store,
      graph: createGraphApi(h.server.graph),
      mailbox: SHARED,
      cycles: loadCycles(),
      now: () => h.server.config.clock.now(),
      logger: silentLogger,
      instanceId: 'second-instance',
    });
    const subject = 'Intresseanmälan Äldreboendet Linden (två instanser)';
    const receipts = async () =>
      (await h.inbox(DANA)).filter((m) => /intresseanmälan/i.test(m.subject ?? '')).length;
    const before = await receipts();
    h.emulator.admin.deliver({
      to: SHARED,
      from: { name: 'Dana Lind', address: DANA },
      subject,
      body: 'Hej! Äldreboendet Linden vill delta i Kvalitetsutmärkelsen 2027 och anmäler härmed sitt intresse.\nDana Lind',
    });
    await Promise.all([second.syncNow(), h.intake.syncNow()]);
    await h.settle();
    const filed = await h.inShared(subject);
    const mail = await h.server.store.mails.get({ mailbox: SHARED, messageId: filed!.id });
    expect(mail?.attempts).toBe(1);
    expect(await receipts()).toBe(before + 1);
    await second.stop();
  });
});

describe('triage from Teams', () => {
  it('lists waiting mails on "granska" and applies a decision from the card', async () => {
    const subject = 'Hej från en okänd enhet';
    h.emulator.admin.deliver({
      to: SHARED,
      from: { name: 'Någon Annan', address: 'nagon@extern.example' },
      subject,
      // Half registration, half question, from an unknown sender: a coordinator decides.
      body: 'Hej! Vi vill vara med i kvalitetsutmärkelsen. Hur gör vi då? Mvh Någon',
    });
    await h.settle();
    const filed = await h.inShared(subject);

    // Someone outside the coordinators group sees nothing of the mailbox.
    const outsider = await postActivity(h.server, teamsMessage('granska'));
    expect(outsider.text).toContain('till för samordnarna');
    expect(outsider.text).not.toContain(subject);
    const listed = await postActivity(h.server, teamsMessage('granska', { from: ANNA }));
    expect(listed.status).toBe(200);
    const cards = JSON.stringify(listed.body);
    expect(cards).toContain('Att granska: mejl till funktionsbrevlådan');
    expect(cards).toContain(filed!.id);

    const invoke = teamsMessage('', {
      from: ANNA,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'triage.apply',
          data: { messageId: filed!.id, kind: 'question', unitId: '' },
        },
        trigger: 'manual',
      },
    });
    delete (invoke as { text?: string }).text;
    const applied = await postActivity(h.server, invoke);
    expect(applied.status).toBe(200);
    expect(applied.text).toContain('bestämde: Fråga');
    await h.settle();
    const record = await h.server.store.mails.get({ mailbox: SHARED, messageId: filed!.id });
    expect(record?.status).toBe('processed');
    expect(record?.classification).toBe('question');
    expect((await h.inShared(subject))?.categories).toEqual(['Fråga']);

    // A colleague's card refreshes to the decision.
    const refresh = teamsMessage('', {
      from: ANNA,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: 'triage.refresh', data: { messageId: filed!.id } },
        trigger: 'automatic',
      },
    });
    delete (refresh as { text?: string }).text;
    const refreshed = await postActivity(h.server, refresh);
    expect(refreshed.text).toContain('bestämde: Fråga');
  });
});

describe('triage from the tab', () => {
  it('applies a decision, and says clearly when it cannot', async () => {
    const subject = 'Undrar över bilagor';
    h.emulator.admin.deliver({
      to: SHARED,
      from: { name: 'Extern Person', address: 'extern@annan.example' },
      subject,
      body: 'Hej, vi vill delta i kvalitetsutmärkelsen i år.\nMvh Extern',
    });
    await h.settle();
    const filed = await h.inShared(subject);
    const decide = (id: string, body: unknown) =>
      asCoordinator(h.emulator.url, COORD)(
        `${h.server.url}/api/tab/triage/${encodeURIComponent(id)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      );
    const needsUnit = await decide(filed!.id, { kind: 'withdrawal' });
    expect(needsUnit.status).toBe(400);
    // The one error shape: the message in English, and in Swedish for users who read Swedish.
    expect(((await needsUnit.json()) as { error: { messageSv: string } }).error.messageSv).toBe(
      'Välj vilken enhet mejlet gäller.',
    );
    const ok = await decide(filed!.id, { kind: 'question', by: COORD });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'processed', classification: 'question' });
    expect((await decide(filed!.id, { kind: 'question' })).status).toBe(409);
    expect((await decide('AAMk-no-such-mail', { kind: 'question' })).status).toBe(404);
  });

  it('a signup naming no meeting is signed up for the meeting the coordinator names', async () => {
    const subject = 'Anmälan informationsmöte';
    h.emulator.admin.deliver({
      to: SHARED,
      from: { name: 'Karin Ek', address: 'karin.ek@stockholm.example' },
      subject,
      body: 'Hej! Jag vill anmäla mig till informationsmötet om Kvalitetsutmärkelsen.\nMvh Karin Ek',
      // Every 2027 meeting (the first on 16 February) is still ahead.
      receivedDateTime: '2027-02-02T09:00:00Z',
    });
    await h.settle();
    const filed = await h.inShared(subject);
    const call = asCoordinator(h.emulator.url, COORD);
    const listed = (await (await call(`${h.server.url}/api/tab/triage`)).json()) as {
      items: {
        messageId: string;
        meetingChoices?: { id: string }[];
        suggestedMeetingId?: string;
      }[];
    };
    const listedItem = listed.items.find((i) => i.messageId === filed!.id);
    const choices = listedItem?.meetingChoices;
    expect(choices?.map((m) => m.id)).toEqual(expect.arrayContaining(['im-2027-1', 'im-2027-2']));
    // The next meeting still ahead when the mail came is the one the surfaces pre-select.
    expect(listedItem?.suggestedMeetingId).toBe('im-2027-1');
    const decide = (body: unknown) =>
      call(`${h.server.url}/api/tab/triage/${encodeURIComponent(filed!.id)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const signup = { kind: 'info-meeting-signup', unitId: 'u-solrosen' };
    const unknown = await decide({ ...signup, meetingId: 'im-2026-1' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { messageSv: string } }).error.messageSv).toContain(
      'Informationsmötet im-2026-1 finns inte i mejlets omgång',
    );
    expect((await decide({ kind: 'question', meetingId: 'im-2027-2' })).status).toBe(400);
    const ok = await decide({ ...signup, meetingId: 'im-2027-2' });
    expect(ok.status).toBe(200);
    await h.settle();
    const record = await h.server.store.mails.get({ mailbox: SHARED, messageId: filed!.id });
    expect(record?.details).toMatchObject({ infoMeeting: { id: 'im-2027-2', certain: true } });
    const signups = (await (
      await call(`${h.server.url}/api/tab/info-meetings/signups?year=2027`)
    ).json()) as { meetings: { meetingId: string; signups: unknown[] }[] };
    const mine = (id: string) =>
      signups.meetings.find((m) => m.meetingId === id)?.signups.map((x) => JSON.stringify(x));
    expect(mine('im-2027-2')?.some((x) => x.includes(filed!.id) || x.includes('karin.ek'))).toBe(
      true,
    );
    expect(mine('im-2027-1')?.some((x) => x.includes('karin.ek')) ?? false).toBe(false);
  });
});
