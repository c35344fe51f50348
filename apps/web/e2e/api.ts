// Setting up data through the API instead of clicking: the specs that take screenshots need a
// populated workspace, not a second walk through the forms the other specs already cover.
import type { APIRequestContext, Browser } from '@playwright/test';
import { z } from 'zod';

/** superjson puts a procedure's output under `json`. */
const answer = z.object({ result: z.object({ data: z.object({ json: z.unknown() }) }) });

/**
 * Calls a mutation as the browser would: same cookies (the context's request), and an Origin
 * the CSRF check accepts. Inputs are plain JSON on this API.
 */
export async function mutate(
  request: APIRequestContext,
  baseURL: string,
  path: string,
  input: unknown,
): Promise<unknown> {
  const res = await request.post(`/api/trpc/${path}`, {
    data: input ?? {},
    headers: { origin: new URL(baseURL).origin },
  });
  if (!res.ok()) throw new Error(`${path} answered ${res.status()}: ${await res.text()}`);
  return answer.parse(await res.json()).result.data.json;
}

export const createdInvitation = z.object({ acceptPath: z.string() });

/** What tasks.create answers, as far as the specs need it. */
export const createdTask = z.object({ id: z.string(), key: z.string(), version: z.number() });

/** A workspace member, joined through an invitation accepted from their own browser context. */
export async function joinAs(
  browser: Browser,
  owner: APIRequestContext,
  baseURL: string,
  slug: string,
  person: { name: string; email: string; password: string },
  role: 'ADMIN' | 'MEMBER' | 'VIEWER',
): Promise<void> {
  const invitation = createdInvitation.parse(
    await mutate(owner, baseURL, 'invitations.create', { workspace: slug, email: person.email, role }),
  );
  const context = await browser.newContext();
  try {
    await mutate(context.request, baseURL, 'auth.signUp', person);
    await mutate(context.request, baseURL, 'invitations.accept', {
      token: invitation.acceptPath.split('/').pop(),
    });
  } finally {
    await context.close();
  }
}

/** Calls a query as the browser would (GET with the input as URL-encoded JSON). */
export async function query(request: APIRequestContext, path: string, input: unknown): Promise<unknown> {
  const res = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  if (!res.ok()) throw new Error(`${path} answered ${res.status()}: ${await res.text()}`);
  return answer.parse(await res.json()).result.data.json;
}
