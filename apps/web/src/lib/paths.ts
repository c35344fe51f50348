// Browser-safe: where pages send people, shared by proxy.ts, server guards and client forms.
import type { Route } from 'next';

/** Request header proxy.ts sets to the page's path and query (the `next` of a sign-in redirect). */
export const PATH_HEADER = 'x-taskforge-path';

/** Cookie proxy.ts sets to the slug of the workspace last opened; `/` returns there. */
export const LAST_WORKSPACE_COOKIE = 'taskforge_workspace';

const WORKSPACE_PATH = /^\/w\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/;

/** The workspace slug of a `/w/<slug>/…` path, else null. */
export function workspaceSlugOf(pathname: string): string | null {
  return WORKSPACE_PATH.exec(pathname)?.[1] ?? null;
}

/**
 * A `next` parameter made safe to redirect to: a path on this site, or `/`. Refuses absolute
 * URLs, protocol-relative `//host` and `/\host` (browsers read both as another host), and
 * control characters, so a link can never send a fresh sign-in to someone else's site.
 */
export function safeNext(raw: string | string[] | null | undefined): Route {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || value.length > 2048) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Tabs and newlines are stripped by URL parsers, turning `/\t/evil.com` into `//evil.com`.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/sign-up')) return '/';
  // A checked string, so the cast names a real path of this site (typed routes cannot know which).
  return value as Route;
}

/** `/sign-in?next=<path>` (left out when it is just `/`), optionally with the email to prefill. */
export function signInPath(next: string, email?: string): Route {
  return authPath('/sign-in', next, email);
}

/** `/sign-up?next=<path>`, optionally with the email to prefill. */
export function signUpPath(next: string, email?: string): Route {
  return authPath('/sign-up', next, email);
}

function authPath(page: '/sign-in' | '/sign-up', next: string, email: string | undefined): Route {
  const params = new URLSearchParams();
  const safe = safeNext(next);
  if (safe !== '/') params.set('next', safe);
  if (email) params.set('email', email);
  const query = params.toString();
  return (query ? `${page}?${query}` : page) as Route;
}

/** The pages of a workspace (app/(app)/w/[slug]/…). */
export type WorkspacePage = 'members' | 'invitations' | 'audit' | 'settings' | 'labels';

/**
 * `/w/<slug>` or `/w/<slug>/<page>`. Typed routes cannot check a slug only known at run time
 * (Next asks for a cast there); this is the one place that makes it, for known pages only.
 */
export function workspacePath(slug: string, page?: WorkspacePage): Route {
  return (page ? `/w/${slug}/${page}` : `/w/${slug}`) as Route;
}

/** The views of a project (app/(app)/w/[slug]/p/[key]/…): the board when none is named. */
export type ProjectView = 'list' | 'settings';

/** `/w/<slug>/p/<KEY>` or one of its views. */
export function projectPath(slug: string, key: string, view?: ProjectView): Route {
  const base = `/w/${slug}/p/${key}`;
  return (view ? `${base}/${view}` : base) as Route;
}

/** `/w/<slug>/t/<ENG-42>`: a task's own page, by key (or id). */
export function taskPath(slug: string, ref: string): Route {
  return `/w/${slug}/t/${ref}` as Route;
}
