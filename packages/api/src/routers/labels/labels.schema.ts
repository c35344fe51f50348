import { idSchema, labelColorSchema, labelNameSchema } from '@taskforge/validators';
import { z } from 'zod';
import { okOutput, workspaceInput } from '../../schemas/common.ts';

export const labelInfo = z.object({
  id: idSchema,
  name: z.string(),
  color: z.string(),
  /** Tasks carrying it (archived ones included). */
  taskCount: z.number().int().nonnegative(),
});
export type LabelInfo = z.infer<typeof labelInfo>;

/** The workspace's labels by name. */
export const listLabelsInput = workspaceInput({});
export const listLabelsOutput = z.object({ items: z.array(labelInfo) });

/** Names are unique per workspace regardless of case. */
export const createLabelInput = workspaceInput({ name: labelNameSchema, color: labelColorSchema });
export const createLabelOutput = labelInfo;

/** Rename, recolour, or both. */
export const updateLabelInput = workspaceInput({
  id: idSchema,
  name: labelNameSchema.optional(),
  color: labelColorSchema.optional(),
});
export const updateLabelOutput = labelInfo;

/** Deleting a label takes it off every task. */
export const deleteLabelInput = workspaceInput({ id: idSchema });
export const deleteLabelOutput = okOutput;

export type ListLabelsOutput = z.infer<typeof listLabelsOutput>;
export type CreateLabelInput = z.infer<typeof createLabelInput>;
export type UpdateLabelInput = z.infer<typeof updateLabelInput>;
export type DeleteLabelInput = z.infer<typeof deleteLabelInput>;
