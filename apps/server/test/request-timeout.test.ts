import { Writable } from 'node:stream';
import { setEnv } from '@taskforge/config';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { registerRequestTimeout } from '../src/request-timeout.ts';
import { silentLogger, useServerDatabases } from './helpers.ts';

const databases = useServerDatabases();
const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

function capturedLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

/** A bare app with the plugin and a route that answers only when told to. */
async function appWithSlowRoute(timeoutMs: number) {
  const { lines, logger } = capturedLogger();
  // Typed as Fastify's logger interface so the instance is the plain FastifyInstance (as app.ts does).
  const loggerInstance: FastifyBaseLogger = logger;
  const app = Fastify({ loggerInstance });
  apps.push(app);
  registerRequestTimeout(app, { timeoutMs });
  const answer = Promise.withResolvers<void>();
  const answered = Promise.withResolvers<void>();
  app.get('/slow', async (_req, reply) => {
    await answer.promise;
    await reply.code(200).send({ late: true });
    answered.resolve();
  });
  app.get('/fast', async () => ({ fast: true }));
  return { app, lines, answer, answered };
}

describe('request timeout backstop', () => {
  it('answers a handler that takes too long with 504 TIMEOUT JSON and the request id', async () => {
    const { app, answer } = await appWithSlowRoute(100);
    const res = await app.inject({ method: 'GET', url: '/slow' });
    answer.resolve();
    expect(res.statusCode).toBe(504);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({
      error: 'Request timed out',
      code: 'TIMEOUT',
      requestId: expect.any(String),
    });
  });

  it('drops the late real answer without crashing, double-sending or logging it as an error', async () => {
    const { app, lines, answer, answered } = await appWithSlowRoute(100);
    const res = await app.inject({ method: 'GET', url: '/slow' });
    expect(res.statusCode).toBe(504);
    answer.resolve();
    await answered.promise;
    // Still serving normally afterwards.
    expect((await app.inject({ method: 'GET', url: '/fast' })).json()).toEqual({ fast: true });
    // Warnings and worse only: Fastify's own request lines are info.
    expect(lines.filter((l) => l.level >= 40).map((l) => [l.level, l.msg])).toEqual([
      [40, 'request timed out: answered 504, the handler is still running'],
    ]);
  });

  it('leaves handlers that answer in time alone', async () => {
    const { app, lines } = await appWithSlowRoute(5_000);
    const res = await app.inject({ method: 'GET', url: '/fast' });
    expect(res.statusCode).toBe(200);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('is part of buildServer, with REQUEST_TIMEOUT_MS from the configuration', async () => {
    setEnv({ REQUEST_TIMEOUT_MS: '150' });
    const app = await buildServer({ db: databases.migrated.db, logger: silentLogger });
    apps.push(app);
    const answer = Promise.withResolvers<void>();
    app.get('/test-slow', async () => {
      await answer.promise;
      return { late: true };
    });
    const res = await app.inject({ method: 'GET', url: '/test-slow' });
    answer.resolve();
    expect(res.statusCode).toBe(504);
    // Headers the server's hooks had set (the request id) go out with the 504.
    const requestId = res.headers['x-request-id'];
    expect(requestId).toEqual(expect.any(String));
    expect(res.json()).toEqual({ error: 'Request timed out', code: 'TIMEOUT', requestId });
  });
});
