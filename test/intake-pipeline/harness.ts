// Starts the real app server (local mode, the intake feature, the paced outbox) against the emulator
// with the small intake tenant, and acts as the unit managers do: they send mail to the shared mailbox
// through Graph and read the replies in their own inboxes.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '@microsoft/microsoft-graph-types';
import { startEmulator, type FaultConfig, type RunningEmulator } from '../../emulator/server.js';
import {
  createGraphApi,
  createGraphClient,
  createTokenProvider,
  type GraphApi,
} from '../../graph/index.js';
import type { IntakeService } from '../../features/intake/index.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { intakeFeatures } from '../../server/jobs/intake.js';
import type { ServerFeature } from '../../server/features.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { openStore, type Store } from '../../store/index.js';
import {
  COORD_ID,
  HARNESS_ID,
  HARNESS_SECRET,
  harnessApp,
  intakeTenant,
  organisations,
  SHARED,
  TENANT_ID,
  units,
} from './tenant.js';
import { seedPgliteDataDir } from '../support/pglite-template.js';

export interface Attachment {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface IntakeHarness {
  server: RunningServer;
  emulator: RunningEmulator;
  intake: IntakeService;
  /** Graph as the managers (the harness app). */
  people: GraphApi;
  dataDir: string;
  /** A manager sends a mail to the shared mailbox with Graph sendMail. */
  send(
    from: string,
    mail: { subject: string; text?: string; html?: string; attachments?: Attachment[] },
  ): Promise<void>;
  /** Waits until every mail is processed and every queued reply is sent. */
  settle(): Promise<void>;
  /** The shared mailbox's copy of a mail, by subject, with its folder path. */
  inShared(
    subject: string,
  ): Promise<{ id: string; categories: string[]; folder: string } | undefined>;
  /** Mails in a person's inbox. */
  inbox(upn: string): Promise<Message[]>;
  /** Restarts the app on the same data directory (the emulator keeps running). */
  restart(whileDown?: (store: Store) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
  faults(patch: FaultConfig): void;
  /** Activities the bot sent proactively (to the stub Teams connector), newest last. */
  teams: { conversationId: string; activity: Record<string, unknown> }[];
}

/** A stand-in for Teams' connector service: records what the bot posts into conversations. */
async function startStubConnector() {
  const received: { conversationId: string; activity: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const m = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method === 'POST' && m) {
        received.push({
          conversationId: decodeURIComponent(m[1]!),
          activity: JSON.parse(body || '{}'),
        });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: `activity-${received.length}` }));
        return;
      }
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export async function startIntakeHarness(
  options: {
    awardNow?: string;
    dataDir?: string;
    /** Mail already in the mailbox, imported participations: what the app finds on its first start. */
    beforeStart?: (setup: { emulator: RunningEmulator; store: Store }) => Promise<void>;
    /** More features to start after the intake (the status feature, ...). */
    features?: readonly ServerFeature[];
  } = {},
): Promise<IntakeHarness> {
  let dataDir = options.dataDir;
  if (dataDir === undefined) {
    dataDir = mkdtempSync(join(tmpdir(), 'kvalitet-intake-'));
    // A migrated copy instead of initdb on every start (a caller's own directory is used as given).
    seedPgliteDataDir(dataDir);
  }
  const env = {
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    AWARD_NOW: options.awardNow ?? '2027-03-10T10:00:00+01:00',
  };
  const config = loadConfig(env, { envFile: false });
  const emulator = await startEmulator({
    port: 0,
    tenant: intakeTenant(),
    now: () => config.clock.now(),
    extraApps: [harnessApp],
  });

  let server!: RunningServer;
  let intake!: IntakeService;
  const boot = async () => {
    server = await startServer(config, {
      logger: createLogger('silent'),
      host: '127.0.0.1',
      startEmulator: async () => ({ url: emulator.url, close: async () => {} }),
      // What npm start runs: the paced outbox sender and the intake.
      features: intakeFeatures({
        importDemoData: false,
        service: { deltaIntervalMs: 60_000 },
        onService: (s) => (intake = s),
      }).concat(options.features ?? []),
    });
  };
  // The unit register is in place before the app first starts (as after an import).
  const connector = await startStubConnector();
  const store = await openStore({ dataDir, clock: () => config.clock.now() });
  try {
    for (const o of organisations) await store.organisations.upsert(o);
    for (const u of units) await store.units.upsert(u);
    // The coordinator has the app installed: the bot kept her personal conversation.
    await store.conversations.upsert({
      aadObjectId: COORD_ID,
      tenantId: TENANT_ID,
      conversationId: 'a:coordinator-chat',
      serviceUrl: connector.url,
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: {
          id: 'a:coordinator-chat',
          conversationType: 'personal',
          tenantId: TENANT_ID,
        },
        agent: { id: '28:kvalitet-bot', name: 'Kvalitetsutmärkelsen' },
        user: { id: '29:anna', aadObjectId: COORD_ID, name: 'Anna Samordnare' },
      },
    });
    await options.beforeStart?.({ emulator, store });
  } finally {
    await store.close();
  }
  await boot();

  const people = createGraphApi(
    createGraphClient({
      baseUrl: emulator.graphUrl,
      tokenProvider: createTokenProvider({
        tenantId: TENANT_ID,
        clientId: HARNESS_ID,
        clientSecret: HARNESS_SECRET,
        localTokenEndpoint: emulator.url,
      }),
    }),
  );

  const folderPath = (folderId: string): string => {
    const state = emulator.admin.state();
    const mailbox = Object.values(state.mailboxes).find((m) => m.upn === SHARED)!;
    const names: string[] = [];
    let f = mailbox.folders[folderId];
    while (f && f.wellKnownName !== 'msgfolderroot') {
      names.unshift(f.wellKnownName ?? f.displayName);
      f = mailbox.folders[f.parentFolderId];
    }
    return names.join('/');
  };

  return {
    get server() {
      return server;
    },
    emulator,
    get intake() {
      return intake;
    },
    people,
    dataDir,
    async send(from, mail) {
      await people.messages.sendMail(from, {
        subject: mail.subject,
        ...(mail.html !== undefined ? { html: mail.html } : { text: mail.text ?? '' }),
        to: [SHARED],
        ...(mail.attachments
          ? {
              attachments: mail.attachments.map((a) => ({
                name: a.name,
                contentType: a.contentType,
                contentBytes: a.bytes.toString('base64'),
              })),
            }
          : {}),
      });
    },
    async settle() {
      // Notifications arrive asynchronously; a delta round catches anything they missed.
      await new Promise((r) => setTimeout(r, 50));
      await intake.idle();
      await intake.syncNow();
      await intake.idle();
      // The sender runs inside the app: wait until it has sent everything queued.
      for (let i = 0; i < 200; i++) {
        const counts = await server.store.outbox.counts();
        if (counts.pending + counts.sending === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async inShared(subject) {
      const m = emulator.admin.messages(SHARED).find((x) => x.subject === subject);
      return m && { id: m.id, categories: m.categories, folder: folderPath(m.folderId) };
    },
    async inbox(upn) {
      return people.messages.listMessages(upn, {
        folder: 'inbox',
        select: ['id', 'subject', 'body', 'from', 'receivedDateTime', 'conversationId'],
      });
    },
    async restart(whileDown) {
      await server.close();
      if (whileDown) {
        const store = await openStore({ dataDir, clock: () => config.clock.now() });
        try {
          await whileDown(store);
        } finally {
          await store.close();
        }
      }
      await boot();
    },
    async stop() {
      await server.close();
      await emulator.close();
      await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    teams: connector.received,
    faults(patch) {
      emulator.admin.setFaults(patch);
    },
  };
}
