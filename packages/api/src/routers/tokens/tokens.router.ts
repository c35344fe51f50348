import { authedProcedure, router } from '../../trpc.ts';
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
  create: tokenProcedure.input(createTokenInput).output(createTokenOutput).mutation(createTokenHandler),
  list: tokenProcedure.input(listTokensInput).output(listTokensOutput).query(listTokensHandler),
  revoke: tokenProcedure.input(revokeTokenInput).output(revokeTokenOutput).mutation(revokeTokenHandler),
});
