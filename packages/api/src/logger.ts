import { getConfig } from '@taskforge/config';
import { type DestinationStream, pino } from 'pino';
import type { AppErrorCode } from './errors.ts';

export type Logger = pino.Logger;

export interface CreateLoggerOptions {
  level?: string;
  name?: string;
  /** `pretty` (pino-pretty, for people) or `json` (for machines). Default: LOG_FORMAT. */
  format?: 'json' | 'pretty';
  /** Where JSON lines go instead of stdout (tests capture them). */
  destination?: DestinationStream;
}

/**
 * pino with every logged object (and child bindings) passed through redactSecrets: headers
 * like authorization and cookie, and any field named like a password, token, secret or API
 * key, at any depth. Pretty output runs pino-pretty in pino's worker thread; when it is not
 * installed (a production install without dev dependencies) JSON is written instead.
 */
export function createLogger({
  level = 'info',
  name = 'taskforge',
  format = getConfig().LOG_FORMAT,
  destination,
}: CreateLoggerOptions = {}): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    formatters: {
      log: (object) => redactSecrets(object),
      // Root bindings only: pino resets this formatter for children (see redactChildBindings).
      bindings: (bindings) => redactSecrets(bindings),
    },
    // redactSecrets has already turned errors into pino's serialized form; a second pass
    // would see a plain object and rename its type to "Object".
    serializers: { err: (value: unknown) => value },
  };
  if (destination) return redactChildBindings(pino(options, destination));
  // Nothing will be written: no pretty-printing worker thread for it.
  if (level === 'silent') return redactChildBindings(pino(options));
  if (format === 'pretty') {
    const transport = prettyTransport();
    if (transport) return redactChildBindings(pino(options, transport));
    const logger = redactChildBindings(pino(options));
    logger.warn('LOG_FORMAT=pretty but pino-pretty is not installed: writing JSON');
    return logger;
  }
  return redactChildBindings(pino(options));
}

/**
 * pino applies no formatter to a child's bindings, so `logger.child({ token })` would print the
 * token on every line. Children are created from their parent by prototype, so replacing
 * `child` on the root covers every descendant.
 */
function redactChildBindings(root: Logger): Logger {
  const child: (
    this: Logger,
    bindings: pino.Bindings,
    options?: pino.ChildLoggerOptions<never>,
  ) => pino.Logger<never> = root.child;
  // defineProperty, not assignment: pino types child() generically over custom levels, which
  // a wrapper cannot restate; Taskforge defines no custom levels.
  Object.defineProperty(root, 'child', {
    value: function redactingChild(
      this: Logger,
      bindings: pino.Bindings,
      options?: pino.ChildLoggerOptions<never>,
    ) {
      return child.call(this, redactSecrets(bindings), options);
    },
  });
  return root;
}

function prettyTransport(): DestinationStream | null {
  try {
    return pino.transport({
      target: 'pino-pretty',
      options: {
        // The worker's stdout is a pipe; colour when the real one is a terminal.
        colorize: process.stdout.isTTY === true,
        translateTime: 'SYS:HH:MM:ss.l',
        // Access lines read "request: GET /trpc/health.ping 200 1.2ms {...their fields}".
        messageFormat: '{msg}{if status}: {method} {path} {status} {durationMs}ms{end}',
        ignore: 'pid,hostname,name',
        singleLine: true,
      },
    });
  } catch {
    return null;
  }
}

const CENSOR = '[redacted]';
// Compared against field names lower-cased with separators removed (`x-api-key` -> `xapikey`).
const SECRET_NAME_PARTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'authorization',
  'cookie', // also set-cookie
  'credential',
  'privatekey',
  'sessionid',
];
const SECRET_NAMES = new Set(['pwd', 'pass', 'auth', 'jwt']);
// Nesting beyond this is summarised: log objects are small, and this bounds a hostile one.
const MAX_DEPTH = 8;
// `postgresql://user:secret@host` -> `postgresql://user:[redacted]@host`
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;

// Log lines reuse a handful of field names: remembering verdicts cuts redaction to a third
// (0.9 µs instead of 2.8 µs for an access line). Bounded, since callers can choose keys.
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 2000;

/** Whether a field name looks like it holds a credential. */
export function isSecretName(name: string): boolean {
  const known = verdicts.get(name);
  if (known !== undefined) return known;
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const secret = SECRET_NAMES.has(key) || SECRET_NAME_PARTS.some((part) => key.includes(part));
  if (verdicts.size < MAX_VERDICTS) verdicts.set(name, secret);
  return secret;
}

/**
 * A copy of a log object with secrets censored: any field whose name looks like a credential
 * (at any depth, in arrays and in errors' own fields too) and passwords inside URLs in strings.
 * pino's `redact` paths cannot say "any field named like"; this can. Errors become pino's
 * serialized form first so their fields are checked as well.
 */
export function redactSecrets(object: Record<string, unknown>): Record<string, unknown> {
  return redactFields(object, 0, new WeakSet([object]));
}

function redactValue(value: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  if (typeof value === 'string')
    return value.includes('://') ? value.replace(URL_PASSWORD, `$1${CENSOR}@`) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  if (value instanceof Error) return redactValue(pino.stdSerializers.err(value), depth, ancestors);
  // Dates, URLs, Buffers, Decimals: their JSON form is their own business.
  if (!Array.isArray(value) && 'toJSON' in value && typeof value.toJSON === 'function') return value;
  ancestors.add(value);
  // Anything else serializes as its own enumerable fields, so walking them loses nothing.
  const out = Array.isArray(value)
    ? value.map((item) => redactValue(item, depth + 1, ancestors))
    : redactFields(value, depth, ancestors);
  ancestors.delete(value);
  return out;
}

function redactFields(value: object, depth: number, ancestors: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretName(key) ? CENSOR : redactValue(item, depth + 1, ancestors);
  }
  return out;
}

/** The one line each request writes, on both mounts. */
export interface RequestLogEntry {
  method: string;
  /** Path without the query string: inputs travel there and may hold secrets. */
  path: string;
  /** tRPC procedures the request named (a batch names several). */
  procedures: readonly string[];
  status: number;
  durationMs: number;
  /** Stable codes of the calls (or the refusal) that failed. */
  failures: readonly AppErrorCode[];
  /** The caller's own x-request-id, when safe, for correlation (reqId is always ours). */
  clientRequestId: string | null;
  /** The server's request id, when the logger does not carry it already (Fastify's req.log does). */
  reqId?: string;
}

// A rejected over-long batch can name hundreds of procedures; the line stays small.
const MAX_LOGGED_PROCEDURES = 30;
const MAX_LOGGED_PATH = 300;

/** Writes the access line of one request (info: an outage or a bug logs its own line too). */
export function logRequest(logger: Pick<Logger, 'info'>, entry: RequestLogEntry): void {
  const { procedures, failures, clientRequestId, reqId, path, durationMs, ...rest } = entry;
  logger.info(
    {
      ...(reqId ? { reqId } : {}),
      ...rest,
      path: path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path,
      ...(procedures.length > 0 ? { procedures: procedures.slice(0, MAX_LOGGED_PROCEDURES) } : {}),
      ...(procedures.length > 1 ? { calls: procedures.length } : {}),
      durationMs: Math.round(durationMs * 100) / 100,
      ...(failures.length > 0 ? { failures: [...new Set(failures)] } : {}),
      ...(clientRequestId ? { clientRequestId } : {}),
    },
    'request',
  );
}

/** The procedure names in a tRPC path segment (`health.ping,stats.summary`). */
export function proceduresOf(pathSegment: string): string[] {
  let decoded = pathSegment;
  try {
    decoded = decodeURIComponent(pathSegment);
  } catch {
    // A malformed escape: log the names as sent.
  }
  return decoded.split(',').filter((name) => name.length > 0);
}
