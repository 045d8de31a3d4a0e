// POST /api/graph/notifications: Microsoft Graph change notifications for the shared mailbox.
// The mount point is here; the mailbox intake feature owns what happens to a notification (it passes
// `onNotifications`). This route does the protocol part every subscriber needs: the validation
// handshake, clientState checking and a fast 202 (Graph wants an answer within ~3 s; work is queued).
import express, { Router } from 'express';
import { z } from 'zod';
import { parseOr400 } from './validation.js';

export interface GraphNotification {
  subscriptionId?: string;
  clientState?: string;
  changeType?: string;
  resource?: string;
  resourceData?: Record<string, unknown>;
  lifecycleEvent?: string;
  tenantId?: string;
}

export interface GraphNotificationsOptions {
  /** The secret sent with every subscription; notifications without it are dropped. */
  clientState?: string;
  /** Also accepts a notification whose clientState this says is ours (a feature's generated one). */
  accepts?: (clientState: unknown) => boolean;
  /** Receives the accepted notifications after the 202 went out; must not throw. */
  onNotifications?: (notifications: GraphNotification[]) => void;
  onRejected?: (count: number) => void;
}

// What Graph posts (learn.microsoft.com/graph/api/resources/changenotification): the fields we read
// typed, the rest passed through. 1 MB of body holds a few thousand; Graph sends far fewer at once.
const text = z.string().max(4096);
const NOTIFICATION = z.looseObject({
  subscriptionId: text.optional(),
  clientState: text.nullish(),
  changeType: text.optional(),
  resource: text.optional(),
  resourceData: z.looseObject({ id: text.optional() }).optional(),
  lifecycleEvent: text.optional(),
  tenantId: text.optional(),
});
const NOTIFICATIONS = z.object({ value: z.array(NOTIFICATION).max(10_000) });

export function graphNotificationRoutes(options: GraphNotificationsOptions): Router {
  const router = Router();
  const handshake = (token: unknown, res: express.Response): boolean => {
    if (typeof token !== 'string') return false;
    // Graph expects the token back as plain text within 10 seconds.
    res.status(200).type('text/plain').send(token);
    return true;
  };

  for (const path of ['/api/graph/notifications', '/api/graph/lifecycle']) {
    router.post(path, express.json({ limit: '1mb' }), (req, res) => {
      if (handshake(req.query.validationToken, res)) return;
      const body = parseOr400(NOTIFICATIONS, req.body, res, 'malformed-notification', {
        en: 'Expected { "value": [ change notifications ] }',
        sv: 'Ändringsnotisen från Microsoft Graph går inte att läsa: { "value": [ … ] } väntades',
      });
      if (!body) return;
      const items = body.value as GraphNotification[];
      const accepted = items.filter(
        (n) =>
          (options.clientState !== undefined && n.clientState === options.clientState) ||
          options.accepts?.(n.clientState) === true,
      );
      res.status(202).end();
      if (accepted.length < items.length) options.onRejected?.(items.length - accepted.length);
      if (accepted.length > 0) options.onNotifications?.(accepted);
    });
  }
  return router;
}
