import type { FastifyInstance } from 'fastify';
import type { Lifecycle } from './lifecycle.ts';

/**
 * Once the lifecycle is stopping, every response carries `Connection: close`: keep-alive
 * clients and load balancers open a fresh connection for their next request (to another
 * instance, once readiness has taken this one out of rotation) instead of reusing a socket
 * that the closing server would destroy under a request already on the wire — the
 * ECONNRESET that a plain close causes under keep-alive load.
 *
 * Callback-style hooks, not async ones: onSend runs on every response, and an async hook
 * allocates a promise each time for a branch that is almost never taken.
 */
export function registerDrain(app: FastifyInstance, lifecycle: Lifecycle): void {
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (lifecycle.stopping) reply.header('connection', 'close');
    done(null, payload);
  });
  // app.close() without a drain first (tests, a start-up failure) still closes connections
  // after their last response, so close() does not wait on idle keep-alive sockets.
  app.addHook('preClose', (done) => {
    lifecycle.beginClose();
    done();
  });
}
