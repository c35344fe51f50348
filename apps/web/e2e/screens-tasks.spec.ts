import { expect, test } from '@playwright/test';
import { collectProblems, newPerson, newWorkspace } from './accounts.ts';
import { mutate } from './api.ts';
import { buildDemoTeam } from './demo-team.ts';
import { settled, shoot } from './screens.ts';

// Every task page at desktop and phone width, on a workspace that looks lived in, saved for
// people to look at (test-results/screens/), with no browser error on any of them.

test('every task page, at 1440 and 390 pixels wide', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const origin = baseURL ?? 'http://127.0.0.1:3100';
  const owner = newPerson('Ada Lovelace');
  const workspace = newWorkspace('Northwind Robotics');
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = await collectProblems(page);
  await mutate(page.request, origin, 'auth.signUp', owner);
  await mutate(page.request, origin, 'workspaces.create', workspace);
  const team = await buildDemoTeam(browser, page.request, owner.email, origin, workspace.slug);
  const base = `/w/${workspace.slug}`;

  await page.goto(base);
  await expect(page.getByTestId('project-APP')).toBeVisible();
  await shoot(page, 'tasks-home', problems);

  await page.goto(`${base}/p/APP`);
  await expect(page.getByTestId('column-IN_REVIEW').getByTestId('task-card')).toHaveCount(1);
  await shoot(page, 'tasks-board', problems);

  await page.goto(`${base}/p/APP?task=${team.passkeys}`);
  await expect(page.getByTestId('task-panel').getByTestId('comment-body')).toHaveCount(3);
  await shoot(page, 'tasks-board-panel', problems, { whole: false });
  await page.keyboard.press('Escape');

  const filters = new URLSearchParams({
    status: 'TODO,IN_PROGRESS,IN_REVIEW',
    label: team.labels.get('feature') ?? '',
    sort: 'priority',
  });
  await page.goto(`${base}/p/APP/list?${filters}`);
  await expect(page.getByTestId('task-row')).toHaveCount(3);
  await shoot(page, 'tasks-list-filtered', problems);

  await page.goto(`${base}/t/${team.passkeys}`);
  await expect(page.getByTestId('comment-body')).toHaveCount(3);
  await shoot(page, 'tasks-detail', problems);

  await page.goto(`${base}/labels`);
  await shoot(page, 'tasks-labels', problems);

  await page.goto(`${base}/p/APP/settings`);
  await shoot(page, 'tasks-project-settings', problems);

  await page.goto(`${base}/p/APP`);
  await page.keyboard.press('c');
  await expect(page.getByTestId('quick-create').getByLabel('Title')).toBeFocused();
  await page.getByTestId('quick-create').getByLabel('Title').fill('Haptic feedback when a card lands');
  await settled(page);
  await shoot(page, 'tasks-quick-create', problems, { whole: false });
  await context.close();
});
