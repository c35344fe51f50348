'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../../../trpc/react.tsx';

/** The signed-in user's id (auth.me, hydrated by the layout's guard). */
export function useViewerId(): string | null {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions()).data?.id ?? null;
}
