import { z } from 'zod';
import type { ProcedureMeta } from '../../meta.ts';
import { okOutput } from '../../schemas/common.ts';

export const signOutInput = z.void();
export const signOutOutput = okOutput;
export const signOutMeta = { sessionOnly: true } satisfies ProcedureMeta;
