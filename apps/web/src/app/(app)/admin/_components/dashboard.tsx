'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../../trpc/react.tsx';
import { Card, ErrorNote } from '../../../_components/card.tsx';
import { errorMessage, formatUtcTime } from '../../../_components/format.ts';
import { StatCards } from './stat-cards.tsx';
import { StatusBadge } from './status-badge.tsx';
import { StatusBars } from './status-bars.tsx';
import { SystemPanel } from './system-panel.tsx';

/** How often the dashboard asks again; it is a live view of the instance. */
export const REFRESH_MS = 5_000;

const live = { refetchInterval: REFRESH_MS, retry: 1 } as const;

/**
 * The instance dashboard (instance admins only). Data arrives prefetched from the server component, then each
 * query refreshes on its own; a failing query shows its error in place of its panel.
 */
export function Dashboard({ apiUrl }: { apiUrl: string }) {
  const trpc = useTRPC();
  const ready = useQuery(trpc.health.ready.queryOptions(undefined, live));
  const stats = useQuery(trpc.stats.summary.queryOptions(undefined, live));
  const ping = useQuery(trpc.health.ping.queryOptions({ echo: 'web' }, live));
  // One cause (say, no database) fails every query; say it once, at the top.
  const sameCauseAsReady = (error: unknown) =>
    ready.isError && errorMessage(error) === errorMessage(ready.error);

  return (
    <>
      <header className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <p className="mb-2 text-sm font-medium text-indigo-600">Instance admin</p>
          <div className="flex items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight sm:text-[1.7rem]">
              This Taskforge instance
            </h1>
            <StatusBadge ready={ready.data} failed={ready.isError} />
          </div>
          <p className="mt-1.5 max-w-2xl text-sm text-slate-500">
            Counts across every workspace and the health of the database behind them. Only instance admins see
            this page.
          </p>
        </div>
        <p className="flex items-center gap-2 text-xs text-slate-400">
          <span className={`size-1.5 rounded-full ${ping.isFetching ? 'bg-indigo-500' : 'bg-slate-300'}`} />
          Live · refreshes every {REFRESH_MS / 1000} s
          {ping.data ? <> · last {formatUtcTime(new Date(ping.dataUpdatedAt))}</> : null}
        </p>
      </header>

      {ready.isError ? (
        <div className="mb-6">
          <ErrorNote testId="ready-error" title="Health check failed" detail={errorMessage(ready.error)} />
        </div>
      ) : null}

      <StatCards summary={stats.data} />

      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <Card
          title="Tasks by status"
          className="lg:col-span-3"
          action={
            stats.data ? <span className="text-xs text-slate-400">{stats.data.tasks} total</span> : undefined
          }
        >
          {stats.data ? (
            <StatusBars summary={stats.data} />
          ) : stats.isError && sameCauseAsReady(stats.error) ? (
            <p data-testid="stats-error" className="text-sm text-slate-400">
              Counts are unavailable until the health check above passes.
            </p>
          ) : stats.isError ? (
            <ErrorNote
              testId="stats-error"
              title="Could not load counts"
              detail={errorMessage(stats.error)}
            />
          ) : (
            <Skeleton />
          )}
        </Card>
        <Card title="System" className="lg:col-span-2" testId="system-panel">
          <SystemPanel ready={ready.data} ping={ping.data} apiUrl={apiUrl} />
          {ping.isError && !sameCauseAsReady(ping.error) ? (
            <div className="mt-4">
              <ErrorNote testId="ping-error" title="Ping failed" detail={errorMessage(ping.error)} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}

function Skeleton() {
  return (
    <div className="animate-pulse space-y-4" aria-hidden="true">
      <div className="h-2.5 rounded-full bg-slate-100" />
      {['a', 'b', 'c', 'd', 'e', 'f'].map((key) => (
        <div key={key} className="h-4 rounded bg-slate-100" />
      ))}
    </div>
  );
}
