import { can, PERMISSIONS } from '@taskforge/auth/roles';
import type { Metadata } from 'next';
import { requireWorkspace } from '../../../../../trpc/guards.ts';
import { HydrateClient, prefetchInfinite, trpc } from '../../../../../trpc/server.tsx';
import { NeedsRole } from '../_components/needs-role.tsx';
import { AuditPage } from './audit-page.tsx';
import { auditQuery } from './audit-query.ts';

export const metadata: Metadata = { title: 'Audit log' };

export default async function Audit({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await requireWorkspace(slug);
  if (!can(workspace.role, 'audit.read')) {
    return (
      <NeedsRole title="Audit log" slug={slug} role={workspace.role} minimum={PERMISSIONS['audit.read']} />
    );
  }
  await prefetchInfinite(auditQuery(trpc, slug, ''));
  return (
    <HydrateClient>
      <AuditPage slug={slug} />
    </HydrateClient>
  );
}
