import type { TaskStatus } from '@taskforge/db/enums';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { failure } from './failures.ts';
import { details, type Team, team, writes } from './tasks-testing.ts';
import { insertProject } from './work-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;

async function column(t: Team, titles: string[], status: TaskStatus = 'TODO') {
  const tasks = [];
  for (const title of titles) {
    tasks.push(await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title, status }));
  }
  return tasks;
}

/** The column's titles in board order (status, then position, then id). */
async function board(t: Team, status: TaskStatus) {
  const { items } = await t.as.VIEWER.tasks.list({
    workspace: t.slug,
    project: 'ENG',
    status: [status],
    limit: 100,
  });
  return items.map((task) => task.title);
}

async function versionOf(id: string) {
  return (await db().task.findUniqueOrThrow({ where: { id } })).version;
}

describe('tasks.move', () => {
  it('puts a task between two others of another column in one call, recording from and to', async () => {
    const t = await team(db());
    const [a, b] = await column(t, ['A', 'B'], 'IN_PROGRESS');
    const [x] = await column(t, ['X']);
    if (!a || !b || !x) throw new Error('tasks');
    const moved = await t.as.MEMBER.tasks.move({
      workspace: t.slug,
      id: x.id,
      version: 1,
      status: 'IN_PROGRESS',
      after: a.id,
      before: b.id,
    });
    expect(moved).toMatchObject({ id: x.id, status: 'IN_PROGRESS', version: 2 });
    expect(moved.position > a.position && moved.position < b.position).toBe(true);
    expect(await board(t, 'IN_PROGRESS')).toEqual(['A', 'X', 'B']);
    // Nobody else was renumbered.
    expect(await versionOf(a.id)).toBe(1);
    expect((await db().task.findUniqueOrThrow({ where: { id: b.id } })).position).toBe(b.position);
    const activity = await db().activity.findFirstOrThrow({ where: { taskId: x.id, action: 'task.moved' } });
    expect(activity).toMatchObject({
      projectId: t.project.id,
      data: { key: 'ENG-3', title: 'X', from: 'TODO', to: 'IN_PROGRESS' },
    });
  });

  it('moves to the top or bottom with null neighbours, and sets completedAt when it enters DONE', async () => {
    const t = await team(db());
    const [a, b, c] = await column(t, ['A', 'B', 'C']);
    if (!a || !b || !c) throw new Error('tasks');
    await t.as.MEMBER.tasks.move({ workspace: t.slug, id: c.id, version: 1, status: 'TODO', before: a.id });
    expect(await board(t, 'TODO')).toEqual(['C', 'A', 'B']);
    await t.as.MEMBER.tasks.move({ workspace: t.slug, id: a.id, version: 1, status: 'TODO', after: b.id });
    expect(await board(t, 'TODO')).toEqual(['C', 'B', 'A']);
    const done = await t.as.MEMBER.tasks.move({ workspace: t.slug, id: b.id, version: 1, status: 'DONE' });
    expect((await t.as.VIEWER.tasks.get({ workspace: t.slug, ref: done.id })).completedAt).toBeInstanceOf(
      Date,
    );
  });

  it('keeps positions ordered and short enough after many moves between the same neighbours', async () => {
    const t = await team(db());
    const [first, last, ...movers] = await column(t, ['first', 'last', 'm0', 'm1', 'm2']);
    if (!first || !last) throw new Error('tasks');
    const versions = new Map(movers.map((m) => [m.id, 1]));
    // Every move drops a task directly below `first`: the same gap, split again and again.
    for (let round = 0; round < 60; round++) {
      const mover = movers[round % movers.length];
      if (!mover) throw new Error('mover');
      const version = versions.get(mover.id) ?? 1;
      const current = await board(t, 'TODO');
      const next = current[1] === mover.title ? current[2] : current[1];
      const below = [first, last, ...movers].find((task) => task.title === next);
      await t.as.MEMBER.tasks.move({
        workspace: t.slug,
        id: mover.id,
        version,
        status: 'TODO',
        after: first.id,
        before: below?.id ?? null,
      });
      versions.set(mover.id, version + 1);
      expect((await board(t, 'TODO'))[1]).toBe(mover.title);
    }
    const rows = await db().task.findMany({
      where: { projectId: t.project.id },
      orderBy: { position: 'asc' },
    });
    expect(rows.at(0)?.title).toBe('first');
    expect(rows.at(-1)?.title).toBe('last');
    expect(new Set(rows.map((r) => r.position)).size).toBe(rows.length);
    expect(Math.max(...rows.map((r) => r.position.length))).toBeLessThanOrEqual(64);
    expect(rows.find((r) => r.title === 'last')?.position).toBe(last.position);
  });

  it('places relative to the neighbour that still fits when the board changed, else CONFLICT', async () => {
    const t = await team(db());
    const [a, b, c, x] = await column(t, ['A', 'B', 'C', 'X']);
    if (!a || !b || !c || !x) throw new Error('tasks');
    // B left the column since the client read it: X goes directly below A.
    await t.as.MEMBER.tasks.move({ workspace: t.slug, id: b.id, version: 1, status: 'DONE' });
    await t.as.MEMBER.tasks.move({
      workspace: t.slug,
      id: x.id,
      version: 1,
      status: 'TODO',
      after: b.id,
      before: c.id,
    });
    expect(await board(t, 'TODO')).toEqual(['A', 'X', 'C']);
    // `after` archived, `before` gone to another column: nothing to place against.
    await t.as.MEMBER.tasks.archive({ workspace: t.slug, id: a.id });
    const both = await details(
      t.as.MEMBER.tasks.move({
        workspace: t.slug,
        id: x.id,
        version: 2,
        status: 'TODO',
        after: a.id,
        before: b.id,
      }),
    );
    expect(both.appCode).toBe('CONFLICT');
    // A stale `before` with a null `after` still means the top.
    await t.as.MEMBER.tasks.move({ workspace: t.slug, id: c.id, version: 1, status: 'TODO', before: b.id });
    expect(await board(t, 'TODO')).toEqual(['C', 'X']);
  });

  it('refuses neighbours that are not tasks of the project, or the task itself, as field errors', async () => {
    const t = await team(db());
    const [a, x] = await column(t, ['A', 'X']);
    const other = await insertProject(db(), t.workspace.id, 'OPS');
    const elsewhere = await t.as.MEMBER.tasks.create({ workspace: t.slug, project: other.key, title: 'Ops' });
    const foreign = await team(db());
    const theirs = await foreign.as.MEMBER.tasks.create({
      workspace: foreign.slug,
      project: 'ENG',
      title: 'T',
    });
    if (!a || !x) throw new Error('tasks');
    const before = await writes(db(), t.workspace.id);
    const move = { workspace: t.slug, id: x.id, version: 1, status: 'TODO' as const };
    expect((await failure(t.as.MEMBER.tasks.move({ ...move, after: elsewhere.id }))).fields.after).toEqual([
      'is not a task of this project',
    ]);
    expect((await failure(t.as.MEMBER.tasks.move({ ...move, before: theirs.id }))).fields.before).toEqual([
      'is not a task of this project',
    ]);
    expect((await failure(t.as.MEMBER.tasks.move({ ...move, after: x.id }))).fields.after).toEqual([
      'is the task being moved',
    ]);
    expect((await failure(t.as.MEMBER.tasks.move({ ...move, id: theirs.id }))).appCode).toBe('NOT_FOUND');
    expect(await writes(db(), t.workspace.id)).toEqual(before);
  });

  it('is version-checked like an update', async () => {
    const t = await team(db());
    const [x] = await column(t, ['X']);
    if (!x) throw new Error('tasks');
    await t.as.MEMBER.tasks.update({ workspace: t.slug, id: x.id, version: 1, title: 'X2' });
    const stale = await details(
      t.as.MEMBER.tasks.move({ workspace: t.slug, id: x.id, version: 1, status: 'DONE' }),
    );
    expect(stale).toMatchObject({
      appCode: 'CONFLICT',
      details: { current: { id: x.id, version: 2, title: 'X2' } },
    });
    expect(await versionOf(x.id)).toBe(2);
  });

  it('refuses a gap too narrow for another key instead of renumbering its neighbours', async () => {
    const t = await team(db());
    const [a, b, x] = await column(t, ['A', 'B', 'X']);
    if (!a || !b || !x) throw new Error('tasks');
    // Keys that about 370 moves into one gap would produce.
    await db().task.update({ where: { id: a.id }, data: { position: `a0${'V'.repeat(62)}` } });
    await db().task.update({ where: { id: b.id }, data: { position: `a0${'V'.repeat(61)}W` } });
    const refused = await failure(
      t.as.MEMBER.tasks.move({
        workspace: t.slug,
        id: x.id,
        version: 1,
        status: 'TODO',
        after: a.id,
        before: b.id,
      }),
    );
    expect(refused).toMatchObject({
      appCode: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/No room/),
    });
    expect(await versionOf(x.id)).toBe(1);
  });
});
