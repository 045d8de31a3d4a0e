// The app's logger (pino, JSON lines). Secrets and authorization headers are redacted here, once,
// so a careless log call cannot leak a token or a client secret.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

export const REDACT_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.headers.authorization',
  '*.authorization',
  'clientSecret',
  '*.clientSecret',
  '*.*.clientSecret',
  'appPassword',
  '*.appPassword',
  '*.*.appPassword',
  'password',
  '*.password',
  'client_secret',
  '*.client_secret',
  'access_token',
  '*.access_token',
  'accessToken',
  '*.accessToken',
  'token',
  '*.token',
  'clientState',
  '*.clientState',
  'graphWebhookClientState',
  '*.graphWebhookClientState',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'kvalitetsutmarkelsen' },
      redact: { paths: REDACT_PATHS, censor: '***' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
