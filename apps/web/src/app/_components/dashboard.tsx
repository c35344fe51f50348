'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc/react.tsx';
import { Card, ErrorNote } from './card.tsx';
import { errorMessage, formatUtcTime } from './format.ts';
import { Logo } from './logo.tsx';
import { StatCards } from './stat-cards.tsx';
import { StatusBadge } from './status-badge.tsx';
import { StatusBars } from './status-bars.tsx';
import { SystemPanel } from './system-panel.tsx';

/** How often the dashboard asks again; it is a live view of the instance. */
export const REFRESH_MS = 5_000;

const live = { refetchInterval: REFRESH_MS, retry: 1 } as const;

/**
 * The landing dashboard. Data arrives prefetched from the server component, then each
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
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200/80 bg-white/80 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-6">
          <div className="flex items-center gap-3">
            <Logo />
            <span className="text-[15px] font-semibold tracking-tight">Taskforge</span>
            <span className="hidden rounded-md bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-500 sm:inline">
              Instance
            </span>
          </div>
          <div className="flex items-center gap-2 text-xs text-slate-500">
            <span className="hidden sm:inline">API</span>
            <code className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1 font-mono text-slate-700">
              {apiUrl}
            </code>
          </div>
        </div>
      </header>

      <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-10">
        <section className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <div className="flex items-center gap-3">
              <h1 className="text-3xl font-semibold tracking-tight">Taskforge</h1>
              <StatusBadge ready={ready.data} failed={ready.isError} />
            </div>
            <p className="mt-2 max-w-2xl text-slate-500">
              Team task tracking on one type-safe API — workspaces, projects and tasks, served to the web, the
              SDK and the CLI from the same tRPC router.
            </p>
          </div>
          <p className="flex items-center gap-2 text-xs text-slate-400">
            <span className={`size-1.5 rounded-full ${ping.isFetching ? 'bg-indigo-500' : 'bg-slate-300'}`} />
            Live · refreshes every {REFRESH_MS / 1000} s
            {ping.data ? <> · last {formatUtcTime(new Date(ping.dataUpdatedAt))}</> : null}
          </p>
        </section>

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
              stats.data ? (
                <span className="text-xs text-slate-400">{stats.data.tasks} total</span>
              ) : undefined
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
      </main>

      <footer className="border-t border-slate-200/80">
        <div className="mx-auto flex max-w-6xl flex-col gap-1 px-6 py-5 text-xs text-slate-400 sm:flex-row sm:items-center sm:justify-between">
          <span>Taskforge · tRPC + Prisma + PostgreSQL</span>
          <span>End-to-end types from one router</span>
        </div>
      </footer>
    </div>
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
