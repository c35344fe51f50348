import { createLogger } from '@taskforge/api';
import type { Db } from '@taskforge/db';
import { buildServer } from '../../apps/server/src/app.ts';
import { createTrpcHandler } from '../../apps/web/src/server/trpc-handler.ts';

/** One way to send an HTTP request to a tRPC mount, whatever serves it. */
export interface Mount {
  name: string;
  request(
    path: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<Response>;
  close(): Promise<void>;
}

const logger = createLogger({ level: 'silent' });

/** apps/server: Fastify in-process, driven through inject() (no socket). */
export async function fastifyMount(db: Db): Promise<Mount> {
  const app = await buildServer({ db, logger });
  await app.ready();
  return {
    name: 'fastify /trpc',
    async request(path, init = {}) {
      const res = await app.inject({
        method: init.method === 'POST' ? 'POST' : 'GET',
        url: `/trpc/${path}`,
        headers: init.headers,
        payload: init.body,
      });
      const headers = new Headers();
      for (const [key, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : String(value));
      }
      return new Response(res.body === '' ? null : res.body, { status: res.statusCode, headers });
    },
    close: () => app.close(),
  };
}

/** apps/web: Next's route handler called directly with a Fetch Request. */
export async function nextMount(db: Db): Promise<Mount> {
  const handler = createTrpcHandler({ db, logger });
  return {
    name: 'next /api/trpc',
    request(path, init = {}) {
      return handler(
        new Request(`http://localhost/api/trpc/${path}`, {
          method: init.method ?? 'GET',
          headers: init.headers,
          body: init.body,
        }),
      );
    },
    async close() {},
  };
}

/** `?input=` for a tRPC GET: inputs are plain JSON on the wire (docs/decisions/0009-wire-format.md). */
export function queryInput(input: unknown): string {
  return `input=${encodeURIComponent(JSON.stringify(input))}`;
}
