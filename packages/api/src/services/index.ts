// Domain services: what procedures, jobs, REST and the CLI share. Each takes (db, actor, input)
// and writes its audit rows in the transaction of its change.

export { type ActivityFeedPage, listActivityFeed } from './activity-feed.ts';
export { type Actor, type WorkspaceActor, workspaceActorOf } from './actor.ts';
export {
  type AuditPage,
  type CursorCodec,
  cursorCodec,
  decodeAuditCursor,
  encodeAuditCursor,
  listAudit,
} from './audit.ts';
export {
  addComment,
  type CommentPage,
  commentSelect,
  deleteComment,
  editComment,
  listComments,
} from './comments.ts';
export {
  IDEMPOTENCY_TTL_MS,
  type IdempotentCall,
  idempotent,
  purgeExpiredIdempotencyKeys,
} from './idempotency.ts';
export {
  acceptInvitation,
  type InvitationPreview,
  type InvitationStatus,
  invitationStatus,
  previewInvitation,
} from './invitation-links.ts';
export {
  type CreatedInvitation,
  createInvitation,
  listInvitations,
  revokeInvitation,
} from './invitations.ts';
export { createLabel, deleteLabel, labelSelect, listLabels, updateLabel } from './labels.ts';
export { changeMemberRole, leaveWorkspace, listMembers, removeMember } from './members.ts';
export { lockMemberships } from './membership-lock.ts';
export {
  createProject,
  getProject,
  listProjects,
  projectSelect,
  setProjectArchived,
  updateProject,
} from './projects.ts';
export { listTasks } from './task-list.ts';
export { listTasksSql, searchQuery } from './task-list-sql.ts';
export { MAX_POSITION_LENGTH, placeBetween, positionAtEnd } from './task-positions.ts';
export { bulkUpdateTasks } from './tasks-bulk.ts';
export { createTask } from './tasks-create.ts';
export { deleteTask, setTaskArchived } from './tasks-lifecycle.ts';
export { moveTask } from './tasks-move.ts';
export {
  getTask,
  TASK_NOT_FOUND,
  taskSummaries,
} from './tasks-read.ts';
export { updateTask } from './tasks-update.ts';
export {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  renameWorkspace,
} from './workspaces.ts';
