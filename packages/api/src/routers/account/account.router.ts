import { authedProcedure, router, sync } from '../../trpc.ts';
import { changePasswordHandler } from './change-password.handler.ts';
import { changePasswordInput, changePasswordMeta, changePasswordOutput } from './change-password.schema.ts';
import { listSessionsHandler } from './list-sessions.handler.ts';
import { revokeOtherSessionsHandler } from './revoke-other-sessions.handler.ts';
import { revokeSessionHandler } from './revoke-session.handler.ts';
import {
  listSessionsInput,
  listSessionsOutput,
  revokeOtherSessionsInput,
  revokeOtherSessionsOutput,
  revokeSessionInput,
  revokeSessionOutput,
  sessionsMeta,
} from './sessions.schema.ts';
import { updateProfileHandler } from './update-profile.handler.ts';
import { updateProfileInput, updateProfileMeta, updateProfileOutput } from './update-profile.schema.ts';

// Account security: every procedure here is sessionOnly (meta), never reachable with an API token.
const sessionProcedure = authedProcedure.meta(sessionsMeta);

export const accountRouter = router({
  updateProfile: authedProcedure
    .meta(updateProfileMeta)
    .input(sync(updateProfileInput))
    .output(sync(updateProfileOutput))
    .mutation(updateProfileHandler),
  changePassword: authedProcedure
    .meta(changePasswordMeta)
    .input(sync(changePasswordInput))
    .output(sync(changePasswordOutput))
    .mutation(changePasswordHandler),
  sessions: router({
    list: sessionProcedure
      .input(sync(listSessionsInput))
      .output(sync(listSessionsOutput))
      .query(listSessionsHandler),
    revoke: sessionProcedure
      .input(sync(revokeSessionInput))
      .output(sync(revokeSessionOutput))
      .mutation(revokeSessionHandler),
    revokeOthers: sessionProcedure
      .input(sync(revokeOtherSessionsInput))
      .output(sync(revokeOtherSessionsOutput))
      .mutation(revokeOtherSessionsHandler),
  }),
});
