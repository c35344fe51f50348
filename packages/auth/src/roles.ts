// Browser-safe: pure data and functions, no server imports. The API enforces these rules; the web
// app imports the same file to hide controls a role may not use.
import type { Role } from '@taskforge/db/enums';

export type { Role };

/** Lowest to highest: each role has every right of the roles before it. */
export const ROLE_ORDER = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'] as const satisfies readonly Role[];

export function roleRank(role: Role): number {
  return ROLE_ORDER.indexOf(role);
}

export function hasRole(actual: Role, minimum: Role): boolean {
  return roleRank(actual) >= roleRank(minimum);
}

/** The least role each action needs (design.md: VIEWER reads, MEMBER writes tasks, ADMIN manages, OWNER all). */
export const PERMISSIONS = {
  'workspace.read': 'VIEWER',
  'workspace.rename': 'ADMIN',
  'workspace.delete': 'OWNER',
  'members.read': 'VIEWER',
  'members.manage': 'ADMIN',
  'invitations.manage': 'ADMIN',
  'audit.read': 'ADMIN',
  'projects.read': 'VIEWER',
  'projects.manage': 'ADMIN',
  'labels.manage': 'ADMIN',
  'tasks.read': 'VIEWER',
  'tasks.write': 'MEMBER',
  'tasks.delete': 'ADMIN',
  'comments.write': 'MEMBER',
  'comments.moderate': 'ADMIN',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return hasRole(role, PERMISSIONS[permission]);
}

/**
 * Whether `actor` may give someone `role` (inviting or changing a role): never above their own,
 * and only an OWNER makes OWNERs.
 */
export function canGrantRole(actor: Role, role: Role): boolean {
  return can(actor, 'members.manage') && hasRole(actor, role);
}

/** Whether `actor` may change or remove a member who has `memberRole`: ADMINs manage members below OWNER. */
export function canManageMember(actor: Role, memberRole: Role): boolean {
  if (!can(actor, 'members.manage')) return false;
  return actor === 'OWNER' || memberRole !== 'OWNER';
}

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  MEMBER: 'Member',
  VIEWER: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: 'Everything, including deleting the workspace',
  ADMIN: 'Manages projects, labels, members and invitations',
  MEMBER: 'Creates and edits tasks and comments',
  VIEWER: 'Reads everything, changes nothing',
};
