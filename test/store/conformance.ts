// The storage conformance suite: one set of behaviours every engine behind Store must show, run by
// pglite.test.ts and postgres.test.ts so the embedded default and a PostgreSQL server never drift.
// Time comes from a fake clock, so lease expiry is tested without waiting.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Participation, ParticipationState, Transition, Unit } from '../../core/model.js';
import { newParticipation, transition } from '../../core/participation.js';
import { isStoreError, OutboxPriority, type Store } from '../../store/index.js';

export interface ConformanceDatabase {
  /** Opens a Store on this database; may be called again after the previous one closed. */
  open(options?: { clock?: () => Date }): Promise<Store>;
}

export interface ConformanceTarget {
  /** A new, empty database. */
  fresh(): Promise<ConformanceDatabase>;
}

export interface ConformanceOptions {
  /**
   * Whether two Stores may be open on one database at once (two app instances on one server); adds
   * the tests that run two instances against each other.
   */
  sharedAccess: boolean;
}

export class FakeClock {
  #now: number;
  constructor(start: string) {
    this.#now = Date.parse(start);
  }
  readonly now = (): Date => new Date(this.#now);
  advance(ms: number): void {
    this.#now += ms;
  }
}

const MAILBOX = 'kvalitetsutmarkelsen@stockholm.example';
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

function unit(id: string, overrides: Partial<Unit> = {}): Unit {
  return {
    id,
    name: `Förskolan ${id}`,
    classId: 'forskola',
    organisationId: 'sdf-sodermalm',
    managerName: 'Anna Andersson',
    managerEmail: `chef.${id}@stockholm.example`,
    ownership: 'municipal',
    ...overrides,
  };
}

/** A core update: create in `state` when new, else move to `state`, from a mail. */
function byMail(state: ParticipationState, mailId: string, unitId = 'u1', year = 2027) {
  const input = {
    at: '2027-05-10T09:00:00+02:00',
    actor: { id: 'system' },
    source: { kind: 'mail' as const, ref: mailId },
  };
  return (current: Participation | null): Participation =>
    current === null
      ? newParticipation(unitId, year, state, input)
      : transition(current, state, input);
}

/** A test-only update that appends a transition in place (the store must not care about the rules). */
function note(ref: string, unitId = 'u1', year = 2027) {
  return (current: Participation | null): Participation => {
    const state: ParticipationState = current?.state ?? 'interested';
    const entry: Transition = {
      from: current?.state ?? null,
      to: state,
      at: '2027-03-01T10:00:00+01:00',
      actor: { id: 'coordinator@stockholm.example', name: 'Samordnare' },
      source: { kind: 'tab', ref },
    };
    return { unitId, year, state, history: [...(current?.history ?? []), entry] };
  };
}

export function runConformance(
  name: string,
  target: () => ConformanceTarget,
  options: ConformanceOptions,
): void {
  const shared = options.sharedAccess ? it : undefined;
  describe(`store conformance: ${name}`, () => {
    let database: ConformanceDatabase;
    let clock: FakeClock;
    let store: Store;

    beforeEach(async () => {
      database = await target().fresh();
      clock = new FakeClock('2027-05-17T20:00:00Z');
      store = await database.open({ clock: clock.now });
      return async () => {
        await store.close();
      };
    });

    describe('lifecycle', () => {
      it('answers ping, reports its kind and schema version, and closes idempotently', async () => {
        await store.ping();
        expect(store.kind).toBe(name);
        expect(await store.schemaVersion()).toMatch(/^\d{4}_/);
        await store.close();
        await store.close();
        await expect(store.units.get('u1')).rejects.toSatisfy((e) => isStoreError(e, 'closed'));
      });

      it('keeps data when reopened, and applying the migrations again changes nothing', async () => {
        await store.units.upsert(unit('u1'));
        await store.participations.applyTransition('u1', 2027, byMail('pre-registered', 'm1'));
        const version = await store.schemaVersion();
        await store.close();

        store = await database.open({ clock: clock.now });
        expect(await store.schemaVersion()).toBe(version);
        expect(await store.units.get('u1')).toEqual(unit('u1'));
        expect((await store.participations.get('u1', 2027))?.state).toBe('pre-registered');
      });

      shared?.(
        'lets two instances start together on one database (migrations run once)',
        async () => {
          const fresh = await target().fresh();
          const [a, b] = await Promise.all([fresh.open(), fresh.open()]);
          try {
            expect(await a.schemaVersion()).toBe(await b.schemaVersion());
            await a.units.upsert(unit('shared'));
            expect(await b.units.get('shared')).toEqual(unit('shared'));
          } finally {
            await Promise.all([a.close(), b.close()]);
          }
        },
      );
    });

    describe('units and organisations', () => {
      it('upserts by id, lists by class and organisation, and keeps optional fields', async () => {
        const full = unit('u1', {
          email: 'ekorren@stockholm.example',
          phone: '08-123 45 67',
          visitingAddress: { street: 'Götgatan 1', postalCode: '118 46', city: 'Stockholm' },
          staffCount: 12,
        });
        await store.units.upsert(full);
        await store.units.upsert(unit('u2', { classId: 'skola', name: 'Björkskolan' }));
        await store.units.upsert(unit('u3', { organisationId: 'sdf-kungsholmen', name: 'Ängen' }));
        await store.units.upsert({ ...full, staffCount: 13 });

        expect(await store.units.get('u1')).toEqual({ ...full, staffCount: 13 });
        expect(await store.units.get('missing')).toBeUndefined();
        expect((await store.units.list()).map((u) => u.id)).toEqual(['u2', 'u1', 'u3']);
        expect((await store.units.list({ classId: 'forskola' })).map((u) => u.id)).toEqual([
          'u1',
          'u3',
        ]);
        expect(
          (await store.units.list({ organisationId: 'sdf-sodermalm' })).map((u) => u.id),
        ).toEqual(['u2', 'u1']);
      });

      it('finds units by the manager e-mail whatever its case', async () => {
        await store.units.upsert(unit('u1', { managerEmail: 'Anna.Andersson@Stockholm.example' }));
        await store.units.upsert(unit('u2', { managerEmail: 'anna.andersson@stockholm.example' }));
        await store.units.upsert(unit('u3', { email: 'Info@Ekorren.example' }));
        const found = await store.units.findByManagerEmail(' ANNA.andersson@stockholm.EXAMPLE ');
        expect(found.map((u) => u.id).sort()).toEqual(['u1', 'u2']);
        expect(await store.units.findByManagerEmail('info@ekorren.example')).toEqual([]);
        expect((await store.units.findByEmail('info@ekorren.example')).map((u) => u.id)).toEqual([
          'u3',
        ]);
      });

      it('gives a units version that moves with every committed unit write and with nothing else', async () => {
        const start = await store.units.version();
        await store.organisations.upsert({ id: 'b', name: 'Södermalm', kind: 'district' });
        expect(await store.units.version()).toBe(start);
        await store.units.upsert(unit('v1'));
        const afterImport = await store.units.version();
        expect(afterImport).not.toBe(start);
        // A rename is a write like an import.
        await store.units.upsert(unit('v1', { name: 'Förskolan Nya Namnet' }));
        const afterRename = await store.units.version();
        expect(afterRename).not.toBe(afterImport);
        // A rolled-back write leaves the version where it was; a committed one in a transaction moves it.
        await expect(
          store.transaction(async (tx) => {
            await tx.units.upsert(unit('v2'));
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.units.version()).toBe(afterRename);
        await store.transaction((tx) => tx.units.upsert(unit('v2')));
        expect(await store.units.version()).not.toBe(afterRename);
      });

      shared?.('shows one instance the units version another instance moved', async () => {
        const fresh = await target().fresh();
        const [a, b] = await Promise.all([fresh.open(), fresh.open()]);
        try {
          const before = await b.units.version();
          expect(await a.units.version()).toBe(before);
          await a.units.upsert(unit('elsewhere'));
          expect(await b.units.version()).not.toBe(before);
        } finally {
          await Promise.all([a.close(), b.close()]);
        }
      });

      it('upserts and lists organisations', async () => {
        await store.organisations.upsert({ id: 'b', name: 'Södermalm', kind: 'district' });
        await store.organisations.upsert({ id: 'a', name: 'Utbildning', kind: 'administration' });
        await store.organisations.upsert({ id: 'b', name: 'Södermalms sdf', kind: 'district' });
        expect(await store.organisations.list()).toEqual([
          { id: 'b', name: 'Södermalms sdf', kind: 'district' },
          { id: 'a', name: 'Utbildning', kind: 'administration' },
        ]);
        expect(await store.organisations.get('a')).toEqual({
          id: 'a',
          name: 'Utbildning',
          kind: 'administration',
        });
      });
    });

    describe('participations', () => {
      it('creates on the first transition and keeps the history with its sources', async () => {
        const first = await store.participations.applyTransition(
          'u1',
          2027,
          byMail('pre-registered', 'm1'),
        );
        expect(first.applied).toBe(true);
        expect(first.added.map((t) => t.to)).toEqual(['pre-registered']);
        await store.participations.applyTransition('u1', 2027, byMail('submitted', 'm2'));

        const stored = await store.participations.get('u1', 2027);
        expect(stored?.state).toBe('submitted');
        expect(stored?.history.map((t) => [t.from, t.to, t.source.ref])).toEqual([
          [null, 'pre-registered', 'm1'],
          ['pre-registered', 'submitted', 'm2'],
        ]);
        // The transition comes back exactly as core made it (offset kept).
        expect(stored?.history[0]?.at).toBe('2027-05-10T09:00:00+02:00');
        expect(await store.participations.get('u1', 2026)).toBeUndefined();
      });

      it('applies the same mail twice as one transition', async () => {
        await store.participations.applyTransition('u1', 2027, byMail('pre-registered', 'm1'));
        // With the key (the same form the store derives: <kind>:<ref>:<to>) a replay is skipped
        // before the update runs, so core's "pre-registered → pre-registered is illegal" never fires.
        const replay = await store.participations.applyTransition(
          'u1',
          2027,
          () => {
            throw new Error('must not be called for a replay');
          },
          { idempotencyKey: 'mail:m1:pre-registered' },
        );
        expect(replay.applied).toBe(false);
        // Without it, an update that adds the same source and target again is recognised after it runs.
        const derived = await store.participations.applyTransition('u1', 2027, (current) => {
          const last = current!.history.at(-1)!;
          return { ...current!, history: [...current!.history, { ...last, from: current!.state }] };
        });
        expect(derived.applied).toBe(false);
        expect((await store.participations.get('u1', 2027))?.history).toHaveLength(1);
      });

      it('never loses an update when two writers change one participation at once', async () => {
        await store.participations.applyTransition('u1', 2027, byMail('pre-registered', 'm1'));
        // The submission and the board's protocol arrive together; both orders are legal.
        const [submitted, protocol] = await Promise.all([
          store.participations.applyTransition('u1', 2027, byMail('submitted', 'm2')),
          store.participations.applyTransition('u1', 2027, byMail('in-protocol', 'm3')),
        ]);
        expect(submitted.applied && protocol.applied).toBe(true);
        const stored = await store.participations.get('u1', 2027);
        expect(stored?.history.map((t) => t.to).sort()).toEqual([
          'in-protocol',
          'pre-registered',
          'submitted',
        ]);
        expect(['submitted', 'in-protocol']).toContain(stored?.state);
      });

      it('never loses an update among many concurrent writers, also on first creation', async () => {
        const writers = Array.from({ length: 12 }, (_, i) =>
          store.participations.applyTransition('u2', 2027, note(`w${i}`, 'u2')),
        );
        const results = await Promise.all(writers);
        expect(results.every((r) => r.applied)).toBe(true);
        const stored = await store.participations.get('u2', 2027);
        expect(stored?.history.map((t) => t.source.ref).sort()).toEqual(
          Array.from({ length: 12 }, (_, i) => `w${i}`).sort(),
        );
        expect(stored?.history.map((t) => t.from)).toEqual([
          null,
          ...Array.from({ length: 11 }, () => 'interested'),
        ]);
      });

      shared?.('never loses an update between two instances on one database', async () => {
        const other = await database.open({ clock: clock.now });
        try {
          await store.participations.applyTransition('u3', 2027, note('start', 'u3'));
          await Promise.all(
            Array.from({ length: 10 }, (_, i) =>
              (i % 2 === 0 ? store : other).participations.applyTransition(
                'u3',
                2027,
                note(`i${i}`, 'u3'),
              ),
            ),
          );
          expect((await other.participations.get('u3', 2027))?.history).toHaveLength(11);
        } finally {
          await other.close();
        }
      });

      it('stores nothing when the update throws, and refuses an update that drops history', async () => {
        await store.participations.applyTransition('u1', 2027, byMail('pre-registered', 'm1'));
        await expect(
          store.participations.applyTransition('u1', 2027, byMail('eligible', 'm2')),
        ).rejects.toMatchObject({ reason: 'illegal-transition' });
        await expect(
          store.participations.applyTransition('u1', 2027, (p) => ({ ...p!, history: [] })),
        ).rejects.toSatisfy((e) => isStoreError(e, 'invalid-argument'));
        const stored = await store.participations.get('u1', 2027);
        expect(stored?.state).toBe('pre-registered');
        expect(stored?.history).toHaveLength(1);
      });

      it('lists by year and state, per unit across years, and by source', async () => {
        await store.participations.applyTransition('a', 2027, byMail('pre-registered', 'm1', 'a'));
        await store.participations.applyTransition('b', 2027, byMail('submitted', 'm2', 'b'));
        await store.participations.applyTransition('c', 2027, byMail('pre-registered', 'm3', 'c'));
        await store.participations.applyTransition('a', 2026, byMail('submitted', 'm0', 'a', 2026));

        const pre = await store.participations.list({ year: 2027, state: 'pre-registered' });
        expect(pre.map((p) => p.unitId)).toEqual(['a', 'c']);
        expect(pre[0]?.history).toHaveLength(1);
        const all = await store.participations.list({ year: 2027 });
        expect(all.map((p) => p.unitId)).toEqual(['a', 'b', 'c']);
        const some = await store.participations.list({
          year: 2027,
          state: ['submitted', 'pre-registered'],
          unitIds: ['b', 'c'],
        });
        expect(some.map((p) => p.unitId)).toEqual(['b', 'c']);
        expect(await store.participations.list({ year: 2027, state: [] })).toEqual([]);

        const years = await store.participations.listForUnit('a');
        expect(years.map((p) => [p.year, p.state, p.history.length])).toEqual([
          [2027, 'pre-registered', 1],
          [2026, 'submitted', 1],
        ]);

        const fromMail = await store.participations.findBySource({ kind: 'mail', ref: 'm2' });
        expect(fromMail).toHaveLength(1);
        expect(fromMail[0]).toMatchObject({ unitId: 'b', year: 2027 });
        expect(fromMail[0]?.transition.to).toBe('submitted');
      });

      it('keeps fields core sets beside the state (jury result, reasons)', async () => {
        await store.participations.applyTransition('u1', 2027, note('x'));
        await store.participations.applyTransition('u1', 2027, (p) => ({
          ...p!,
          state: 'jury-decided',
          juryResult: 'honourable-mention',
          ineligibleReasons: ['x'],
          history: [
            ...p!.history,
            {
              from: p!.state,
              to: 'jury-decided',
              at: '2027-10-01T12:00:00+02:00',
              actor: { id: 'jury' },
              source: { kind: 'tab' },
            },
          ],
        }));
        const stored = await store.participations.get('u1', 2027);
        expect(stored).toMatchObject({
          state: 'jury-decided',
          juryResult: 'honourable-mention',
          ineligibleReasons: ['x'],
        });
      });
    });

    describe('transactions', () => {
      it('commits all or nothing', async () => {
        await expect(
          store.transaction(async (tx) => {
            await tx.units.upsert(unit('t1'));
            await tx.participations.applyTransition('t1', 2027, note('x', 't1'));
            await tx.outbox.enqueue({ key: 'k', kind: 'receipt', mailbox: MAILBOX, payload: {} });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.units.get('t1')).toBeUndefined();
        expect(await store.participations.get('t1', 2027)).toBeUndefined();
        expect(await store.outbox.getByKey('k')).toBeUndefined();

        const value = await store.transaction(async (tx) => {
          await tx.units.upsert(unit('t1'));
          await tx.participations.applyTransition('t1', 2027, note('x', 't1'));
          return 42;
        });
        expect(value).toBe(42);
        expect(await store.participations.get('t1', 2027)).toBeDefined();
      });

      it('refuses the store itself inside its transaction, instead of waiting on itself', async () => {
        await expect(
          store.transaction(async (tx) => {
            await tx.units.upsert(unit('t2'));
            await store.units.get('t2');
          }),
        ).rejects.toSatisfy((e) => isStoreError(e, 'invalid-argument'));
        expect(await store.units.get('t2')).toBeUndefined();
        // Outside the transaction the store works as before.
        await store.units.upsert(unit('t2'));
        expect(await store.units.get('t2')).toBeDefined();
      });
    });

    describe('mails', () => {
      const key = { mailbox: MAILBOX, messageId: 'AAMk-1' };
      const seen = {
        ...key,
        internetMessageId: '<1@stockholm.example>',
        from: 'chef@stockholm.example',
        subject: 'Intresseanmälan',
        receivedAt: '2027-03-20T08:00:00Z',
        sentAt: '2027-03-20T07:59:58Z',
      };

      it('records a mail once however often it is seen', async () => {
        const first = await store.mails.recordSeen(seen);
        expect(first.inserted).toBe(true);
        expect(first.mail).toMatchObject({
          status: 'received',
          attempts: 0,
          subject: 'Intresseanmälan',
        });
        expect(first.mail.receivedAt).toBe('2027-03-20T08:00:00.000Z');
        const second = await store.mails.recordSeen({ ...seen, subject: 'changed' });
        expect(second.inserted).toBe(false);
        expect(second.mail.subject).toBe('Intresseanmälan');
        expect(await store.mails.list()).toHaveLength(1);
      });

      it('lets one of two concurrent claimers have a mail', async () => {
        await store.mails.recordSeen(seen);
        const claims = await Promise.all([
          store.mails.claim(key, { owner: 'a', leaseMs: MIN }),
          store.mails.claim(key, { owner: 'b', leaseMs: MIN }),
        ]);
        expect(claims.filter((c) => c !== null)).toHaveLength(1);
        const winner = claims.find((c) => c !== null)!;
        expect(winner).toMatchObject({ status: 'processing', attempts: 1 });
        expect(await store.mails.claimNext({ owner: 'c', leaseMs: MIN })).toBeNull();
      });

      it('gives a crashed worker’s mail to another after the lease, and the old worker loses it', async () => {
        await store.mails.recordSeen(seen);
        expect(await store.mails.claim(key, { owner: 'a', leaseMs: MIN })).not.toBeNull();
        expect(await store.mails.listPending()).toEqual([]);
        clock.advance(MIN + SEC);
        expect((await store.mails.listPending()).map((m) => m.messageId)).toEqual(['AAMk-1']);
        const retaken = await store.mails.claimNext({ owner: 'b', leaseMs: MIN });
        expect(retaken).toMatchObject({ messageId: 'AAMk-1', attempts: 2, leaseOwner: 'b' });
        expect(await store.mails.complete(key, 'a', { status: 'processed' })).toBe(false);
        expect(await store.mails.renewLease(key, { owner: 'b', leaseMs: MIN })).toBe(true);
        expect(
          await store.mails.complete(key, 'b', {
            status: 'processed',
            classification: 'pre-registration',
            confidence: 0.93,
            unitId: 'u1',
            year: 2027,
            details: { reasons: ['subject'] },
          }),
        ).toBe(true);
        expect(await store.mails.get(key)).toMatchObject({
          status: 'processed',
          classification: 'pre-registration',
          confidence: 0.93,
          unitId: 'u1',
          year: 2027,
          details: { reasons: ['subject'] },
          processedAt: '2027-05-17T20:01:01.000Z',
        });
        expect(await store.mails.claim(key, { owner: 'c', leaseMs: MIN })).toBeNull();
      });

      it('says when a leased or failed mail becomes pending by itself', async () => {
        expect(await store.mails.nextPendingAt()).toBeUndefined();
        await store.mails.recordSeen(seen);
        await store.mails.recordSeen({ ...seen, messageId: 'AAMk-2' });
        await store.mails.claim(key, { owner: 'a', leaseMs: MIN });
        const leaseEnds = (await store.mails.get(key))!.leaseUntil;
        expect(await store.mails.nextPendingAt({ mailbox: MAILBOX })).toBe(leaseEnds);
        const other = { ...key, messageId: 'AAMk-2' };
        await store.mails.claim(other, { owner: 'a', leaseMs: MIN });
        const retryAt = new Date(clock.now().getTime() + SEC).toISOString();
        await store.mails.fail(other, 'a', { error: 'busy', retryAt });
        expect(await store.mails.nextPendingAt()).toBe(retryAt);
        await store.mails.fail(key, 'a', { error: 'gave up' });
        await store.mails.fail(other, 'a', { error: 'x' });
        expect(
          await store.mails.nextPendingAt({ mailbox: 'other@stockholm.example' }),
        ).toBeUndefined();
      });

      it('forgets an earlier retry time once a retried mail is completed', async () => {
        await store.mails.recordSeen(seen);
        await store.mails.claim(key, { owner: 'a', leaseMs: MIN });
        await store.mails.fail(key, 'a', { error: 'busy', retryAt: '2027-05-17T20:00:05Z' });
        clock.advance(10 * SEC);
        expect(await store.mails.claim(key, { owner: 'b', leaseMs: MIN })).not.toBeNull();
        expect(await store.mails.complete(key, 'b', { status: 'triage' })).toBe(true);
        const mail = await store.mails.get(key);
        expect(mail?.status).toBe('triage');
        expect(mail?.retryAt).toBeUndefined();
        expect(mail?.error).toBeUndefined();
      });

      it('keeps text PostgreSQL cannot store as it is: NUL dropped, a lone surrogate replaced', async () => {
        const odd = 'Intresse\u0000anmälan \ud83d och 😀';
        await store.mails.recordSeen({ ...seen, subject: odd });
        await store.mails.claim(key, { owner: 'a', leaseMs: MIN });
        expect(
          await store.mails.complete(key, 'a', { status: 'processed', details: { preview: odd } }),
        ).toBe(true);
        const mail = await store.mails.get(key);
        expect(mail?.subject).toBe('Intresseanmälan \ufffd och 😀');
        expect(mail?.details).toEqual({ preview: 'Intresseanmälan \ufffd och 😀' });
      });

      it('lists pending mails oldest first: received, lease run out, failed and due for retry', async () => {
        const mk = (id: string, minute: number) =>
          store.mails.recordSeen({
            mailbox: MAILBOX,
            messageId: id,
            receivedAt: `2027-05-17T19:${String(minute).padStart(2, '0')}:00Z`,
          });
        await mk('new', 50);
        await mk('done', 10);
        await mk('triage', 11);
        await mk('retry', 12);
        await mk('dead', 13);
        await mk('busy', 14);
        const k = (messageId: string) => ({ mailbox: MAILBOX, messageId });
        for (const id of ['done', 'triage', 'retry', 'dead', 'busy']) {
          await store.mails.claim(k(id), { owner: 'w', leaseMs: 10 * MIN });
        }
        await store.mails.complete(k('done'), 'w', { status: 'processed' });
        await store.mails.complete(k('triage'), 'w', { status: 'triage', confidence: 0.4 });
        await store.mails.fail(k('retry'), 'w', {
          error: 'Graph 503',
          retryAt: '2027-05-17T20:05:00Z',
        });
        await store.mails.fail(k('dead'), 'w', { error: 'corrupt' });
        expect((await store.mails.listPending()).map((m) => m.messageId)).toEqual(['new']);
        clock.advance(6 * MIN);
        expect((await store.mails.listPending()).map((m) => m.messageId)).toEqual(['retry', 'new']);
        clock.advance(5 * MIN);
        expect((await store.mails.listPending()).map((m) => m.messageId)).toEqual([
          'retry',
          'busy',
          'new',
        ]);
        expect(await store.mails.get(k('dead'))).toMatchObject({
          status: 'failed',
          error: 'corrupt',
        });
        expect(await store.mails.counts()).toEqual({
          received: 1,
          processing: 1,
          processed: 1,
          triage: 1,
          failed: 2,
        });
        expect((await store.mails.list({ status: 'triage' })).map((m) => m.messageId)).toEqual([
          'triage',
        ]);
      });

      it('lets a coordinator resolve triage, but not a mail being processed', async () => {
        await store.mails.recordSeen(seen);
        await store.mails.claim(key, { owner: 'w', leaseMs: MIN });
        expect(await store.mails.resolve(key, { status: 'processed' })).toBe(false);
        await store.mails.complete(key, 'w', { status: 'triage', classification: 'question' });
        expect(
          await store.mails.resolve(key, {
            status: 'received',
            classification: 'pre-registration',
          }),
        ).toBe(true);
        const claimed = await store.mails.claimNext({ owner: 'w2', leaseMs: MIN });
        expect(claimed).toMatchObject({ classification: 'pre-registration', attempts: 2 });
      });

      it('looks info-meeting signups up by meeting: processed ones, each mail once, oldest first', async () => {
        const signup = (messageId: string, meeting: string) => ({
          kind: 'info-meeting-signup',
          infoMeeting: { id: meeting, certain: true },
          messageId,
        });
        const done = async (
          messageId: string,
          receivedAt: string,
          status: 'processed' | 'triage',
          details: Record<string, unknown>,
          mailbox = MAILBOX,
        ) => {
          const k = { mailbox, messageId };
          await store.mails.recordSeen({ ...k, receivedAt });
          await store.mails.claim(k, { owner: 'w', leaseMs: MIN });
          await store.mails.complete(k, 'w', { status, details });
        };
        await done('b', '2027-02-02T09:00:00Z', 'processed', signup('b', 'im-1'));
        await done('a', '2027-02-01T09:00:00Z', 'processed', signup('a', 'im-1'));
        await done('c', '2027-02-03T09:00:00Z', 'processed', signup('c', 'im-2'));
        await done('t', '2027-02-03T09:00:00Z', 'triage', signup('t', 'im-1'));
        await done('q', '2027-02-04T09:00:00Z', 'processed', { kind: 'question' });
        await done('o', '2027-02-04T09:00:00Z', 'processed', signup('o', 'im-1'), 'other@x');
        // The same mail processed again (a coordinator's correction, a retry) is still one signup.
        const a = { mailbox: MAILBOX, messageId: 'a' };
        await store.mails.resolve(a, { status: 'received' });
        await store.mails.claim(a, { owner: 'w', leaseMs: MIN });
        await store.mails.complete(a, 'w', { status: 'processed', details: signup('a', 'im-1') });

        const ids = async (meetingIds: string[]) =>
          (await store.mails.listInfoMeetingSignups({ mailbox: MAILBOX, meetingIds })).map(
            (m) => m.messageId,
          );
        expect(await ids(['im-1'])).toEqual(['a', 'b']);
        expect(await ids(['im-1', 'im-2'])).toEqual(['a', 'b', 'c']);
        expect(await ids(['im-3'])).toEqual([]);
        expect(await ids([])).toEqual([]);
      });

      it('lists the mails waiting for a coordinator before the limit: failures still retried never crowd them out', async () => {
        const at = (h: number) => `2027-03-20T${String(h).padStart(2, '0')}:00:00Z`;
        const end = async (
          messageId: string,
          receivedAt: string,
          how: 'triage' | 'processed' | 'retry' | 'gave-up',
        ) => {
          const k = { mailbox: MAILBOX, messageId };
          await store.mails.recordSeen({ ...k, receivedAt });
          await store.mails.claim(k, { owner: 'w', leaseMs: MIN });
          if (how === 'triage' || how === 'processed')
            await store.mails.complete(k, 'w', { status: how });
          else
            await store.mails.fail(k, 'w', {
              error: 'Graph busy',
              ...(how === 'retry' ? { retryAt: '2027-03-21T00:00:00Z' } : {}),
            });
        };
        await end('triaged', at(8), 'triage');
        await end('gave-up', at(9), 'gave-up');
        await end('done', at(10), 'processed');
        for (let i = 0; i < 3; i++) await end(`retrying-${i}`, at(11 + i), 'retry');

        const waiting = (limit: number) =>
          store.mails.list({ mailbox: MAILBOX, awaitingTriage: true, limit });
        expect((await waiting(2)).map((m) => m.messageId)).toEqual(['gave-up', 'triaged']);
        expect((await waiting(1)).map((m) => m.messageId)).toEqual(['gave-up']);
      });
    });

    describe('submissions', () => {
      const version = (messageId: string, sentAt: string, characterCount: number) => ({
        unitId: 'u1',
        year: 2027,
        mailbox: MAILBOX,
        messageId,
        receivedAt: sentAt,
        sentAt,
        characterCount,
        answeredQuestions: [1, 2, 3],
        late: false,
        fileNames: ['Bidrag Ekorren.docx'],
      });

      it('keeps every version, newest by sent time first, and the same mail once', async () => {
        const first = await store.submissions.add(version('m1', '2027-05-10T10:00:00Z', 80_000));
        expect(first.inserted).toBe(true);
        expect(first.submission).toMatchObject({
          characterCount: 80_000,
          answeredQuestions: [1, 2, 3],
          fileNames: ['Bidrag Ekorren.docx'],
          problems: [],
          late: false,
        });
        await store.submissions.add({
          ...version('m3', '2027-05-18T00:00:01Z', 84_000),
          late: true,
          problems: ['late'],
          details: { admin: { staff: 12 } },
        });
        await store.submissions.add(version('m2', '2027-05-16T10:00:00Z', 86_000));
        const again = await store.submissions.add(version('m1', '2027-05-10T10:00:00Z', 1));
        expect(again.inserted).toBe(false);
        expect(again.submission.characterCount).toBe(80_000);

        const versions = await store.submissions.list('u1', 2027);
        expect(versions.map((v) => v.messageId)).toEqual(['m3', 'm2', 'm1']);
        expect(versions[0]).toMatchObject({
          late: true,
          problems: ['late'],
          details: { admin: { staff: 12 } },
        });
        expect((await store.submissions.latest('u1', 2027))?.messageId).toBe('m3');
        expect((await store.submissions.getByMessage(MAILBOX, 'm2'))?.characterCount).toBe(86_000);

        await store.submissions.add({ ...version('x1', '2027-05-11T10:00:00Z', 5), unitId: 'u0' });
        const latest = await store.submissions.latestByYear(2027);
        expect(latest.map((v) => [v.unitId, v.messageId])).toEqual([
          ['u0', 'x1'],
          ['u1', 'm3'],
        ]);
      });
    });

    describe('sync state', () => {
      it('keeps a delta link per mailbox folder', async () => {
        expect(await store.sync.getDeltaLink(MAILBOX, 'inbox')).toBeUndefined();
        await store.sync.setDeltaLink(MAILBOX, 'inbox', 'https://graph/delta?token=1');
        await store.sync.setDeltaLink(MAILBOX, 'inbox', 'https://graph/delta?token=2');
        await store.sync.setDeltaLink(MAILBOX, 'archive', 'https://graph/delta?token=a');
        expect(await store.sync.getDeltaLink(MAILBOX, 'inbox')).toBe('https://graph/delta?token=2');
        expect((await store.sync.listDeltaLinks(MAILBOX)).map((d) => d.folderId)).toEqual([
          'archive',
          'inbox',
        ]);
        await store.sync.clearDeltaLink(MAILBOX, 'inbox');
        expect(await store.sync.getDeltaLink(MAILBOX, 'inbox')).toBeUndefined();
      });

      it('keeps Graph subscriptions and their renewals', async () => {
        const sub = {
          id: 'sub-1',
          resource: `users/${MAILBOX}/mailFolders('inbox')/messages`,
          changeType: 'created',
          notificationUrl: 'https://app.example/api/graph/notifications',
          clientState: 'secret-state',
          expiresAt: '2027-05-18T20:00:00Z',
        };
        await store.sync.upsertSubscription(sub);
        await store.sync.upsertSubscription({
          ...sub,
          id: 'sub-0',
          expiresAt: '2027-05-18T10:00:00Z',
        });
        clock.advance(MIN);
        await store.sync.upsertSubscription({ ...sub, expiresAt: '2027-05-20T20:00:00Z' });
        const renewed = await store.sync.getSubscription('sub-1');
        expect(renewed).toMatchObject({
          clientState: 'secret-state',
          expiresAt: '2027-05-20T20:00:00.000Z',
        });
        expect(renewed?.createdAt).not.toBe(renewed?.updatedAt);
        expect((await store.sync.listSubscriptions()).map((s) => s.id)).toEqual(['sub-0', 'sub-1']);
        await store.sync.deleteSubscription('sub-0');
        expect((await store.sync.listSubscriptions()).map((s) => s.id)).toEqual(['sub-1']);
      });
    });

    describe('outbox', () => {
      const item = (key: string, extra: Record<string, unknown> = {}) => ({
        key,
        kind: 'receipt',
        mailbox: MAILBOX,
        payload: { to: ['chef@stockholm.example'], subject: `Kvitto ${key}` },
        ...extra,
      });

      it('queues an idempotency key once', async () => {
        const first = await store.outbox.enqueue(item('receipt:m1'));
        const second = await store.outbox.enqueue(item('receipt:m1', { priority: 0 }));
        expect(first.inserted).toBe(true);
        expect(second).toMatchObject({
          inserted: false,
          item: { id: first.item.id, priority: 50 },
        });
        expect(await store.outbox.counts()).toEqual({ pending: 1, sending: 0, sent: 0, failed: 0 });
      });

      it('hands out the most urgent due item first, then the oldest, never before its time', async () => {
        await store.outbox.enqueue(
          item('reminder:1', { kind: 'reminder', priority: OutboxPriority.bulk }),
        );
        clock.advance(SEC);
        await store.outbox.enqueue(
          item('receipt:late', { notBefore: '2027-05-17T21:00:00Z', priority: 0 }),
        );
        await store.outbox.enqueue(item('receipt:a', { priority: OutboxPriority.urgent }));
        clock.advance(SEC);
        await store.outbox.enqueue(item('receipt:b', { priority: OutboxPriority.urgent }));
        const order: string[] = [];
        for (;;) {
          const next = await store.outbox.claimNext({ owner: 'w', leaseMs: MIN });
          if (next === null) break;
          order.push(next.key);
          expect(await store.outbox.markSent(next.id, 'w')).toBe(true);
        }
        expect(order).toEqual(['receipt:a', 'receipt:b', 'reminder:1']);
        expect(await store.outbox.nextDueAt()).toBe('2027-05-17T21:00:00.000Z');
        clock.advance(HOUR);
        expect((await store.outbox.claimNext({ owner: 'w', leaseMs: MIN }))?.key).toBe(
          'receipt:late',
        );
      });

      it('keeps the draft id of a claim for the next claimant, only for the lease holder', async () => {
        await store.outbox.enqueue(item('receipt:draft'));
        const claimed = (await store.outbox.claimNext({ owner: 'w', leaseMs: MIN }))!;
        expect(claimed.draftId).toBeUndefined();
        expect(await store.outbox.recordDraft(claimed.id, 'other', 'AAMkD-other')).toBe(false);
        expect(await store.outbox.recordDraft(claimed.id, 'w', 'AAMkD-1')).toBe(true);
        clock.advance(2 * MIN);
        const again = (await store.outbox.claimNext({ owner: 'w2', leaseMs: MIN }))!;
        expect(again).toMatchObject({ key: 'receipt:draft', attempts: 2, draftId: 'AAMkD-1' });
      });

      it('finds the item a non-delivery report names by the Message-ID of its draft, exactly', async () => {
        // Two receipts with one subject to two units: only the Message-ID tells them apart.
        const ids: number[] = [];
        for (const [key, messageId] of [
          ['receipt:a', '<AAA1@prod.outlook.com>'],
          ['receipt:b', '<BBB2@prod.outlook.com>'],
        ] as const) {
          await store.outbox.enqueue(item(key));
          const claimed = (await store.outbox.claimNext({ owner: 'w', leaseMs: MIN }))!;
          expect(await store.outbox.recordDraft(claimed.id, 'w', `draft-${key}`, messageId)).toBe(
            true,
          );
          expect(await store.outbox.markSent(claimed.id, 'w')).toBe(true);
          ids.push(claimed.id);
        }
        const b = await store.outbox.findByInternetMessageId('<BBB2@prod.outlook.com>');
        expect(b).toMatchObject({ id: ids[1], key: 'receipt:b', draftId: 'draft-receipt:b' });
        expect(b?.internetMessageId).toBe('<BBB2@prod.outlook.com>');
        // Reports quote it with or without the angle brackets.
        expect((await store.outbox.findByInternetMessageId('AAA1@prod.outlook.com'))?.id).toBe(
          ids[0],
        );
        expect(
          (await store.outbox.findByInternetMessageId('<AAA1@prod.outlook.com>', MAILBOX))?.id,
        ).toBe(ids[0]);
        expect(
          await store.outbox.findByInternetMessageId('<AAA1@prod.outlook.com>', 'other@x.example'),
        ).toBeUndefined();
        expect(
          await store.outbox.findByInternetMessageId('<AAA1@PROD.outlook.co>'),
        ).toBeUndefined();
        expect(await store.outbox.findByInternetMessageId('<>')).toBeUndefined();
      });

      it('never gives one item to two concurrent senders', async () => {
        for (let i = 0; i < 30; i++) await store.outbox.enqueue(item(`receipt:${i}`));
        const other = options.sharedAccess ? await database.open({ clock: clock.now }) : store;
        try {
          const sent: string[] = [];
          const worker = async (s: Store, owner: string) => {
            for (;;) {
              const next = await s.outbox.claimNext({ owner, leaseMs: MIN });
              if (next === null) return;
              sent.push(next.key);
              expect(await s.outbox.markSent(next.id, owner)).toBe(true);
            }
          };
          await Promise.all([
            worker(store, 'a'),
            worker(other, 'b'),
            worker(store, 'c'),
            worker(other, 'd'),
          ]);
          expect(sent).toHaveLength(30);
          expect(new Set(sent).size).toBe(30);
          expect(await store.outbox.counts()).toEqual({
            pending: 0,
            sending: 0,
            sent: 30,
            failed: 0,
          });
        } finally {
          if (other !== store) await other.close();
        }
      });

      it('re-offers an item whose sender crashed once the lease runs out', async () => {
        await store.outbox.enqueue(item('receipt:m1'));
        const first = await store.outbox.claimNext({ owner: 'a', leaseMs: MIN });
        expect(first?.attempts).toBe(1);
        expect(await store.outbox.claimNext({ owner: 'b', leaseMs: MIN })).toBeNull();
        clock.advance(MIN);
        const retaken = await store.outbox.claimNext({ owner: 'b', leaseMs: MIN });
        expect(retaken).toMatchObject({ key: 'receipt:m1', attempts: 2, leaseOwner: 'b' });
        expect(await store.outbox.markSent(first!.id, 'a')).toBe(false);
        expect(await store.outbox.markSent(first!.id, 'b')).toBe(true);
        expect(await store.outbox.markSent(first!.id, 'b')).toBe(false);
        expect(await store.outbox.claimNext({ owner: 'c', leaseMs: MIN })).toBeNull();
      });

      it('retries a failed send later, or gives up for good', async () => {
        await store.outbox.enqueue(item('receipt:1'));
        await store.outbox.enqueue(item('receipt:2'));
        const one = await store.outbox.claimNext({ owner: 'w', leaseMs: MIN });
        const two = await store.outbox.claimNext({ owner: 'w', leaseMs: MIN });
        expect(
          await store.outbox.markFailed(one!.id, 'w', {
            error: '429',
            retryAt: '2027-05-17T20:10:00Z',
          }),
        ).toBe(true);
        expect(await store.outbox.markFailed(two!.id, 'w', { error: 'bad address' })).toBe(true);
        expect(await store.outbox.claimNext({ owner: 'w', leaseMs: MIN })).toBeNull();
        expect(await store.outbox.get(two!.id)).toMatchObject({
          status: 'failed',
          error: 'bad address',
        });
        clock.advance(10 * MIN);
        expect((await store.outbox.claimNext({ owner: 'w', leaseMs: MIN }))?.key).toBe('receipt:1');
      });

      it('lets a sender renew its lease, or hand an item back unsent for later', async () => {
        await store.outbox.enqueue(item('receipt:1', { priority: OutboxPriority.urgent }));
        await store.outbox.enqueue(item('reminder:1', { priority: OutboxPriority.bulk }));
        const first = await store.outbox.claimNext({ owner: 'a', leaseMs: MIN });
        clock.advance(50 * SEC);
        expect(await store.outbox.renewLease(first!.id, 'a', MIN)).toBe(true);
        clock.advance(50 * SEC);
        expect(await store.outbox.renewLease(first!.id, 'b', MIN)).toBe(false);
        // Still held by a: the only other due item is the reminder.
        expect((await store.outbox.claimNext({ owner: 'b', leaseMs: MIN }))?.key).toBe(
          'reminder:1',
        );

        expect(await store.outbox.defer(first!.id, 'a', '2027-05-17T20:05:00Z')).toBe(true);
        expect(await store.outbox.claimNext({ owner: 'b', leaseMs: MIN })).toBeNull();
        expect(await store.outbox.get(first!.id)).toMatchObject({ status: 'pending', attempts: 0 });
        clock.advance(4 * MIN);
        const again = await store.outbox.claimNext({ owner: 'b', leaseMs: MIN });
        expect(again).toMatchObject({ key: 'receipt:1', attempts: 1 });
        expect(again?.error).toBeUndefined();
      });

      it('counts messages and recipients sent in a window', async () => {
        const send = async (key: string, recipients: number, sentAt: string) => {
          await store.outbox.enqueue(item(key, { recipientCount: recipients }));
          const next = await store.outbox.claimNext({ owner: 'w', leaseMs: MIN });
          expect(next?.key).toBe(key);
          await store.outbox.markSent(next!.id, 'w', sentAt);
        };
        await send('old', 5, '2027-05-16T19:00:00Z');
        await send('hour', 3, '2027-05-17T19:00:00Z');
        await send('now1', 1, '2027-05-17T19:59:30Z');
        await send('now2', 2, '2027-05-17T19:59:45Z');
        const now = clock.now().getTime();
        expect(await store.outbox.sentSince(new Date(now - MIN))).toEqual({
          messages: 2,
          recipients: 3,
        });
        expect(await store.outbox.sentSince(new Date(now - 24 * HOUR))).toEqual({
          messages: 3,
          recipients: 6,
        });
        expect(
          await store.outbox.sentSince(new Date(now - MIN), 'other@stockholm.example'),
        ).toEqual({
          messages: 0,
          recipients: 0,
        });
      });

      it('lists recent sent mail and keeps the first bounce of an item', async () => {
        for (const [key, sentAt] of [
          ['receipt:old', '2027-05-10T10:00:00Z'],
          ['receipt:new', '2027-05-17T19:00:00Z'],
        ] as const) {
          await store.outbox.enqueue(item(key));
          const next = (await store.outbox.claimNext({ owner: 'w', leaseMs: MIN }))!;
          await store.outbox.markSent(next.id, 'w', sentAt);
        }
        await store.outbox.enqueue(item('receipt:pending'));
        const recent = await store.outbox.listSentSince('2027-05-14T00:00:00Z', MAILBOX);
        expect(recent.map((i) => i.key)).toEqual(['receipt:new']);
        const id = recent[0]!.id;
        expect(recent[0]!.bouncedAt).toBeUndefined();
        expect(await store.outbox.markBounced(id, { reason: '550 5.2.2 quota' })).toBe(true);
        clock.advance(MIN);
        expect(await store.outbox.markBounced(id, { reason: 'another report' })).toBe(true);
        const bounced = (await store.outbox.get(id))!;
        expect(bounced.bouncedAt).toBe('2027-05-17T20:00:00.000Z');
        expect(bounced.bounceReason).toBe('550 5.2.2 quota');
        expect(bounced.status).toBe('sent');
        expect(await store.outbox.markBounced(999_999, {})).toBe(false);
      });
    });

    describe('proactive messaging, reminders, visits, job locks', () => {
      it('keeps one conversation reference per user', async () => {
        const ref = {
          aadObjectId: 'aad-1',
          tenantId: 't',
          conversationId: 'a:1',
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          reference: { conversation: { id: 'a:1' }, user: { id: '29:1' } },
        };
        await store.conversations.upsert(ref);
        await store.conversations.upsert({ ...ref, conversationId: 'a:2' });
        expect(await store.conversations.get('aad-1')).toMatchObject({
          conversationId: 'a:2',
          reference: { conversation: { id: 'a:1' } },
        });
        await store.conversations.delete('aad-1');
        expect(await store.conversations.get('aad-1')).toBeUndefined();
      });

      it('delivers a reminder to a recipient once, and retakes a crashed delivery after its lease', async () => {
        const key = { reminderId: '2027-submission-7d', recipient: 'aad-1' };
        const claims = await Promise.all([
          store.reminderDeliveries.claim({ ...key, channel: 'teams', leaseMs: MIN }),
          store.reminderDeliveries.claim({ ...key, channel: 'teams', leaseMs: MIN }),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        clock.advance(MIN);
        expect(
          await store.reminderDeliveries.claim({ ...key, channel: 'mail', leaseMs: MIN }),
        ).toBe(true);
        await store.reminderDeliveries.markDelivered(key, { activityId: 'act-1' });
        clock.advance(HOUR);
        expect(
          await store.reminderDeliveries.claim({ ...key, channel: 'teams', leaseMs: MIN }),
        ).toBe(false);
        expect(await store.reminderDeliveries.get(key)).toMatchObject({
          status: 'delivered',
          channel: 'mail',
          attempts: 2,
          details: { activityId: 'act-1' },
        });
        expect(await store.reminderDeliveries.listByReminder('2027-submission-7d')).toHaveLength(1);
      });

      it('notes a delivery in progress, records the channel it went by, lists a reminder by prefix', async () => {
        const key = { reminderId: 'reminder:2027:submission-1d:u_1', recipient: 'aad-2' };
        expect(
          await store.reminderDeliveries.claim({ ...key, channel: 'teams', leaseMs: MIN }),
        ).toBe(true);
        await store.reminderDeliveries.note(key, { posting: true });
        expect((await store.reminderDeliveries.get(key))?.details).toEqual({ posting: true });
        await store.reminderDeliveries.markDelivered(key, { reason: '403' }, 'mail');
        // A note after delivery changes nothing.
        await store.reminderDeliveries.note(key, { posting: true });
        expect(await store.reminderDeliveries.get(key)).toMatchObject({
          status: 'delivered',
          channel: 'mail',
          details: { reason: '403' },
        });
        await store.reminderDeliveries.claim({
          reminderId: 'reminder:2027:submission-1dX',
          recipient: 'aad-3',
          channel: 'teams',
          leaseMs: MIN,
        });
        // '_' in the prefix is a character, not a LIKE wildcard.
        const listed = await store.reminderDeliveries.listByPrefix(
          'reminder:2027:submission-1d:u_',
        );
        expect(listed.map((d) => d.reminderId)).toEqual(['reminder:2027:submission-1d:u_1']);
        expect(
          await store.reminderDeliveries.listByPrefix('reminder:2027:submission-1d:uX'),
        ).toEqual([]);
      });

      it('upserts visits by id', async () => {
        const visit = {
          id: 'v1',
          unitId: 'u1',
          year: 2027,
          kind: 'site' as const,
          status: 'booked',
          start: '2027-09-10T09:00:00+02:00',
          end: '2027-09-10T11:00:00+02:00',
          organizer: 'lagledare@stockholm.example',
          eventId: 'AAMkE-1',
        };
        await store.visits.upsert(visit);
        await store.visits.upsert({ ...visit, status: 'held' });
        await store.visits.upsert({
          ...visit,
          id: 'v2',
          kind: 'feedback',
          status: 'proposed',
          start: undefined,
          end: undefined,
        });
        expect(await store.visits.get('v1')).toMatchObject({
          status: 'held',
          start: '2027-09-10T07:00:00.000Z',
          eventId: 'AAMkE-1',
        });
        expect((await store.visits.listForUnit('u1', 2027)).map((v) => v.id)).toEqual(['v1', 'v2']);
        expect((await store.visits.listForYear(2027, 'feedback')).map((v) => v.id)).toEqual(['v2']);
      });

      it('keeps a reminder snooze per person and reminder: concurrent ones all stay, a new time replaces, taken ones go', async () => {
        const key = (objectId: string, unitId = 'u1') => ({
          objectId,
          occurrenceId: '2027:submission-7d',
          unitId,
        });
        const tomorrow = '2027-05-18T07:00:00.000Z';
        await Promise.all(
          ['anna', 'bo', 'cia', 'dan'].map((who) =>
            store.reminderSnoozes.upsert({ ...key(who), dueAt: '2027-05-18T09:00:00+02:00' }),
          ),
        );
        await store.reminderSnoozes.upsert({ ...key('anna', 'u2'), dueAt: tomorrow });
        expect((await store.reminderSnoozes.due(tomorrow)).map((s) => s.objectId)).toEqual([
          'anna',
          'anna',
          'bo',
          'cia',
          'dan',
        ]);
        expect(await store.reminderSnoozes.due('2027-05-18T06:59:59Z')).toEqual([]);
        expect(await store.reminderSnoozes.nextDueAfter(clock.now())).toBe(tomorrow);

        // Snoozing again moves the person's own snooze, nobody else's.
        await store.reminderSnoozes.upsert({ ...key('bo'), dueAt: '2027-05-19T07:00:00Z' });
        expect(await store.reminderSnoozes.get(key('bo'))).toEqual({
          ...key('bo'),
          dueAt: '2027-05-19T07:00:00.000Z',
        });
        const due = await store.reminderSnoozes.due(tomorrow);
        expect(due).toHaveLength(4);
        expect(await store.reminderSnoozes.nextDueAfter(tomorrow)).toBe('2027-05-19T07:00:00.000Z');

        // Removing what was taken leaves a snooze moved meanwhile (a new time) in place.
        await store.reminderSnoozes.upsert({ ...key('cia'), dueAt: '2027-05-20T07:00:00Z' });
        expect(await store.reminderSnoozes.remove(due)).toBe(3);
        expect(await store.reminderSnoozes.get(key('anna'))).toBeUndefined();
        expect(
          (await store.reminderSnoozes.due('2027-12-31T00:00:00Z')).map((s) => s.objectId),
        ).toEqual(['bo', 'cia']);
        expect(await store.reminderSnoozes.remove(due)).toBe(0);
      });

      it('keeps settings, the first stored value winning among concurrent getOrSet', async () => {
        expect(await store.settings.get('intake.clientState')).toBeUndefined();
        const values = await Promise.all(
          ['one', 'two', 'three'].map((v) => store.settings.getOrSet('intake.clientState', v)),
        );
        expect(new Set(values).size).toBe(1);
        expect(await store.settings.get('intake.clientState')).toBe(values[0]);
        await store.settings.set('intake.goLive', { at: '2027-01-01T00:00:00Z' });
        expect(await store.settings.getOrSet('intake.goLive', { at: 'x' })).toEqual({
          at: '2027-01-01T00:00:00Z',
        });
        await store.settings.delete('intake.goLive');
        expect(await store.settings.get('intake.goLive')).toBeUndefined();
      });

      it('holds a job lock for one owner until it is released or runs out', async () => {
        expect(await store.locks.tryAcquire('delta-sync', 'a', MIN)).toBe(true);
        expect(await store.locks.tryAcquire('delta-sync', 'b', MIN)).toBe(false);
        expect(await store.locks.tryAcquire('delta-sync', 'a', MIN)).toBe(true);
        clock.advance(MIN);
        expect(await store.locks.tryAcquire('delta-sync', 'b', MIN)).toBe(true);
        await store.locks.release('delta-sync', 'a');
        expect(await store.locks.tryAcquire('delta-sync', 'a', MIN)).toBe(false);
        await store.locks.release('delta-sync', 'b');
        expect(await store.locks.tryAcquire('delta-sync', 'a', MIN)).toBe(true);
      });
    });
  });
}
