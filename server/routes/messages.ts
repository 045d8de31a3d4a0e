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
/** Headers a proxy adds: a request carrying any of them came from elsewhere, whatever the socket says. */
const PROXY_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'via',
];
/** The names this machine is reached by; a page on another name (DNS rebinding) is not local. */
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

/**
 * "This machine only", decided on the socket: a loopback peer, no proxy in between, and a Host
 * header naming this machine.
 */
export function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  if (!LOOPBACK.has(address)) return false;
  if (PROXY_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  return LOCAL_HOST.test(req.headers.host ?? '');
}

const UNAUTHENTICATED = {
  error: {
    code: 'unauthenticated',
    message: 'The activity needs a valid Bot Framework token (Authorization: Bearer …).',
  },
};

/**
 * The SDK's JWT check answers 401 in its own shape, with the verifier's message (issuer and key
 * addresses among them); the caller gets the app's one error format instead, naming no host.
 */
function oneErrorFormat(res: Response): Response {
  const proxy: Response = new Proxy(res, {
    get(target, prop, receiver) {
      if (prop === 'status')
        return (code: number) => {
          target.status(code);
          return proxy;
        };
      if (prop === 'send')
        return (body: unknown) => {
          if (target.statusCode === 401) target.json(UNAUTHENTICATED);
          else target.send(body);
          return proxy;
        };
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return proxy;
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
          'The bot has no app id (BOT_APP_ID), so it only accepts activities from this machine (loopback, no proxy, Host localhost or 127.0.0.1).',
      },
    });
  };

  router.post(
    '/api/messages',
    loopbackOnly,
    (req, res, next) => {
      bot.authorize(req, oneErrorFormat(res), next).catch(next);
    },
    express.json({ limit: options.bodyLimit ?? '512kb' }),
    async (req, res) => {
      await bot.process(req, res);
    },
  );

  return router;
}
