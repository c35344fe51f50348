import { z } from 'zod';

/** Opaque keyset cursor handed back by a list; clients pass it unchanged to get the next page. */
export const cursorSchema = z.string().min(1).max(512);

export const pageLimitSchema = z.number().int().min(1).max(100);

/**
 * The page-in half of every list input: `{ cursor?, limit? }`. `direction` is what tRPC's infinite
 * queries add to every page's input; lists page forward only, and accept and ignore it.
 */
export const pageInput = {
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema.default(50),
  direction: z.enum(['forward', 'backward']).optional(),
};

/** The page-out shape of every list: items and the cursor of the next page (null at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
