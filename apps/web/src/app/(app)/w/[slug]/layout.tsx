import type { ReactNode } from 'react';
import { requireWorkspace } from '../../../../trpc/guards.ts';

/** Every workspace page: a member's only (anyone else gets the same 404 as a missing workspace). */
export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  await requireWorkspace((await params).slug);
  return children;
}
