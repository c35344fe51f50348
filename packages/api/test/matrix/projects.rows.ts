import { randomUUID } from 'node:crypto';
import type { Rows } from './types.ts';

/** A key no fixture uses, fresh per call (creating one twice would be a field error). */
const freshKey = () => `N${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`;

// Project keys are not row ids: another workspace's key names a project of this workspace or
// none (projects.test.ts covers a key that exists only elsewhere).
export const projectRows: Rows = {
  'projects.create': { role: 'ADMIN', input: (a) => ({ workspace: a.slug, key: freshKey(), name: 'New' }) },
  'projects.list': { role: 'VIEWER', input: (a) => ({ workspace: a.slug, includeArchived: true }) },
  'projects.get': { role: 'VIEWER', input: (a) => ({ workspace: a.slug, key: a.projectKey }) },
  'projects.update': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, key: a.projectKey, name: 'Renamed by the matrix' }),
  },
  'projects.archive': { role: 'ADMIN', input: (a) => ({ workspace: a.slug, key: a.projectKey }) },
  'projects.unarchive': { role: 'ADMIN', input: (a) => ({ workspace: a.slug, key: a.projectKey }) },
};
