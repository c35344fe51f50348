import { join } from 'node:path';
import { devices, expect, test } from '@playwright/test';
import { collectProblems, INSTANCE_ADMIN, newPerson, newWorkspace, type Person } from './accounts.ts';
import { createdInvitation, mutate } from './api.ts';
import { SCREENS, settled, shoot } from './screens.ts';

// Every account and workspace page at desktop and phone width, saved for people to look at,
// with no browser error on any of them (the task pages: screens-tasks.spec.ts).

test.describe.configure({ mode: 'serial' });

test('every page, at 1440 and 390 pixels wide', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const origin = baseURL ?? 'http://127.0.0.1:3100';
  const owner: Person = { ...newPerson('Ada Lovelace') };
  const workspace = newWorkspace('Analytical Engines');

  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = await collectProblems(page);

  // Signed-out pages.
  await page.goto('/sign-in');
  await shoot(page, 'sign-in', problems);
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill('ada@');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('field-error').first()).toBeVisible();
  await shoot(page, 'sign-up-errors', problems);

  // The owner and a populated workspace, set up through the API.
  await mutate(page.request, origin, 'auth.signUp', owner);
  await page.goto('/workspaces/new');
  await shoot(page, 'workspaces-new', problems);
  await mutate(page.request, origin, 'workspaces.create', workspace);
  const teammates = ['Grace Hopper', 'Alan Turing', 'Katherine Johnson'].map((name) => newPerson(name));
  const roles = ['ADMIN', 'MEMBER', 'VIEWER'] as const;
  for (const [index, teammate] of teammates.entries()) {
    const invitation = createdInvitation.parse(
      await mutate(page.request, origin, 'invitations.create', {
        workspace: workspace.slug,
        email: teammate.email,
        role: roles[index],
      }),
    );
    const other = await browser.newContext();
    await mutate(other.request, origin, 'auth.signUp', teammate);
    await mutate(other.request, origin, 'invitations.accept', {
      token: invitation.acceptPath.split('/').pop(),
    });
    await other.close();
  }
  for (const email of ['linus@example.com', 'margaret@example.com']) {
    await mutate(page.request, origin, 'invitations.create', {
      workspace: workspace.slug,
      email,
      role: 'MEMBER',
    });
  }

  await page.goto(`/w/${workspace.slug}`);
  await shoot(page, 'workspace-overview', problems);
  await page.goto(`/w/${workspace.slug}/members`);
  await shoot(page, 'members', problems);
  await page.goto(`/w/${workspace.slug}/invitations`);
  await page.getByLabel('Email').fill('new.colleague@example.com');
  await page.getByRole('button', { name: 'Send invite' }).click();
  await expect(page.getByTestId('invite-link')).toBeVisible();
  await shoot(page, 'invitations', problems);
  await page.goto(`/w/${workspace.slug}/audit`);
  await shoot(page, 'audit', problems);
  await page.goto(`/w/${workspace.slug}/settings`);
  await shoot(page, 'settings', problems);
  await page.getByRole('button', { name: `Delete ${workspace.name}` }).click();
  await shoot(page, 'settings-delete-dialog', problems, { whole: false });
  await page.keyboard.press('Escape');

  await page.goto('/account');
  await shoot(page, 'account', problems);
  // A second session, from a phone, so the list has one to revoke.
  const phone = await browser.newContext({ ...devices['iPhone 13'] });
  await mutate(phone.request, origin, 'auth.signIn', { email: owner.email, password: owner.password });
  await phone.close();
  await page.goto('/account/sessions');
  await shoot(page, 'sessions', problems);
  await page.goto('/account/tokens');
  await page.getByLabel('Name').fill('Deploy script');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByTestId('new-token')).toBeVisible();
  await shoot(page, 'tokens', problems);

  // Menus open: the user menu and, at phone width, the navigation drawer.
  await page.goto(`/w/${workspace.slug}`);
  await page.getByTestId('user-menu').click();
  await page.screenshot({ path: join(SCREENS, 'user-menu-desktop.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('workspace-switcher').click();
  await page.screenshot({ path: join(SCREENS, 'workspace-switcher-desktop.png') });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Open navigation' }).click();
  // The drawer slides in (200 ms): the picture once it stands at the left edge.
  const drawer = page.getByRole('complementary', { name: 'Sidebar' });
  await expect.poll(async () => (await drawer.boundingBox())?.x).toBe(0);
  await settled(page);
  await page.screenshot({ path: join(SCREENS, 'drawer-phone.png') });
  await page.setViewportSize({ width: 1440, height: 1000 });
  // Checked here, or an error of this load would be blamed on the next page shot.
  expect(problems, 'browser errors with the menus open').toEqual([]);

  // The invitation page, signed out and as the wrong person.
  const pending = createdInvitation.parse(
    await mutate(page.request, origin, 'invitations.create', {
      workspace: workspace.slug,
      email: 'invitee@example.com',
      role: 'MEMBER',
    }),
  );
  await page.goto(pending.acceptPath);
  await shoot(page, 'invite-wrong-account', problems);
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  const visitorProblems = await collectProblems(visitorPage);
  await visitorPage.goto(pending.acceptPath);
  await shoot(visitorPage, 'invite-signed-out', visitorProblems);
  await visitorPage.goto('/invite/this-is-not-a-real-invitation-token');
  await shoot(visitorPage, 'invite-invalid', visitorProblems);
  await visitorPage.goto('/no-such-page');
  await shoot(visitorPage, 'not-found', visitorProblems);
  await visitor.close();

  // The instance dashboard.
  await context.clearCookies();
  await mutate(page.request, origin, 'auth.signIn', {
    email: INSTANCE_ADMIN.email,
    password: INSTANCE_ADMIN.password,
  });
  await page.goto('/admin');
  await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'ready');
  await shoot(page, 'admin', problems);
  await page.goto('/workspaces/new');
  await shoot(page, 'workspaces-new-first', problems);
  await context.close();
});
