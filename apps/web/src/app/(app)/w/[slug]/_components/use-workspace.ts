'use client';

import { useSuspenseQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../../../trpc/react.tsx';

/** The workspace of the page and the viewer's role in it (prefetched by the page's server component). */
export function useWorkspace(slug: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.workspaces.get.queryOptions({ workspace: slug })).data;
}
