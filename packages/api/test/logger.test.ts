import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logRequest, redactSecrets } from '../src/logger.ts';

/** A logger writing JSON lines into memory. */
function captured() {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const logger = createLogger({ level: 'debug', name: 'test', format: 'json', destination });
  return {
    logger,
    text: () => text,
    lines: () =>
      text
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

const SECRETS = [
  'Bearer sk_live_abc123',
  'session=s3ss10n',
  'sid=cookie-value',
  'hunter2',
  'tok_123456',
  'shh-its-a-secret',
  'ak_live_999',
  'pg-password-42',
  'refresh-me-7',
  'nested-deep-pass',
];

describe('createLogger redaction', () => {
  it('keeps every credential out of the log, at any depth and in any shape', () => {
    const { logger, text } = captured();
    logger.info(
      {
        req: {
          headers: {
            authorization: 'Bearer sk_live_abc123',
            cookie: 'session=s3ss10n',
            'content-type': 'application/json',
          },
        },
        res: { headers: { 'set-cookie': ['sid=cookie-value'] } },
        user: { email: 'ada@example.com', password: 'hunter2' },
        items: [{ accessToken: 'tok_123456' }, { clientSecret: 'shh-its-a-secret' }],
        'x-api-key': 'ak_live_999',
        database: 'postgresql://taskforge:pg-password-42@db.internal:5432/taskforge',
        a: { b: { c: { d: { refresh_token: 'refresh-me-7', e: { f: { passwd: 'nested-deep-pass' } } } } } },
      },
      'incoming',
    );
    const out = text();
    for (const secret of SECRETS) expect(out).not.toContain(secret);
    // What is not a secret stays readable.
    expect(out).toContain('ada@example.com');
    expect(out).toContain('application/json');
    expect(out).toContain('postgresql://taskforge:[redacted]@db.internal:5432/taskforge');
  });

  it('redacts fields of logged errors and keeps their type, message and stack', () => {
    const { logger, lines } = captured();
    const error = Object.assign(new TypeError('boom'), {
      config: { headers: { Authorization: 'Bearer sk_live_abc123' } },
      apiKey: 'ak_live_999',
    });
    logger.error(
      { err: error, nested: { cause: new Error('inner', { cause: { token: 'tok_123456' } }) } },
      'failed',
    );
    const [line] = lines();
    expect(JSON.stringify(line)).not.toMatch(/sk_live_abc123|ak_live_999|tok_123456/);
    expect(line.err).toMatchObject({
      type: 'TypeError',
      message: 'boom',
      stack: expect.stringContaining('TypeError'),
    });
    expect(line.err.config.headers.Authorization).toBe('[redacted]');
  });

  it('redacts child bindings too', () => {
    const { logger, text } = captured();
    logger.child({ sessionId: 's3ss10n', reqId: 'r-1' }).info('hello');
    expect(text()).not.toContain('s3ss10n');
    expect(text()).toContain('r-1');
  });

  it('survives cycles and shared references', () => {
    const shared = { ok: true };
    const looped: Record<string, unknown> = { shared, again: shared };
    looped.self = looped;
    expect(redactSecrets({ looped })).toEqual({
      looped: { shared: { ok: true }, again: { ok: true }, self: '[Circular]' },
    });
  });
});

describe('logRequest', () => {
  it('writes one access line with the request’s facts and nothing from the query string', () => {
    const { logger, lines } = captured();
    logRequest(logger, {
      reqId: '0f0e',
      method: 'GET',
      path: '/trpc/health.ping,stats.summary',
      procedures: ['health.ping', 'stats.summary'],
      status: 207,
      durationMs: 1.23456,
      failures: ['VALIDATION_FAILED', 'VALIDATION_FAILED'],
      clientRequestId: 'client-1',
    });
    expect(lines()).toEqual([
      expect.objectContaining({
        msg: 'request',
        reqId: '0f0e',
        method: 'GET',
        path: '/trpc/health.ping,stats.summary',
        procedures: ['health.ping', 'stats.summary'],
        calls: 2,
        status: 207,
        durationMs: 1.23,
        failures: ['VALIDATION_FAILED'],
        clientRequestId: 'client-1',
      }),
    ]);
  });

  it('keeps a line for an absurd batch small', () => {
    const { logger, lines } = captured();
    const procedures = Array.from({ length: 400 }, () => 'stats.summary');
    logRequest(logger, {
      method: 'GET',
      path: `/trpc/${procedures.join(',')}`,
      procedures,
      status: 400,
      durationMs: 1,
      failures: ['BATCH_TOO_LARGE'],
      clientRequestId: null,
    });
    const [line] = lines();
    expect(line.calls).toBe(400);
    expect(line.procedures).toHaveLength(30);
    expect(JSON.stringify(line).length).toBeLessThan(1500);
  });
});
