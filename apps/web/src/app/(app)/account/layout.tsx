import type { ReactNode } from 'react';
import { requireViewer } from '../../../trpc/guards.ts';
import { PageHeader } from '../../_components/card.tsx';
import { AccountTabs } from './_components/account-tabs.tsx';

export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireViewer();
  return (
    <>
      <PageHeader
        title="Your account"
        description="Your profile, where you are signed in, and tokens for scripts."
      />
      <AccountTabs />
      <div className="mt-8">{children}</div>
    </>
  );
}
