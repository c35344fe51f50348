// Domain services: what procedures, jobs, REST and the CLI share. Each takes (db, actor, input)
// and writes its audit rows in the transaction of its change.
export { type Actor, type WorkspaceActor, workspaceActorOf } from './actor.ts';
export { type AuditPage, decodeAuditCursor, encodeAuditCursor, listAudit } from './audit.ts';
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
export { changeMemberRole, leaveWorkspace, listMembers, removeMember } from './members.ts';
export { lockMemberships } from './membership-lock.ts';
export {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  renameWorkspace,
} from './workspaces.ts';
