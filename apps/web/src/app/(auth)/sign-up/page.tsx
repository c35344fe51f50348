import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeNext, signInPath } from '../../../lib/paths.ts';
import { getViewer } from '../../../trpc/guards.ts';
import { AuthHeading } from '../_components/auth-heading.tsx';
import { SignUpForm } from './sign-up-form.tsx';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (await getViewer()) redirect(next);
  const email = typeof params.email === 'string' ? params.email : '';
  return (
    <>
      <AuthHeading title="Create your account">
        Already have one?{' '}
        <Link
          href={signInPath(next)}
          className="font-medium text-indigo-600 hover:text-indigo-500 focus-visible:underline"
        >
          Sign in
        </Link>
      </AuthHeading>
      <SignUpForm next={next} defaultEmail={email} />
    </>
  );
}
