// Setting up data through the API instead of clicking: the specs that take screenshots need a
// populated workspace, not a second walk through the forms the other specs already cover.
import type { APIRequestContext } from '@playwright/test';
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
