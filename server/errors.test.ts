import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { GraphError } from '../graph/errors.js';
import { StoreError } from '../store/errors.js';
import { MalformedActivityError } from '../bot/endpoint.js';
import { ConfigError } from './config.js';
import { IntakeError, type IntakeErrorReason } from '../features/intake/errors.js';
import { VisitError } from '../features/visits/errors.js';
import { describeStartupFailure, StartupError, toHttpProblem } from './errors.js';

describe('toHttpProblem', () => {
  it('turns an illegal transition into 409 with both languages', () => {
    const problem = toHttpProblem(
      new DomainError('illegal-transition', { sv: 'Otillåten övergång', en: 'Illegal transition' }),
    );
    expect(problem).toMatchObject({
      status: 409,
      code: 'illegal-transition',
      message: 'Illegal transition',
      messageSv: 'Otillåten övergång',
      expected: true,
    });
  });

  it('maps every reason by its type: bad transition data is 400, not a conflict', () => {
    const bad = toHttpProblem(
      new DomainError('invalid-transition-data', {
        sv: 'Juryresultat saknas',
        en: 'No jury result',
      }),
    );
    expect(bad).toMatchObject({ status: 400, code: 'invalid-transition-data' });
    expect(toHttpProblem(new DomainError('stale-action', { sv: 'x', en: 'y' })).status).toBe(409);
    expect(toHttpProblem(new DomainError('unit-not-found', { sv: 'x', en: 'y' })).status).toBe(404);
  });

  it("maps the intake's reasons: a decided mail is a conflict, a missing unit bad input", () => {
    const problem = (reason: IntakeErrorReason) =>
      toHttpProblem(new IntakeError(reason, { sv: 'Redan avgjort.', en: 'Already decided.' }));
    expect(problem('not-in-triage')).toMatchObject({
      status: 409,
      code: 'not-in-triage',
      message: 'Already decided.',
      messageSv: 'Redan avgjort.',
    });
    expect(problem('mail-not-found').status).toBe(404);
    expect(problem('unit-required').status).toBe(400);
    expect(problem('unknown-kind').status).toBe(400);
  });

  it("maps the visits' reasons and a refused zod schema into the one shape", () => {
    const taken = toHttpProblem(
      new VisitError('conflict-of-interest', { sv: 'Jäv: välj ett annat lag.', en: 'Conflict.' }),
    );
    expect(taken).toMatchObject({
      status: 409,
      code: 'conflict-of-interest',
      message: 'Conflict.',
      messageSv: 'Jäv: välj ett annat lag.',
    });
    expect(toHttpProblem(new VisitError('not-team-leader', { sv: 'x', en: 'y' })).status).toBe(403);
    expect(toHttpProblem(new VisitError('unknown-unit', { sv: 'x', en: 'y' })).status).toBe(404);
    const zod = z.object({ unitId: z.string() }).safeParse({});
    expect(toHttpProblem(zod.error)).toMatchObject({
      status: 400,
      code: 'bad-input',
      message: expect.stringContaining('unitId'),
      messageSv: expect.stringContaining('Ogiltig begäran: unitId'),
    });
  });

  it('turns an unknown cycle into 404', () => {
    expect(toHttpProblem(new DomainError('unknown-cycle', { sv: 'x', en: 'y' })).status).toBe(404);
  });

  it('turns Graph throttling into 503 with Retry-After, other Graph failures into 502', () => {
    const throttled = toHttpProblem(
      new GraphError({
        reason: 'throttled',
        message: 'Too many requests',
        status: 429,
        retryAfterMs: 12_500,
      }),
    );
    expect(throttled).toMatchObject({ status: 503, code: 'graph-unavailable', retryAfter: 13 });
    const forbidden = toHttpProblem(
      new GraphError({ reason: 'forbidden', message: 'Access denied', status: 403 }),
    );
    expect(forbidden).toMatchObject({ status: 502, code: 'graph-error' });
  });

  it('turns storage trouble into 503 and a lost write race into 409', () => {
    expect(toHttpProblem(new StoreError('unreachable', 'db down')).status).toBe(503);
    expect(toHttpProblem(new StoreError('conflict', 'raced')).status).toBe(409);
  });

  it('turns a malformed activity into 400', () => {
    expect(toHttpProblem(new MalformedActivityError('no type'))).toMatchObject({
      status: 400,
      code: 'malformed-activity',
      messageSv: expect.stringMatching(/boten/),
    });
  });

  it("says every other 400 in Swedish too: the body parser's refusals, a value storage refuses", () => {
    const aborted = Object.assign(new Error('request aborted'), {
      type: 'request.aborted',
      status: 400,
    });
    expect(toHttpProblem(aborted)).toMatchObject({ status: 400, messageSv: /avbröts/ });
    const odd = Object.assign(new Error('odd'), { type: 'some.new.type', status: 400 });
    expect(toHttpProblem(odd).messageSv).toMatch(/gick inte att läsa/);
    expect(toHttpProblem(new StoreError('invalid-argument', 'NUL in text'))).toMatchObject({
      status: 400,
      messageSv: /går inte att spara/,
    });
  });

  it("turns the JSON parser's failure into 400 and an oversized body into 413", () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token'), {
      type: 'entity.parse.failed',
      status: 400,
    });
    expect(toHttpProblem(parseError)).toMatchObject({ status: 400, code: 'malformed-json' });
    const tooLarge = Object.assign(new Error('too large'), {
      type: 'entity.too.large',
      status: 413,
    });
    expect(toHttpProblem(tooLarge).status).toBe(413);
  });

  it('hides the details of unexpected errors from callers', () => {
    const problem = toHttpProblem(
      new TypeError('cannot read properties of undefined (secret internals)'),
    );
    expect(problem).toMatchObject({ status: 500, code: 'internal', expected: false });
    expect(problem.message).not.toContain('secret internals');
  });
});

describe('describeStartupFailure', () => {
  it('gives expected failures as one line without a stack', () => {
    for (const err of [
      new ConfigError([{ variable: 'PORT', problem: 'must be a port number' }]),
      new StoreError('damaged-data-dir', 'the data directory /data/pglite is damaged'),
      new DomainError('unknown-cycle', { sv: 'Inget år 2031', en: 'No cycle for the year 2031' }),
      new StartupError('cannot read cycles'),
    ]) {
      const { message, expected } = describeStartupFailure(err);
      expect(expected).toBe(true);
      expect(message).not.toContain('\n    at ');
    }
  });

  it('explains a taken port', () => {
    const err = Object.assign(new Error('listen EADDRINUSE: address already in use :::3978'), {
      code: 'EADDRINUSE',
    });
    expect(describeStartupFailure(err)).toMatchObject({ expected: true });
    expect(describeStartupFailure(err).message).toContain('PORT');
  });

  it('keeps the stack of a bug', () => {
    const { message, expected } = describeStartupFailure(new TypeError('boom'));
    expect(expected).toBe(false);
    expect(message).toContain('TypeError: boom');
  });
});
