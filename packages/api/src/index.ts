export type { AuthState, AuthUser, Principal } from './auth/resolve.ts';
export { clientIp, type TrustProxy } from './client-ip.ts';
export {
  type ApiServices,
  type Context,
  createContext,
  type RequestInfo,
  type SecuritySettings,
} from './context.ts';
export { AppError, type AppErrorCode, appErrorCodes, describeError, logLevelOf } from './errors.ts';
export {
  ALLOW_HEADER,
  type HttpLimits,
  httpLimits,
  methodNotAllowed,
  optionsAnswer,
  payloadTooLarge,
  type Refusal,
  readBodyWithin,
  refusalResponse,
  refuseByHead,
} from './http-guard.ts';
export {
  createLogger,
  type Logger,
  logRequest,
  proceduresOf,
  type RequestLogEntry,
  redactSecrets,
} from './logger.ts';
export type { ProcedureMeta } from './meta.ts';
export { clientRequestIdFrom, newRequestId, REQUEST_ID_HEADER, requestIdFrom } from './request-id.ts';
export { errorResponseMeta } from './response-meta.ts';
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from './root.ts';
// Domain services (workspaces, members, invitations, audit, projects, labels, tasks, comments,
// activity feeds, idempotency keys) for jobs, REST and the CLI.
export * from './services/index.ts';
export { type CreateServicesOptions, createApiServices, type ServicesHandle } from './services.ts';
export { createCallerFactory } from './trpc.ts';
