import { idSchema, markdownSchema, projectKeySchema, projectNameSchema } from '@taskforge/validators';
import { z } from 'zod';
import { taskStatusSchema, workspaceInput } from '../../schemas/common.ts';

export const projectSummary = z.object({
  id: idSchema,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  /** Tasks that are not archived, and of those the ones not DONE or CANCELED. */
  taskCount: z.number().int().nonnegative(),
  openTaskCount: z.number().int().nonnegative(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

export const projectDetail = projectSummary.extend({
  /** Not-archived tasks per status. */
  tasksByStatus: z.record(taskStatusSchema, z.number().int().nonnegative()),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const createProjectInput = workspaceInput({
  key: projectKeySchema,
  name: projectNameSchema,
  description: markdownSchema.default(''),
});
export const createProjectOutput = projectSummary;

/** Active projects by name; when asked, the archived ones too, after them (by name). */
export const listProjectsInput = workspaceInput({ includeArchived: z.boolean().default(false) });
export const listProjectsOutput = z.object({ items: z.array(projectSummary) });

export const getProjectInput = workspaceInput({ key: projectKeySchema });
export const getProjectOutput = projectDetail;

/** The key stays: it is part of every task's reference (ENG-42). */
export const updateProjectInput = workspaceInput({
  key: projectKeySchema,
  name: projectNameSchema.optional(),
  description: markdownSchema.optional(),
});
export const updateProjectOutput = projectSummary;

export const archiveProjectInput = workspaceInput({ key: projectKeySchema });
export const archiveProjectOutput = projectSummary;

export type CreateProjectInput = z.infer<typeof createProjectInput>;
export type ListProjectsInput = z.infer<typeof listProjectsInput>;
export type ListProjectsOutput = z.infer<typeof listProjectsOutput>;
export type GetProjectInput = z.infer<typeof getProjectInput>;
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;
export type ArchiveProjectInput = z.infer<typeof archiveProjectInput>;
