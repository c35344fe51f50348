import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlResultSet } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { WholeScriptAdapter } from './script-adapter.ts';

const CHAR_OID = 18; // PostgreSQL's internal one-byte "char" (pg_class.relkind, pg_constraint.contype...)
const TEXT_OID = 25;
const CHAR_MARK = '\u0000"char"';

function hasFields(message: unknown): message is { fields: { name: string; dataTypeID: number }[] } {
  return (
    typeof message === 'object' && message !== null && 'fields' in message && Array.isArray(message.fields)
  );
}

/**
 * @prisma/adapter-pg rejects result columns of type "char" (UnsupportedNativeDataType) and
 * has no way to report them as the engine's Character type, yet the engine's introspection
 * of a live database reads many of them with get_char (on PostgreSQL 18 even for the
 * NOT NULL rows of pg_constraint). So, on this pool's connections only, such columns
 * reach the adapter as text with a marked name, and `restoreCharColumns` turns the marked
 * columns of each result back into Character columns with their real names.
 */
function describeCharAsMarkedText(client: pg.PoolClient): void {
  if (!(client instanceof pg.Client)) return;
  client.connection.prependListener('rowDescription', (message: unknown) => {
    if (!hasFields(message)) return;
    for (const field of message.fields) {
      if (field.dataTypeID !== CHAR_OID) continue;
      field.dataTypeID = TEXT_OID;
      field.name += CHAR_MARK;
    }
  });
}

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  result.columnNames.forEach((name, i) => {
    if (!name.endsWith(CHAR_MARK)) return;
    result.columnNames[i] = name.slice(0, -CHAR_MARK.length);
    result.columnTypes[i] = ColumnTypeEnum.Character;
  });
  return result;
}

export interface PgMain {
  connect(): Promise<SqlDriverAdapter>;
  end(): Promise<void>;
}

/** The engine's main database: @prisma/adapter-pg over a pool this module owns and ends. */
export function pgMain(url: string): PgMain {
  // One connection: the engine's advisory lock and the statements it guards share a session.
  const pool = new pg.Pool({ connectionString: url, max: 1, application_name: 'taskforge-migrate' });
  pool.on('error', () => {}); // an idle client dropped by the server must not crash the CLI
  pool.on('connect', describeCharAsMarkedText);
  return {
    async connect() {
      const inner = await new PrismaPg(pool).connect();
      return new WholeScriptAdapter(inner, {
        run: (script) => pool.query(script),
        mapResult: restoreCharColumns,
      });
    },
    end: () => pool.end(),
  };
}
