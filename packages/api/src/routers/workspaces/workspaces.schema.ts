import { slugSchema, workspaceNameSchema } from '@taskforge/validators';
import { z } from 'zod';
import { okOutput, workspaceInput, workspaceSummary } from '../../schemas/common.ts';

export const createWorkspaceInput = z.strictObject({ name: workspaceNameSchema, slug: slugSchema });
export const createWorkspaceOutput = workspaceSummary;
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceInput>;

/** The workspaces the caller belongs to, by name. */
export const listWorkspacesInput = z.void();
export const listWorkspacesOutput = z.object({ items: z.array(workspaceSummary) });
export type ListWorkspacesOutput = z.infer<typeof listWorkspacesOutput>;

export const getWorkspaceInput = workspaceInput({});
export const getWorkspaceOutput = workspaceSummary.extend({
  pendingInvitations: z.number().int().nonnegative(),
});
export type GetWorkspaceOutput = z.infer<typeof getWorkspaceOutput>;

export const renameWorkspaceInput = workspaceInput({ name: workspaceNameSchema });
export const renameWorkspaceOutput = workspaceSummary;
export type RenameWorkspaceInput = z.infer<typeof renameWorkspaceInput>;

/** Deleting is confirmed by typing the workspace's slug. */
export const deleteWorkspaceInput = workspaceInput({ confirm: z.string().max(100) });
export const deleteWorkspaceOutput = okOutput;
export type DeleteWorkspaceInput = z.infer<typeof deleteWorkspaceInput>;
