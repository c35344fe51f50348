import type { Db, Prisma } from '@taskforge/db';
import { z } from 'zod';
import { changedFields, recordActivity } from '../activity/record.ts';
import { invalidField, notFound } from '../app-errors.ts';
import type { LabelInfo } from '../routers/labels/labels.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { isUniqueViolation } from './database.ts';

const NAME_TAKEN = 'is already a label in this workspace (names ignore case): choose another';

export const labelSelect = {
  id: true,
  name: true,
  color: true,
  _count: { select: { tasks: true } },
} satisfies Prisma.LabelSelect;

type LabelRow = Prisma.LabelGetPayload<{ select: typeof labelSelect }>;

function toLabelInfo(row: LabelRow): LabelInfo {
  return { id: row.id, name: row.name, color: row.color, taskCount: row._count.tasks };
}

/** "Bug" and "bug" are one label: the unique key is the lower-cased name. */
function nameKeyOf(name: string): string {
  return name.toLowerCase();
}

function activityOf(actor: WorkspaceActor, labelId: string) {
  return {
    actorId: actor.userId,
    workspaceId: actor.workspaceId,
    targetType: 'label',
    targetId: labelId,
    ip: actor.ip,
  };
}

/** Runs a write that may hit the (workspace, name key) unique index: a race ends as a field error. */
async function guardingName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('name', NAME_TAKEN);
    throw error;
  }
}

const lockedRow = z.array(z.object({ name: z.string(), name_key: z.string(), color: z.string() }));

/** The label in the actor's workspace, row-locked until the transaction ends; NOT_FOUND otherwise. */
async function lockLabel(tx: Prisma.TransactionClient, workspaceId: string, id: string) {
  const [row] = lockedRow.parse(
    await tx.$queryRaw`
      SELECT name, name_key, color FROM labels
      WHERE id = ${id}::uuid AND workspace_id = ${workspaceId}::uuid
      FOR UPDATE`,
  );
  if (!row) throw notFound('Label not found');
  return row;
}

/** The workspace's labels by name (ignoring case), each with how many tasks carry it. */
export async function listLabels(db: Db, actor: Pick<WorkspaceActor, 'workspaceId'>): Promise<LabelInfo[]> {
  const rows = await db.label.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
    select: labelSelect,
  });
  return rows.map(toLabelInfo);
}

export async function createLabel(
  db: Db,
  actor: WorkspaceActor,
  input: { name: string; color: string },
): Promise<LabelInfo> {
  const nameKey = nameKeyOf(input.name);
  const taken = await db.label.findUnique({
    where: { workspaceId_nameKey: { workspaceId: actor.workspaceId, nameKey } },
    select: { id: true },
  });
  if (taken) throw invalidField('name', NAME_TAKEN);
  return guardingName(() =>
    db.$transaction(async (tx) => {
      const row = await tx.label.create({
        data: { workspaceId: actor.workspaceId, name: input.name, nameKey, color: input.color },
        select: labelSelect,
      });
      await recordActivity(tx, {
        action: 'label.created',
        ...activityOf(actor, row.id),
        data: { name: row.name, color: row.color },
      });
      return toLabelInfo(row);
    }),
  );
}

/** Renames and/or recolours a label; the activity row lists only what changed. */
export async function updateLabel(
  db: Db,
  actor: WorkspaceActor,
  input: { id: string; name?: string | undefined; color?: string | undefined },
): Promise<LabelInfo> {
  return guardingName(() =>
    db.$transaction(async (tx) => {
      const current = await lockLabel(tx, actor.workspaceId, input.id);
      const changes = changedFields(
        { name: current.name, color: current.color },
        { name: input.name, color: input.color },
      );
      if (!changes) {
        return toLabelInfo(
          await tx.label.findUniqueOrThrow({ where: { id: input.id }, select: labelSelect }),
        );
      }
      const rename =
        changes.after.name === undefined
          ? {}
          : { name: changes.after.name, nameKey: nameKeyOf(changes.after.name) };
      // Changing only the case of its own name is a rename, not a clash.
      if (rename.nameKey !== undefined && rename.nameKey !== current.name_key) {
        const clash = await tx.label.findUnique({
          where: { workspaceId_nameKey: { workspaceId: actor.workspaceId, nameKey: rename.nameKey } },
          select: { id: true },
        });
        if (clash) throw invalidField('name', NAME_TAKEN);
      }
      const row = await tx.label.update({
        where: { id: input.id },
        data: { ...rename, ...(changes.after.color === undefined ? {} : { color: changes.after.color }) },
        select: labelSelect,
      });
      await recordActivity(tx, {
        action: 'label.updated',
        ...activityOf(actor, row.id),
        data: { name: row.name, before: changes.before, after: changes.after },
      });
      return toLabelInfo(row);
    }),
  );
}

/** Deletes a label and takes it off every task carrying it, in one transaction. */
export async function deleteLabel(db: Db, actor: WorkspaceActor, input: { id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockLabel(tx, actor.workspaceId, input.id);
    const detached = await tx.taskLabel.deleteMany({ where: { labelId: input.id } });
    await tx.label.delete({ where: { id: input.id } });
    await recordActivity(tx, {
      action: 'label.deleted',
      ...activityOf(actor, input.id),
      data: { name: current.name, color: current.color, taskCount: detached.count },
    });
  });
}
