import type { RouterOutputs } from '@taskforge/api';

type Ready = RouterOutputs['health']['ready'];

const tones = {
  ready: {
    label: 'Ready',
    ring: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
    dot: 'bg-emerald-500',
  },
  degraded: {
    label: 'Busy',
    ring: 'bg-sky-50 text-sky-800 ring-sky-600/25',
    dot: 'bg-sky-500',
  },
  not_ready: {
    label: 'Not ready',
    ring: 'bg-amber-50 text-amber-800 ring-amber-600/25',
    dot: 'bg-amber-500',
  },
  unavailable: {
    label: 'Unavailable',
    ring: 'bg-rose-50 text-rose-700 ring-rose-600/20',
    dot: 'bg-rose-500',
  },
  checking: {
    label: 'Checking…',
    ring: 'bg-slate-100 text-slate-600 ring-slate-500/20',
    dot: 'bg-slate-400',
  },
} as const;

/** Ready, busy (serving on a full pool), not ready (with the reason), the API unreachable, or still asking. */
export function StatusBadge({ ready, failed }: { ready: Ready | undefined; failed: boolean }) {
  const state = ready ? ready.status : failed ? 'unavailable' : 'checking';
  const tone = tones[state];
  return (
    <span
      data-testid="status-badge"
      data-status={state}
      title={ready ? reason(ready) : undefined}
      className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${tone.ring}`}
    >
      <span className="relative flex size-2">
        {state === 'ready' ? (
          <span
            className={`absolute inline-flex size-full animate-ping rounded-full opacity-60 ${tone.dot}`}
          />
        ) : null}
        <span className={`relative inline-flex size-2 rounded-full ${tone.dot}`} />
      </span>
      {tone.label}
    </span>
  );
}

function reason(ready: Ready): string {
  if (!ready.database.reachable) return ready.database.error ?? 'Database unreachable';
  const pending = ready.migrations.pending?.length ?? 0;
  if (pending > 0) return `${pending} migration(s) pending`;
  if (ready.pool.exhausted) return `Serving, but all ${ready.pool.max} database connections are busy`;
  return 'Database reachable, all migrations applied';
}
