import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastifyMount, type Mount, type MountOptions, nextMount, queryInput } from './mounts.ts';

// What one request may ask of either mount: methods, body type and size, batch size. Each
// refusal comes before any body is parsed, in tRPC's error envelope with a stable code.
const database = useTestDatabase();

const LIMITS = { bodyLimitBytes: 4096, maxBatchSize: 3 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const errorBody = z.object({
  error: z.object({
    json: z.object({
      message: z.string(),
      data: z.looseObject({
        code: z.string(),
        httpStatus: z.number(),
        appCode: z.string(),
        requestId: z.string().nullable(),
      }),
    }),
  }),
});

/** Status, stable code and message of an error response; its request id must be the header's. */
async function refusalOf(res: Response) {
  const { message, data } = errorBody.parse(await res.json()).error.json;
  expect(data.httpStatus).toBe(res.status);
  return { status: res.status, appCode: data.appCode, message, requestId: data.requestId };
}

/** A JSON body streamed in 1 KiB chunks without content-length; counts what the mount pulled. */
function streamedBody(totalBytes: number) {
  const chunk = new TextEncoder().encode('x'.repeat(1024));
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe.each([
  ['fastify', fastifyMount],
  ['next', nextMount],
] as const)('request limits: %s', (name, makeMount) => {
  let mount: Mount;
  let defaults: Mount;
  beforeAll(async () => {
    const options: MountOptions = { limits: LIMITS };
    mount = await makeMount(database.current.db, options);
    defaults = await makeMount(database.current.db);
  });
  afterAll(async () => {
    await mount?.close();
    await defaults?.close();
  });

  describe('methods', () => {
    // fetch's Request cannot carry TRACE or CONNECT, so the Next handler is never called with
    // them: apps/web/test/method-guard.test.ts covers TRACE in front of Next.
    const methods =
      name === 'fastify'
        ? ['PUT', 'DELETE', 'PATCH', 'PROPFIND', 'TRACE', 'CONNECT']
        : ['PUT', 'DELETE', 'PATCH', 'PROPFIND'];
    it.each(methods)('%s gets 405 METHOD_NOT_ALLOWED with Allow', async (method) => {
      const res = await mount.request('health.ping', { method });
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
      expect(res.headers.get('x-request-id')).toMatch(UUID);
      const refusal = await refusalOf(res);
      expect(refusal).toMatchObject({ status: 405, appCode: 'METHOD_NOT_ALLOWED' });
      expect(refusal.requestId).toBe(res.headers.get('x-request-id'));
    });

    it('answers OPTIONS with the methods it takes', async () => {
      const res = await mount.request('health.ping', { method: 'OPTIONS' });
      expect(res.status).toBe(204);
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
    });

    it('answers HEAD without a body', async () => {
      const res = await mount.request('health.ping', { method: 'HEAD' });
      expect(res.status).toBeLessThan(300);
      expect(await res.text()).toBe('');
    });
  });

  describe('bodies', () => {
    const json = { 'content-type': 'application/json' };

    it('refuses a text/plain POST with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const res = await mount.request('health.ping', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hi',
      });
      expect(await refusalOf(res)).toMatchObject({ status: 415, appCode: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('refuses a POST without a content type with 415', async () => {
      const res = await mount.request('health.ping', { method: 'POST', body: '{}' });
      expect(await refusalOf(res)).toMatchObject({ status: 415, appCode: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('refuses multipart/form-data with 415 before reading it', async () => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(64 * 1024)]));
      const encoded = new Response(form);
      const contentType = encoded.headers.get('content-type') ?? '';
      expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
      const res = await mount.request('health.ping', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(await encoded.arrayBuffer()),
      });
      expect(await refusalOf(res)).toMatchObject({ status: 415, appCode: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('refuses a declared body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await mount.request('health.ping', {
        method: 'POST',
        headers: { ...json, 'content-length': String(LIMITS.bodyLimitBytes + 1) },
        body: 'x'.repeat(LIMITS.bodyLimitBytes + 1),
      });
      expect(await refusalOf(res)).toMatchObject({ status: 413, appCode: 'PAYLOAD_TOO_LARGE' });
    });

    it('refuses a chunked body (no content-length) once it passes the limit', async () => {
      const body = streamedBody(LIMITS.bodyLimitBytes * 4);
      const res = await mount.request('health.ping', { method: 'POST', headers: json, body: body.stream });
      expect(await refusalOf(res)).toMatchObject({ status: 413, appCode: 'PAYLOAD_TOO_LARGE' });
    });

    it('lets a JSON body within the limit through to tRPC', async () => {
      const body = streamedBody(LIMITS.bodyLimitBytes / 2);
      const res = await mount.request('health.ping', { method: 'POST', headers: json, body: body.stream });
      // health.ping is a query: tRPC itself refuses the POST, having read the body.
      const refusal = await refusalOf(res);
      expect(refusal).toMatchObject({ status: 405, appCode: 'METHOD_NOT_ALLOWED' });
      expect(refusal.message).toMatch(/query procedure/);
    });
  });

  describe('batches', () => {
    const paths = (n: number) => Array.from({ length: n }, () => 'health.ping').join(',');

    it('serves a batch at the limit', async () => {
      const res = await mount.request(`${paths(LIMITS.maxBatchSize)}?batch=1&${queryInput({})}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toHaveLength(LIMITS.maxBatchSize);
    });

    it('refuses a batch over the limit with 400 BATCH_TOO_LARGE', async () => {
      const res = await mount.request(`${paths(LIMITS.maxBatchSize + 1)}?batch=1&${queryInput({})}`);
      expect(await refusalOf(res)).toMatchObject({ status: 400, appCode: 'BATCH_TOO_LARGE' });
    });

    it('takes its default limit from TRPC_MAX_BATCH_SIZE (25)', async () => {
      expect((await defaults.request(`${paths(25)}?batch=1&${queryInput({})}`)).status).toBe(200);
      const over = await defaults.request(`${paths(26)}?batch=1&${queryInput({})}`);
      expect(await refusalOf(over)).toMatchObject({ status: 400, appCode: 'BATCH_TOO_LARGE' });
    });
  });
});

describe('next mount reads a streamed body with a cap', () => {
  it('stops pulling an endless body soon after the limit', async () => {
    const mount = await nextMount(database.current.db, { limits: LIMITS });
    const body = streamedBody(Number.POSITIVE_INFINITY);
    const res = await mount.request('health.ping', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.stream,
    });
    expect(res.status).toBe(413);
    // The limit plus what the stream had queued ahead (its high-water mark), never the whole body.
    expect(body.pulled()).toBeLessThanOrEqual(LIMITS.bodyLimitBytes + 2 * 1024);
  });

  it('does not read a body it refuses for its type', async () => {
    const mount = await nextMount(database.current.db, { limits: LIMITS });
    const body = streamedBody(Number.POSITIVE_INFINITY);
    const res = await mount.request('health.ping', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: body.stream,
    });
    expect(res.status).toBe(415);
    expect(body.pulled()).toBeLessThanOrEqual(1024);
  });
});
