// The builders, in one place (create-t3-turbo style). The tRPC instance is in init.ts,
// procedure builders in procedures/, middlewares in middleware/.
import { t } from './init.ts';

export {
  authedProcedure,
  instanceAdminProcedure,
  publicProcedure,
  workspaceProcedure,
} from './procedures/index.ts';

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export { sync } from './parser.ts';
