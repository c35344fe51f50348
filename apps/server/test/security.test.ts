import { parseEnv } from '@taskforge/config';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { silentLogger, useServerDatabases } from './helpers.ts';

const databases = useServerDatabases();

const preflight = (app: FastifyInstance, origin: string) =>
  app.inject({
    method: 'OPTIONS',
    url: '/trpc/health.ping',
    headers: { origin, 'access-control-request-method': 'POST' },
  });

describe('CORS with production defaults', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // What main.ts passes in production when CORS_ORIGINS is unset.
    const config = parseEnv({ NODE_ENV: 'production', DATABASE_URL: databases.migrated.url });
    expect(config.CORS_ORIGINS).toEqual([]);
    app = await buildServer({
      db: databases.migrated.db,
      logger: silentLogger,
      corsOrigins: config.CORS_ORIGINS,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers no preflight, not even for the development origin', async () => {
    for (const origin of ['http://localhost:3000', 'https://evil.example']) {
      const res = await preflight(app, origin);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers['access-control-allow-methods']).toBeUndefined();
    }
  });

  it('adds no CORS header to a cross-origin call, which the browser then refuses to expose', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/trpc/health.ping',
      headers: { origin: 'https://evil.example', cookie: 'session=x' },
    });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('CORS with configured origins', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const config = parseEnv({
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://app.example, https://admin.example',
    });
    app = await buildServer({
      db: databases.migrated.db,
      logger: silentLogger,
      corsOrigins: config.CORS_ORIGINS,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('allows exactly the listed origins, with credentials', async () => {
    const allowed = await preflight(app, 'https://admin.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await preflight(app, 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security headers', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({ db: databases.migrated.db, logger: silentLogger });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('are on every response: routes, tRPC, 404s', async () => {
    for (const url of ['/healthz', '/trpc/health.ping', '/nowhere']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(res.headers['content-security-policy'], url).toBeUndefined();
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
  });
});
