import { newApiToken } from '@taskforge/auth';
import { useEmptyDatabase, useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureLog, waitForLines } from './log-capture.ts';
import { fastifyMount, type Mount, nextMount, queryInput } from './mounts.ts';

// Each request writes one access line on either mount, with the same fields; only our own
// faults add a line (error level, with the stack).
const database = useTestDatabase();
const empty = useEmptyDatabase();

const logLine = z.looseObject({ level: z.number(), msg: z.string(), reqId: z.string().optional() });
type LogLine = z.infer<typeof logLine>;

/** The lines written since the last call, once there are at least `count`. */
async function linesAfter(lines: string[], count: number): Promise<LogLine[]> {
  await waitForLines(lines, count);
  return lines.splice(0, lines.length).map((text) => logLine.parse(JSON.parse(text)));
}

describe.each([
  ['fastify', fastifyMount, '/trpc'],
  ['next', nextMount, '/api/trpc'],
] as const)('access log: %s', (_name, makeMount, prefix) => {
  const { lines, logger } = captureLog('info');
  let mount: Mount;
  let broken: Mount;
  beforeAll(async () => {
    mount = await makeMount(database.current.db, { logger });
    broken = await makeMount(empty.current.db, { logger });
  });
  afterAll(async () => {
    await mount?.close();
    await broken?.close();
  });

  it('writes exactly one line for a successful call, without the query string', async () => {
    const res = await mount.request(`health.ping?${queryInput({ echo: 'secret-in-input' })}`, {
      headers: { 'x-request-id': 'client-abc.1' },
    });
    expect(res.status).toBe(200);
    const logged = await linesAfter(lines, 1);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request',
        method: 'GET',
        path: `${prefix}/health.ping`,
        procedures: ['health.ping'],
        status: 200,
        durationMs: expect.any(Number),
        reqId: res.headers.get('x-request-id'),
        clientRequestId: 'client-abc.1',
      }),
    ]);
    expect(JSON.stringify(logged)).not.toContain('secret-in-input');
  });

  it('names every procedure of a batch and the stable codes of the calls that failed', async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { echo: 'x'.repeat(101) } }));
    const res = await mount.request(`health.ping,stats.summary?batch=1&input=${input}`);
    expect(res.status).toBe(207);
    const [line, ...rest] = await linesAfter(lines, 1);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      procedures: ['health.ping', 'stats.summary'],
      calls: 2,
      status: 207,
      // Bad input, and no credentials for an instance-admin procedure (in the order calls ended).
      failures: expect.arrayContaining(['VALIDATION_FAILED', 'UNAUTHENTICATED']),
    });
  });

  it('logs a refused request once, with its code', async () => {
    const res = await mount.request('health.ping', { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(await linesAfter(lines, 1)).toEqual([
      expect.objectContaining({
        msg: 'request',
        method: 'PUT',
        status: 405,
        failures: ['METHOD_NOT_ALLOWED'],
      }),
    ]);
  });

  it('adds one error line with the stack for our own fault, and no line per outage or mistake', async () => {
    // A well-formed token makes the call look it up, which fails inside Prisma (no tables).
    const res = await broken.request('auth.me', {
      headers: { authorization: `Bearer ${newApiToken().token}` },
    });
    expect(res.status).toBe(500);
    const logged = await linesAfter(lines, 2);
    const failure = logged.find((line) => line.level === 50);
    expect(failure).toMatchObject({ msg: 'trpc call failed', reqId: res.headers.get('x-request-id') });
    expect(JSON.stringify(failure)).toMatch(/"stack":"/);
    expect(logged.filter((line) => line.msg === 'request')).toEqual([
      expect.objectContaining({ status: 500, failures: ['INTERNAL'] }),
    ]);
    expect(logged).toHaveLength(2);
  });
});
