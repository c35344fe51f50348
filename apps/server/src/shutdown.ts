import type { Logger } from '@taskforge/api';
import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  app: FastifyInstance;
  logger: Logger;
  /** How long in-flight requests get before their connections are cut. */
  timeoutMs: number;
  /** Run in order after the HTTP server has closed (database pool, embedded PostgreSQL). */
  cleanup: { name: string; run: () => Promise<void> }[];
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM/SIGINT: stop accepting, let in-flight requests finish (app.close() waits for
 * them) up to the deadline, then release resources in order and exit 0 — or 1 when
 * connections had to be cut or a step failed, so supervisors see an unclean stop. A second
 * signal means the operator has given up waiting: exit at once.
 */
export function installShutdown({ app, logger, timeoutMs, cleanup }: ShutdownOptions): void {
  let shuttingDown = false;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (shuttingDown) {
        logger.warn({ signal }, 'shutdown: second signal, exiting immediately');
        process.exit(1);
      }
      shuttingDown = true;
      shutdown(signal).then(
        (clean) => process.exit(clean ? 0 : 1),
        (error: unknown) => {
          logger.fatal({ err: error }, 'shutdown: failed');
          process.exit(1);
        },
      );
    });
  }

  async function shutdown(signal: string): Promise<boolean> {
    const started = performance.now();
    logger.info({ signal, timeoutMs }, 'shutdown: closing HTTP server, waiting for in-flight requests');
    let clean = true;
    const deadline = Promise.withResolvers<'timeout'>();
    const timer = setTimeout(() => deadline.resolve('timeout'), timeoutMs);
    const outcome = await Promise.race([app.close().then(() => 'closed' as const), deadline.promise]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      clean = false;
      logger.warn({ timeoutMs }, 'shutdown: deadline reached, cutting remaining connections');
      app.server.closeAllConnections();
    } else {
      logger.info('shutdown: HTTP server closed');
    }
    for (const step of cleanup) {
      try {
        await step.run();
        logger.info(`shutdown: ${step.name} done`);
      } catch (error) {
        clean = false;
        logger.error({ err: error }, `shutdown: ${step.name} failed`);
      }
    }
    logger.info({ durationMs: Math.round(performance.now() - started), clean }, 'shutdown: complete');
    return clean;
  }
}
