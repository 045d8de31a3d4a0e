// Helper process for crash-kill.test.ts (not a test): runs the real outbox worker against the
// emulator named on the command line and kills itself (SIGKILL) at the worst moment: Graph has
// accepted the send, the store has not yet recorded it.
import { startOutboxWorker } from '../../features/outbox/index.js';
import { createGraphApi, createGraphClient, createTokenProvider } from '../../graph/index.js';
import { openStore, type Store } from '../../store/index.js';

const [dataDir, emulatorUrl, graphUrl, tenantId, clientId, clientSecret, mailbox] =
  process.argv.slice(2) as [string, string, string, string, string, string, string];

const store = await openStore({ dataDir });
const tokens = createTokenProvider({
  tenantId,
  clientId,
  clientSecret,
  localTokenEndpoint: emulatorUrl,
});
const graph = createGraphApi(
  createGraphClient({
    baseUrl: graphUrl,
    tokenProvider: () => tokens.getAppToken(),
    retry: { maxRetries: 0 },
  }),
);
const dying: Pick<Store, 'outbox' | 'locks'> = {
  locks: store.locks,
  outbox: {
    ...store.outbox,
    async markSent() {
      process.stdout.write('sent, not recorded\n');
      process.kill(process.pid, 'SIGKILL');
      return new Promise<boolean>(() => {});
    },
  },
};
startOutboxWorker({ store: dying, graph, mailboxes: [mailbox], leaseMs: 60_000 });
