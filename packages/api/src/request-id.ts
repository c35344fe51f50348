import { randomUUID } from 'node:crypto';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** The server's own id for a request: always a new UUID, so callers cannot forge or collide log ids. */
export function newRequestId(): string {
  return randomUUID();
}

/**
 * The server's id for a request with these headers. Kept for callers written when a safe
 * x-request-id was adopted; the caller's id is now never used (see clientRequestIdFrom).
 */
export function requestIdFrom(_headers: HeaderSource): string {
  return newRequestId();
}

/**
 * The caller's own x-request-id when it is safe to log, for correlating with their logs;
 * null otherwise. It is logged beside the server's id (as clientRequestId), never instead of it.
 */
export function clientRequestIdFrom(headers: HeaderSource): string | null {
  const raw = headers instanceof Headers ? headers.get(REQUEST_ID_HEADER) : headers[REQUEST_ID_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && SAFE_ID.test(value) ? value : null;
}
