// Row ids for statements we write as SQL: the same uuid v7 that Prisma's @default(uuid(7)) makes
// (a millisecond timestamp first, so new rows land at the end of the primary key's index), from
// the `uuid` package, monotonic within a process.
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}
