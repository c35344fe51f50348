import type { Rows } from './types.ts';

// Every call that changes a task gets a fresh workspace A, whose task PRJ-1 is at version 1.
export const taskRows: Rows = {
  'tasks.create': {
    role: 'MEMBER',
    input: (a) => ({ workspace: a.slug, project: a.projectKey, title: 'Created by the matrix' }),
  },
  'tasks.get': {
    role: 'VIEWER',
    input: (a) => ({ workspace: a.slug, ref: a.taskId }),
    foreign: (a, b) => ({ workspace: a.slug, ref: b.taskId }),
  },
  'tasks.list': { role: 'VIEWER', input: (a) => ({ workspace: a.slug, project: a.projectKey, limit: 10 }) },
  'tasks.update': {
    role: 'MEMBER',
    input: (a) => ({ workspace: a.slug, id: a.taskId, version: 1, title: 'Updated by the matrix' }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.taskId, version: 1, title: 'Updated by the matrix' }),
  },
  'tasks.move': {
    role: 'MEMBER',
    input: (a) => ({ workspace: a.slug, id: a.taskId, version: 1, status: 'IN_PROGRESS' }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.taskId, version: 1, status: 'IN_PROGRESS' }),
  },
  'tasks.archive': {
    role: 'MEMBER',
    input: (a) => ({ workspace: a.slug, id: a.taskId }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.taskId }),
  },
  'tasks.unarchive': {
    role: 'MEMBER',
    input: (a) => ({ workspace: a.slug, id: a.taskId }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.taskId }),
  },
  'tasks.delete': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, id: a.taskId }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.taskId }),
  },
  'tasks.bulkUpdate': {
    role: 'MEMBER',
    input: (a) => ({ workspace: a.slug, ids: [a.taskId], action: { type: 'move', status: 'DONE' } }),
    foreign: (a, b) => ({ workspace: a.slug, ids: [b.taskId], action: { type: 'move', status: 'DONE' } }),
  },
};
