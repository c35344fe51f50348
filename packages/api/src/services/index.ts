// Domain services: what procedures, jobs, REST and the CLI share. Each takes (db, actor, input)
// and writes its audit rows in the transaction of its change.

export { type ActivityFeedPage, listActivityFeed } from './activity-feed.ts';
export { type Actor, type WorkspaceActor, workspaceActorOf } from './actor.ts';
export { type AuditPage, decodeAuditCursor, encodeAuditCursor, listAudit } from './audit.ts';
export {
  addComment,
  type CommentPage,
  commentSelect,
  deleteComment,
  editComment,
  listComments,
} from './comments.ts';
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
export {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  renameWorkspace,
} from './workspaces.ts';
