'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { actionPhrase, activityDetail } from '../../../../../lib/activity.ts';
import { failureMessage } from '../../../../../lib/errors.ts';
import { useTRPC, useTRPCClient } from '../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../_components/alert.tsx';
import { Avatar } from '../../../../_components/avatar.tsx';
import { Button } from '../../../../_components/button.tsx';
import { Card, EmptyState, PageHeader } from '../../../../_components/card.tsx';
import { formatDateTime } from '../../../../_components/format.ts';
import { AuditIcon, Spinner } from '../../../../_components/icons.tsx';
import { RelativeTime } from '../../../../_components/relative-time.tsx';
import { ActivityList } from '../_components/activity-list.tsx';
import { useWorkspace } from '../_components/use-workspace.ts';
import { AUDIT_FILTERS, auditInput } from './audit-query.ts';

export function AuditPage({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const workspace = useWorkspace(slug);
  const [action, setAction] = useState('');
  const filterId = useId();
  const client = useTRPCClient();
  const input = auditInput(slug, action);
  const log = useInfiniteQuery({
    queryKey: trpc.audit.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.audit.list.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who changed what in ${workspace.name}, newest first. Entries are written in the same transaction as the change.`}
        actions={
          <div className="flex items-center gap-2">
            <label htmlFor={filterId} className="text-sm text-slate-500">
              Show
            </label>
            <select
              id={filterId}
              value={action}
              onChange={(event) => setAction(event.target.value)}
              className="h-9 rounded-lg border border-slate-300 bg-white px-2.5 pr-8 text-sm shadow-xs focus:outline-2 focus:-outline-offset-1 focus:outline-indigo-600"
            >
              {AUDIT_FILTERS.map((filter) => (
                <option key={filter.value} value={filter.value}>
                  {filter.label}
                </option>
              ))}
            </select>
          </div>
        }
      />
      <Card flush>
        {log.isPending ? (
          <div className="flex justify-center py-16 text-slate-400">
            <Spinner className="size-5" />
            <span className="sr-only">Loading</span>
          </div>
        ) : entries.length === 0 ? (
          <EmptyState icon={<AuditIcon />} title="No events">
            {action
              ? 'Nothing of this kind has happened yet.'
              : 'Changes to this workspace will show up here.'}
          </EmptyState>
        ) : (
          <>
            <div className="md:hidden">
              <ActivityList entries={entries} />
            </div>
            <table className="hidden w-full text-left text-sm md:table" data-testid="audit-table">
              <thead>
                <tr className="border-b border-slate-100 text-xs font-medium text-slate-500">
                  <th scope="col" className="py-3 pr-4 pl-6 font-medium">
                    When
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Who
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    What
                  </th>
                  <th scope="col" className="py-3 pr-6 pl-4 font-medium">
                    IP address
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entries.map((entry) => {
                  const detail = activityDetail(entry.action, entry.data);
                  return (
                    <tr key={entry.id} data-testid="audit-row" className="align-top">
                      <td className="py-3.5 pr-4 pl-6 whitespace-nowrap text-slate-500">
                        <RelativeTime date={entry.createdAt} />
                        <span className="block text-xs text-slate-400">
                          {formatDateTime(entry.createdAt)}
                        </span>
                      </td>
                      <td className="px-4 py-3.5">
                        {entry.actor ? (
                          <span className="flex items-center gap-2.5">
                            <Avatar name={entry.actor.name} seed={entry.actor.id} size="sm" />
                            <span className="min-w-0">
                              <span className="block truncate font-medium text-slate-900">
                                {entry.actor.name}
                              </span>
                              <span className="block truncate text-xs text-slate-500">
                                {entry.actor.email}
                              </span>
                            </span>
                          </span>
                        ) : (
                          <span className="text-slate-400">Someone (account deleted)</span>
                        )}
                      </td>
                      <td className="px-4 py-3.5">
                        <span className="text-slate-800">{actionPhrase(entry.action)}</span>
                        {detail ? <span className="block text-xs text-slate-500">{detail}</span> : null}
                        <code className="mt-1 block font-mono text-[11px] text-slate-400">
                          {entry.action}
                        </code>
                      </td>
                      <td className="py-3.5 pr-6 pl-4 font-mono text-xs whitespace-nowrap text-slate-500">
                        {entry.ip ?? '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
        {log.hasNextPage || log.isFetchNextPageError ? (
          <div className="border-t border-slate-100 px-6 py-4 text-center">
            <FormAlert message={log.isFetchNextPageError ? failureMessage(log.error) : null} />
            <Button
              variant="secondary"
              pending={log.isFetchingNextPage}
              pendingLabel="Loading…"
              onClick={() => void log.fetchNextPage()}
              className="mt-2"
            >
              Load more
            </Button>
          </div>
        ) : entries.length > 0 ? (
          <p className="border-t border-slate-100 px-6 py-4 text-center text-xs text-slate-400">
            That’s everything: {entries.length} {entries.length === 1 ? 'event' : 'events'}.
          </p>
        ) : null}
      </Card>
      <div className="mt-4">
        <FormAlert message={log.isError && !log.isFetchNextPageError ? failureMessage(log.error) : null} />
      </div>
    </>
  );
}
