import 'server-only';
import { redirect } from 'next/navigation';
import { safeNext } from '../../../lib/paths.ts';
import { getViewer } from '../../../trpc/guards.ts';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * What the sign-in and sign-up pages read from their URL: where to go afterwards (a path on this
 * site only) and an email to start with. Someone already signed in goes there at once.
 */
export async function signedOutPage(searchParams: SearchParams): Promise<{ next: string; email: string }> {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (await getViewer()) redirect(next);
  return { next, email: typeof params.email === 'string' ? params.email : '' };
}
