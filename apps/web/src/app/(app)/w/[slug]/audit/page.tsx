import { can, PERMISSIONS } from '@taskforge/auth/roles';
import type { Metadata } from 'next';
import { requireWorkspace } from '../../../../../trpc/guards.ts';
import { getQueryClient, HydrateClient, trpc } from '../../../../../trpc/server.tsx';
import { NeedsRole } from '../_components/needs-role.tsx';
import { AuditPage } from './audit-page.tsx';
import { auditInput } from './audit-query.ts';

export const metadata: Metadata = { title: 'Audit log' };

export default async function Audit({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await requireWorkspace(slug);
  if (!can(workspace.role, 'audit.read')) {
    return (
      <NeedsRole title="Audit log" slug={slug} role={workspace.role} minimum={PERMISSIONS['audit.read']} />
    );
  }
  // The first page, stored as the first page of the browser's paged query.
  const input = auditInput(slug, '');
  const queryClient = getQueryClient();
  const first = await queryClient.fetchQuery(trpc.audit.list.queryOptions(input)).catch(() => null);
  if (first)
    queryClient.setQueryData(trpc.audit.list.infiniteQueryKey(input), { pages: [first], pageParams: [null] });
  queryClient.removeQueries({ queryKey: trpc.audit.list.queryKey(input), exact: true });
  return (
    <HydrateClient>
      <AuditPage slug={slug} />
    </HydrateClient>
  );
}
