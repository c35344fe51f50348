import type { RouterOutputs } from '@taskforge/api';
import type { ReactNode } from 'react';
import { formatLatency, formatUtcDate, formatUtcTime } from '../../../_components/format.ts';

type Ready = RouterOutputs['health']['ready'];
type Ping = RouterOutputs['health']['ping'];

/** Database, migrations, server clock and the endpoint this browser talks to. */
export function SystemPanel({
  ready,
  ping,
  apiUrl,
}: {
  ready: Ready | undefined;
  ping: Ping | undefined;
  apiUrl: string;
}) {
  const pending = ready?.migrations.pending ?? [];
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      <Row label="Database">
        <span
          data-testid="db-reachable"
          className={
            ready === undefined ? '' : ready.database.reachable ? 'text-emerald-700' : 'text-rose-700'
          }
        >
          {ready === undefined ? '—' : ready.database.reachable ? 'Reachable' : 'Unreachable'}
        </span>
      </Row>
      <Row label="Latency">
        <span data-testid="db-latency" className="tabular-nums">
          {formatLatency(ready?.database.latencyMs ?? null)}
        </span>
      </Row>
      <Row label="Migrations">
        <span className="tabular-nums">
          <span data-testid="migrations-applied">{ready?.migrations.applied ?? '—'}</span> applied
          <span className="mx-1.5 text-slate-300">·</span>
          <span
            data-testid="migrations-pending"
            className={pending.length > 0 ? 'font-medium text-amber-700' : ''}
          >
            {ready?.migrations.pending ? pending.length : '—'}
          </span>{' '}
          pending
        </span>
      </Row>
      {pending.length > 0 ? (
        <div className="py-3">
          <ul className="space-y-1 font-mono text-xs text-amber-800">
            {pending.map((name) => (
              <li key={name} className="truncate rounded bg-amber-50 px-2 py-1">
                {name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Row label="Server time">
        <span data-testid="server-time" className="font-mono text-xs tabular-nums">
          {ping ? (
            <>
              <span className="text-slate-400">{formatUtcDate(ping.serverTime)}</span>{' '}
              {formatUtcTime(ping.serverTime)}
            </>
          ) : (
            '—'
          )}
        </span>
      </Row>
      <Row label="API endpoint">
        <code
          data-testid="api-endpoint"
          className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700"
        >
          {apiUrl}
        </code>
      </Row>
    </dl>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-4 py-3 first:pt-0 last:pb-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-900">{children}</dd>
    </div>
  );
}
