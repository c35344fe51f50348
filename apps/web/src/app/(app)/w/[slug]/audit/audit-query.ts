import type { AppRouter } from '@taskforge/api';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';

/** Entries per page of the audit log. */
export const AUDIT_PAGE_SIZE = 25;

/** What the filter offers: action prefixes of workspace events. */
export const AUDIT_FILTERS = [
  { value: '', label: 'All events' },
  { value: 'member.', label: 'Members' },
  { value: 'invitation.', label: 'Invitations' },
  { value: 'workspace.', label: 'Workspace' },
] as const;

/**
 * One definition of the paged query for the server's prefetch and the browser's
 * useInfiniteQuery: same input, same key, so the first page hydrates.
 */
export function auditQuery(trpc: TRPCOptionsProxy<AppRouter>, slug: string, action: string) {
  return trpc.audit.list.infiniteQueryOptions(
    { workspace: slug, limit: AUDIT_PAGE_SIZE, ...(action ? { action } : {}) },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
}
