// A process that runs the reminders the way the host's scheduler does (runDue until the occurrence is
// done), against an emulator in the parent test process and a PGlite store in DATA_DIR. The crash test
// kills it in the middle of a fan-out and starts it again.
import { createConnectorClient } from '../../bot/connector-client.js';
import { SAMPLE_CYCLE } from '../../core/sample-cycle.js';
import { createDelivery } from '../../features/delivery/index.js';
import { createReminders } from '../../features/reminders/index.js';
import { createGraphClient, createTokenProvider } from '../../graph/index.js';
import { TEAMS_APP_ID } from '../../manifest/build.js';
import { openStore } from '../../store/index.js';

const input = JSON.parse(process.argv[2]!) as {
  dataDir: string;
  emulatorUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  mailbox: string;
  /** The award's clock: `start` at wall-clock `anchorMs`, running at real speed. */
  start: string;
  anchorMs: number;
  occurrenceId: string;
};
const now = () => new Date(Date.parse(input.start) + (Date.now() - input.anchorMs));
const store = await openStore({ dataDir: input.dataDir, clock: now });
const graph = createGraphClient({
  baseUrl: `${input.emulatorUrl}/v1.0`,
  tokenProvider: createTokenProvider({
    tenantId: input.tenantId,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    localTokenEndpoint: input.emulatorUrl,
  }),
});
const delivery = createDelivery({
  store,
  graph,
  connector: createConnectorClient(),
  serviceUrl: `${input.emulatorUrl}/smba/`,
  tenantId: input.tenantId,
  mailbox: input.mailbox,
  teamsAppExternalId: TEAMS_APP_ID,
  leaseMs: 1_500,
});
const reminders = createReminders({
  store,
  delivery,
  cycles: [SAMPLE_CYCLE],
  now,
  mailbox: input.mailbox,
  roles: { resolve: async () => undefined, invalidate: () => undefined },
  concurrency: 8,
});
for (;;) {
  await reminders.runDue();
  if (await store.settings.get(`reminders:run:${input.occurrenceId}`)) break;
  await new Promise((r) => setTimeout(r, 300));
}
await store.close();
process.exit(0);
