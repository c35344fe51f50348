import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { changedFields, EXCERPT_LENGTH, excerpt } from '../src/activity/record.ts';
import { failure } from './failures.ts';
import { insertProject, insertTask, workspaceWithRoles } from './work-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;

/**
 * A workspace where the procedures themselves wrote the history: two projects, a task in each, a
 * comment on each task, a label, and a rename of the workspace (an audit event, not work).
 */
async function setup() {
  const roles = await workspaceWithRoles(db());
  const { slug, admin, member } = roles;
  const eng = await admin.projects.create({ workspace: slug, key: 'ENG', name: 'Engineering' });
  const ops = await admin.projects.create({ workspace: slug, key: 'OPS', name: 'Operations' });
  const engTask = await insertTask(db(), eng);
  const opsTask = await insertTask(db(), ops);
  await member.comments.add({ workspace: slug, taskId: engTask.id, body: 'On ENG-1' });
  await member.comments.add({ workspace: slug, taskId: opsTask.id, body: 'On OPS-1' });
  await admin.labels.create({ workspace: slug, name: 'Bug', color: '#ef4444' });
  await admin.workspaces.rename({ workspace: slug, name: 'Renamed' });
  return { ...roles, eng, ops, engTask, opsTask };
}

describe('activity.list', () => {
  it('shows every member the workspace’s work newest first, without account events or IP addresses', async () => {
    const { slug, viewer, users, eng, engTask } = await setup();
    const feed = await viewer.activity.list({ workspace: slug });
    expect(feed.nextCursor).toBeNull();
    expect(feed.items.map((e) => e.action)).toEqual([
      'label.created',
      'comment.added',
      'comment.added',
      'project.created',
      'project.created',
    ]);
    expect(feed.items[2]).toEqual({
      id: expect.any(String),
      action: 'comment.added',
      actor: { id: users.member.id, name: users.member.name, email: users.member.email },
      targetType: 'comment',
      targetId: expect.any(String),
      projectId: eng.id,
      taskId: engTask.id,
      data: { task: 'ENG-1', excerpt: 'On ENG-1' },
      createdAt: expect.any(Date),
    });
    expect(feed.items.some((e) => 'ip' in e)).toBe(false);
  });

  it('shows one project’s feed with its tasks’ entries, and one task’s', async () => {
    const { slug, viewer, eng, engTask } = await setup();
    const project = await viewer.activity.list({ workspace: slug, project: 'eng' });
    expect(project.items.map((e) => [e.action, e.projectId])).toEqual([
      ['comment.added', eng.id],
      ['project.created', eng.id],
    ]);
    const task = await viewer.activity.list({ workspace: slug, taskId: engTask.id });
    expect(task.items.map((e) => [e.action, e.taskId])).toEqual([['comment.added', engTask.id]]);
    const both = await viewer.activity.list({ workspace: slug, project: 'ENG', taskId: engTask.id });
    expect(both.items).toEqual(task.items);
    const mismatch = await viewer.activity.list({ workspace: slug, project: 'OPS', taskId: engTask.id });
    expect(mismatch.items).toEqual([]);
  });

  it('keeps a deleted task’s feed', async () => {
    const { slug, viewer, engTask } = await setup();
    await db().task.delete({ where: { id: engTask.id } });
    const feed = await viewer.activity.list({ workspace: slug, taskId: engTask.id });
    expect(feed.items.map((e) => e.action)).toEqual(['comment.added']);
  });

  it('pages newest first through every entry exactly once, timestamp ties included', async () => {
    const { workspace, slug, viewer } = await setup();
    const project = await insertProject(db(), workspace.id, 'PAGE');
    const at = new Date('2030-01-02T03:04:05.678Z');
    await db().activity.createMany({
      data: Array.from({ length: 21 }, (_, i) => ({
        workspaceId: workspace.id,
        projectId: project.id,
        action: i % 3 === 0 ? 'project.updated' : 'task.created',
        // The first seven in one millisecond (as one transaction's rows are): the id breaks the tie.
        createdAt: i < 7 ? at : new Date(at.getTime() + i * 1000),
        data: { n: i },
      })),
    });
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await viewer.activity.list({
        workspace: slug,
        project: 'PAGE',
        limit: 4,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((e) => Number(e.data.n)));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(6);
    expect(seen.slice(0, 14)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7]);
    expect(new Set(seen).size).toBe(21);
  });

  it('answers another workspace’s project or task exactly like a missing one', async () => {
    const a = await setup();
    const b = await workspaceWithRoles(db());
    const foreignProject = await insertProject(db(), b.workspace.id, 'BEE');
    const foreignTask = await insertTask(db(), foreignProject);
    await b.member.comments.add({ workspace: b.slug, taskId: foreignTask.id, body: 'B’s' });

    const project = await failure(a.viewer.activity.list({ workspace: a.slug, project: 'BEE' }));
    expect(project).toMatchObject({ appCode: 'NOT_FOUND', message: 'Project not found' });
    const task = await failure(a.viewer.activity.list({ workspace: a.slug, taskId: foreignTask.id }));
    const missing = await failure(a.viewer.activity.list({ workspace: a.slug, taskId: randomUUID() }));
    expect(task).toEqual(missing);
    expect(task.appCode).toBe('NOT_FOUND');
    // B's work never shows in A's feed, and an outsider gets no feed at all.
    const feed = await a.viewer.activity.list({ workspace: a.slug, limit: 100 });
    expect(feed.items.every((e) => e.data.task !== 'BEE-1')).toBe(true);
    expect((await failure(b.viewer.activity.list({ workspace: a.slug }))).appCode).toBe('NOT_FOUND');
  });

  it('refuses bad input as field errors', async () => {
    const { slug, viewer } = await setup();
    const cursor = await failure(viewer.activity.list({ workspace: slug, cursor: 'garbage' }));
    expect(cursor.fields.cursor?.[0]).toMatch(/not a cursor/);
    const key = await failure(viewer.activity.list({ workspace: slug, project: 'not a key' }));
    expect(key.fields.project).toBeDefined();
    const id = await failure(viewer.activity.list({ workspace: slug, taskId: 'ENG-1' }));
    expect(id.fields.taskId?.[0]).toMatch(/valid id/);
    const limit = await failure(viewer.activity.list({ workspace: slug, limit: 101 }));
    expect(limit.fields.limit).toBeDefined();
  });
});

describe('activity data helpers', () => {
  it('lists only the fields a patch changes, or null', () => {
    const current = { name: 'A', description: 'same', archived: false };
    expect(changedFields(current, { name: 'B', description: 'same', archived: undefined })).toEqual({
      before: { name: 'A' },
      after: { name: 'B' },
    });
    expect(changedFields(current, { name: 'A' })).toBeNull();
    expect(changedFields(current, {})).toBeNull();
  });

  it('cuts long text to an excerpt without splitting a character', () => {
    expect(excerpt('short')).toBe('short');
    const emoji = '😀'.repeat(EXCERPT_LENGTH + 5);
    const cut = excerpt(emoji);
    expect(Array.from(cut)).toHaveLength(EXCERPT_LENGTH);
    expect(cut.endsWith('😀…')).toBe(true);
    expect(excerpt('x'.repeat(EXCERPT_LENGTH))).toBe('x'.repeat(EXCERPT_LENGTH));
  });
});
