// Browser-safe (no server imports): the output half of the wire format, fast.
import superjson from 'superjson';

/** superjson's annotations of one value: ['Date'] for a Date, else its children's by path. */
type Annotation = ['Date'] | Annotations;
interface Annotations {
  [path: string]: Annotation;
}

/** Returned from deep inside the walk when a value needs superjson's full treatment. */
const FALLBACK: unique symbol = Symbol('fallback');
type Encoded = unknown | typeof FALLBACK;

/** The annotation of the value encode() returned last (a second return value without allocating a pair). */
let annotation: Annotation | undefined;

/** superjson's path escaping: `a.b` is one key, `a\.b`; a backslash is doubled. */
function escapeKey(key: string): string {
  return key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key;
}

/**
 * A child's annotation into its parent's, as superjson nests them: one record per level, so
 * integer-like keys (a Date straight in an array) come first, as JavaScript orders them.
 */
function collect(record: Annotations | undefined, key: string, child: Annotation): Annotations {
  const into = record ?? {};
  if (Array.isArray(child)) {
    into[key] = child;
  } else {
    for (const path in child) {
      const inner = child[path];
      if (inner) into[`${key}.${path}`] = inner;
    }
  }
  return into;
}

function encode(value: unknown, seen: Set<object>): Encoded {
  annotation = undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : FALLBACK;
  if (typeof value !== 'object') return FALLBACK;
  // superjson records an object met twice (referentialEqualities): leave those to it.
  if (seen.has(value)) return FALLBACK;
  seen.add(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return FALLBACK;
    annotation = ['Date'];
    return value.toISOString();
  }
  let record: Annotations | undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = encode(value[i], seen);
      if (item === FALLBACK) return FALLBACK;
      if (annotation !== undefined) record = collect(record, String(i), annotation);
      out[i] = item;
    }
    annotation = record;
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return FALLBACK;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // superjson refuses these (prototype pollution); let it say so.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return FALLBACK;
    const item = encode(Reflect.get(value, key), seen);
    if (item === FALLBACK) return FALLBACK;
    if (annotation !== undefined) record = collect(record, escapeKey(key), annotation);
    out[key] = item;
  }
  annotation = record;
  return out;
}

/**
 * Exactly what `superjson.serialize(value)` returns, computed in one walk for what procedures
 * return (plain objects, arrays, strings, finite numbers, booleans, null, Dates). superjson's
 * generic walk (identity tracking, transformer lookups, a path array per node) was a fifth of the
 * CPU of a board read: docs/decisions/0016-board-read-hot-path.md. Anything else (undefined,
 * Maps, BigInts, NaN, an object met twice) is handed to superjson itself, so
 * the output is always superjson's own.
 */
export function serializeOutput(value: unknown): unknown {
  const json = encode(value, new Set());
  if (json === FALLBACK) return superjson.serialize(value);
  return annotation === undefined ? { json } : { json, meta: { values: annotation, v: 1 } };
}
