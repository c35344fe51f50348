import type { Metadata } from 'next';
import { signUpPath } from '../../../lib/paths.ts';
import { AuthHeading } from '../_components/auth-heading.tsx';
import { signedOutPage } from '../_components/signed-out.ts';
import { SignInForm } from './sign-in-form.tsx';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next, email } = await signedOutPage(searchParams);
  return (
    <>
      <AuthHeading
        title="Sign in to Taskforge"
        other={{ question: 'New here?', label: 'Create an account', href: signUpPath(next) }}
      />
      <SignInForm next={next} defaultEmail={email} />
    </>
  );
}
