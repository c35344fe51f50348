import type { OutgoingHttpHeaders } from 'node:http';
import { getConfig } from '@taskforge/config';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface RequestTimeoutOptions {
  /** How long a handler may take before the client gets a 504. Default: REQUEST_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** The stable code of the 504, the same as database timeouts carry (errors.ts: TIMEOUT). */
export const REQUEST_TIMEOUT_CODE = 'TIMEOUT';

/**
 * Backstop for a request nobody answers: the database has its own, shorter bounds, so this
 * only fires for work that escaped them. After `timeoutMs` the client gets a 504 JSON with
 * a stable code; the handler keeps running (nothing can cancel it) and its late answer is
 * dropped.
 *
 * Not Fastify's `handlerTimeout`: that one answers through the error handler, which turns
 * every 5xx into a logged 500 "Internal server error".
 */
export function registerRequestTimeout(
  app: FastifyInstance,
  { timeoutMs = getConfig().REQUEST_TIMEOUT_MS }: RequestTimeoutOptions = {},
): void {
  if (timeoutMs <= 0) return;
  app.addHook('onRequest', (_req, reply, done) => {
    const timer = setTimeout(() => answerTimedOut(reply, timeoutMs), timeoutMs);
    // 'close' comes when the response has finished or the client went away: either way, done.
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}

function answerTimedOut(reply: FastifyReply, timeoutMs: number): void {
  // Already answering (a streamed body has started): cutting it would only corrupt it.
  if (reply.sent || reply.raw.headersSent) return;
  reply.log.warn({ timeoutMs }, 'request timed out: answered 504, the handler is still running');
  // Written on the raw response, synchronously: an ordinary send() runs the onSend hooks
  // asynchronously, and the handler's own answer could slip in between.
  reply.hijack();
  const body = JSON.stringify({
    error: 'Request timed out',
    code: REQUEST_TIMEOUT_CODE,
    requestId: reply.request.id,
  });
  const headers: OutgoingHttpHeaders = {};
  // Headers hooks have set so far (request id, security headers) still go out.
  for (const [name, value] of Object.entries(reply.getHeaders()))
    if (value !== undefined) headers[name] = value;
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = Buffer.byteLength(body);
  delete headers['content-encoding'];
  reply.raw.writeHead(504, headers);
  reply.raw.end(body);
  // The handler's late answer: Fastify would log "Reply was already sent" with a stack for
  // each one. It is expected here, so it is dropped quietly.
  reply.send = () => reply;
}
