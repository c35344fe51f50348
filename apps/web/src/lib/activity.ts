// Browser-safe: one audit entry in words, from its action and the data the API recorded with it.
import { describeAction } from '@taskforge/api/activity';
import { ROLE_LABELS, ROLE_ORDER, type Role } from '@taskforge/auth/roles';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Data = Record<string, Json>;

function text(data: Data, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function isRole(value: string): value is Role {
  return (ROLE_ORDER as readonly string[]).includes(value);
}

function role(data: Data, key: string): string | null {
  const value = text(data, key);
  return value && isRole(value) ? ROLE_LABELS[value] : value;
}

/** `changed a role` etc. (the action's own wording, shared with the API). */
export function actionPhrase(action: string): string {
  return describeAction(action);
}

/** What the action was about, when the entry recorded it: `ada@example.com as Admin`. */
export function activityDetail(action: string, data: Data): string | null {
  const email = text(data, 'email');
  const name = text(data, 'name');
  switch (action) {
    case 'member.role_changed': {
      const before = role(data, 'before');
      const after = role(data, 'after');
      const who = name ?? email;
      const change = before && after ? `${before} → ${after}` : (after ?? null);
      return [who, change].filter(Boolean).join(': ') || null;
    }
    case 'member.removed':
      return [name ?? email, role(data, 'role')].filter(Boolean).join(', ') || null;
    case 'member.left':
    case 'member.joined': {
      const as = role(data, 'role');
      return as ? `as ${as}` : null;
    }
    case 'invitation.created':
    case 'invitation.revoked':
    case 'invitation.accepted': {
      const as = role(data, 'role');
      return email ? (as ? `${email} as ${as}` : email) : null;
    }
    case 'workspace.renamed': {
      const before = text(data, 'before');
      const after = text(data, 'after');
      return before && after ? `“${before}” → “${after}”` : null;
    }
    case 'workspace.created':
    case 'workspace.deleted':
      return name;
    default:
      return null;
  }
}

/** A colour family per kind of action, for the dot beside each entry. */
export function activityTone(action: string): 'indigo' | 'emerald' | 'amber' | 'rose' | 'slate' {
  if (action.endsWith('removed') || action.endsWith('revoked') || action.endsWith('deleted')) return 'rose';
  if (action.endsWith('failed')) return 'amber';
  if (action.startsWith('invitation.') || action === 'member.joined') return 'emerald';
  if (action.startsWith('member.') || action.startsWith('workspace.')) return 'indigo';
  return 'slate';
}
