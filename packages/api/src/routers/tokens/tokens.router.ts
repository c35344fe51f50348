import { authedProcedure, router, sync } from '../../trpc.ts';
import { createTokenHandler } from './create-token.handler.ts';
import { listTokensHandler } from './list-tokens.handler.ts';
import { revokeTokenHandler } from './revoke-token.handler.ts';
import {
  createTokenInput,
  createTokenOutput,
  listTokensInput,
  listTokensOutput,
  revokeTokenInput,
  revokeTokenOutput,
  tokensMeta,
} from './tokens.schema.ts';

// sessionOnly (meta): a token can neither mint nor list nor revoke tokens.
const tokenProcedure = authedProcedure.meta(tokensMeta);

export const tokensRouter = router({
  create: tokenProcedure
    .input(sync(createTokenInput))
    .output(sync(createTokenOutput))
    .mutation(createTokenHandler),
  list: tokenProcedure.input(sync(listTokensInput)).output(sync(listTokensOutput)).query(listTokensHandler),
  revoke: tokenProcedure
    .input(sync(revokeTokenInput))
    .output(sync(revokeTokenOutput))
    .mutation(revokeTokenHandler),
});
