import type { RouterInputs } from '@taskforge/api';

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
 * The input of one page of the log, without its cursor. The server's prefetch and the browser's
 * useInfiniteQuery key the pages by it, so the first page hydrates.
 *
 * Not tRPC's infiniteQueryOptions: it adds `direction` to every page's input, and audit.list's
 * strict input refuses unknown keys (see the H3 report); the page walks the cursor itself.
 */
export function auditInput(slug: string, action: string): RouterInputs['audit']['list'] {
  return { workspace: slug, limit: AUDIT_PAGE_SIZE, ...(action ? { action } : {}) };
}
