// Helper process for crash.test.ts (not a test): opens the store in a data dir, claims one mail for
// processing, then records mails until killed, printing how many are committed.
import { openStore } from '../../store/index.js';

const store = await openStore({ dataDir: process.argv[2]! });
const mailbox = 'kvalitetsutmarkelsen@stockholm.example';
await store.mails.recordSeen({ mailbox, messageId: 'in-flight', receivedAt: new Date() });
await store.mails.claim({ mailbox, messageId: 'in-flight' }, { owner: 'crasher', leaseMs: 60_000 });
for (let i = 0; ; i++) {
  await store.mails.recordSeen({ mailbox, messageId: `m${i}`, receivedAt: new Date() });
  process.stdout.write(`${i + 1}\n`);
}
