// The tab's views as a server feature: its API routes (tab/api/views.ts) registered through the
// tab API seam, over features/status and the store, with the shared mailbox for the mails behind a
// unit's history.
import { createGraphApi } from '../../graph/index.js';
import { createStatusService } from '../../features/status/service.js';
import { tabViewsApi } from '../../tab/api/views.js';
import { loadCycles } from '../cycles.js';
import type { ServerFeature } from '../features.js';

export function tabFeature(options: { cyclesDir?: string } = {}): ServerFeature {
  return {
    name: 'tab',
    start(context) {
      const { config, store } = context;
      const graph = createGraphApi(context.graph);
      const mailbox = config.m365.sharedMailbox.toLowerCase();
      const now = () => config.clock.now();
      return {
        tabApi: tabViewsApi({
          status: createStatusService({ store, cycles: loadCycles(options.cyclesDir), now }),
          store,
          now,
          mailbox,
          mailBody: async (messageId) => {
            const message = await graph.messages.getMessage(mailbox, messageId, {
              select: ['id', 'body'],
            });
            return message.body?.content
              ? { contentType: message.body.contentType ?? 'text', content: message.body.content }
              : undefined;
          },
        }),
      };
    },
  };
}
