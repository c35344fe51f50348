import { can, PERMISSIONS } from '@taskforge/auth/roles';
import type { Metadata } from 'next';
import { requireProject, requireWorkspace } from '../../../../../../../trpc/guards.ts';
import { HydrateClient } from '../../../../../../../trpc/server.tsx';
import { NeedsRole } from '../../../_components/needs-role.tsx';
import { ProjectSettings } from './project-settings.tsx';

type Params = { params: Promise<{ slug: string; key: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, key } = await params;
  const project = await requireProject(slug, key);
  return { title: `${project.name} · Settings` };
}

export default async function ProjectSettingsPage({ params }: Params) {
  const { slug, key } = await params;
  const workspace = await requireWorkspace(slug);
  await requireProject(slug, key);
  if (!can(workspace.role, 'projects.manage')) {
    return (
      <NeedsRole
        title="Project settings"
        slug={slug}
        role={workspace.role}
        minimum={PERMISSIONS['projects.manage']}
      />
    );
  }
  return (
    <HydrateClient>
      <ProjectSettings slug={slug} projectKey={key} />
    </HydrateClient>
  );
}
