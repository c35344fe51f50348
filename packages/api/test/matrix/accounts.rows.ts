import { randomUUID } from 'node:crypto';
import type { Rows } from './types.ts';

let emails = 0;
const freshEmail = () => `matrix-${++emails}-${randomUUID().slice(0, 6)}@example.test`;

export const accountRows: Rows = {
  'workspaces.get': { role: 'VIEWER', input: (a) => ({ workspace: a.slug }) },
  'workspaces.rename': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, name: 'Renamed by the matrix' }),
  },
  'workspaces.delete': { role: 'OWNER', input: (a) => ({ workspace: a.slug, confirm: a.slug }) },
  'members.list': { role: 'VIEWER', input: (a) => ({ workspace: a.slug }) },
  'members.changeRole': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, userId: a.targetUserId, role: 'VIEWER' }),
    foreign: (a, b) => ({ workspace: a.slug, userId: b.targetUserId, role: 'VIEWER' }),
  },
  'members.remove': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, userId: a.targetUserId }),
    foreign: (a, b) => ({ workspace: a.slug, userId: b.targetUserId }),
  },
  'members.leave': {
    role: 'VIEWER',
    input: (a) => ({ workspace: a.slug }),
    // A's only OWNER: the last owner cannot leave.
    except: { OWNER: 'CONFLICT', 'READ_WRITE token': 'CONFLICT' },
  },
  'invitations.create': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, email: freshEmail(), role: 'MEMBER' }),
  },
  'invitations.list': { role: 'ADMIN', input: (a) => ({ workspace: a.slug }) },
  'invitations.revoke': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, id: a.invitationId }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.invitationId }),
  },
  'audit.list': { role: 'ADMIN', input: (a) => ({ workspace: a.slug, limit: 10 }) },
};
