import type { TokenScope } from '@taskforge/db/enums';
import type { AuthUser, Principal } from '../../auth/resolve.ts';
import type { Viewer } from './viewer.schema.ts';

export const viewerSelect = { id: true, email: true, name: true, isInstanceAdmin: true } as const;

export function toViewer(user: AuthUser, by: 'session' | 'token', scope: TokenScope | null): Viewer {
  return { ...user, authenticatedBy: by, tokenScope: scope };
}

export function viewerOf(principal: Principal): Viewer {
  return principal.kind === 'session'
    ? toViewer(principal.user, 'session', null)
    : toViewer(principal.user, 'token', principal.token.scope);
}
