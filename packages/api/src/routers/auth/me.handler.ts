import type { Principal } from '../../auth/resolve.ts';
import type { Viewer } from './viewer.schema.ts';
import { viewerOf } from './viewer.ts';

/** Who the caller is, and how they authenticated. */
export function meHandler({ ctx }: { ctx: { principal: Principal } }): Viewer {
  return viewerOf(ctx.principal);
}
