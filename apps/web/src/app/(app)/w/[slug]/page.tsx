import { can } from '@taskforge/auth/roles';
import type { Metadata } from 'next';
import { requireWorkspace } from '../../../../trpc/guards.ts';
import { HydrateClient, prefetch, trpc } from '../../../../trpc/server.tsx';
import { Overview } from './_components/overview.tsx';

type Params = { params: Promise<{ slug: string }> };

/** Entries of the audit log an admin sees on the overview. */
const RECENT_ACTIVITY = 8;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const workspace = await requireWorkspace((await params).slug);
  return { title: workspace.name };
}

export default async function WorkspaceOverviewPage({ params }: Params) {
  const { slug } = await params;
  const workspace = await requireWorkspace(slug);
  const input = { workspace: slug };
  await Promise.all([
    prefetch(trpc.members.list.queryOptions(input)),
    can(workspace.role, 'invitations.manage') ? prefetch(trpc.invitations.list.queryOptions(input)) : null,
    can(workspace.role, 'audit.read')
      ? prefetch(trpc.audit.list.queryOptions({ ...input, limit: RECENT_ACTIVITY }))
      : null,
  ]);
  return (
    <HydrateClient>
      <Overview slug={slug} recentActivity={RECENT_ACTIVITY} />
    </HydrateClient>
  );
}
