import 'server-only';
import type { RouterOutputs } from '@taskforge/api';
import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { PATH_HEADER, signInPath } from '../lib/paths.ts';
import { getQueryClient, trpc } from './server.tsx';

export type Viewer = RouterOutputs['auth']['me'];
export type WorkspaceView = RouterOutputs['workspaces']['get'];

/**
 * Who is signed in, asked of the router (auth.me) like any other call, or null. Once per
 * request; the answer also lands in the request's QueryClient, so pages hydrate it.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  try {
    return await getQueryClient().fetchQuery(trpc.auth.me.queryOptions());
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return null;
    throw error;
  }
});

/** The page being rendered (set by proxy.ts), to come back to after signing in. */
async function currentPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? '/';
}

/** The signed-in user, or a redirect to /sign-in?next=<this page>. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(signInPath(await currentPath()));
  return viewer;
}

/**
 * The workspace of a `/w/[slug]` page as its member sees it. A workspace the viewer is not in
 * is the same 404 as one that does not exist (the router already answers both NOT_FOUND).
 */
export const requireWorkspace = cache(async (slug: string): Promise<WorkspaceView> => {
  await requireViewer();
  try {
    return await getQueryClient().fetchQuery(trpc.workspaces.get.queryOptions({ workspace: slug }));
  } catch (error) {
    // BAD_REQUEST: a slug no workspace could have (`/w/Not_A_Slug`).
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
});

export type ProjectView = RouterOutputs['projects']['get'];
export type TaskView = RouterOutputs['tasks']['get'];

/** Whether a failed router call means "there is no such thing here" (missing, foreign, malformed). */
function isMissing(error: unknown): boolean {
  return error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST');
}

/**
 * The project of a `/w/[slug]/p/[key]` page. Another workspace's project and a key no project
 * could have are the same 404 as a missing one.
 */
export const requireProject = cache(async (slug: string, key: string): Promise<ProjectView> => {
  await requireWorkspace(slug);
  try {
    return await getQueryClient().fetchQuery(trpc.projects.get.queryOptions({ workspace: slug, key }));
  } catch (error) {
    if (isMissing(error)) notFound();
    throw error;
  }
});

/** The task of a `/w/[slug]/t/[ref]` page, by key (`ENG-42`) or id; a 404 when it is not this workspace's. */
export const requireTask = cache(async (slug: string, ref: string): Promise<TaskView> => {
  await requireWorkspace(slug);
  try {
    return await getQueryClient().fetchQuery(trpc.tasks.get.queryOptions({ workspace: slug, ref }));
  } catch (error) {
    if (isMissing(error)) notFound();
    throw error;
  }
});
