'use client';

import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@taskforge/api';
import { useTRPC } from '../../../../../trpc/react.tsx';

export type Member = RouterOutputs['members']['list']['items'][number];
export type LabelInfo = RouterOutputs['labels']['list']['items'][number];
export type ProjectSummary = RouterOutputs['projects']['list']['items'][number];

/** The workspace's members, for assignee pickers (prefetched where a page needs them at once). */
export function useMembers(slug: string, enabled = true): Member[] {
  const trpc = useTRPC();
  return useQuery({ ...trpc.members.list.queryOptions({ workspace: slug }), enabled }).data?.items ?? [];
}

/** The workspace's labels by name. */
export function useLabels(slug: string): LabelInfo[] {
  const trpc = useTRPC();
  return useQuery(trpc.labels.list.queryOptions({ workspace: slug })).data?.items ?? [];
}

/** The workspace's active projects by name (`loaded` false until the first answer). */
export function useProjects(slug: string): { projects: ProjectSummary[]; loaded: boolean } {
  const trpc = useTRPC();
  const query = useQuery(trpc.projects.list.queryOptions({ workspace: slug }));
  return { projects: query.data?.items ?? [], loaded: query.isSuccess };
}
