import { authedProcedure, publicProcedure, router, sync } from '../../trpc.ts';
import { meHandler } from './me.handler.ts';
import { meInput, meOutput } from './me.schema.ts';
import { signInHandler } from './sign-in.handler.ts';
import { signInInput, signInMeta, signInOutput } from './sign-in.schema.ts';
import { signOutHandler } from './sign-out.handler.ts';
import { signOutInput, signOutMeta, signOutOutput } from './sign-out.schema.ts';
import { signUpHandler } from './sign-up.handler.ts';
import { signUpInput, signUpMeta, signUpOutput } from './sign-up.schema.ts';

export const authRouter = router({
  signUp: publicProcedure
    .meta(signUpMeta)
    .input(sync(signUpInput))
    .output(sync(signUpOutput))
    .mutation(signUpHandler),
  signIn: publicProcedure
    .meta(signInMeta)
    .input(sync(signInInput))
    .output(sync(signInOutput))
    .mutation(signInHandler),
  signOut: authedProcedure
    .meta(signOutMeta)
    .input(sync(signOutInput))
    .output(sync(signOutOutput))
    .mutation(signOutHandler),
  me: authedProcedure.input(sync(meInput)).output(sync(meOutput)).query(meHandler),
});
