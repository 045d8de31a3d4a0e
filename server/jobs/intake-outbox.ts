// The paced outbox sender for the shared mailbox, run by the host so intake's receipts actually leave
// (features/outbox keeps Exchange's limits, the priorities and the once-only guarantee). Intake calls
// `wake` after queueing a reply, so a receipt does not wait for the sender's idle poll.
import { startOutboxWorker, systemClock, type OutboxWorker } from '../../features/outbox/index.js';
import { createGraphApi } from '../../graph/index.js';
import type { FeatureContext, FeatureHandle, ServerFeature } from '../features.js';

export function createOutboxFeature(): { feature: ServerFeature; wake: () => void } {
  let worker: OutboxWorker | undefined;
  const feature: ServerFeature = {
    name: 'outbox',
    start(context: FeatureContext): FeatureHandle {
      const running = startOutboxWorker({
        store: context.store,
        graph: createGraphApi(context.graph),
        clock: { now: () => context.clock.now(), sleep: systemClock.sleep },
        logger: context.logger,
        mailboxes: [context.config.m365.sharedMailbox.toLowerCase()],
      });
      worker = running;
      return {
        close: async () => {
          await running.stop();
          if (worker === running) worker = undefined;
        },
      };
    },
  };
  return { feature, wake: () => worker?.wake() };
}
