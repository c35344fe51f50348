// Browser-safe (no server imports): the output half of the wire format, fast.
import superjson from 'superjson';

/** Returned from deep inside the walk when a value needs superjson's full treatment. */
const FALLBACK: unique symbol = Symbol('fallback');
type Encoded = unknown | typeof FALLBACK;

/** One walk's state: objects met (superjson records repeats), where the walk is, the Dates found. */
interface Walk {
  seen: Set<object>;
  /** Escaped keys from the root down to the container being walked (depth-indexed, reused). */
  trail: string[];
  /** Paths of the Dates met, in superjson's order (see encodeEntry and closeLevel). */
  paths: string[];
}

/** superjson's path escaping: `a.b` is one key, `a\.b`; a backslash is doubled. */
function escapeKey(key: string): string {
  return key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key;
}

/** A key JavaScript orders first in an object: an array index (`0`, `12`; not `01` or `-1`). */
function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  if (key === '0') return true;
  return first !== 48 && /^\d+$/.test(key) && Number(key) < 2 ** 32 - 1;
}

function pathTo(walk: Walk, depth: number, key: string): string {
  let path = '';
  for (let i = 0; i < depth; i++) path += `${walk.trail[i]}.`;
  return path + key;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A Date as superjson writes it, or FALLBACK for one it treats otherwise (invalid, met before). */
function dateJson(date: Date, walk: Walk): string | typeof FALLBACK {
  if (walk.seen.has(date) || Number.isNaN(date.getTime())) return FALLBACK;
  walk.seen.add(date);
  return date.toISOString();
}

/**
 * A value at `depth` that is not a Date kept by its container (encodeEntry writes those): a
 * primitive, or a container walked in turn; anything superjson would annotate (undefined, NaN,
 * -0, BigInt...) falls back.
 */
function encodeChild(value: unknown, walk: Walk, depth: number): Encoded {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : FALLBACK;
  if (typeof value !== 'object') return FALLBACK;
  if (walk.seen.has(value)) return FALLBACK;
  walk.seen.add(value);
  if (Array.isArray(value)) return encodeArray(value, walk, depth);
  if (!isPlainObject(value)) return FALLBACK;
  return encodeObject(value, walk, depth);
}

// superjson nests annotations one record per level and flattens them upward, so inside one
// level's block of paths a Date stored under an index key (`3`, straight in an array) comes
// before the level's other paths, as JavaScript orders integer-like keys. The walk records
// paths in visiting order and moves such Dates to the front of their level's block.

/** One container's place in the walk: where its block of paths starts, its index-key Dates. */
interface Level {
  start: number;
  hoisted: string[] | undefined;
}

/**
 * One entry of a container at `depth`, under `key` (an array's index or an object's key). A Date
 * is written here and its path recorded, ahead of its level's block when `key` is an index.
 */
function encodeEntry(item: unknown, key: number | string, walk: Walk, depth: number, level: Level): Encoded {
  const isObject = item !== null && typeof item === 'object';
  if (!isObject) return encodeChild(item, walk, depth + 1);
  const segment = typeof key === 'number' ? String(key) : escapeKey(key);
  if (!(item instanceof Date)) {
    walk.trail[depth] = segment;
    return encodeChild(item, walk, depth + 1);
  }
  const iso = dateJson(item, walk);
  if (iso === FALLBACK) return FALLBACK;
  const path = pathTo(walk, depth, segment);
  if (typeof key === 'number' || isIndexKey(key)) {
    level.hoisted = level.hoisted ?? [];
    level.hoisted.push(path);
  } else {
    walk.paths.push(path);
  }
  return iso;
}

/** Puts the level's index-key Dates ahead of the paths recorded since it began (a loop: no argument-count limit). */
function closeLevel(walk: Walk, level: Level): void {
  if (level.hoisted === undefined) return;
  const rest = walk.paths.splice(level.start);
  for (const path of level.hoisted) walk.paths.push(path);
  for (const path of rest) walk.paths.push(path);
}

function encodeArray(value: unknown[], walk: Walk, depth: number): Encoded {
  const out: unknown[] = new Array(value.length);
  const level: Level = { start: walk.paths.length, hoisted: undefined };
  for (let i = 0; i < value.length; i++) {
    const encoded = encodeEntry(value[i], i, walk, depth, level);
    if (encoded === FALLBACK) return FALLBACK;
    out[i] = encoded;
  }
  closeLevel(walk, level);
  return out;
}

function encodeObject(value: Record<string, unknown>, walk: Walk, depth: number): Encoded {
  const out: Record<string, unknown> = {};
  const level: Level = { start: walk.paths.length, hoisted: undefined };
  for (const key of Object.keys(value)) {
    // superjson refuses these (prototype pollution); let it say so.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return FALLBACK;
    const encoded = encodeEntry(value[key], key, walk, depth, level);
    if (encoded === FALLBACK) return FALLBACK;
    out[key] = encoded;
  }
  closeLevel(walk, level);
  return out;
}

/**
 * Exactly what `superjson.serialize(value)` returns, computed in one walk for what procedures
 * return (plain objects, arrays, strings, finite numbers, booleans, null, Dates). superjson's
 * generic walk (identity tracking, transformer lookups, a path array per node) was a fifth of the
 * CPU of a board read: docs/decisions/0016-board-read-hot-path.md. This walk builds a Date's path
 * only when it meets one, and writes every path once. Anything else (undefined, Maps, BigInts,
 * NaN, an object met twice) is handed to superjson itself, so the output is always superjson's own.
 */
export function serializeOutput(value: unknown): unknown {
  const walk: Walk = { seen: new Set(), trail: [], paths: [] };
  if (value instanceof Date) {
    const iso = dateJson(value, walk);
    return iso === FALLBACK ? superjson.serialize(value) : { json: iso, meta: { values: ['Date'], v: 1 } };
  }
  const json = encodeChild(value, walk, 0);
  if (json === FALLBACK) return superjson.serialize(value);
  if (walk.paths.length === 0) return { json };
  const values: Record<string, ['Date']> = {};
  for (const path of walk.paths) values[path] = ['Date'];
  return { json, meta: { values, v: 1 } };
}
