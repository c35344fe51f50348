'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../../../../trpc/react.tsx';

/**
 * After a change to a workspace: everything that shows it (the switcher's list with roles and
 * member counts, the workspace, its members, invitations and audit log) asks again.
 */
export function useRefreshWorkspace(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.workspaces.pathFilter()),
      queryClient.invalidateQueries(trpc.members.pathFilter()),
      queryClient.invalidateQueries(trpc.invitations.pathFilter()),
      queryClient.invalidateQueries(trpc.audit.pathFilter()),
    ]);
  }, [queryClient, trpc]);
}
