import type { Metadata } from 'next';
import { requireViewer } from '../../../../trpc/guards.ts';
import { getQueryClient, trpc } from '../../../../trpc/server.tsx';
import { PageHeader } from '../../../_components/card.tsx';
import { CreateWorkspaceForm } from './create-workspace-form.tsx';

export const metadata: Metadata = { title: 'New workspace' };

export default async function NewWorkspacePage() {
  await requireViewer();
  const { items } = await getQueryClient().fetchQuery(trpc.workspaces.list.queryOptions());
  const first = items.length === 0;
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        eyebrow={first ? 'Welcome to Taskforge' : undefined}
        title={first ? 'Create your first workspace' : 'New workspace'}
        description="A workspace holds a team’s projects, tasks and members. You will be its owner and can invite others next."
      />
      <CreateWorkspaceForm />
    </div>
  );
}
