import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import { REQUEST_ID_HEADER } from '@taskforge/api';
import type { FastifyInstance } from 'fastify';

/**
 * Helmet's defaults minus the parts that only make sense for HTML: this server answers
 * JSON, so a Content-Security-Policy adds bytes and no protection. nosniff, frameguard,
 * referrer policy, HSTS (honoured only over HTTPS) and the cross-origin policies stay.
 */
export async function registerSecurity(app: FastifyInstance, corsOrigins: readonly string[]): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false });
  // No configured origin means no CORS headers at all: browsers then refuse cross-origin calls.
  if (corsOrigins.length === 0) return;
  await app.register(cors, {
    origin: [...corsOrigins],
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
}
