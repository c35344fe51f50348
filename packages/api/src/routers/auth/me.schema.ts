import { z } from 'zod';
import { viewerSchema } from './viewer.schema.ts';

export const meInput = z.void();
export const meOutput = viewerSchema;
