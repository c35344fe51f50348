'use client';

import { useSuspenseQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../../../../../trpc/react.tsx';

/** The project of the page with its counts per status (prefetched by the project layout). */
export function useProject(slug: string, key: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.projects.get.queryOptions({ workspace: slug, key })).data;
}
