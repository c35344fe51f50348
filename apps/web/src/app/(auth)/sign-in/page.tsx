import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeNext, signUpPath } from '../../../lib/paths.ts';
import { getViewer } from '../../../trpc/guards.ts';
import { AuthHeading } from '../_components/auth-heading.tsx';
import { SignInForm } from './sign-in-form.tsx';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
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
      <AuthHeading title="Sign in to Taskforge">
        New here?{' '}
        <Link
          href={signUpPath(next)}
          className="font-medium text-indigo-600 hover:text-indigo-500 focus-visible:underline"
        >
          Create an account
        </Link>
      </AuthHeading>
      <SignInForm next={next} defaultEmail={email} />
    </>
  );
}
