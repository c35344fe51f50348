import type { Db, Prisma } from '@taskforge/db';
import { idSchema } from '@taskforge/validators';
import { z } from 'zod';
import { invalidField } from '../app-errors.ts';
import type { ActivityEntry } from '../routers/audit/audit.schema.ts';
import { userSummarySelect } from './selects.ts';

export interface CursorCodec<Payload, Key> {
  encode(payload: Payload): string;
  /** A cursor this list handed out, or VALIDATION_FAILED on `cursor` for anything else. */
  decode(cursor: string): Key;
}

/**
 * Where a page ended (the last entry's sort key), opaque to clients: base64url JSON of a payload
 * that `schema` checks on the way back in. Every keyset list encodes its cursors with this.
 */
export function cursorCodec<Schema extends z.ZodType>(
  schema: Schema,
): CursorCodec<z.input<Schema>, z.output<Schema>> {
  return {
    encode: (payload) => Buffer.from(JSON.stringify(payload)).toString('base64url'),
    decode(cursor) {
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        json = null;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw invalidField('cursor', 'is not a cursor from this list: start from the first page');
      return parsed.data;
    },
  };
}

const auditCursor = cursorCodec(z.strictObject({ createdAt: z.iso.datetime(), id: idSchema }));
type CursorKey = { createdAt: Date; id: string };

export function encodeAuditCursor(key: CursorKey): string {
  return auditCursor.encode({ createdAt: key.createdAt.toISOString(), id: key.id });
}

/** A cursor this list handed out, or VALIDATION_FAILED on `cursor` for anything else. */
export function decodeAuditCursor(cursor: string): CursorKey {
  const payload = auditCursor.decode(cursor);
  return { createdAt: new Date(payload.createdAt), id: payload.id };
}

/**
 * The rows after a (createdAt, id) cursor, in a list ordered by both `order`: the OR states the
 * exact boundary, and the plain range beside it lets PostgreSQL start its index scan there instead
 * of filtering every earlier row (a later page then costs what the first does).
 */
export function afterCursor(after: CursorKey | null, order: 'asc' | 'desc') {
  if (!after) return {};
  const past = order === 'desc' ? 'lt' : 'gt';
  const from = order === 'desc' ? 'lte' : 'gte';
  return {
    createdAt: { [from]: after.createdAt },
    OR: [
      { createdAt: { [past]: after.createdAt } },
      { createdAt: after.createdAt, id: { [past]: after.id } },
    ],
  };
}

const activitySelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  ip: true,
  data: true,
  createdAt: true,
  actor: { select: userSummarySelect },
} satisfies Prisma.ActivitySelect;

const jsonObject = z.record(z.string(), z.json());

/** `data` is always written as an object (recordActivity); anything else reads as empty. */
function dataOf(value: Prisma.JsonValue): ActivityEntry['data'] {
  const parsed = jsonObject.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/**
 * Prisma's startsWith is a LIKE with the text as given: `_` and `%` would be wildcards (and
 * `member_` would match `member.joined`). Backslash is PostgreSQL's default LIKE escape.
 */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

export interface AuditPage {
  items: ActivityEntry[];
  nextCursor: string | null;
}

/**
 * A workspace's audit log, newest first, keyset-paginated on (createdAt, id): a page costs the
 * same however deep it is (index activities(workspace_id, created_at DESC, id DESC)).
 */
export async function listAudit(
  db: Db,
  input: { workspaceId: string; cursor?: string | undefined; limit: number; action?: string | undefined },
): Promise<AuditPage> {
  const after = input.cursor ? decodeAuditCursor(input.cursor) : null;
  const rows = await db.activity.findMany({
    where: {
      workspaceId: input.workspaceId,
      ...(input.action ? { action: { startsWith: likeLiteral(input.action) } } : {}),
      ...afterCursor(after, 'desc'),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: activitySelect,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...row, data: dataOf(row.data) })),
    nextCursor: rows.length > input.limit && last ? encodeAuditCursor(last) : null,
  };
}
