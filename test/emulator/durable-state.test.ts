// The local Microsoft 365 with a state file, killed with SIGKILL the moment it answered: what it
// answered 202 for (mail sent, a mail moved) is there after the restart, once, and so are the
// sender's Sent Items copies Exchange makes a moment later (killed in that gap).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIR = mkdtempSync(`${tmpdir()}/kvalitet-emu-state-`);
const STATE = `${DIR}/emulator.json`;
const SHARED = 'kvalitetsutmarkelsen@stockholm.example';
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(DIR, { recursive: true, force: true });
});

async function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'emulator/main.ts', '--port', '0', '--state', STATE],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } },
  );
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  let m: RegExpExecArray | null = null;
  while (!(m = /emulator on (http:\/\/[^\s]+)/.exec(output))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the emulator did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: m[1]! };
}

const kill = async (child: ChildProcess) => {
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
};

const subjects = async (url: string, upn: string, folder?: string) => {
  const res = await fetch(
    `${url}/_admin/messages?upn=${encodeURIComponent(upn)}${folder ? `&folder=${encodeURIComponent(folder)}` : ''}`,
  );
  return ((await res.json()) as { value: { subject: string }[] }).value.map((m) => m.subject);
};

describe('the emulator killed right after answering', () => {
  it('keeps every mail it accepted, once', async () => {
    const first = await start();
    // A first restart makes sure a state file (the snapshot) already exists under the journal.
    await kill(first.child);
    const second = await start();
    // Quiet first: no write of the state that start-up may have scheduled is still due.
    await new Promise((r) => setTimeout(r, 1500));
    const sent: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const subject = `Intresseanmälan nummer ${i}`;
      const res = await fetch(`${second.url}/_admin/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          from: 'elin.wallin@stockholm.example',
          message: {
            subject,
            body: { contentType: 'text', content: `Mejl ${i}` },
            toRecipients: [{ emailAddress: { address: SHARED } }],
          },
        }),
      });
      expect(res.status).toBe(202);
      sent.push(subject);
    }
    await kill(second.child);

    const third = await start();
    const inShared = await subjects(third.url, SHARED);
    for (const s of sent)
      expect(
        inShared.filter((x) => x === s),
        s,
      ).toHaveLength(1);
    // The Sent Items copies were still to come when the process died (they follow ~2 s after the
    // 202): the restarted emulator makes them, each once.
    let copies: string[] = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      copies = await subjects(third.url, 'elin.wallin@stockholm.example', 'Sent Items');
      if (copies.length >= sent.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(copies.sort()).toEqual([...sent].sort());
    await kill(third.child);
    // Three tsx starts of the emulator: 67 s on the loaded 2-core machine.
  }, 300_000);
});
