// Benchmark: delta-sync 5,000 mails with attachments from the emulator at 50 ms latency per request
// and Outlook's 4-concurrent-requests-per-mailbox limit, through graph/ exactly as the app uses it.
// Plan: delta pages of 1,000 with $select (hasAttachments tells which mails have any), then the
// attachment metadata of those mails through $batch (20 mails per request, 4 requests in flight).
// Figures: Graph requests per message, wall time, and the ratio to the lower bound
// (total requests × latency ÷ 4).
import { pathToFileURL } from 'node:url';
import { createTokenProvider } from '../graph/auth.js';
import { createGraphClient } from '../graph/client.js';
import { listAttachmentsForMessages } from '../graph/attachments.js';
import { syncFolder } from '../graph/delta.js';
import { startEmulator } from '../emulator/server.js';
import { buildDemoTenant } from '../emulator/seed/tenant.js';

const MESSAGES = 5_000;
const LATENCY_MS = 50;
const CONCURRENCY = 4;
const PAGE_SIZE = 1_000;

// A small PDF-like payload; the metadata is what the sync reads, contents are fetched on demand.
const PDF = Buffer.from('%PDF-1.4\n% bench attachment\n' + 'x'.repeat(2_000)).toString('base64');

export default async function run(): Promise<Record<string, number | string>> {
  const tenant = await buildDemoTenant();
  const emu = await startEmulator({ port: 0, tenant, faults: { latencyMs: 0 } });
  try {
    const shared = `kvalitetsutmarkelsen@${tenant.domain}`;
    const t0Deliver = performance.now();
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
    const deliverMs = performance.now() - t0Deliver;

    emu.admin.setFaults({ latencyMs: LATENCY_MS, mailboxConcurrency: CONCURRENCY });
    const tokens = createTokenProvider({
      tenantId: tenant.tenantId,
      clientId: tenant.app.clientId,
      clientSecret: tenant.app.clientSecret,
      localTokenEndpoint: emu.url,
    });
    await tokens.getAppToken(); // the token is not part of the sync
    const graph = createGraphClient({
      baseUrl: emu.graphUrl,
      tokenProvider: tokens,
      maxConcurrencyPerMailbox: CONCURRENCY,
    });
    emu.admin.resetRequestCounts();

    const t0 = performance.now();
    const withAttachments: string[] = [];
    let seen = 0;
    const delta = await syncFolder(graph, {
      mailbox: shared,
      folder: 'inbox',
      pageSize: PAGE_SIZE,
      select: ['id', 'subject', 'from', 'receivedDateTime', 'hasAttachments', 'categories'],
      onPage: (p) => {
        seen += p.changed.length;
        for (const m of p.changed) if (m.hasAttachments) withAttachments.push(m.id!);
      },
    });
    const tDelta = performance.now() - t0;
    const attachments = await listAttachmentsForMessages(graph, shared, withAttachments, {
      concurrency: CONCURRENCY,
    });
    const wallMs = performance.now() - t0;

    const stats = graph.stats();
    const counts = emu.admin.requestCounts();
    const faults = emu.admin.faultStats();
    const attachmentCount = [...attachments.values()].reduce((n, l) => n + l.length, 0);
    const boundMs = (stats.requests * LATENCY_MS) / CONCURRENCY;
    return {
      messagesSynced: seen,
      messagesWithAttachments: withAttachments.length,
      attachmentsListed: attachmentCount,
      deltaPages: delta.pages,
      graphRequests: stats.requests,
      emulatorHttpRequests: counts.total,
      emulatorBatchItems: counts.batchItems,
      requestsPerMessage: round(stats.requests / seen, 4),
      retries: stats.retries,
      concurrencyRejections: faults.concurrencyRejections,
      clientPeakInFlight: Math.max(0, ...Object.values(stats.maxInFlightByMailbox)),
      deltaPhaseMs: Math.round(tDelta),
      wallMs: Math.round(wallMs),
      lowerBoundMs: Math.round(boundMs),
      ratioToBound: round(wallMs / boundMs, 3),
      targetRequestsPerMessage: '≤ 0.25',
      targetRatio: '≤ 1.3',
      setupDeliverMs: Math.round(deliverMs),
    };
  } finally {
    await emu.close();
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
