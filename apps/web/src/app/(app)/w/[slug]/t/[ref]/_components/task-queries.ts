// The task page's paged queries, shared by its server component (prefetch) and the client
// components, so the keys match. A plain module: a server component cannot call into 'use client' files.

export const COMMENTS_PAGE = 50;
export const TASK_ACTIVITY_PAGE = 25;

export function commentsInput(slug: string, taskId: string) {
  return { workspace: slug, taskId, limit: COMMENTS_PAGE };
}

export function taskActivityInput(slug: string, taskId: string) {
  return { workspace: slug, taskId, limit: TASK_ACTIVITY_PAGE };
}
