import cors from '@fastify/cors';
import { REQUEST_ID_HEADER } from '@taskforge/api';
import type { FastifyInstance } from 'fastify';

/**
 * What helmet 8 sends with its Content-Security-Policy turned off (this server answers JSON, so
 * a CSP adds bytes and no protection), as one constant. @fastify/helmet (no longer a dependency) rebuilt helmet's
 * middleware on every request through two hooks: about 3-5 KiB of garbage per request, for
 * headers that never change (see docs/deployment.md, memory budget).
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  // Honoured by browsers only over HTTPS, i.e. behind the TLS-terminating proxy.
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

/**
 * Security headers on every response (404s and errors included: onRequest runs before
 * routing), and CORS only for the configured origins. An empty list — production's default —
 * registers no CORS at all: no Access-Control-* header is ever sent, so browsers refuse every
 * cross-origin call and preflight.
 */
export async function registerSecurity(app: FastifyInstance, corsOrigins: readonly string[]): Promise<void> {
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  if (corsOrigins.length === 0) return;
  await app.register(cors, {
    origin: [...corsOrigins],
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
}
