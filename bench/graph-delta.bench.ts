// Benchmark: delta-sync 5,000 mails with attachments from the emulator at 50 ms latency per request
// and Outlook's 4-concurrent-requests-per-mailbox limit, through graph/ exactly as the intake's delta
// round reads the inbox (features/intake/sync.ts, INTAKE_DELTA): pages of 100 mails with their bodies
// ($select), the attachment metadata of the mails with hasAttachments through $batch (20 mails per
// request, chained so a batch holds one mailbox slot), pipelined by syncFolderWithAttachments within
// 2 slots (the worker and the outbox keep the others). Never more than 4 in flight. (The intake's
// round also reads, in $batch, the headers of the mails about to be answered or triaged, which takes
// the app's units to judge: not measured here.)
// Figures: Graph requests per message, wall time, and the ratio to the lower bound
// (total requests × latency ÷ the round's 2 slots); to read the ratio, the mean time per request (latency plus the
// emulator's and the client's work, on a shared machine) and the share of slot time in use:
// ratio ≈ (mean request time ÷ latency) ÷ slot use. Plus the emulator's own count of concurrent
// requests on the mailbox ($batch items included) and its 429s.
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createTokenProvider } from '../graph/auth.js';
import { createGraphClient } from '../graph/client.js';
import { syncFolderWithAttachments } from '../graph/attachments.js';
import { INTAKE_DELTA } from '../features/intake/sync.js';
import { startEmulator } from '../emulator/server.js';
import { buildDemoTenant } from '../emulator/seed/tenant.js';

const MESSAGES = 5_000;
const LATENCY_MS = 50;
const CONCURRENCY = 4;

// A small PDF-like payload; the metadata is what the sync reads, contents are fetched on demand.
const PDF = Buffer.from('%PDF-1.4\n% bench attachment\n' + 'x'.repeat(2_000)).toString('base64');

interface EmulatorInfo {
  url: string;
  graphUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  shared: string;
  deliverMs: number;
}

const WORKER_ROLE = 'graph-delta-bench-emulator';

/**
 * The emulator runs in its own thread, as Graph runs on its own servers: its CPU time then does not
 * count against the client's, and what we measure is the client's request pattern under latency.
 */
async function emulatorThread(): Promise<void> {
  const port = parentPort!;
  const tenant = await buildDemoTenant();
  const emu = await startEmulator({ port: 0, tenant, faults: { latencyMs: 0 } });
  const shared = `kvalitetsutmarkelsen@${tenant.domain}`;
  const t0 = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    emu.admin.deliver({
      to: shared,
      from: { name: `Enhet ${i}`, address: `chef${i % 97}@stockholm.example` },
      subject: `Bidrag Kvalitetsutmärkelsen ${i}`,
      body: `Hej! Här kommer vårt bidrag nummer ${i}.`,
      attachments: [
        { name: `bidrag-${i}.pdf`, contentType: 'application/pdf', contentBytes: PDF },
        ...(i % 5 === 0
          ? [{ name: `bilaga-${i}.pdf`, contentType: 'application/pdf', contentBytes: PDF }]
          : []),
      ],
    });
  }
  const info: EmulatorInfo = {
    url: emu.url,
    graphUrl: emu.graphUrl,
    tenantId: tenant.tenantId,
    clientId: tenant.app.clientId,
    clientSecret: tenant.app.clientSecret,
    shared,
    deliverMs: performance.now() - t0,
  };
  port.once('message', () => {
    void emu.close().then(() => port.close());
  });
  port.postMessage(info);
}

async function admin<T>(info: EmulatorInfo, method: string, path: string, body?: unknown) {
  const res = await fetch(`${info.url}/_admin/${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export default async function run(): Promise<Record<string, number | string>> {
  // The thread loads this .ts file through tsx's API (workers don't inherit the main thread's loader).
  const boot = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(boot, { eval: true, workerData: { role: WORKER_ROLE } });
  try {
    const info = await new Promise<EmulatorInfo>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await admin(info, 'PATCH', 'faults', {
      latencyMs: LATENCY_MS,
      mailboxConcurrency: CONCURRENCY,
    });
    const tokens = createTokenProvider({
      tenantId: info.tenantId,
      clientId: info.clientId,
      clientSecret: info.clientSecret,
      localTokenEndpoint: info.url,
    });
    await tokens.getAppToken(); // the token is not part of the sync
    // Time each HTTP request spends in flight, to tell idle slots from slow requests.
    let busyMs = 0;
    let deltaBusyMs = 0;
    let lastDeltaDoneMs = 0;
    let t0 = 0;
    const graph = createGraphClient({
      baseUrl: info.graphUrl,
      tokenProvider: tokens,
      maxConcurrencyPerMailbox: CONCURRENCY,
      fetch: async (url, init) => {
        const start = performance.now();
        const res = await fetch(url, init);
        const body = await res.arrayBuffer();
        const end = performance.now();
        busyMs += end - start;
        if (url.includes('/delta')) {
          lastDeltaDoneMs = end - t0;
          deltaBusyMs += end - start;
        }
        return new Response(body, { status: res.status, headers: res.headers });
      },
    });
    await admin(info, 'DELETE', 'requests');

    t0 = performance.now();
    let seen = 0;
    let withAttachments = 0;
    let attachmentCount = 0;
    let tFirstSink: number | undefined;
    const sync = await syncFolderWithAttachments(graph, {
      mailbox: info.shared,
      folder: 'inbox',
      ...INTAKE_DELTA,
      onPage: (p) => {
        tFirstSink ??= performance.now() - t0;
        seen += p.changed.length;
        withAttachments += p.changed.filter((m) => m.hasAttachments).length;
        for (const list of p.attachments.values()) attachmentCount += list.length;
      },
    });
    const wallMs = performance.now() - t0;

    const stats = graph.stats();
    const counts = await admin<{ total: number; batchItems: number }>(info, 'GET', 'requests');
    const faults = await admin<{
      stats: { concurrencyRejections: number; peakConcurrency: Record<string, number> };
    }>(info, 'GET', 'faults');
    const boundMs = (stats.requests * LATENCY_MS) / INTAKE_DELTA.maxConcurrency;
    return {
      messagesSynced: seen,
      messagesWithAttachments: withAttachments,
      attachmentsListed: attachmentCount,
      deltaPages: sync.pages,
      attachmentBatches: sync.attachmentBatches,
      graphRequests: stats.requests,
      emulatorHttpRequests: counts.total,
      emulatorBatchItems: counts.batchItems,
      requestsPerMessage: round(stats.requests / seen, 4),
      retries: stats.retries,
      throttled: stats.throttled,
      concurrencyRejections: faults.stats.concurrencyRejections,
      clientPeakInFlight: Math.max(0, ...Object.values(stats.maxInFlightByMailbox)),
      // What the emulator saw at once on the mailbox, $batch items included.
      emulatorPeakConcurrency: Math.max(0, ...Object.values(faults.stats.peakConcurrency)),
      firstPageToSinkMs: Math.round(tFirstSink ?? 0),
      lastDeltaPageMs: Math.round(lastDeltaDoneMs),
      meanDeltaPageRequestMs: round(deltaBusyMs / sync.pages, 1),
      meanBatchRequestMs: round((busyMs - deltaBusyMs) / (stats.requests - sync.pages), 1),
      // Share of the round's slots × wall time with a request in flight.
      slotUse: round(busyMs / (wallMs * INTAKE_DELTA.maxConcurrency), 3),
      wallMs: Math.round(wallMs),
      lowerBoundMs: Math.round(boundMs),
      ratioToBound: round(wallMs / boundMs, 3),
      targetRequestsPerMessage: '≤ 0.25',
      targetRatio: '≤ 1.3',
      setupDeliverMs: Math.round(info.deliverMs),
      machineLoad1m: `${round(loadavg()[0]!, 1)} on ${availableParallelism()} cores`,
    };
  } finally {
    worker.postMessage('close');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5_000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  void emulatorThread();
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
