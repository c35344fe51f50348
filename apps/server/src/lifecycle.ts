/**
 * Where the process is in its life, for everything that answers differently while it stops:
 * readiness (503 once draining), the drain hook (`Connection: close`), shutdown (which moves
 * it along). One object per server, passed in, so tests can build one and flip it.
 *
 * - serving:  normal traffic.
 * - draining: a stop was requested; readiness fails so the load balancer stops routing here,
 *             and every response tells its client to drop the keep-alive connection. Requests
 *             are still served, new connections still accepted.
 * - closing:  the listener is closed; requests in flight finish, nothing new is accepted.
 */
export type LifecyclePhase = 'serving' | 'draining' | 'closing';

export interface Lifecycle {
  readonly phase: LifecyclePhase;
  /** True from the first stop request on: draining or closing. */
  readonly stopping: boolean;
  /** serving -> draining; later calls change nothing. */
  beginDrain(): void;
  /** -> closing, whether or not a drain came first (app.close() in tests skips it). */
  beginClose(): void;
}

export function createLifecycle(): Lifecycle {
  let phase: LifecyclePhase = 'serving';
  return {
    get phase() {
      return phase;
    },
    get stopping() {
      return phase !== 'serving';
    },
    beginDrain() {
      if (phase === 'serving') phase = 'draining';
    },
    beginClose() {
      phase = 'closing';
    },
  };
}
