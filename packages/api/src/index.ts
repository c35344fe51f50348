export { type Context, type CreateContextOptions, createContext } from './context.ts';
export { AppError, type AppErrorCode, appErrorCodes, describeError, logLevelOf } from './errors.ts';
export { createLogger, type Logger } from './logger.ts';
export { REQUEST_ID_HEADER, requestIdFrom } from './request-id.ts';
export { errorResponseMeta } from './response-meta.ts';
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from './root.ts';
export { createCallerFactory } from './trpc.ts';
