import type { SchemasContainer } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { engineAdapters } from './adapters.ts';
import { type Log, openEngine, type SchemaEngine } from './engine.ts';

export interface EngineSessionOptions {
  /** The database to migrate; omitted for commands that only need shadow databases. */
  url?: string;
  schema?: SchemasContainer;
  log?: Log;
}

/**
 * Runs `fn` with a schema engine and always releases everything it opened (the engine,
 * its pg pool and PGlites), so CLI processes and tests exit promptly. The wasm module
 * itself is loaded once per process and shared.
 * Engine errors come back with the underlying driver message instead of a placeholder.
 */
export async function withEngine<T>(
  { url, schema, log }: EngineSessionOptions,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const adapters = engineAdapters(url);
  try {
    const { engine, explain } = await openEngine({ adapter: adapters.factory, schema, log });
    try {
      return await fn(engine);
    } catch (error) {
      throw explain(error);
    } finally {
      engine.free();
    }
  } finally {
    await adapters.close();
  }
}
