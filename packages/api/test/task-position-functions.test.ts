// The SQL twin of fractional-indexing's "key after" (prisma/migrations …_task_position_functions):
// tasks.create computes a new task's position in SQL, every other write in JS, and both must hand
// out exactly the library's keys.
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { generateKeyBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const database = useTestDatabase();
const db = () => database.current.db;

const afterRows = z.array(z.object({ key: z.string().nullable(), after: z.string() }));

/** fractional_key_after for every key, in one statement. */
async function sqlAfter(keys: (string | null)[]): Promise<Map<string | null, string>> {
  const rows = afterRows.parse(
    await db().$queryRaw`SELECT k AS key, fractional_key_after(k) AS after FROM unnest(${keys}::text[]) AS k`,
  );
  return new Map(rows.map((row) => [row.key, row.after]));
}

/** `count` keys walking from `start` with `step` (the library's own sequence). */
function walk(start: string | null, count: number, step: (key: string | null) => string): string[] {
  const keys: string[] = [];
  let key = start;
  for (let i = 0; i < count; i++) {
    key = step(key);
    keys.push(key);
  }
  return keys;
}

describe('fractional_key_after', () => {
  it('hands out the library key after each key: appends, prepends, carries, fractions and both ends', async () => {
    const appended = walk(null, 4000, (key) => generateKeyBetween(key, null)); // a0 … az, b00 … bzz, c000 …
    const prepended = walk('a0', 4000, (key) => generateKeyBetween(null, key)); // Zz … Z0, Yzz …
    const fractions = appended.slice(0, 300).flatMap((key, i) => {
      const next = appended[i + 1];
      return next === undefined ? [] : [generateKeyBetween(key, next)];
    });
    const deepFraction = walk('a0', 40, (key) => generateKeyBetween(key, 'a1'));
    const edges = [
      'Zz',
      'Z0',
      'az',
      'bzz',
      `A${'z'.repeat(26)}`,
      `A${'0'.repeat(25)}1`,
      `y${'z'.repeat(25)}`,
      'a0V',
      'azzzV',
    ];
    const keys = [null, ...appended, ...prepended, ...fractions, ...deepFraction, ...edges];
    const after = await sqlAfter(keys);
    const mismatches = keys.filter((key) => after.get(key) !== generateKeyBetween(key, null));
    expect(mismatches).toEqual([]);
    expect(after.get('Zz')).toBe('a0');
    expect(after.get('az')).toBe('b00');
    expect(after.get(null)).toBe('a0');
  });

  it('refuses keys the library refuses, and the one key it can only extend with a fraction', async () => {
    for (const key of ['!a', 'a', `b0`, `z${'z'.repeat(26)}`]) {
      await expect(db().$queryRaw`SELECT fractional_key_after(${key}::text)`, key).rejects.toThrow(
        /order key/,
      );
    }
  });
});
