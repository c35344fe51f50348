import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { addMember, createUser } from '../src/testing/index.ts';
import { failure, lockWaiter } from './failures.ts';
import { insertProject, insertTask, workspaceWithRoles } from './work-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;

async function setup() {
  const roles = await workspaceWithRoles(db());
  const project = await insertProject(db(), roles.workspace.id, 'ENG');
  const task = await insertTask(db(), project);
  return { ...roles, project, task };
}

const activityOf = (workspaceId: string) =>
  db().activity.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

describe('comments.add', () => {
  it('adds a comment as written (markdown untouched) and records it on the task and project', async () => {
    const { workspace, slug, member, users, task, project } = await setup();
    const body = '  Looks good. <script>alert(1)</script> [x](javascript:alert(1))\n\n- [ ] item  ';
    const comment = await member.comments.add({ workspace: slug, taskId: task.id, body });
    expect(comment).toMatchObject({
      taskId: task.id,
      body: body.trim(),
      author: { id: users.member.id, name: users.member.name, email: users.member.email },
      editedAt: null,
    });
    expect(await activityOf(workspace.id)).toMatchObject([
      {
        action: 'comment.added',
        actorId: users.member.id,
        projectId: project.id,
        taskId: task.id,
        targetType: 'comment',
        targetId: comment.id,
        data: { task: 'ENG-1', excerpt: body.trim() },
      },
    ]);
  });

  it('comments on archived tasks too', async () => {
    const { slug, member, project } = await setup();
    const archived = await insertTask(db(), project, { archived: true });
    await expect(
      member.comments.add({ workspace: slug, taskId: archived.id, body: 'Still here' }),
    ).resolves.toMatchObject({
      taskId: archived.id,
    });
  });

  it('refuses an empty or oversized body, writing nothing', async () => {
    const { workspace, slug, member, task } = await setup();
    const empty = await failure(member.comments.add({ workspace: slug, taskId: task.id, body: '  \n ' }));
    expect(empty.appCode).toBe('VALIDATION_FAILED');
    expect(empty.fields.body?.[0]).toMatch(/empty/);
    const huge = await failure(
      member.comments.add({ workspace: slug, taskId: task.id, body: 'x'.repeat(20_001) }),
    );
    expect(huge.fields.body?.[0]).toMatch(/20,000/);
    const id = await failure(member.comments.add({ workspace: slug, taskId: 'ENG-1', body: 'Hi' }));
    expect(id.fields.taskId).toBeDefined();
    expect(await db().comment.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db().activity.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it('needs the Member role, and a task of this workspace that still exists', async () => {
    const a = await setup();
    const b = await setup();
    const refused = await failure(
      a.viewer.comments.add({ workspace: a.slug, taskId: a.task.id, body: 'Hi' }),
    );
    expect(refused.appCode).toBe('FORBIDDEN');
    const foreign = await failure(
      a.member.comments.add({ workspace: a.slug, taskId: b.task.id, body: 'Hi' }),
    );
    const missing = await failure(
      a.member.comments.add({ workspace: a.slug, taskId: randomUUID(), body: 'Hi' }),
    );
    expect(foreign).toEqual(missing);
    expect(foreign.appCode).toBe('NOT_FOUND');
    await db().task.delete({ where: { id: a.task.id } });
    const deleted = await failure(
      a.member.comments.add({ workspace: a.slug, taskId: a.task.id, body: 'Hi' }),
    );
    expect(deleted.appCode).toBe('NOT_FOUND');
    expect(
      await db().comment.count({ where: { workspaceId: { in: [a.workspace.id, b.workspace.id] } } }),
    ).toBe(0);
  });

  it('answers NOT_FOUND, not a foreign-key error, when the task is deleted while the comment is added', async () => {
    const { workspace, slug, member, task } = await setup();
    let adding: Promise<unknown> = Promise.resolve();
    await db().$transaction(
      async (tx) => {
        await tx.task.delete({ where: { id: task.id } });
        // The add must wait for this delete's outcome, then see the task gone.
        adding = failure(member.comments.add({ workspace: slug, taskId: task.id, body: 'Too late' }));
        await lockWaiter(db());
      },
      { timeout: 20_000 },
    );
    expect(await adding).toMatchObject({ appCode: 'NOT_FOUND', message: 'Task not found' });
    expect(await db().comment.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});

describe('comments.list', () => {
  it('lists a task’s comments oldest first, paging through each exactly once (timestamp ties included)', async () => {
    const { workspace, slug, viewer, users, task, project } = await setup();
    const other = await insertTask(db(), project);
    const at = new Date('2026-03-04T05:06:07.089Z');
    await db().comment.createMany({
      data: Array.from({ length: 23 }, (_, i) => ({
        workspaceId: workspace.id,
        taskId: task.id,
        authorId: users.member.id,
        body: `comment ${i}`,
        // The first eight share one millisecond: the id breaks the tie.
        createdAt: i < 8 ? at : new Date(at.getTime() + i * 1000),
      })),
    });
    await db().comment.create({
      data: { workspaceId: workspace.id, taskId: other.id, authorId: users.member.id, body: 'elsewhere' },
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await viewer.comments.list({
        workspace: slug,
        taskId: task.id,
        limit: 5,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((c) => c.body));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    expect(seen.slice(8)).toEqual(Array.from({ length: 15 }, (_, i) => `comment ${i + 8}`));
    expect(seen).not.toContain('elsewhere');
  });

  it('shows a comment whose author is gone without an author', async () => {
    const { workspace, slug, viewer, task } = await setup();
    const leaver = await createUser(db());
    await addMember(db(), workspace, leaver, 'MEMBER');
    await db().comment.create({
      data: { workspaceId: workspace.id, taskId: task.id, authorId: leaver.id, body: 'Bye' },
    });
    await db().user.delete({ where: { id: leaver.id } });
    const page = await viewer.comments.list({ workspace: slug, taskId: task.id });
    expect(page.items).toMatchObject([{ body: 'Bye', author: null }]);
  });

  it('answers another workspace’s task like a missing one, and refuses a foreign cursor', async () => {
    const a = await setup();
    const b = await setup();
    const foreign = await failure(a.viewer.comments.list({ workspace: a.slug, taskId: b.task.id }));
    const missing = await failure(a.viewer.comments.list({ workspace: a.slug, taskId: randomUUID() }));
    expect(foreign).toEqual(missing);
    expect(foreign.appCode).toBe('NOT_FOUND');
    const cursor = await failure(
      a.viewer.comments.list({ workspace: a.slug, taskId: a.task.id, cursor: 'nope' }),
    );
    expect(cursor.fields.cursor?.[0]).toMatch(/not a cursor/);
  });
});

describe('comments.edit', () => {
  it('lets the author edit, setting editedAt and recording before and after', async () => {
    const { workspace, slug, member, task } = await setup();
    const comment = await member.comments.add({ workspace: slug, taskId: task.id, body: 'Frist' });
    const edited = await member.comments.edit({ workspace: slug, id: comment.id, body: 'First' });
    expect(edited).toMatchObject({ id: comment.id, body: 'First', createdAt: comment.createdAt });
    expect(edited.editedAt).toBeInstanceOf(Date);
    expect((await activityOf(workspace.id)).at(-1)).toMatchObject({
      action: 'comment.edited',
      targetId: comment.id,
      taskId: task.id,
      data: { task: 'ENG-1', before: 'Frist', after: 'First' },
    });
    // The same body again: nothing changes, nothing is recorded.
    const same = await member.comments.edit({ workspace: slug, id: comment.id, body: ' First ' });
    expect(same.editedAt).toEqual(edited.editedAt);
    expect(await activityOf(workspace.id)).toHaveLength(2);
  });

  it('refuses everyone but the author (an Owner too), bad input and other workspaces’ comments', async () => {
    const a = await setup();
    const b = await setup();
    const comment = await a.member.comments.add({ workspace: a.slug, taskId: a.task.id, body: 'Mine' });
    const theirs = await b.member.comments.add({ workspace: b.slug, taskId: b.task.id, body: 'Theirs' });
    const colleague = await createUser(db());
    await addMember(db(), a.workspace, colleague, 'MEMBER');
    const before = await db().activity.count();

    for (const caller of [a.owner, a.admin, await a.as(colleague)]) {
      const refused = await failure(
        caller.comments.edit({ workspace: a.slug, id: comment.id, body: 'Edited' }),
      );
      expect(refused.appCode).toBe('FORBIDDEN');
    }
    expect(
      (await failure(a.viewer.comments.edit({ workspace: a.slug, id: comment.id, body: 'X' }))).appCode,
    ).toBe('FORBIDDEN');
    const empty = await failure(a.member.comments.edit({ workspace: a.slug, id: comment.id, body: '' }));
    expect(empty.fields.body?.[0]).toMatch(/empty/);
    const foreign = await failure(
      a.member.comments.edit({ workspace: a.slug, id: theirs.id, body: 'Hijack' }),
    );
    expect(foreign.appCode).toBe('NOT_FOUND');

    expect(await db().activity.count()).toBe(before);
    expect(await db().comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      body: 'Mine',
      editedAt: null,
    });
    expect(await db().comment.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      body: 'Theirs',
    });
  });
});

describe('comments.delete', () => {
  it('lets the author delete their own and an Admin anyone’s, recording each', async () => {
    const { workspace, slug, member, admin, users, task } = await setup();
    const own = await member.comments.add({ workspace: slug, taskId: task.id, body: 'Oops' });
    const moderated = await member.comments.add({ workspace: slug, taskId: task.id, body: 'Rude' });
    await expect(member.comments.delete({ workspace: slug, id: own.id })).resolves.toEqual({ ok: true });
    await expect(admin.comments.delete({ workspace: slug, id: moderated.id })).resolves.toEqual({ ok: true });
    expect(await db().comment.count({ where: { taskId: task.id } })).toBe(0);
    expect((await activityOf(workspace.id)).slice(2)).toMatchObject([
      {
        action: 'comment.deleted',
        actorId: users.member.id,
        targetId: own.id,
        taskId: task.id,
        data: { task: 'ENG-1', authorId: users.member.id, excerpt: 'Oops' },
      },
      {
        action: 'comment.deleted',
        actorId: users.admin.id,
        targetId: moderated.id,
        data: { excerpt: 'Rude' },
      },
    ]);
  });

  it('refuses another Member, a Viewer and other workspaces’ comments, deleting nothing', async () => {
    const a = await setup();
    const b = await setup();
    const comment = await a.admin.comments.add({ workspace: a.slug, taskId: a.task.id, body: 'Admin’s' });
    const theirs = await b.member.comments.add({ workspace: b.slug, taskId: b.task.id, body: 'Theirs' });
    expect((await failure(a.member.comments.delete({ workspace: a.slug, id: comment.id }))).appCode).toBe(
      'FORBIDDEN',
    );
    expect((await failure(a.viewer.comments.delete({ workspace: a.slug, id: comment.id }))).appCode).toBe(
      'FORBIDDEN',
    );
    const foreign = await failure(a.owner.comments.delete({ workspace: a.slug, id: theirs.id }));
    const missing = await failure(a.owner.comments.delete({ workspace: a.slug, id: randomUUID() }));
    expect(foreign).toEqual(missing);
    expect(foreign.appCode).toBe('NOT_FOUND');
    expect(await db().comment.count({ where: { id: { in: [comment.id, theirs.id] } } })).toBe(2);
  });
});
