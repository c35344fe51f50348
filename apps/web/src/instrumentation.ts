import type { Server } from 'node:http';
import type { Logger } from '@taskforge/api';
import type { Db } from '@taskforge/db';

// Set by src/server/db.ts (the pool) and below (so a `next dev` reload does not hook twice).
const cache = globalThis as typeof globalThis & {
  __taskforgeWebDb?: Db;
  __taskforgeWebShutdownHook?: boolean;
};

/** A hung disconnect must not hold up Next's exit: the process ending closes the sockets anyway. */
const POOL_CLOSE_LIMIT_MS = 3000;

/**
 * Next calls this once per server process, before it serves. In the Node server: the method
 * guard in front of Next, and the web app's database pool closed when the server shuts down.
 */
export async function register(): Promise<void> {
  // Next inlines NEXT_RUNTIME per bundle; written this way the edge bundle drops the block,
  // and with it every Node-only import.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    if (cache.__taskforgeWebShutdownHook) return;
    cache.__taskforgeWebShutdownHook = true;
    const [{ subscribe }, { Server: HttpServer }, { getLogger }, { installMethodGuard }] = await Promise.all([
      import('node:diagnostics_channel'),
      import('node:http'),
      import('./server/logger.ts'),
      import('./server/method-guard.ts'),
    ]);
    // Before the first request, not when route.ts is first loaded (see method-guard.ts).
    installMethodGuard({ logger: getLogger });
    const closePool = () => closeDatabasePool(getLogger());
    // Node announces every request with the server that accepted it; that is how we find the
    // server Next listens on (it is not handed to app code).
    subscribe('http.server.request.start', (message) => {
      if (typeof message !== 'object' || message === null || !('server' in message)) return;
      const { server } = message;
      if (server instanceof HttpServer) closePoolWithServer(server, closePool);
    });
  }
}

const hooked = new WeakSet<Server>();

/**
 * `next start` handles SIGTERM/SIGINT itself (next/dist/server/lib/start-server.js): it calls
 * server.close(), waits for its callback — every connection, so every in-flight request, is
 * done — then closes its own internals and calls process.exit(). It offers no hook, and a
 * signal listener of ours would race that exit (or, closing the pool at once, fail requests
 * still in flight). So the pool closes inside server.close(): after the last request, before
 * Next's callback, and so before Next's exit. Next's sequence and exit code stay as they are.
 */
function closePoolWithServer(server: Server, closePool: () => Promise<void>): void {
  if (hooked.has(server)) return;
  hooked.add(server);
  const close = server.close.bind(server);
  server.close = (callback) => {
    close((error) => {
      void closePool().finally(() => callback?.(error));
    });
    return server;
  };
}

async function closeDatabasePool(logger: Logger): Promise<void> {
  const db = cache.__taskforgeWebDb;
  if (!db) return; // No request ever needed the database.
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), POOL_CLOSE_LIMIT_MS);
  });
  try {
    const outcome = await Promise.race([db.$disconnect().then(() => 'closed' as const), limit]);
    const durationMs = Math.round(performance.now() - started);
    if (outcome === 'closed') logger.info({ durationMs }, 'shutdown: database pool closed');
    else logger.warn({ limitMs: POOL_CLOSE_LIMIT_MS }, 'shutdown: database pool did not close in time');
  } catch (error) {
    logger.error({ err: error }, 'shutdown: closing the database pool failed');
  } finally {
    clearTimeout(timer);
  }
}
