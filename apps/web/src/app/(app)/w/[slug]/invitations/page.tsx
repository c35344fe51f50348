import { can, PERMISSIONS } from '@taskforge/auth/roles';
import type { Metadata } from 'next';
import { requireWorkspace } from '../../../../../trpc/guards.ts';
import { HydrateClient, prefetch, trpc } from '../../../../../trpc/server.tsx';
import { NeedsRole } from '../_components/needs-role.tsx';
import { InvitationsPage } from './invitations-page.tsx';

export const metadata: Metadata = { title: 'Invitations' };

export default async function Invitations({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await requireWorkspace(slug);
  if (!can(workspace.role, 'invitations.manage')) {
    return (
      <NeedsRole
        title="Invitations"
        slug={slug}
        role={workspace.role}
        minimum={PERMISSIONS['invitations.manage']}
      />
    );
  }
  await prefetch(trpc.invitations.list.queryOptions({ workspace: slug }));
  return (
    <HydrateClient>
      <InvitationsPage slug={slug} />
    </HydrateClient>
  );
}
