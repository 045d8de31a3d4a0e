import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cycle } from '../../core/model.js';
import { mailsRepo } from '../../store/mails.js';
import { migrateToLatest, migrations } from '../../store/migrations.js';
import { pglitePool } from '../../store/pglite-pool.js';
import type { Database } from '../../store/schema.js';
import type { IntakeContext } from './context.js';
import { infoMeetingSignups } from './info-meetings.js';

const MAILBOX = 'kvalitetsutmarkelsen@stockholm.example';
const meeting = (id: string, day: string) => ({
  id,
  start: `2027-02-${day}T09:00:00+01:00`,
  end: `2027-02-${day}T10:00:00+01:00`,
  place: 'Teams',
  signupDeadline: '2027-02-10',
});
const cycle = {
  year: 2027,
  timeline: { infoMeetings: [meeting('im-1', '16'), meeting('im-2', '18')] },
} as unknown as Cycle;

describe('info-meeting signups in a mailbox of thousands of mails', () => {
  let engine: PGlite;
  let db: Kysely<Database>;
  const queries: CompiledQuery[] = [];

  beforeAll(async () => {
    engine = await PGlite.create(); // in memory
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: pglitePool(engine) }),
      log: (event) => void queries.push(event.query),
    });
    // A database from before the signups were indexed, holding an old signup under 5,000 newer mails.
    const names = Object.keys(migrations).sort();
    const before = names[names.indexOf('0009_mails_info_meeting_idx') - 1]!;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    const mail = (id: string, at: string, status: string, details: string) => sql`
      insert into mails (mailbox, message_id, from_address, received_at, status, details,
                         first_seen_at, updated_at)
      values (${MAILBOX}, ${id}, 'anna@stockholm.example', ${at}::timestamptz, ${status},
              ${details}::jsonb, now(), now())`;
    const signup = (id: string) =>
      JSON.stringify({ kind: 'info-meeting-signup', infoMeeting: { id, certain: true } });
    await mail('old', '2026-12-01T09:00:00Z', 'processed', signup('im-1')).execute(db);
    await mail('waiting', '2026-12-02T09:00:00Z', 'triage', signup('im-1')).execute(db);
    await mail('second', '2027-01-10T09:00:00Z', 'processed', signup('im-2')).execute(db);
    await sql`
      insert into mails (mailbox, message_id, received_at, status, details, first_seen_at, updated_at)
      select ${MAILBOX}, 'newer-' || n, timestamptz '2027-01-01T00:00:00Z' + n * interval '1 minute',
             'processed', '{"kind":"question"}'::jsonb, now(), now()
        from generate_series(1, 5000) as n`.execute(db);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.destroy();
    await engine.close();
  });

  it('keeps every signup made before the upgrade, however many mails came after it', async () => {
    const store = { mails: mailsRepo({ db, now: () => new Date('2027-02-01T00:00:00Z') }) };
    const ctx = { store, mailbox: MAILBOX } as unknown as Pick<IntakeContext, 'store' | 'mailbox'>;
    queries.length = 0;
    const lists = await infoMeetingSignups(ctx, cycle);
    expect(lists.map((l) => [l.meetingId, l.signups.map((s) => s.messageId)])).toEqual([
      ['im-1', ['old']],
      ['im-2', ['second']],
    ]);
    expect(lists[0]!.signups[0]).toEqual({
      from: 'anna@stockholm.example',
      messageId: 'old',
      receivedAt: '2026-12-01T09:00:00.000Z',
      certain: true,
    });

    // One query, answered from the index (not by reading the mails table through).
    expect(queries).toHaveLength(1);
    const query = queries[0]!;
    await engine.exec('set enable_seqscan = off');
    const plan = await engine.query<{ 'QUERY PLAN': string }>(`explain ${query.sql}`, [
      ...query.parameters,
    ]);
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('mails_info_meeting_idx');
  });
});
