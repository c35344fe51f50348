import { authedProcedure, publicProcedure, router } from '../../trpc.ts';
import { meHandler } from './me.handler.ts';
import { meInput, meOutput } from './me.schema.ts';
import { signInHandler } from './sign-in.handler.ts';
import { signInInput, signInMeta, signInOutput } from './sign-in.schema.ts';
import { signOutHandler } from './sign-out.handler.ts';
import { signOutInput, signOutMeta, signOutOutput } from './sign-out.schema.ts';
import { signUpHandler } from './sign-up.handler.ts';
import { signUpInput, signUpMeta, signUpOutput } from './sign-up.schema.ts';

export const authRouter = router({
  signUp: publicProcedure.meta(signUpMeta).input(signUpInput).output(signUpOutput).mutation(signUpHandler),
  signIn: publicProcedure.meta(signInMeta).input(signInInput).output(signInOutput).mutation(signInHandler),
  signOut: authedProcedure
    .meta(signOutMeta)
    .input(signOutInput)
    .output(signOutOutput)
    .mutation(signOutHandler),
  me: authedProcedure.input(meInput).output(meOutput).query(meHandler),
});
