import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { createApiToken, createUser } from '@taskforge/api/testing';
import { freePort } from '@taskforge/db-tools';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, killWebProcesses, startWeb } from './helpers/web-process.ts';

const database = useTestDatabase();
afterAll(killWebProcesses);

beforeAll(ensureWebBuild, 11 * 60_000);

/** The web app's connections to the test database, as PostgreSQL sees them. */
async function webConnections(observer: pg.Client): Promise<{ waiting: number; total: number }> {
  const { rows } = await observer.query<{ total: number; waiting: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting
       FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'taskforge-web'`,
  );
  return rows[0] ?? { total: 0, waiting: 0 };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function refuses(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('next start (apps/web npm start) on SIGTERM', () => {
  it('finishes the request in flight, then closes its database pool, then exits as Next does', async () => {
    // stats.summary is for instance administrators.
    const operator = await createUser(database.current.db, { isInstanceAdmin: true });
    const { token } = await createApiToken(database.current.db, operator, 'READ');
    const port = await freePort();
    const web = await startWeb({
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.current.url,
      WEB_PORT: String(port),
      // Long enough that the locked table below holds the request until we release it.
      DATABASE_LOCK_TIMEOUT_MS: '30000',
      DATABASE_STATEMENT_TIMEOUT_MS: '30000',
    });

    // WEB_HOST's default: loopback only, even though `next start` alone binds every interface.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal);
    if (external) expect(await refuses(external.address, port)).toBe(true);

    const observer = new pg.Client({ connectionString: database.current.url });
    await observer.connect();
    const locker = new pg.Client({ connectionString: database.current.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE');
      const inFlight = fetch(`http://127.0.0.1:${port}/api/trpc/stats.summary`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await until(
        async () => (await webConnections(observer)).waiting > 0,
        'the summary to wait on the lock',
      );

      web.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      // Still there for the request in flight: the pool must not close under it.
      expect(web.child.exitCode).toBeNull();
      expect((await webConnections(observer)).total).toBeGreaterThan(0);
      expect(web.messages()).not.toContain('shutdown: database pool closed');

      await locker.query('COMMIT');
      const res = await inFlight;
      expect(res.status).toBe(200);
      const { code } = await web.exited;
      // Next's own code for an exit on SIGTERM (128 + 15): its sequence is unchanged.
      expect(code, web.lines.join('\n')).toBe(143);
      const messages = web.messages();
      expect(messages).toContain('shutdown: database pool closed');
      // The access line of the request comes before the pool closes.
      expect(messages.indexOf('request')).toBeLessThan(messages.indexOf('shutdown: database pool closed'));
      expect(await webConnections(observer)).toEqual({ total: 0, waiting: 0 });
    } finally {
      await locker.end().catch(() => {});
      await observer.end();
    }
  });
});
