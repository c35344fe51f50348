// Browser-safe: what a procedure declares about itself beside its input and output.
import type { Role } from '@taskforge/db/enums';

/** Rate-limit tiers (packages/auth RATE_LIMITS `tier.*`): per user when signed in, else per IP. */
export type RateLimitTier = 'auth' | 'read' | 'write';

export interface ProcedureMeta {
  /** Defaults to `read` for queries and `write` for mutations; `none` for probes. */
  rateLimit?: RateLimitTier | 'none';
  /** Account security (password, sessions, tokens): a signed-in browser session only, never an API token. */
  sessionOnly?: boolean;
  /** Set by workspaceProcedure: the least role the procedure needs (read by the authorization matrix). */
  workspaceRole?: Role;
}
