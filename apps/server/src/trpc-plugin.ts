import { appRouter, createContext, describeError, errorResponseMeta, type Logger } from '@taskforge/api';
import type { Db } from '@taskforge/db';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { toWebHeaders } from './headers.ts';

export interface TrpcPluginDeps {
  db: Db;
  logger: Logger;
}

/**
 * Mounts the shared router at /trpc. Registered as its own (encapsulated) plugin so the
 * adapter's replacement of the JSON body parser stays inside /trpc.
 */
export async function registerTrpc(app: FastifyInstance, deps: TrpcPluginDeps): Promise<void> {
  const options: FastifyTRPCPluginOptions<typeof appRouter> = {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) =>
        createContext({
          db: deps.db,
          headers: toWebHeaders(req.headers),
          requestId: req.id,
          logger: deps.logger,
        }),
      responseMeta: errorResponseMeta,
      onError: ({ error, path, type, ctx, req }) => {
        // Inside a procedure the router's logCalls middleware already logged the failure; only
        // our own faults from before it ran (building the context, say) would go unlogged.
        if (describeError(error).appCode !== 'INTERNAL' || ctx) return;
        req.log.error({ err: error, path: path ?? null, type }, 'trpc request failed');
      },
    },
  };
  await app.register(fastifyTRPCPlugin, options);
}
