import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, sync, workspaceProcedure } from '../../trpc.ts';
import { changeRoleHandler } from './change-role.handler.ts';
import { leaveWorkspaceHandler } from './leave.handler.ts';
import { listMembersHandler } from './list.handler.ts';
import {
  changeRoleInput,
  changeRoleOutput,
  leaveWorkspaceInput,
  leaveWorkspaceOutput,
  listMembersInput,
  listMembersOutput,
  removeMemberInput,
  removeMemberOutput,
} from './members.schema.ts';
import { removeMemberHandler } from './remove.handler.ts';

const manage = PERMISSIONS['members.manage'];

export const membersRouter = router({
  list: workspaceProcedure(PERMISSIONS['members.read'])
    .input(sync(listMembersInput))
    .output(sync(listMembersOutput))
    .query(listMembersHandler),
  changeRole: workspaceProcedure(manage)
    .input(sync(changeRoleInput))
    .output(sync(changeRoleOutput))
    .mutation(changeRoleHandler),
  remove: workspaceProcedure(manage)
    .input(sync(removeMemberInput))
    .output(sync(removeMemberOutput))
    .mutation(removeMemberHandler),
  // Any member may leave (the last OWNER excepted: the service refuses).
  leave: workspaceProcedure('VIEWER')
    .input(sync(leaveWorkspaceInput))
    .output(sync(leaveWorkspaceOutput))
    .mutation(leaveWorkspaceHandler),
});
