import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@taskforge/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installMethodGuard } from '../src/server/method-guard.ts';

// Next.js builds a fetch Request for every route-handler call before our code runs; for TRACE
// that throws and Next answers 500. A stand-in for Next's listener doing the same proves the
// guard answers first, from the first request on, and lets everything else through.
let server: Server;
let port: number;
const seenByNext: string[] = [];

beforeAll(async () => {
  installMethodGuard({ logger: () => createLogger({ level: 'silent' }) });
  server = createServer((req, res) => {
    seenByNext.push(`${req.method} ${req.url}`);
    try {
      new Request(`http://localhost${req.url}`, { method: req.method });
      res.end('next');
    } catch {
      res.statusCode = 500;
      res.end('Internal Server Error');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

function send(
  method: string,
  path: string,
): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

describe('method guard in front of Next', () => {
  it('answers TRACE on the tRPC mount with the JSON 405 before Next sees it', async () => {
    const res = await send('TRACE', '/api/trpc/health.ping');
    expect(res.status).toBe(405);
    expect(res.allow).toBe('GET, HEAD, OPTIONS, POST');
    expect(JSON.parse(res.body).error.json.data.appCode).toBe('METHOD_NOT_ALLOWED');
    expect(seenByNext).not.toContain('TRACE /api/trpc/health.ping');
  });

  it('answers TRACE anywhere (Next would answer 500)', async () => {
    expect((await send('TRACE', '/')).status).toBe(405);
  });

  it('answers methods Next does not route under the mount', async () => {
    expect((await send('PROPFIND', '/api/trpc/health.ping')).status).toBe(405);
  });

  it('passes everything else to Next', async () => {
    const res = await send('GET', '/api/trpc/health.ping');
    expect(res).toMatchObject({ status: 200, body: 'next' });
    expect((await send('PUT', '/api/trpc/health.ping')).body).toBe('next');
    expect((await send('PROPFIND', '/dav')).body).toBe('next');
  });
});
