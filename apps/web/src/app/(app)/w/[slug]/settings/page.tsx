import type { Metadata } from 'next';
import { requireWorkspace } from '../../../../../trpc/guards.ts';
import { HydrateClient } from '../../../../../trpc/server.tsx';
import { SettingsPage } from './settings-page.tsx';

export const metadata: Metadata = { title: 'Workspace settings' };

export default async function Settings({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspace(slug);
  return (
    <HydrateClient>
      <SettingsPage slug={slug} />
    </HydrateClient>
  );
}
