import type { Metadata } from 'next';
import { requireViewer } from '../../../trpc/guards.ts';
import { HydrateClient } from '../../../trpc/server.tsx';
import { PasswordForm } from './_components/password-form.tsx';
import { ProfileForm } from './_components/profile-form.tsx';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  await requireViewer();
  return (
    <HydrateClient>
      <div className="space-y-6">
        <ProfileForm />
        <PasswordForm />
      </div>
    </HydrateClient>
  );
}
