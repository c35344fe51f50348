// Browser-safe output and input pieces shared by procedure schema files.
import { Role, TaskPriority, TaskStatus, TokenScope } from '@taskforge/db/enums';
import { idSchema, slugSchema } from '@taskforge/validators';
import { z } from 'zod';

export const roleSchema = z.enum(Role);
export const tokenScopeSchema = z.enum(TokenScope);
export const taskStatusSchema = z.enum(TaskStatus);
export const taskPrioritySchema = z.enum(TaskPriority);

export const userSummary = z.object({ id: idSchema, name: z.string(), email: z.string() });
export type UserSummary = z.infer<typeof userSummary>;

export const okOutput = z.object({ ok: z.literal(true) });
export type OkOutput = z.infer<typeof okOutput>;

/**
 * The input of a workspace-scoped procedure: the workspace's slug plus the procedure's own
 * fields, strict like every input. workspaceProcedure reads `workspace` from it.
 */
export function workspaceInput<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ workspace: slugSchema, ...shape });
}

/** A workspace as its members see it. */
export const workspaceSummary = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
  role: roleSchema,
  memberCount: z.number().int().nonnegative(),
  createdAt: z.date(),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummary>;
