import type { Metadata } from 'next';
import { signInPath } from '../../../lib/paths.ts';
import { AuthHeading } from '../_components/auth-heading.tsx';
import { signedOutPage } from '../_components/signed-out.ts';
import { SignUpForm } from './sign-up-form.tsx';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next, email } = await signedOutPage(searchParams);
  return (
    <>
      <AuthHeading
        title="Create your account"
        other={{ question: 'Already have one?', label: 'Sign in', href: signInPath(next) }}
      />
      <SignUpForm next={next} defaultEmail={email} />
    </>
  );
}
