import { z } from 'zod';

/** Opaque keyset cursor handed back by a list; clients pass it unchanged to get the next page. */
export const cursorSchema = z.string().min(1).max(512);

export const pageLimitSchema = z.number().int().min(1).max(100);

/** The page-in half of every list input: `{ cursor?, limit? }`. */
export const pageInput = {
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema.default(50),
};

/** The page-out shape of every list: items and the cursor of the next page (null at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
