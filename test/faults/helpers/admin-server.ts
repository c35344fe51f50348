import { createApiServices } from '@taskforge/api';
import { createApiToken, createUser } from '@taskforge/api/testing';
import { parseEnv } from '@taskforge/config';
import type { Db } from '@taskforge/db';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildServer } from '../../../apps/server/src/app.ts';

export interface AdminServer {
  app: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** A bearer header of an instance administrator (stats.summary is their read). */
  authorization: string;
}

/** apps/server over `db`, listening on a free port, with an instance administrator's READ token. */
export async function startAdminServer(db: Db, logger: Logger): Promise<AdminServer> {
  const admin = await createUser(db, { isInstanceAdmin: true });
  const authorization = `Bearer ${(await createApiToken(db, admin, 'READ')).token}`;
  // Limits run but never refuse: these tests are about the database, not the rate limiter.
  const services = createApiServices({ db, logger, config: parseEnv({ RATE_LIMIT_SCALE: '100000' }) });
  const app = await buildServer({ db, logger, services });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return {
    app,
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    authorization,
  };
}
