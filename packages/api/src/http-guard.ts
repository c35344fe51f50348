import { getConfig } from '@taskforge/config';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { AppError, formatErrorShape } from './errors.ts';
import { transformer } from './transformer.ts';

/**
 * What both mounts check before tRPC sees a request, so a request is refused the same way
 * wherever it lands, and before any body is read or parsed.
 */

/** GET for queries, POST for mutations; HEAD and OPTIONS because HTTP expects them. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST'] as const;
export const ALLOW_HEADER = ALLOWED_METHODS.join(', ');

export interface HttpLimits {
  /** Largest request body either mount reads (BODY_LIMIT_BYTES). */
  bodyLimitBytes: number;
  /** Most procedure calls one batched request may carry (TRPC_MAX_BATCH_SIZE): tRPC's maxBatchSize. */
  maxBatchSize: number;
}

/** The limits from config: one setting for both mounts (and the web client's batch link). */
export function httpLimits(): HttpLimits {
  const config = getConfig();
  return { bodyLimitBytes: config.BODY_LIMIT_BYTES, maxBatchSize: config.TRPC_MAX_BATCH_SIZE };
}

/** A request refused before tRPC runs: the error callers see, and headers it needs (Allow). */
export interface Refusal {
  error: AppError;
  headers: Record<string, string>;
}

/** The parts of a request that can be judged before reading its body. */
export interface RequestHead {
  method: string;
  contentType: string | null | undefined;
  contentLength: string | null | undefined;
}

/** The answer to OPTIONS: which methods the endpoint takes (CORS preflights are answered before this). */
export const optionsAnswer = { status: 204, headers: { allow: ALLOW_HEADER } } as const;

/**
 * Refuses what can be refused from the request line and headers alone: a method the API does
 * not take (405), a POST body that is not JSON (415: multipart would otherwise be parsed by
 * tRPC itself), a declared body over the limit (413). Null means go on (OPTIONS is handled by
 * the caller with optionsAnswer).
 */
export function refuseByHead(head: RequestHead, limits: HttpLimits): Refusal | null {
  const method = head.method.toUpperCase();
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) return methodNotAllowed();
  if (method !== 'POST') return null;
  if (!isJson(head.contentType)) {
    return refusal(
      'UNSUPPORTED_MEDIA_TYPE',
      'UNSUPPORTED_MEDIA_TYPE',
      'Send request bodies as application/json',
    );
  }
  const declared = head.contentLength ? Number(head.contentLength) : Number.NaN;
  if (Number.isFinite(declared) && declared > limits.bodyLimitBytes) return payloadTooLarge(limits);
  return null;
}

export function methodNotAllowed(): Refusal {
  const refused = refusal(
    'METHOD_NOT_SUPPORTED',
    'METHOD_NOT_ALLOWED',
    'Method not allowed: use GET for queries and POST for mutations',
  );
  return { ...refused, headers: { allow: ALLOW_HEADER } };
}

export function payloadTooLarge(limits: HttpLimits): Refusal {
  return refusal(
    'PAYLOAD_TOO_LARGE',
    'PAYLOAD_TOO_LARGE',
    `Request body larger than ${limits.bodyLimitBytes} bytes`,
  );
}

function refusal(
  code: ConstructorParameters<typeof AppError>[0]['code'],
  appCode: ConstructorParameters<typeof AppError>[0]['appCode'],
  message: string,
): Refusal {
  return { error: new AppError({ code, appCode, message }), headers: {} };
}

/** Media types are case-insensitive and may carry parameters (`; charset=utf-8`). */
function isJson(contentType: string | null | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * A refusal as an HTTP answer in tRPC's own error envelope (encoded by the output
 * transformer), so tRPC clients read it like any other error, with its appCode.
 */
export function refusalResponse(
  { error, headers }: Refusal,
  requestId: string,
): { status: number; headers: Record<string, string>; body: string } {
  const status = getHTTPStatusCodeFromError(error);
  const shape = formatErrorShape(
    {
      shape: {
        message: error.message,
        code: TRPC_ERROR_CODES_BY_KEY[error.code],
        data: { code: error.code, httpStatus: status },
      },
      error,
      requestId,
    },
    { exposeErrors: false },
  );
  return {
    status,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ error: transformer.output.serialize(shape) }),
  };
}

/**
 * Reads a fetch body into memory, refusing once it passes `limit` bytes: for bodies whose
 * length was not declared (chunked) or cannot be trusted. Never holds more than the limit.
 */
export async function readBodyWithin(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false }> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
