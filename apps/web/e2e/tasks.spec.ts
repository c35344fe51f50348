import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { collectProblems, newPerson, newWorkspace, type Person, signIn } from './accounts.ts';
import { createdTask, joinAs, mutate, query } from './api.ts';

// Issue 7 item 14: a project and tasks made in the browser, a drag to another column that
// survives a reload, a keyboard move, a comment, search, and a viewer who sees no edit controls.
test.describe('task tracking in the browser', () => {
  test.describe.configure({ mode: 'serial' });

  // Made in beforeAll, not here: --repeat-each runs the group again in the same worker, and
  // each run needs people and a workspace of its own.
  let owner: Person;
  let viewer: Person;
  let workspace: { name: string; slug: string };
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let origin = '';

  test.beforeAll(async ({ browser, baseURL }) => {
    origin = baseURL ?? 'http://127.0.0.1:3100';
    owner = newPerson('Tess Tasker');
    viewer = newPerson('Val Viewer');
    workspace = newWorkspace('Launchpad');
    context = await browser.newContext();
    page = await context.newPage();
    problems = await collectProblems(page);
    await mutate(page.request, origin, 'auth.signUp', owner);
    await mutate(page.request, origin, 'workspaces.create', workspace);
    await joinAs(browser, page.request, origin, workspace.slug, viewer, 'VIEWER');
  });
  test.afterAll(async () => {
    await context.close();
  });

  const column = (status: string): Locator => page.getByTestId(`column-${status}`);
  // What dnd-kit tells screen readers; the keyboard steps wait for it, as a listener would.
  const announced = (): Locator => page.locator('[id^="DndLiveRegion"]');
  const card = (key: string): Locator => page.locator(`[data-testid="task-card"][data-task-key="${key}"]`);

  test('an owner creates a project from the home page and tasks with "c"', async () => {
    await page.goto(`/w/${workspace.slug}`);
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByTestId('create-project');
    await dialog.getByLabel('Name').fill('Rocket Launch');
    await expect(dialog.getByLabel('Key')).toHaveValue('RL');
    await dialog.getByLabel('Key').fill('RKT');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await expect(page).toHaveURL(`/w/${workspace.slug}/p/RKT`);
    await expect(page.getByTestId('project-name')).toHaveText('Rocket Launch');

    // "c" opens quick create (not while typing), Escape closes it and gives focus back.
    await page.keyboard.press('c');
    const quick = page.getByTestId('quick-create');
    await expect(quick.getByLabel('Title')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(quick.getByLabel('Title')).toHaveCount(0);

    for (const title of ['Fuel the rocket', 'Check the weather', 'Count down from ten']) {
      await page.keyboard.press('c');
      await quick.getByLabel('Title').fill(title);
      await expect(quick.getByLabel('Project')).toHaveValue('RKT');
      await quick.getByRole('button', { name: 'Create task' }).click();
      await expect(page.getByTestId('task-created')).toContainText(title);
    }
    await expect(column('TODO').getByTestId('task-card')).toHaveCount(3);
    await expect(column('TODO').getByTestId('task-card').first()).toContainText('Fuel the rocket');
    expect(problems).toEqual([]);
  });

  test('dragging a card to another column moves it, and it stays there after a reload', async () => {
    await page.goto(`/w/${workspace.slug}/p/RKT`);
    const source = card('RKT-1');
    const target = column('IN_PROGRESS');
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('board not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // Several steps: the drag starts after 6 pixels, and dnd-kit follows the pointer as it goes.
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
    await page.mouse.up();
    await expect(target.getByTestId('task-card')).toContainText(['Fuel the rocket']);
    await expect(page.getByTestId('board-status')).toHaveText('RKT-1 moved to In progress.');

    await page.reload();
    await expect(column('IN_PROGRESS').locator('[data-task-key="RKT-1"]')).toBeVisible();
    await expect(column('TODO').locator('[data-task-key="RKT-1"]')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('the keyboard picks a card up by its move button and carries it to the next column', async () => {
    await page.goto(`/w/${workspace.slug}/p/RKT`);
    const grip = card('RKT-2').getByRole('button', { name: 'Move RKT-2' });
    await grip.focus();
    await page.keyboard.press('Space');
    await expect(announced()).toHaveText('Picked up RKT-2, in To do, position 1 of 2.');
    await page.keyboard.press('ArrowRight');
    await expect(announced()).toContainText('RKT-2 is now in In progress');
    await page.keyboard.press('Space');
    await expect(announced()).toContainText('Dropped RKT-2 in In progress');
    await expect(column('IN_PROGRESS').locator('[data-task-key="RKT-2"]')).toBeVisible();
    await expect(page.getByTestId('board-status')).toHaveText('RKT-2 moved to In progress.');
    await page.reload();
    await expect(column('IN_PROGRESS').locator('[data-task-key="RKT-2"]')).toBeVisible();

    // Within a column: down one place.
    const second = card('RKT-1').getByRole('button', { name: 'Move RKT-1' });
    await second.focus();
    const before = await column('IN_PROGRESS')
      .getByTestId('task-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-task-key')));
    await page.keyboard.press('Space');
    await expect(second).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press(before[0] === 'RKT-1' ? 'ArrowDown' : 'ArrowUp');
    await expect(announced()).toContainText('RKT-1 is now in In progress');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('board-status')).toHaveText('RKT-1 reordered in In progress.');
    await page.reload();
    const after = await column('IN_PROGRESS')
      .getByTestId('task-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-task-key')));
    expect(after).toEqual([...before].reverse());
    expect(problems).toEqual([]);
  });

  test('a stale move is rolled back with a message', async () => {
    await page.goto(`/w/${workspace.slug}/p/RKT`);
    await expect(card('RKT-3')).toBeVisible();
    // Someone else changes the task after this page read it.
    const task = createdTask.parse(
      await mutate(page.request, origin, 'tasks.update', {
        workspace: workspace.slug,
        id: await taskId(page, workspace.slug, 'RKT-3'),
        version: 1,
        title: 'Count down from ten (renamed elsewhere)',
      }),
    );
    expect(task.version).toBe(2);
    const grip = card('RKT-3').getByRole('button', { name: 'Move RKT-3' });
    await grip.focus();
    await page.keyboard.press('Space');
    await expect(grip).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(announced()).toContainText('RKT-3 is now in In progress');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('board-error')).toContainText('was changed by someone else');
    await expect(column('TODO').locator('[data-task-key="RKT-3"]')).toBeVisible();
    await expect(column('TODO').locator('[data-task-key="RKT-3"]')).toContainText('renamed elsewhere');
  });

  test('a card opens beside the board; a comment is added and rendered as markdown', async () => {
    await page.goto(`/w/${workspace.slug}/p/RKT`);
    await card('RKT-1').getByTestId('task-card-title').click();
    await expect(page).toHaveURL(/\?task=RKT-1$/);
    const panel = page.getByTestId('task-panel');
    await expect(panel.getByTestId('task-title')).toHaveValue('Fuel the rocket');
    await panel
      .getByRole('textbox', { name: 'Add a comment' })
      .fill('Tanks are **full**. <script>alert(1)</script>');
    await panel.getByRole('button', { name: 'Comment', exact: true }).click();
    const body = panel.getByTestId('comment-body');
    await expect(body).toContainText('Tanks are full.');
    await expect(body.locator('strong')).toHaveText('full');
    await expect(body).toContainText('<script>alert(1)</script>');
    await expect(body.locator('script')).toHaveCount(0);

    // Every field is editable here; the description has a preview.
    await panel.getByRole('button', { name: 'Add a description' }).click();
    const editor = panel.getByTestId('description-editor');
    await editor
      .getByRole('textbox', { name: 'Description' })
      .fill('## Checklist\n\n- [x] oxidiser\n- [ ] fuel');
    await editor.getByRole('tab', { name: 'Preview' }).click();
    await expect(editor.getByRole('tabpanel').getByRole('heading', { name: 'Checklist' })).toBeVisible();
    await panel.getByRole('button', { name: 'Save description' }).click();
    await expect(
      panel.getByTestId('task-description').getByRole('heading', { name: 'Checklist' }),
    ).toBeVisible();
    await panel.getByRole('combobox', { name: 'Priority' }).selectOption('HIGH');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(`/w/${workspace.slug}/p/RKT`);
    await expect(card('RKT-1').getByRole('img', { name: 'High' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('the task page shows a conflict and re-applies the change on the current version', async () => {
    await page.goto(`/w/${workspace.slug}/t/RKT-2`);
    await expect(page.getByTestId('task-title')).toHaveValue('Check the weather');
    const current = createdTask.parse(
      await query(page.request, 'tasks.get', { workspace: workspace.slug, ref: 'RKT-2' }),
    );
    await mutate(page.request, origin, 'tasks.update', {
      workspace: workspace.slug,
      id: current.id,
      version: current.version,
      priority: 'LOW',
    });
    await page.getByRole('combobox', { name: 'Status' }).selectOption('IN_REVIEW');
    const conflict = page.getByTestId('task-conflict');
    await expect(conflict).toContainText('Someone else changed RKT-2');
    await expect(page.getByRole('combobox', { name: 'Priority' })).toHaveValue('LOW');
    // The field shows the change at once; the reload must wait for the server to have it.
    const saved = page.waitForResponse(
      (res) => res.url().includes('/api/trpc/tasks.update') && res.request().method() === 'POST',
    );
    await conflict.getByRole('button', { name: 'Apply my change again' }).click();
    expect((await saved).ok()).toBe(true);
    await expect(conflict).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('IN_REVIEW');
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('IN_REVIEW');
    await expect(page.getByRole('combobox', { name: 'Priority' })).toHaveValue('LOW');
  });

  test('search in the list view finds the task by a word of its description', async () => {
    await page.goto(`/w/${workspace.slug}/p/RKT/list`);
    await expect(page.getByTestId('task-row')).toHaveCount(3);
    await page.getByTestId('task-search').fill('oxidi');
    await expect(page.getByTestId('task-row')).toHaveCount(1);
    await expect(page.getByTestId('task-row')).toContainText('Fuel the rocket');
    await expect(page).toHaveURL(/q=oxidi/);
    // The URL keeps the search: a reload shows the same result.
    await page.reload();
    await expect(page.getByTestId('task-row')).toHaveCount(1);
    expect(problems).toEqual([]);
  });

  test('a viewer sees the work but no control that would change it', async ({ browser }) => {
    const viewerContext = await browser.newContext();
    const viewerPage = await viewerContext.newPage();
    const viewerProblems = await collectProblems(viewerPage);
    await signIn(viewerPage, viewer);

    await viewerPage.goto(`/w/${workspace.slug}`);
    await expect(viewerPage.getByTestId('project-RKT')).toBeVisible();
    await expect(viewerPage.getByRole('button', { name: /New task|New project/ })).toHaveCount(0);
    await viewerPage.keyboard.press('c');
    await expect(viewerPage.getByTestId('quick-create')).toHaveCount(0);

    await viewerPage.goto(`/w/${workspace.slug}/p/RKT`);
    await expect(viewerPage.getByTestId('task-card')).toHaveCount(3);
    await expect(viewerPage.getByTestId('task-grip')).toHaveCount(0);
    await expect(viewerPage.getByRole('button', { name: /^New task/ })).toHaveCount(0);
    // The project's own settings tab (the sidebar's workspace settings are readable by all).
    const views = viewerPage.getByRole('navigation', { name: 'Project views' });
    await expect(views.getByRole('link', { name: 'List' })).toBeVisible();
    await expect(views.getByRole('link', { name: 'Settings' })).toHaveCount(0);

    await viewerPage.goto(`/w/${workspace.slug}/t/RKT-1`);
    await expect(viewerPage.getByRole('heading', { name: 'Fuel the rocket' })).toBeVisible();
    await expect(viewerPage.getByTestId('comment-body')).toContainText('Tanks are full.');
    await expect(viewerPage.getByTestId('task-title')).toHaveCount(0);
    await expect(viewerPage.getByRole('combobox')).toHaveCount(0);
    await expect(
      viewerPage.getByRole('button', { name: /Edit description|Archive|Delete|Comment/ }),
    ).toHaveCount(0);
    await expect(viewerPage.getByTestId('comment-editor')).toHaveCount(0);

    await viewerPage.goto(`/w/${workspace.slug}/p/RKT/list`);
    await expect(viewerPage.getByTestId('task-row')).toHaveCount(3);
    await expect(viewerPage.getByRole('checkbox', { name: /^Select/ })).toHaveCount(0);

    await viewerPage.goto(`/w/${workspace.slug}/labels`);
    await expect(viewerPage.getByRole('button', { name: 'Create label' })).toHaveCount(0);
    expect(viewerProblems).toEqual([]);
    await viewerContext.close();
  });
});

/** A task's id and version by its key, asked of the API as the page's user. */
async function taskId(page: Page, slug: string, key: string): Promise<string> {
  return createdTask.parse(await query(page.request, 'tasks.get', { workspace: slug, ref: key })).id;
}
