'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../../../../trpc/react.tsx';

/**
 * After a change to tasks: every list, column and count that may show them asks again, with the
 * feeds that record it. (A task's own query is updated by whoever changed it.)
 */
export function useRefreshWork(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.tasks.list.pathFilter()),
      queryClient.invalidateQueries(trpc.projects.pathFilter()),
      queryClient.invalidateQueries(trpc.activity.pathFilter()),
      queryClient.invalidateQueries(trpc.labels.list.pathFilter()),
    ]);
  }, [queryClient, trpc]);
}
