import type { ReactNode } from 'react';
import { requireProject } from '../../../../../../trpc/guards.ts';
import { HydrateClient } from '../../../../../../trpc/server.tsx';
import { ProjectHeader } from './_components/project-header.tsx';

/** Every view of a project (board, list, settings): its header and tabs above it; a 404 for a project not in this workspace. */
export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string; key: string }>;
}) {
  const { slug, key } = await params;
  await requireProject(slug, key);
  return (
    <HydrateClient>
      <ProjectHeader slug={slug} projectKey={key} />
      {children}
    </HydrateClient>
  );
}
