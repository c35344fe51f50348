// Browser-safe (no server imports): the output half of the wire format, fast.
import superjson from 'superjson';

/** Returned from deep inside the walk when a value needs superjson's full treatment. */
const FALLBACK: unique symbol = Symbol('fallback');
type Encoded = unknown;

/** One walk's state: objects met (superjson records repeats), where the walk is, the Dates found. */
interface Walk {
  seen: Set<object>;
  /** Escaped keys from the root down to the container being walked (depth-indexed, reused). */
  trail: string[];
  /** Paths of the Dates met, in superjson's order: see hoisting in encodeArray/encodeObject. */
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
 * A child of a container at `depth`. A Date is written here (its path recorded by the caller);
 * containers recurse; anything superjson would annotate (undefined, NaN, -0, BigInt...) falls back.
 */
function encodeChild(value: unknown, walk: Walk, depth: number): Encoded {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : FALLBACK;
  if (typeof value !== 'object') return FALLBACK;
  if (walk.seen.has(value)) return FALLBACK;
  walk.seen.add(value);
  if (Array.isArray(value)) return encodeArray(value, walk, depth);
  if (value instanceof Date || !isPlainObject(value)) return FALLBACK;
  return encodeObject(value, walk, depth);
}

// superjson nests annotations one record per level and flattens them upward, so inside one
// level's block of paths a Date stored under an index key (`3`, straight in an array) comes
// before the level's other paths, as JavaScript orders integer-like keys. The walk records
// paths in visiting order and moves such Dates to the front of their level's block.

/** Puts `hoisted` ahead of the paths recorded since `start` (a loop: no argument-count limit). */
function placeFirst(walk: Walk, start: number, hoisted: string[] | undefined): void {
  if (hoisted === undefined) return;
  const rest = walk.paths.splice(start);
  for (const path of hoisted) walk.paths.push(path);
  for (const path of rest) walk.paths.push(path);
}

function encodeArray(value: unknown[], walk: Walk, depth: number): Encoded {
  const out: unknown[] = new Array(value.length);
  const start = walk.paths.length;
  let hoisted: string[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (item instanceof Date) {
      const iso = dateJson(item, walk);
      if (iso === FALLBACK) return FALLBACK;
      hoisted = hoisted ?? [];
      hoisted.push(pathTo(walk, depth, String(i)));
      out[i] = iso;
      continue;
    }
    if (item !== null && typeof item === 'object') walk.trail[depth] = String(i);
    const encoded = encodeChild(item, walk, depth + 1);
    if (encoded === FALLBACK) return FALLBACK;
    out[i] = encoded;
  }
  placeFirst(walk, start, hoisted);
  return out;
}

function encodeObject(value: Record<string, unknown>, walk: Walk, depth: number): Encoded {
  const out: Record<string, unknown> = {};
  const start = walk.paths.length;
  let hoisted: string[] | undefined;
  for (const key of Object.keys(value)) {
    // superjson refuses these (prototype pollution); let it say so.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return FALLBACK;
    const item = value[key];
    if (item instanceof Date) {
      const iso = dateJson(item, walk);
      if (iso === FALLBACK) return FALLBACK;
      const path = pathTo(walk, depth, escapeKey(key));
      if (isIndexKey(key)) {
        hoisted = hoisted ?? [];
        hoisted.push(path);
      } else {
        walk.paths.push(path);
      }
      out[key] = iso;
      continue;
    }
    if (item !== null && typeof item === 'object') walk.trail[depth] = escapeKey(key);
    const encoded = encodeChild(item, walk, depth + 1);
    if (encoded === FALLBACK) return FALLBACK;
    out[key] = encoded;
  }
  placeFirst(walk, start, hoisted);
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
