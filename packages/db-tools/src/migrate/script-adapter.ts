import {
  type ConnectionInfo,
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from '@prisma/driver-adapter-utils';

type MapResult = (result: SqlResultSet) => SqlResultSet;

export interface ScriptAdapterOptions {
  /** Runs a whole migration script in one round trip. */
  run(script: string): Promise<unknown>;
  /** Called once the engine disposes of the connection. */
  release?(): Promise<void>;
  /** Post-processes every query result, inside transactions too. */
  mapResult?: MapResult;
}

interface PostgresErrorFields {
  message: string;
  code: string;
  severity?: string | undefined;
  detail?: string | undefined;
  column?: string | undefined;
  hint?: string | undefined;
}

function hasPostgresCode(error: unknown): error is PostgresErrorFields {
  return error instanceof Error && 'code' in error && typeof error.code === 'string';
}

/** The engine renders DriverAdapterErrors with their SQLSTATE; anything else it calls a generic JS error. */
function toAdapterError(error: unknown): unknown {
  if (!hasPostgresCode(error)) return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: error.code,
    severity: error.severity ?? 'ERROR',
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

class MappedTransaction implements Transaction {
  readonly provider = 'postgres';
  readonly adapterName: string;
  readonly options: TransactionOptions;
  readonly createSavepoint?: (name: string) => Promise<void>;
  readonly rollbackToSavepoint?: (name: string) => Promise<void>;
  readonly releaseSavepoint?: (name: string) => Promise<void>;
  readonly #inner: Transaction;
  readonly #map: MapResult;

  constructor(inner: Transaction, map: MapResult) {
    this.adapterName = inner.adapterName;
    this.options = inner.options;
    this.#inner = inner;
    this.#map = map;
    // Present only when the driver has them: the engine picks its savepoint strategy by their presence.
    if (inner.createSavepoint) this.createSavepoint = inner.createSavepoint.bind(inner);
    if (inner.rollbackToSavepoint) this.rollbackToSavepoint = inner.rollbackToSavepoint.bind(inner);
    if (inner.releaseSavepoint) this.releaseSavepoint = inner.releaseSavepoint.bind(inner);
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#map(await this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#inner.executeRaw(query);
  }

  commit(): Promise<void> {
    return this.#inner.commit();
  }

  rollback(): Promise<void> {
    return this.#inner.rollback();
  }
}

/**
 * Both upstream adapters get executeScript wrong for migrations: @prisma/adapter-pg splits
 * the script on every ";" (breaking strings and function bodies, and running statements
 * one by one), and pglite-prisma-adapter does not await it (a failing shadow migration
 * becomes an unhandled rejection). This wrapper sends the whole script as one simple
 * query, as the native engine does: PostgreSQL then runs it as one implicit transaction.
 */
export class WholeScriptAdapter implements SqlDriverAdapter {
  readonly provider = 'postgres';
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  readonly #options: ScriptAdapterOptions;

  constructor(inner: SqlDriverAdapter, options: ScriptAdapterOptions) {
    this.adapterName = inner.adapterName;
    this.#inner = inner;
    this.#options = options;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const result = await this.#inner.queryRaw(query);
    return this.#options.mapResult ? this.#options.mapResult(result) : result;
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#inner.executeRaw(query);
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const tx = await this.#inner.startTransaction(isolationLevel);
    return this.#options.mapResult ? new MappedTransaction(tx, this.#options.mapResult) : tx;
  }

  getConnectionInfo(): ConnectionInfo {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  async executeScript(script: string): Promise<void> {
    try {
      await this.#options.run(script);
    } catch (error) {
      throw toAdapterError(error);
    }
  }

  async dispose(): Promise<void> {
    try {
      await this.#inner.dispose();
    } finally {
      await this.#options.release?.();
    }
  }
}
