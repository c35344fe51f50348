import { randomBytes } from 'node:crypto';
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
import { z } from 'zod';
import { buildServer } from '../../apps/server/src/app.ts';
import { PEER_HEADER } from '../../apps/web/src/server/context.ts';
import { createTrpcHandler } from '../../apps/web/src/server/trpc-handler.ts';

export interface MountRequestInit {
  method?: string;
  headers?: Record<string, string>;
  /** A stream is sent without content-length (chunked), as a client streaming a body would. */
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  /** The client's socket address (what rate limits key on when signed out); default 127.0.0.1. */
  peer?: string;
}

/** One way to send an HTTP request to a tRPC mount, whatever serves it. */
export interface Mount {
  name: string;
  /** The Origin the mount's own pages would send: requests go to this host. */
  origin: string;
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

/** Where both mounts believe requests are sent: http://localhost (Host: localhost[:80]). */
const MOUNT_ORIGIN = 'http://localhost';
const DEFAULT_PEER = '127.0.0.1';

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
    origin: MOUNT_ORIGIN,
    async request(path, init = {}) {
      const method = init.method ?? 'GET';
      if (!isFastifyMethod(method)) throw new Error(`fastifyMount: cannot inject method ${method}`);
      const { body } = init;
      const res = await app.inject({
        method,
        // light-my-request sends Host: localhost:80 unless told otherwise.
        url: `${MOUNT_ORIGIN}/trpc/${path}`,
        remoteAddress: init.peer ?? DEFAULT_PEER,
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
    origin: MOUNT_ORIGIN,
    request(path, init = {}) {
      // What reaches the route handler behind Next's server: a Host header, and the socket's
      // address in PEER_HEADER (set by the method guard, replacing whatever a client sent).
      const headers = new Headers(init.headers);
      if (!headers.has('host')) headers.set('host', new URL(MOUNT_ORIGIN).host);
      headers.set(PEER_HEADER, init.peer ?? DEFAULT_PEER);
      return handler(
        new Request(`${MOUNT_ORIGIN}/api/trpc/${path}`, {
          method: init.method ?? 'GET',
          headers,
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

export interface CallOptions {
  headers?: Record<string, string>;
  peer?: string;
}

/**
 * A tRPC mutation as clients send it: POST with a plain JSON body; a call without input sends
 * `null`, as the shared transformer does for tRPC's links.
 */
export async function postJson(mount: Mount, path: string, input?: unknown, options: CallOptions = {}) {
  const headers = { 'content-type': 'application/json', ...options.headers };
  const body = JSON.stringify(input === undefined ? null : input);
  return mount.request(path, { method: 'POST', headers, body, peer: options.peer });
}

export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased; flags (HttpOnly) map to ''. */
  attributes: Record<string, string>;
  /** `name=value`, as a browser would send it back in Cookie. */
  pair: string;
}

/** Every Set-Cookie of a response, parsed. */
export function setCookiesOf(res: Response): SetCookie[] {
  return res.headers.getSetCookie().map((header) => {
    const [pair = '', ...rest] = header.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const attributes: Record<string, string> = {};
    for (const attribute of rest) {
      const at = attribute.indexOf('=');
      if (at === -1) attributes[attribute.toLowerCase()] = '';
      else attributes[attribute.slice(0, at).toLowerCase()] = attribute.slice(at + 1);
    }
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes, pair };
  });
}

const errorEnvelope = z.object({
  error: z.object({
    json: z.object({
      message: z.string(),
      data: z.looseObject({ appCode: z.string(), httpStatus: z.number(), requestId: z.string().nullable() }),
    }),
  }),
});

/**
 * A tRPC error response: status, stable code, message, and the body without its request id
 * (the one part two otherwise equal answers must not share).
 */
export async function errorOf(res: Response) {
  const raw: unknown = await res.json();
  const { json } = errorEnvelope.parse(raw).error;
  const { requestId: _id, ...data } = json.data;
  return {
    status: res.status,
    appCode: json.data.appCode,
    message: json.message,
    body: { ...json, data },
  };
}

/** A client address of its own (10.x.y.z), so per-IP limits of one test touch no other. */
export function randomPeer(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}
