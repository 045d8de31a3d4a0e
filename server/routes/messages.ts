// POST /api/messages: the bot endpoint Teams (Azure Bot Service) and the Agents Playground call.
// Without a bot app id only loopback callers get in (local mode); with one the JWT is checked first,
// then the JSON body, then the activity itself.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { BotEndpoint } from '../../bot/endpoint.js';

export interface MessagesOptions {
  bot: BotEndpoint;
  /** Activities are small; Teams caps messages near 100 KB. */
  bodyLimit?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  // A reverse proxy on this host would make everyone look local: forwarded requests are not loopback.
  return LOOPBACK.has(address) && req.headers['x-forwarded-for'] === undefined;
}

export function messagesRoutes(options: MessagesOptions): Router {
  const router = Router();
  const { bot } = options;

  const loopbackOnly = (req: Request, res: Response, next: NextFunction) => {
    if (bot.authenticated || isLoopback(req)) {
      next();
      return;
    }
    res.status(401).json({
      error: {
        code: 'unauthenticated',
        message:
          'The bot has no app id (BOT_APP_ID), so it only accepts activities from this machine (loopback).',
      },
    });
  };

  router.post(
    '/api/messages',
    loopbackOnly,
    (req, res, next) => {
      bot.authorize(req, res, next).catch(next);
    },
    express.json({ limit: options.bodyLimit ?? '512kb' }),
    async (req, res) => {
      await bot.process(req, res);
    },
  );

  return router;
}
