import { randomUUID } from 'node:crypto';
import type { Rows } from './types.ts';

const freshName = () => `Label ${randomUUID().slice(0, 8)}`;

export const labelRows: Rows = {
  'labels.list': { role: 'VIEWER', input: (a) => ({ workspace: a.slug }) },
  'labels.create': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, name: freshName(), color: '#22c55e' }),
  },
  'labels.update': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, id: a.labelId, name: freshName(), color: '#0ea5e9' }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.labelId, name: freshName() }),
  },
  'labels.delete': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, id: a.labelId }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.labelId }),
  },
};
