import { can } from '@taskforge/auth/roles';
import type { ReactNode } from 'react';
import { requireWorkspace } from '../../../../trpc/guards.ts';
import { QuickCreateProvider } from './_components/quick-create.tsx';

/**
 * Every workspace page: a member's only (anyone else gets the same 404 as a missing workspace),
 * with "c" for a new task wherever the viewer may create one.
 */
export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const workspace = await requireWorkspace(slug);
  return (
    <QuickCreateProvider slug={slug} enabled={can(workspace.role, 'tasks.write')}>
      {children}
    </QuickCreateProvider>
  );
}
