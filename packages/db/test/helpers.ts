import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { type CreateDbOptions, createDb, type Db } from '../src/index.ts';

// Provided by test/global-setup.ts (declared again here: packages/db must not import db-tools).
declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { adminUrl: string; template: string };
  }
}

/** A pg client for side work in a test: locking tables, terminating backends. */
export async function connect(url: string, applicationName = 'taskforge-db-test'): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  client.on('error', () => {}); // a test that terminates backends may terminate this one's too
  await client.connect();
  return client;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface Databases {
  /** A migrated clone of the suite's template. */
  readonly url: string;
  /** A database with no tables at all. */
  readonly emptyUrl: string;
  /** A client on the migrated clone, dropped after the file. */
  db(options?: Omit<CreateDbOptions, 'url'>): Db;
}

/**
 * This file's own databases (a migrated clone and an empty one) plus every client a test
 * makes on them, all disconnected and dropped after the file.
 */
export function useDatabases(): Databases {
  const names: string[] = [];
  const clients: Db[] = [];
  let admin = '';
  let url = '';
  let emptyUrl = '';
  beforeAll(async () => {
    const { adminUrl, template } = inject('testDb');
    admin = adminUrl;
    const suffix = randomBytes(5).toString('hex');
    const client = await connect(adminUrl);
    try {
      for (const [name, from] of [
        [`taskforge_t_${suffix}`, template],
        [`taskforge_e_${suffix}`, null],
      ] as const) {
        for (let attempt = 0; ; attempt++) {
          try {
            const clause = from ? ` TEMPLATE ${pg.escapeIdentifier(from)}` : '';
            await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${clause}`);
            names.push(name);
            break;
          } catch (error) {
            // 55006: another file is cloning the template this instant.
            if (!(error instanceof pg.DatabaseError && error.code === '55006') || attempt > 20) throw error;
            await new Promise((r) => setTimeout(r, 50 + attempt * 25));
          }
        }
      }
    } finally {
      await client.end();
    }
    url = withDatabase(adminUrl, `taskforge_t_${suffix}`);
    emptyUrl = withDatabase(adminUrl, `taskforge_e_${suffix}`);
  });
  afterAll(async () => {
    await Promise.all(clients.map((db) => db.$disconnect().catch(() => {})));
    const client = await connect(admin);
    try {
      for (const name of names)
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  return {
    get url() {
      return url;
    },
    get emptyUrl() {
      return emptyUrl;
    },
    db(options = {}) {
      const db = createDb({ url, ...options });
      clients.push(db);
      return db;
    },
  };
}

/** A URL where nothing listens: connecting fails at once with ECONNREFUSED. */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const found = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(found));
    });
  });
  return `postgresql://postgres@127.0.0.1:${port}/taskforge`;
}

/** Log lines a test can count, in the shape createDb's logger receives them. */
export function captureLogger() {
  const lines: { level: 'warn' | 'info'; obj: Record<string, unknown>; msg: string }[] = [];
  return {
    lines,
    logger: {
      warn: (obj: object, msg: string) => lines.push({ level: 'warn', obj: { ...obj }, msg }),
      info: (obj: object, msg: string) => lines.push({ level: 'info', obj: { ...obj }, msg }),
    },
  };
}

/** Polls until `check` is true (for state in another session, e.g. a backend waiting on a lock). */
export async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
