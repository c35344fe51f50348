import { Readable } from 'node:stream';
import {
  type ApiServices,
  createApiServices,
  createLogger,
  type HttpLimits,
  type Logger,
} from '@taskforge/api';
import { getConfig } from '@taskforge/config';
import type { Db } from '@taskforge/db';
import type { HTTPMethods } from 'fastify';
import { buildServer } from '../../apps/server/src/app.ts';
import { createTrpcHandler } from '../../apps/web/src/server/trpc-handler.ts';

export interface MountRequestInit {
  method?: string;
  headers?: Record<string, string>;
  /** A stream is sent without content-length (chunked), as a client streaming a body would. */
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
}

/** One way to send an HTTP request to a tRPC mount, whatever serves it. */
export interface Mount {
  name: string;
  request(path: string, init?: MountRequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface MountOptions {
  /** Where the mount logs; default silent. */
  logger?: Logger;
  /** Body and batch limits; default: config, as in production. */
  limits?: HttpLimits;
  /** Sessions and rate limits; default: built from config over `db` (PostgreSQL counters, shared by both mounts). */
  services?: ApiServices;
}

function servicesFor(db: Db, options: MountOptions): ApiServices {
  return options.services ?? createApiServices({ db, logger: options.logger ?? silent, config: getConfig() });
}

const silent = createLogger({ level: 'silent' });

// Every method Fastify can route (light-my-request refuses others before they reach it).
const FASTIFY_METHODS = new Set<string>([
  'ACL',
  'BIND',
  'CHECKOUT',
  'CONNECT',
  'COPY',
  'DELETE',
  'GET',
  'HEAD',
  'LINK',
  'LOCK',
  'M-SEARCH',
  'MERGE',
  'MKACTIVITY',
  'MKCALENDAR',
  'MKCOL',
  'MOVE',
  'NOTIFY',
  'OPTIONS',
  'PATCH',
  'POST',
  'PROPFIND',
  'PROPPATCH',
  'PURGE',
  'PUT',
  'QUERY',
  'REBIND',
  'REPORT',
  'SEARCH',
  'SOURCE',
  'SUBSCRIBE',
  'TRACE',
  'UNBIND',
  'UNLINK',
  'UNLOCK',
  'UNSUBSCRIBE',
]);

function isFastifyMethod(method: string): method is HTTPMethods {
  return FASTIFY_METHODS.has(method);
}

/** apps/server: Fastify in-process, driven through inject() (no socket). */
export async function fastifyMount(db: Db, options: MountOptions = {}): Promise<Mount> {
  const app = await buildServer({
    db,
    logger: options.logger ?? silent,
    limits: options.limits,
    services: servicesFor(db, options),
  });
  await app.ready();
  return {
    name: 'fastify /trpc',
    async request(path, init = {}) {
      const method = init.method ?? 'GET';
      if (!isFastifyMethod(method)) throw new Error(`fastifyMount: cannot inject method ${method}`);
      const { body } = init;
      const res = await app.inject({
        method,
        url: `/trpc/${path}`,
        headers: init.headers,
        payload:
          body instanceof ReadableStream
            ? Readable.fromWeb(body)
            : body instanceof Uint8Array
              ? Buffer.from(body)
              : body,
      });
      const headers = new Headers();
      for (const [key, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        // Several Set-Cookie headers stay several (joined they would not parse).
        for (const item of Array.isArray(value) ? value : [String(value)]) headers.append(key, item);
      }
      return new Response(res.body === '' ? null : res.body, { status: res.statusCode, headers });
    },
    close: () => app.close(),
  };
}

/** apps/web: Next's route handler called directly with a Fetch Request. */
export async function nextMount(db: Db, options: MountOptions = {}): Promise<Mount> {
  const handler = createTrpcHandler({
    services: servicesFor(db, options),
    logger: options.logger ?? silent,
    limits: options.limits,
  });
  return {
    name: 'next /api/trpc',
    request(path, init = {}) {
      return handler(
        new Request(`http://localhost/api/trpc/${path}`, {
          method: init.method ?? 'GET',
          headers: init.headers,
          body: init.body,
          // Required by fetch for a streamed body.
          ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
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
