import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiToken, createUser } from '@taskforge/api/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { silentLogger, useServerDatabases } from './helpers.ts';

const databases = useServerDatabases();
let app: FastifyInstance;
let port = 0;

beforeAll(async () => {
  app = await buildServer({ db: databases.migrated.db, logger: silentLogger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await app?.close();
});

/** The raw answer, as a client on the wire sees it (fetch would hide how the body was framed). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.once('error', reject);
      req.end();
    },
  );
}

describe('tRPC answers on the wire', () => {
  it('are sent whole with a content-length, not as a chunked stream', async () => {
    const user = await createUser(databases.migrated.db);
    const { token } = await createApiToken(databases.migrated.db, user, 'READ');
    for (const [path, headers] of [
      ['/trpc/health.ping', {}],
      ['/trpc/auth.me', { authorization: `Bearer ${token}` }],
      ['/trpc/auth.me', {}],
    ] as const) {
      const res = await get(path, headers);
      expect(res.headers['transfer-encoding'], path).toBeUndefined();
      expect(Number(res.headers['content-length']), path).toBe(Buffer.byteLength(res.body));
      // tRPC's own content type, exactly as the Next mount sends it.
      expect(res.headers['content-type'], path).toBe('application/json');
      expect(JSON.parse(res.body), path).toBeTypeOf('object');
    }
  });

  it('still streams when the client asks for a stream (trpc-accept: application/jsonl)', async () => {
    const res = await get(`/trpc/health.ping?batch=1&input=${encodeURIComponent('{}')}`, {
      'trpc-accept': 'application/jsonl',
    });
    expect(res.status).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.body).toContain('"ok":true');
  });
});
