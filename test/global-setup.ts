import { startTestServer } from '@taskforge/db-tools/testing';
import type { TestProject } from 'vitest/node';

/** One PostgreSQL server and one migrated template per `npm test` run. */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const server = await startTestServer();
  project.provide('testDb', { adminUrl: server.adminUrl, template: server.template });
  console.log(
    `test database: ${server.describe}, template ${server.template} (${Math.round(performance.now() - started)} ms)`,
  );
  return async () => {
    await server.stop();
  };
}
