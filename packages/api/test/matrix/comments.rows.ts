import type { Rows } from './types.ts';

// The fixture's comment is written by the workspace's MEMBER: only they edit it; they or an
// ADMIN delete it. Tokens belong to the OWNER, who is not its author.
export const commentRows: Rows = {
  'comments.list': {
    role: 'VIEWER',
    input: (a) => ({ workspace: a.slug, taskId: a.taskId }),
    foreign: (a, b) => ({ workspace: a.slug, taskId: b.taskId }),
  },
  'comments.add': {
    role: 'MEMBER',
    input: (a) => ({ workspace: a.slug, taskId: a.taskId, body: 'Added by the matrix' }),
    foreign: (a, b) => ({ workspace: a.slug, taskId: b.taskId, body: 'Added by the matrix' }),
  },
  'comments.edit': {
    role: 'MEMBER',
    input: (a) => ({ workspace: a.slug, id: a.commentId, body: 'Edited by the matrix' }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.commentId, body: 'Edited by the matrix' }),
    except: { OWNER: 'FORBIDDEN', ADMIN: 'FORBIDDEN', 'READ_WRITE token': 'FORBIDDEN' },
  },
  'comments.delete': {
    role: 'MEMBER',
    input: (a) => ({ workspace: a.slug, id: a.commentId }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.commentId }),
  },
};
