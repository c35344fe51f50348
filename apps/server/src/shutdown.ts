import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@taskforge/api';
import type { FastifyInstance } from 'fastify';
import type { Lifecycle } from './lifecycle.ts';

export interface ShutdownOptions {
  app: FastifyInstance;
  lifecycle: Lifecycle;
  logger: Logger;
  /** How long readiness fails and responses close their connections before the listener closes. */
  drainMs: number;
  /** How long in-flight requests get, once the listener is closed, before their connections are cut. */
  timeoutMs: number;
  /** Run in order after the HTTP server has closed (the database pool). */
  cleanup: { name: string; run: () => Promise<void> }[];
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM/SIGINT: drain, then close. Draining (drainMs) fails readiness and sends
 * `Connection: close` on every response while still serving everything, so the load balancer
 * stops routing here and clients leave their keep-alive sockets; only then does the listener
 * close, in-flight requests finish (app.close() waits for them) up to timeoutMs, resources are
 * released in order and the process exits 0 — or 1 when connections had to be cut or a step
 * failed, so supervisors see an unclean stop. A second signal means the operator has given up
 * waiting: exit at once.
 */
export function installShutdown(options: ShutdownOptions): void {
  const { logger } = options;
  let shuttingDown = false;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (shuttingDown) {
        logger.warn({ signal }, 'shutdown: second signal, exiting immediately');
        process.exit(1);
      }
      shuttingDown = true;
      shutdown(signal, options).then(
        (clean) => process.exit(clean ? 0 : 1),
        (error: unknown) => {
          logger.fatal({ err: error }, 'shutdown: failed');
          process.exit(1);
        },
      );
    });
  }
}

async function shutdown(
  signal: string,
  { app, lifecycle, logger, drainMs, timeoutMs, cleanup }: ShutdownOptions,
): Promise<boolean> {
  const started = performance.now();
  lifecycle.beginDrain();
  if (drainMs > 0) {
    logger.info({ signal, drainMs }, 'shutdown: draining (readiness 503, Connection: close)');
    await sleep(drainMs);
  }
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
