// `npm start` killed with SIGKILL right after the local Microsoft 365 accepted mail (202): after a
// restart on the same data directory every accepted mail is there, processed once, with one
// receipt each. The emulator journals each change before it answers, so nothing it said yes to is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPgliteDataDir } from '../support/pglite-template.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const DATA_DIR = mkdtempSync(`${tmpdir()}/kvalitet-kill-`);
// The first start opens a migrated copy rather than running initdb: what is tested is the restart.
seedPgliteDataDir(DATA_DIR);
const SHARED = 'kvalitetsutmarkelsen@stockholm.example';
// Units free to pre-register in the demo's cycle: not last year's winners (locked out, their
// pre-registration goes to a coordinator) and not already taking part.
const SENDERS = [
  ['Förskolan Fårhagen', 'helena.aberg@stockholm.example'],
  ['Förskolan Regnbågen', 'leila.haddad@stockholm.example'],
  ['Vinterviksskolan', 'per.engstrom@stockholm.example'],
  ['Lindhagensskolan', 'annika.strand@stockholm.example'],
  ['Träffpunkt Vintergatan', 'gunilla.ahlstrom@stockholm.example'],
] as const;

const FIRST_NOW = '2027-03-10T10:00:00+01:00';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(DATA_DIR, { recursive: true, force: true });
});

/** Starts `npm start`'s server in local mode; resolves with its app and emulator addresses. */
async function start(
  awardNow: string,
): Promise<{ child: ChildProcess; emulator: string; output: () => string }> {
  // node itself (not the tsx wrapper, whose child would outlive a SIGKILL) runs the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      EMULATOR_PORT: '0',
      DATA_DIR,
      LOG_LEVEL: 'warn',
      AWARD_NOW: awardNow,
    },
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 150_000;
  let emulator: RegExpExecArray | null = null;
  while (!(emulator = /Emulator\s+(http:\/\/127\.0\.0\.1:\d+)\/v1\.0/.exec(output))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, emulator: emulator[1]!, output: () => output };
}

interface Listed {
  subject: string;
  categories: string[];
}

const list = async (emulator: string, upn: string, folder?: string): Promise<Listed[]> => {
  const q = new URLSearchParams({ upn, ...(folder ? { folder } : {}) });
  const res = await fetch(`${emulator}/_admin/messages?${q}`);
  return ((await res.json()) as { value: Listed[] }).value;
};

describe('the local mode killed with SIGKILL right after accepting mail', () => {
  it('finds every accepted mail after the restart, processed once, one receipt each', async () => {
    const startedAt = Date.now();
    const first = await start(FIRST_NOW);
    for (const [unit, from] of SENDERS) {
      const res = await fetch(`${first.emulator}/_admin/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          from,
          message: {
            subject: `Intresseanmälan Kvalitetsutmärkelsen 2027 – ${unit}`,
            body: {
              contentType: 'text',
              content: `Hej!\n\n${unit} vill gärna delta i Kvalitetsutmärkelsen 2027. Vi anmäler härmed vårt intresse.\n\nMed vänliga hälsningar`,
            },
            toRecipients: [{ emailAddress: { address: SHARED } }],
          },
        }),
      });
      expect(res.status).toBe(202);
    }
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    // The restart comes back 2½ minutes later on the app's clock (AWARD_NOW), so the dead
    // instance's leases (the outbox's mailbox sender 60 s, intake's mails 120 s) have run out as
    // after a real restart delay, instead of the test waiting them out in real time.
    const second = await start(
      new Date(Date.parse(FIRST_NOW) + (Date.now() - startedAt) + 150_000).toISOString(),
    );
    const receiptsOf = async (from: string) =>
      (await list(second.emulator, from, 'inbox')).filter((m) =>
        /^Vi har tagit emot er intresseanmälan/.test(m.subject),
      );
    // The receipt goes out before the mail is filed (answer, then categories and folder), so both
    // are waited for.
    const filed = async () =>
      (await list(second.emulator, SHARED)).filter((m) => m.categories.includes('Intresseanmälan'))
        .length;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const counts = await Promise.all(
        SENDERS.map(async ([, from]) => (await receiptsOf(from)).length),
      );
      const done = await filed();
      if (counts.every((n) => n >= 1) && done >= SENDERS.length) break;
      if (Date.now() > deadline)
        throw new Error(
          `receipts per sender: ${counts.join(', ')}; filed ${done}\n${second.output()}`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
    // Every mail in the shared mailbox once, filed as a pre-registration; one receipt each.
    const shared = await list(second.emulator, SHARED);
    for (const [unit, from] of SENDERS) {
      const mails = shared.filter((m) => m.subject.endsWith(`– ${unit}`));
      expect(mails, unit).toHaveLength(1);
      expect(mails[0]!.categories).toContain('Intresseanmälan');
      expect(await receiptsOf(from), unit).toHaveLength(1);
    }
    second.child.kill('SIGTERM');
    expect(await new Promise((r) => second.child.once('exit', r))).toBe(0);
  }, 420_000);
});
