// The app killed mid-write (SIGKILL, no shutdown): the PGlite directory opens again, with every
// committed write, the dead process's lock taken over, and its in-flight mail pending again once its
// lease runs out, so a restart finishes it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'award-store-crash-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it('reopens after a SIGKILL with every committed write and finishes the in-flight mail', async () => {
  const dataDir = join(root, 'data');
  const writer = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.ts'), dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let committed = 0;
  let stderr = '';
  writer.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => writer.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    writer.stdout.on('data', (chunk: Buffer) => {
      const last = String(chunk).trim().split('\n').at(-1);
      committed = Math.max(committed, Number(last));
      if (committed >= 300) resolve();
    });
    writer.on('exit', () => reject(new Error(`the writer exited early: ${stderr}`)));
  });
  writer.kill('SIGKILL');
  await exited;

  const later = new Date(Date.now() + 2 * 60_000);
  const store = await openStore({ dataDir, clock: () => later });
  try {
    const counts = await store.mails.counts();
    expect(counts.received).toBeGreaterThanOrEqual(committed);
    expect(counts.processing).toBe(1);
    const pending = await store.mails.listPending({ limit: 1 });
    expect(pending[0]?.messageId).toBe('in-flight');
    const retaken = await store.mails.claim(
      { mailbox: pending[0]!.mailbox, messageId: 'in-flight' },
      { owner: 'restarted', leaseMs: 60_000 },
    );
    expect(retaken).toMatchObject({ attempts: 2, leaseOwner: 'restarted' });
  } finally {
    await store.close();
  }
}, 90_000);
