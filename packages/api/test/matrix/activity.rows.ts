import type { Rows } from './types.ts';

export const activityRows: Rows = {
  'activity.list': {
    role: 'VIEWER',
    input: (a) => ({ workspace: a.slug, taskId: a.taskId, limit: 10 }),
    foreign: (a, b) => ({ workspace: a.slug, taskId: b.taskId, limit: 10 }),
  },
};
