// Board positions for seeded tasks: the keys rocicorp's fractional-indexing (what the API uses,
// packages/api services/task-positions.ts) hands out when tasks are appended one after another to
// a column: "a0" … "az", "b00" … "bzz", "c000" … Each is an integer part only, so the API can
// put a task before, between or after any of them later. The same sequence exists in SQL for the
// large seed (POSITION_SQL_FUNCTIONS), so both write keys the API would have written.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
/** Head character and how many keys it holds: "a" one digit (62 keys), "b" two, "c" three, "d" four. */
const RANGES = [
  ['a', 1],
  ['b', 2],
  ['c', 3],
  ['d', 4],
] as const;

/** The `index`-th key (0-based) of a column filled by appending: 0 → "a0", 62 → "b00". */
export function positionKey(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`position index must be >= 0 (got ${index})`);
  let rest = index;
  for (const [head, digits] of RANGES) {
    const size = BASE ** digits;
    if (rest < size) {
      let out = '';
      for (let i = 0; i < digits; i++) {
        out = (DIGITS[rest % BASE] ?? '0') + out;
        rest = Math.floor(rest / BASE);
      }
      return head + out;
    }
    rest -= size;
  }
  throw new Error(`position index ${index} is beyond the seed's key range`);
}

/**
 * The index of a key's integer part in that sequence (-1 for null or a key below "a0"): what
 * fractional-indexing's generateKeyBetween(key, null) increments. The inverse of positionKey.
 */
export function positionIndex(key: string | null): number {
  if (key === null) return -1;
  const range = RANGES.findIndex(([head]) => head === key[0]);
  if (range === -1) {
    if ((key[0] ?? '') > 'd') throw new Error(`position ${key} is beyond the seed's key range`);
    return -1;
  }
  let offset = 0;
  for (let i = 0; i < range; i++) offset += BASE ** (RANGES[i]?.[1] ?? 0);
  const digits = RANGES[range]?.[1] ?? 0;
  let value = 0;
  for (let i = 1; i <= digits; i++) value = value * BASE + DIGITS.indexOf(key[i] ?? '0');
  return offset + value;
}

/** SQL for the base-62 digit of the integer expression `value` (0..61). */
function digit(value: string): string {
  return `substr('${DIGITS}', (${value})::int + 1, 1)`;
}

/**
 * SQL functions (in the session's pg_temp schema, gone when it ends) for the same sequence:
 * `pg_temp.tf_position(i)` is positionKey(i); `pg_temp.tf_position_index(key)` is the index of a
 * key's integer part (-1 for NULL or a key below "a0"), so appending continues after
 * whatever a column ends with, fractional keys the API wrote included.
 */
export const POSITION_SQL_FUNCTIONS = [
  // One SQL expression (no PL/pgSQL, no FROM), so the planner inlines it into the INSERT ... SELECT.
  // Past the "d" range it is NULL, which tasks.position (NOT NULL) refuses.
  `CREATE OR REPLACE FUNCTION pg_temp.tf_position(i bigint) RETURNS text
   LANGUAGE sql IMMUTABLE AS $$
   SELECT CASE
     WHEN i < 62 THEN 'a' || ${digit('i')}
     WHEN i < 3906 THEN 'b' || ${digit('(i - 62) / 62')} || ${digit('(i - 62) % 62')}
     WHEN i < 242234 THEN 'c' || ${digit('(i - 3906) / 3844')} || ${digit('(i - 3906) / 62 % 62')}
       || ${digit('(i - 3906) % 62')}
     WHEN i < 15018570 THEN 'd' || ${digit('(i - 242234) / 238328')} || ${digit('(i - 242234) / 3844 % 62')}
       || ${digit('(i - 242234) / 62 % 62')} || ${digit('(i - 242234) % 62')}
     END
   $$`,
  `CREATE OR REPLACE FUNCTION pg_temp.tf_position_index(key text) RETURNS bigint
   LANGUAGE plpgsql IMMUTABLE AS $$
   DECLARE
     digits constant text := '${DIGITS}';
     h int;
     value bigint := 0;
     offset_ bigint := 0;
     d int;
   BEGIN
     IF key IS NULL THEN RETURN -1; END IF;
     h := position(left(key, 1) IN 'abcd');
     IF h = 0 AND left(key, 1) COLLATE "C" > 'd' THEN
       RAISE EXCEPTION 'position % is beyond the seed''s key range', key;
     END IF;
     -- Below "a0" (tasks moved to the top of a column): appending starts at "a0".
     IF h = 0 OR length(key) < h + 1 THEN RETURN -1; END IF;
     FOR k IN 1..h - 1 LOOP
       offset_ := offset_ + power(62, k)::bigint;
     END LOOP;
     FOR k IN 2..h + 1 LOOP
       d := position(substr(key, k, 1) IN digits) - 1;
       IF d < 0 THEN RETURN -1; END IF;
       value := value * 62 + d;
     END LOOP;
     RETURN offset_ + value;
   END $$`,
] as const;
