// POST /api/graph/notifications: Microsoft Graph change notifications for the shared mailbox.
// The mount point is here; the mailbox intake feature owns what happens to a notification (it passes
// `onNotifications`). This route does the protocol part every subscriber needs: the validation
// handshake, clientState checking and a fast 202 (Graph wants an answer within ~3 s; work is queued).
import express, { Router } from 'express';

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
      const body = req.body as { value?: unknown } | undefined;
      const items = Array.isArray(body?.value) ? (body.value as GraphNotification[]) : undefined;
      if (!items) {
        res.status(400).json({
          error: { code: 'malformed-notification', message: 'Expected { "value": [...] }.' },
        });
        return;
      }
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
