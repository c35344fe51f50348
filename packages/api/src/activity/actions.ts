// Browser-safe: every audit action, with how the audit log page words it.
export const ACTIVITY_ACTIONS = {
  'auth.signed_up': 'signed up',
  'auth.signed_in': 'signed in',
  'auth.sign_in_failed': 'failed to sign in',
  'auth.signed_out': 'signed out',
  'account.profile_updated': 'updated their profile',
  'account.password_changed': 'changed their password',
  'session.revoked': 'revoked a session',
  'session.others_revoked': 'signed out their other sessions',
  'token.created': 'created an API token',
  'token.revoked': 'revoked an API token',
  'workspace.created': 'created the workspace',
  'workspace.renamed': 'renamed the workspace',
  'workspace.deleted': 'deleted the workspace',
  'member.joined': 'joined',
  'member.role_changed': 'changed a role',
  'member.removed': 'removed a member',
  'member.left': 'left the workspace',
  'invitation.created': 'invited someone',
  'invitation.revoked': 'revoked an invitation',
  'invitation.accepted': 'accepted an invitation',
  'project.created': 'created the project',
  'project.updated': 'updated the project',
  'project.archived': 'archived the project',
  'project.unarchived': 'restored the project',
  'task.created': 'created the task',
  'task.updated': 'updated the task',
  'task.moved': 'moved the task',
  'task.archived': 'archived the task',
  'task.unarchived': 'restored the task',
  'task.deleted': 'deleted the task',
  'comment.added': 'commented',
  'comment.edited': 'edited a comment',
  'comment.deleted': 'deleted a comment',
  'label.created': 'created a label',
  'label.updated': 'changed a label',
  'label.deleted': 'deleted a label',
} as const;

/** The actions of the work itself, which every member's activity feed shows (the audit log shows all). */
export const WORK_ACTION_PREFIXES = ['project.', 'task.', 'comment.', 'label.'] as const;

export type ActivityAction = keyof typeof ACTIVITY_ACTIONS;

const labels: Readonly<Record<string, string>> = ACTIVITY_ACTIONS;

export function describeAction(action: string): string {
  return labels[action] ?? action;
}
