import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('never writes authorization headers, secrets or tokens', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJ.secret.token', cookie: 'session=abc' } },
        config: { m365: { clientSecret: 'm365-secret' }, bot: { appPassword: 'bot-secret' } },
        response: { access_token: 'graph-token' },
        subscription: { clientState: 'webhook-secret' },
      },
      'something happened',
    );
    const text = lines.join('');
    for (const secret of [
      'eyJ.secret.token',
      'session=abc',
      'm365-secret',
      'bot-secret',
      'graph-token',
      'webhook-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('something happened');
    expect(text).toContain('***');
  });

  it('honours the level', () => {
    const { lines, stream } = capture();
    const logger = createLogger('warn', stream);
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.join('')).not.toContain('quiet');
    expect(lines.join('')).toContain('loud');
  });
});
