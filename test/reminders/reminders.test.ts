// Reminders end to end in the local mode: the real server, its scheduler and the emulator's Teams.
// The clock starts at 2027-05-10 08:59:5x (AWARD_NOW); at 09:00 the managers of units that
// pre-registered without submitting have the submission card in their chat (admin API), a manager
// who blocked the bot gets it by mail, units that submitted (another way too) or withdrew get nothing.
// Then every Action.Execute verb goes through /api/messages as Teams sends it, including a forged
// verb, another person's card and a stale card; and the coordinators' "påminnelser".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newParticipation, transition } from '../../core/participation.js';
import { SAMPLE_CYCLE } from '../../core/sample-cycle.js';
import type { Participation, ParticipationState, Unit } from '../../core/model.js';
import { startEmulator, type RunningEmulator } from '../../emulator/server.js';
import type { Reminders } from '../../features/reminders/index.js';
import { TEAMS_APP_ID } from '../../manifest/build.js';
import type { ServerFeature } from '../../server/features.js';
import { importDemoData } from '../../server/jobs/intake-demo-data.js';
import { remindersFeature } from '../../server/jobs/reminders.js';
import { postActivity, startTestServer, teamsMessage, type TestServer } from '../server/harness.js';

let server: TestServer;
let emulator: RunningEmulator;
let reminders: Reminders;
let units: Unit[];
const ids = new Map<string, string>(); // upn → object id

// Units 0–3 pre-registered in March; 4 submitted through ILS-webben; 5 withdrew; 3's manager blocked the bot.
const PLAN: ParticipationState[][] = [
  ['pre-registered'],
  ['pre-registered'],
  ['pre-registered'],
  ['pre-registered'],
  ['pre-registered', 'submitted'],
  ['pre-registered', 'withdrawn'],
];

const seed: ServerFeature = {
  name: 'seed-2027',
  async start(ctx) {
    await importDemoData(ctx.store, ctx.clock.now());
    const all = await ctx.store.units.list();
    // Six units with six different managers.
    const seen = new Set<string>();
    units = all.filter((u) => !seen.has(u.managerEmail) && seen.add(u.managerEmail)).slice(0, 6);
    for (const [i, unit] of units.entries()) {
      await ctx.store.participations.applyTransition(unit.id, 2027, (current): Participation => {
        if (current) return current;
        let p = newParticipation(unit.id, 2027, PLAN[i]![0]!, {
          at: '2027-03-10T10:00:00+01:00',
          actor: { id: 'test' },
          source: { kind: 'system', ref: `seed:${unit.id}` },
        });
        for (const next of PLAN[i]!.slice(1))
          p = transition(p, next, {
            at: '2027-04-20T10:00:00+02:00',
            actor: { id: 'test' },
            source: { kind: next === 'submitted' ? 'phone' : 'system', ref: 'ils-webben' },
          });
        return p;
      });
    }
    emulator.teams.block(units[3]!.managerEmail);
    return {};
  },
};

beforeAll(async () => {
  server = await startTestServer(
    { AWARD_NOW: '2027-05-10T08:59:58+02:00' },
    {
      startEmulator: async (o) => {
        emulator = await startEmulator({
          port: 0,
          now: () => o.clock.now(),
          teamsAppExternalId: TEAMS_APP_ID,
        });
        return emulator;
      },
      features: [seed, remindersFeature({ pollMs: 500, onService: (r) => (reminders = r) })],
    },
  );
  for (const u of emulator.admin.state().users) ids.set(u.userPrincipalName!.toLowerCase(), u.id!);
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

const chat = (upn: string) =>
  emulator.teams.messages(upn).filter((a) => JSON.stringify(a).includes('reminder.'));
const objectId = (upn: string) => ids.get(upn.toLowerCase())!;

async function until<T>(
  check: () => Promise<T | undefined> | T | undefined,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** As Teams sends it: from the person's own chat with the bot, through the emulator's Teams. */
function fromChat(from: string) {
  const chats = emulator.admin.state().teamsChats ?? {};
  return {
    serviceUrl: `${emulator.url}/smba/`,
    from: { id: `29:${from}`, name: 'Test', aadObjectId: from },
    conversation: {
      conversationType: 'personal',
      tenantId: emulator.tenantId,
      id: chats[from]?.conversationId ?? `a:test-${from}`,
    },
  };
}

function invoke(from: string, verb: string, data: unknown, trigger = 'manual') {
  const activity = teamsMessage('', {
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...fromChat(from),
    value: { action: { type: 'Action.Execute', verb, data }, trigger },
  });
  delete (activity as { text?: string }).text;
  return activity;
}

function invokeBody(res: { body: unknown }): { statusCode: number; type: string; value: unknown } {
  const activities = (res.body as { activities?: Array<{ type: string; value?: unknown }> })
    .activities;
  const response = activities?.find((a) => a.type === 'invokeResponse');
  return (response?.value as { body: { statusCode: number; type: string; value: unknown } }).body;
}

const OCC = '2027:submission-7d';

/** Takes a unit's 2027 participation (pre-registered if it has none) through `steps`, as the app would. */
function advance(unitId: string, steps: readonly ParticipationState[], ref: string) {
  return server.store.participations.applyTransition(unitId, 2027, (current) => {
    let p =
      current ??
      newParticipation(unitId, 2027, 'pre-registered', {
        at: '2027-03-10T10:00:00+01:00',
        actor: { id: 'test' },
        source: { kind: 'system', ref: `${ref}:${unitId}` },
      });
    for (const next of steps)
      p = transition(p, next, {
        at: '2027-05-01T10:00:00+02:00',
        actor: { id: 'test' },
        source: { kind: 'system', ref: `${ref}:${unitId}:${next}` },
        ...(next === 'jury-decided' ? { juryResult: 'none' as const } : {}),
      });
    return p;
  });
}

describe('submission reminder at 09:00 on 10 May 2027', () => {
  it('reaches the managers of units still without a submission, by mail when blocked', async () => {
    for (const unit of units.slice(0, 3)) {
      const cards = await until(() => {
        const c = chat(unit.managerEmail);
        return c.length ? c : undefined;
      });
      expect(cards).toHaveLength(1);
      const text = JSON.stringify(cards[0]);
      expect(text).toContain('Vi har inte fått ert bidrag');
      expect(text).toContain('måndag 17 maj 2027 kl. 24.00');
      expect(text).toContain(unit.name);
      expect(JSON.stringify(cards[0]).length).toBeLessThan(28 * 1024);
    }
    // Blocked the bot: the same content by mail, recorded once.
    const blocked = await until(() =>
      server.store.reminderDeliveries.get({
        reminderId: `reminder:${OCC}:${units[3]!.id}`,
        recipient: objectId(units[3]!.managerEmail),
      }),
    );
    expect(blocked).toMatchObject({ status: 'delivered', channel: 'mail' });
    expect(chat(units[3]!.managerEmail)).toHaveLength(0);
    // Submitted another way, or withdrawn: nothing.
    expect(chat(units[4]!.managerEmail)).toHaveLength(0);
    expect(chat(units[5]!.managerEmail)).toHaveLength(0);
    // A second run (a restart) sends nobody anything twice.
    await reminders.runDue();
    for (const unit of units.slice(0, 3)) expect(chat(unit.managerEmail)).toHaveLength(1);
  });
});

describe('the card’s actions through /api/messages', () => {
  const state = async (i: number) =>
    (await server.store.participations.get(units[i]!.id, 2027))?.state;

  it('"Vi har skickat" shows the real state and marks nothing', async () => {
    const me = objectId(units[0]!.managerEmail);
    const res = await postActivity(
      server,
      invoke(me, 'reminder.done', { occurrenceId: OCC, unitId: units[0]!.id }),
    );
    const body = invokeBody(res);
    expect(body.statusCode).toBe(200);
    expect(JSON.stringify(body.value)).toContain('Vi har inte fått det ännu');
    expect(await state(0)).toBe('pre-registered');
  });

  it('a refresh gives the current card', async () => {
    const me = objectId(units[0]!.managerEmail);
    const res = await postActivity(
      server,
      invoke(me, 'reminder.refresh', { occurrenceId: OCC, unitId: units[0]!.id }, 'automatic'),
    );
    expect(JSON.stringify(invokeBody(res).value)).toContain('Vi har inte fått ert bidrag');
  });

  it('snoozes until tomorrow 09:00 for each person, two managers at the same moment both kept', async () => {
    const [me, other] = [objectId(units[1]!.managerEmail), objectId(units[0]!.managerEmail)];
    const [mine, theirs] = await Promise.all([
      postActivity(
        server,
        invoke(me, 'reminder.snooze', { occurrenceId: OCC, unitId: units[1]!.id }),
      ),
      postActivity(
        server,
        invoke(other, 'reminder.snooze', { occurrenceId: OCC, unitId: units[0]!.id }),
      ),
    ]);
    expect(JSON.stringify(invokeBody(mine).value)).toContain('tisdag 11 maj 2027 kl. 9.00');
    expect(JSON.stringify(invokeBody(theirs).value)).toContain('tisdag 11 maj 2027 kl. 9.00');
    const tomorrow = '2027-05-11T07:00:00.000Z';
    expect(await server.store.reminderSnoozes.due(tomorrow)).toEqual(
      [
        { occurrenceId: OCC, unitId: units[0]!.id, objectId: other, dueAt: tomorrow },
        { occurrenceId: OCC, unitId: units[1]!.id, objectId: me, dueAt: tomorrow },
      ].sort((a, b) => a.objectId.localeCompare(b.objectId)),
    );
    // Not in the old shared settings value any more.
    expect(await server.store.settings.get('reminders:snoozes')).toBeUndefined();
    // Not due yet: the scheduler leaves them.
    await reminders.runDue();
    expect(await server.store.reminderSnoozes.due(tomorrow)).toHaveLength(2);
  });

  it('a due snooze comes back once to that person, and the scheduler removes it and any expired one', async () => {
    const me = objectId(units[1]!.managerEmail);
    const before = chat(units[1]!.managerEmail).length;
    // As if the night had passed: unit 1's snooze falls due now; another's reminder has expired.
    const dueAt = new Date(server.config.clock.now().getTime() - 60_000).toISOString();
    await server.store.reminderSnoozes.upsert({
      occurrenceId: OCC,
      unitId: units[1]!.id,
      objectId: me,
      dueAt,
    });
    const expired = {
      occurrenceId: '2027:pre-registration-1d',
      unitId: units[4]!.id,
      objectId: objectId(units[4]!.managerEmail),
    };
    await server.store.reminderSnoozes.upsert({ ...expired, dueAt });
    // This run or the server's own scheduler (it polls) takes it: either way, once.
    await reminders.runDue();
    const cards = await until(() => {
      const c = chat(units[1]!.managerEmail);
      return c.length > before ? c : undefined;
    });
    expect(cards).toHaveLength(before + 1);
    expect(JSON.stringify(cards.at(-1))).toContain('Vi har inte fått ert bidrag');
    expect(chat(units[4]!.managerEmail)).toHaveLength(0);
    // Both taken off; unit 0's manager's snooze (due tomorrow) stays.
    await until(async () =>
      (await server.store.reminderSnoozes.due('2030-01-01T00:00:00Z')).length === 1
        ? true
        : undefined,
    );
    expect(await server.store.reminderSnoozes.due('2030-01-01T00:00:00Z')).toEqual([
      expect.objectContaining({ unitId: units[0]!.id, dueAt: '2027-05-11T07:00:00.000Z' }),
    ]);
    await reminders.runDue();
    expect(chat(units[1]!.managerEmail)).toHaveLength(before + 1);
  });

  it('withdraws only after the confirmation', async () => {
    const me = objectId(units[2]!.managerEmail);
    const data = { occurrenceId: OCC, unitId: units[2]!.id };
    const ask = await postActivity(server, invoke(me, 'reminder.withdraw', data));
    expect(JSON.stringify(invokeBody(ask).value)).toContain('Ja, dra tillbaka anmälan');
    expect(await state(2)).toBe('pre-registered');
    const done = await postActivity(server, invoke(me, 'reminder.withdraw.confirm', data));
    expect(JSON.stringify(invokeBody(done).value)).toContain('Er anmälan är tillbakadragen');
    expect(await state(2)).toBe('withdrawn');
    // The old card, pressed again, says so and changes nothing more.
    const again = await postActivity(server, invoke(me, 'reminder.withdraw.confirm', data));
    expect(JSON.stringify(invokeBody(again).value)).toContain('tillbakadragen');
    const p = await server.store.participations.get(units[2]!.id, 2027);
    expect(p?.history.filter((t) => t.to === 'withdrawn')).toHaveLength(1);
  });

  it("refuses another person's card, a stale card and a forged verb with a clear card, changing nothing", async () => {
    const other = objectId(units[1]!.managerEmail);
    const notMine = await postActivity(
      server,
      invoke(other, 'reminder.withdraw.confirm', { occurrenceId: OCC, unitId: units[0]!.id }),
    );
    expect(JSON.stringify(invokeBody(notMine).value)).toContain('inte är chef för');
    expect(await state(0)).toBe('pre-registered');

    const me = objectId(units[0]!.managerEmail);
    const stale = await postActivity(
      server,
      invoke(me, 'reminder.withdraw.confirm', {
        occurrenceId: '2019:submission-7d',
        unitId: units[0]!.id,
      }),
    );
    expect(JSON.stringify(invokeBody(stale).value)).toContain('gäller inte längre');
    const garbage = await postActivity(server, invoke(me, 'reminder.done', { occurrenceId: 42 }));
    expect(JSON.stringify(invokeBody(garbage).value)).toContain('gäller inte längre');

    const forged = await postActivity(
      server,
      invoke(me, 'reminder.delete-everything', { occurrenceId: OCC, unitId: units[0]!.id }),
    );
    expect(forged.status).toBe(200);
    expect(JSON.stringify(forged.body)).not.toContain('tillbakadragen');
    expect(await state(0)).toBe('pre-registered');
  });
});

describe('coordinators', () => {
  const coordinator = () => {
    const data = emulator.admin.state();
    const group = data.groups.find((g) => g.group.mailNickname === 'kvalitet-samordnare')!;
    return group.memberIds[0]!;
  };
  const say = (from: string, text: string) =>
    postActivity(server, teamsMessage(text, fromChat(from)));

  it('"påminnelser" lists planned and sent reminders with counts', async () => {
    const res = await say(coordinator(), 'påminnelser');
    const text = JSON.stringify(res.body);
    expect(text).toContain('Påminnelser 2027');
    expect(text).toMatch(/skickad · 4 enheter: 3 i Teams, 1 med e-post i stället, 0 misslyckade/);
    expect(text).toContain('planerad');
  });

  it('is for coordinators only', async () => {
    const res = await say(objectId(units[0]!.managerEmail), 'påminnelser');
    expect(JSON.stringify(res.body)).toContain('bara samordnarna');
    const act = await postActivity(
      server,
      invoke(objectId(units[0]!.managerEmail), 'reminder.send-now', {
        occurrenceId: '2027:submission-1d',
      }),
    );
    expect(JSON.stringify(invokeBody(act).value)).toContain('bara samordnarna');
    expect(chat(units[0]!.managerEmail)).toHaveLength(1);
  });

  it('pauses a planned reminder and sends one now', { timeout: 120_000 }, async () => {
    const me = coordinator();
    const paused = await postActivity(
      server,
      invoke(me, 'reminder.pause', { occurrenceId: '2027:submission-1d' }),
    );
    expect(JSON.stringify(invokeBody(paused).value)).toContain('pausad');
    const sent = await postActivity(
      server,
      invoke(me, 'reminder.send-now', { occurrenceId: '2027:submission-0d' }),
    );
    // Unit 0 still owes its application (unit 2 withdrew, 3 is blocked: mail).
    expect(JSON.stringify(invokeBody(sent).value)).toContain('Skickad till 3 enheter');
    expect(chat(units[0]!.managerEmail)).toHaveLength(2);
    expect(chat(units[2]!.managerEmail)).toHaveLength(1);
  });
});

describe('interest', () => {
  it('a question about taking part makes a unit interested (and so reachable by reminders)', async () => {
    const all = await server.store.units.list();
    const unit = all.find((u) => !units.some((x) => x.id === u.id))!;
    expect(await server.store.participations.get(unit.id, 2027)).toBeUndefined();
    const key = { mailbox: 'kvalitetsutmarkelsen@stockholm.example', messageId: 'AAMk-question-1' };
    await server.store.mails.recordSeen({
      ...key,
      from: unit.managerEmail,
      subject: 'Fråga om att delta',
      receivedAt: '2027-05-10T07:30:00Z',
    });
    await server.store.mails.resolve(key, {
      status: 'processed',
      classification: 'question',
      unitId: unit.id,
      year: 2027,
    });
    await reminders.markInterest(SAMPLE_CYCLE);
    const p = await server.store.participations.get(unit.id, 2027);
    expect(p?.state).toBe('interested');
    expect(p?.history[0]?.source).toEqual({ kind: 'mail', ref: 'AAMk-question-1' });
    // Again: nothing more.
    await reminders.markInterest(SAMPLE_CYCLE);
    expect((await server.store.participations.get(unit.id, 2027))?.history).toHaveLength(1);
  });
});

describe('site visits', () => {
  it('a unit under examination gets the documents to have ready, 14 days before its booked visit', async () => {
    const all = await server.store.units.list();
    const unit = all.filter((u) => !units.some((x) => x.id === u.id)).at(-1)!;
    const steps: ParticipationState[] = [
      'submitted',
      'in-protocol',
      'eligible',
      'under-examination',
    ];
    await advance(unit.id, steps, 'visit');
    await server.store.visits.upsert({
      id: `visit-${unit.id}`,
      unitId: unit.id,
      year: 2027,
      kind: 'site',
      status: 'booked',
      start: '2027-05-24T10:00:00+02:00',
      end: '2027-05-24T13:00:00+02:00',
      organizer: 'lagledare@stockholm.example',
      eventId: 'AAMkE-visit',
    });
    await reminders.runDue();
    const cards = emulator.teams
      .messages(unit.managerEmail)
      .filter((a) => JSON.stringify(a).includes('Inför platsbesöket'));
    expect(cards).toHaveLength(1);
    const text = JSON.stringify(cards[0]);
    expect(text).toContain('måndag 24 maj 2027 kl. 10.00');
    expect(text).toContain('verksamhetsplan');
    expect(text).not.toContain('reminder.withdraw');
    await reminders.runDue();
    expect(
      emulator.teams
        .messages(unit.managerEmail)
        .filter((a) => JSON.stringify(a).includes('Inför platsbesöket')),
    ).toHaveLength(1);
  });
});

describe('feedback visits', () => {
  it('a decided unit is reminded of its booked feedback visit that morning, with its time; a unit whose visit was held gets nothing', async () => {
    const all = await server.store.units.list();
    const others = all.filter((u) => !units.some((x) => x.id === u.id));
    const decided = others.at(-2)!;
    const held = others
      .slice(0, -2)
      .reverse()
      .find((u) => u.managerEmail !== decided.managerEmail)!;
    const steps: ParticipationState[] = [
      'submitted',
      'in-protocol',
      'eligible',
      'under-examination',
      'site-visit-held',
      'jury-decided',
    ];
    for (const [unit, path] of [
      [decided, steps],
      [held, [...steps, 'feedback-visit-held']],
    ] as const) {
      await advance(unit.id, path, 'feedback');
      await server.store.visits.upsert({
        id: `feedback-${unit.id}`,
        unitId: unit.id,
        year: 2027,
        kind: 'feedback',
        status: 'booked',
        start: '2027-05-10T13:00:00+02:00',
        end: '2027-05-10T15:00:00+02:00',
        organizer: 'lagledare@stockholm.example',
        eventId: `AAMkE-feedback-${unit.id}`,
      });
    }
    await reminders.runDue();
    const feedbackCards = (upn: string) =>
      emulator.teams.messages(upn).filter((a) => JSON.stringify(a).includes('Återföringsbesök'));
    const cards = feedbackCards(decided.managerEmail);
    expect(cards).toHaveLength(1);
    const text = JSON.stringify(cards[0]);
    expect(text).toContain('Ert återföringsbesök är bokat måndag 10 maj 2027 kl. 13.00.');
    expect(text).not.toContain('reminder.withdraw');
    expect(feedbackCards(held.managerEmail)).toEqual([]);
    await reminders.runDue();
    expect(feedbackCards(decided.managerEmail)).toHaveLength(1);
  });
});
