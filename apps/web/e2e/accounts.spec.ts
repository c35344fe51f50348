import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  collectProblems,
  createWorkspace,
  INSTANCE_ADMIN,
  newPerson,
  newWorkspace,
  signIn,
  signUp,
  submitSignUp,
} from './accounts.ts';

test('a signed-out visitor is sent to sign in and comes back to the page afterwards', async ({ page }) => {
  const problems = await collectProblems(page);
  await page.goto('/account/tokens');
  await expect(page).toHaveURL('/sign-in?next=%2Faccount%2Ftokens');

  // The way to sign up keeps the destination too.
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL('/sign-up?next=%2Faccount%2Ftokens');
  const person = newPerson('Rita Return');
  await submitSignUp(page, person);
  await expect(page).toHaveURL('/account/tokens');
  await expect(page.getByRole('heading', { name: 'Create a token' })).toBeVisible();

  // Signing out and in again honours ?next= as well.
  await page.context().clearCookies();
  await page.goto('/account/sessions');
  await expect(page).toHaveURL('/sign-in?next=%2Faccount%2Fsessions');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/account/sessions');
  await expect(page.getByTestId('session-current')).toContainText('This browser');
  expect(problems).toEqual([]);
});

test('a session revoked from another browser goes to sign in at its next step', async ({ browser }) => {
  const person = newPerson('Sam Sessions');
  const laptop = await browser.newContext();
  const onLaptop = await laptop.newPage();
  await signUp(onLaptop, person);
  await onLaptop.goto('/account');

  const phone = await browser.newContext();
  const onPhone = await phone.newPage();
  await signIn(onPhone, person);
  await onPhone.goto('/account/sessions');
  await onPhone.getByTestId('session').getByRole('button', { name: 'Revoke' }).click();
  await onPhone.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(onPhone.getByTestId('session')).toHaveCount(0);

  // The laptop's page is still open; its next (client-side) navigation meets the server guard.
  await onLaptop.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sessions' }).click();
  await expect(onLaptop).toHaveURL('/sign-in?next=%2Faccount%2Fsessions');
  await laptop.close();
  await phone.close();
});

test('a ?next= pointing at another site is ignored', async ({ page }) => {
  const person = newPerson('Nora Next');
  await page.goto('/sign-up?next=//evil.example/steal');
  await submitSignUp(page, person);
  // Home: no workspace yet, so the page to create one.
  await expect(page).toHaveURL('/workspaces/new');
});

test('forms show the server’s field messages under each field, and form-level errors above', async ({
  page,
}) => {
  const problems = await collectProblems(page);
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Fay Fields');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();

  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Email must be a valid email address')).toBeVisible();
  await expect(page.getByText('Password must be at least 10 characters')).toBeVisible();
  // The message is the field's description for screen readers.
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(
    'Password must be at least 10 characters',
  );

  // A common password is refused by the server after zod passed it.
  await email.fill(newPerson('Fay').email);
  await page.getByLabel('Password').fill('1234567890');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Password is one of the most common passwords: choose another')).toBeVisible();

  // Wrong credentials on sign-in: one form-level message, no field blamed.
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password');
  expect(problems).toEqual([]);
});

test('production session cookie: __Host- prefixed, Secure, HttpOnly, SameSite=Lax', async ({ page }) => {
  await signUp(page, newPerson('Cora Cookie'));
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith('taskforge_session'));
  expect(session?.name).toBe('__Host-taskforge_session');
  expect(session?.secure).toBe(true);
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  expect(session?.path).toBe('/');
});

test.describe('an owner invites a viewer', () => {
  test.describe.configure({ mode: 'serial' });

  const owner = newPerson('Olivia Owner');
  const viewer = newPerson('Victor Viewer');
  const workspace = newWorkspace('Acme');
  let ownerContext: BrowserContext;
  let ownerPage: Page;
  let ownerProblems: string[];
  let inviteLink = '';

  test.beforeAll(async ({ browser }) => {
    ownerContext = await browser.newContext();
    ownerPage = await ownerContext.newPage();
    ownerProblems = await collectProblems(ownerPage);
  });
  test.afterAll(async () => {
    await ownerContext.close();
  });

  test('the owner signs up, creates a workspace and sees every owner control', async () => {
    const page = ownerPage;
    await signUp(page, owner);
    // No workspace yet: home offers to create the first one.
    await page.goto('/');
    await expect(page).toHaveURL('/workspaces/new');
    await expect(page.getByRole('heading', { name: 'Create your first workspace' })).toBeVisible();
    await createWorkspace(page, workspace);

    await expect(page.getByTestId('your-role')).toContainText('Owner');
    const nav = page.getByRole('navigation', { name: 'Workspace' });
    for (const item of ['Overview', 'Members', 'Invitations', 'Audit log', 'Settings']) {
      await expect(nav.getByRole('link', { name: item })).toBeVisible();
    }
    // Home now returns to this workspace.
    await page.goto('/');
    await expect(page).toHaveURL(`/w/${workspace.slug}`);
    expect(ownerProblems).toEqual([]);
  });

  test('the owner invites the viewer and gets the link once', async () => {
    const page = ownerPage;
    await page.getByRole('link', { name: 'Invite people' }).click();
    await expect(page).toHaveURL(`/w/${workspace.slug}/invitations`);
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Role').selectOption('VIEWER');
    await page.getByRole('button', { name: 'Send invite' }).click();

    const link = page.getByTestId('invite-link');
    await expect(link).toHaveValue(/\/invite\/[\w-]+$/);
    inviteLink = await link.inputValue();
    await expect(page.getByTestId(`invitation-${viewer.email}`)).toContainText('Viewer');

    // Shown once: after a reload only the pending row is left.
    await page.reload();
    await expect(page.getByTestId('invite-link')).toHaveCount(0);
    await expect(page.getByTestId(`invitation-${viewer.email}`)).toBeVisible();
    expect(ownerProblems).toEqual([]);
  });

  test('the viewer signs up from the link, accepts, and sees no edit controls', async ({ page }) => {
    const problems = await collectProblems(page);
    const path = new URL(inviteLink).pathname;
    await page.goto(path);
    const card = page.getByTestId('invitation');
    await expect(card).toContainText(workspace.name);
    await expect(card).toContainText(viewer.email);
    await expect(card).toContainText(`${owner.name} invited you to`);

    await page.getByRole('link', { name: 'New to Taskforge? Create an account' }).click();
    await expect(page).toHaveURL(/\/sign-up\?next=/);
    await expect(page.getByLabel('Email')).toHaveValue(viewer.email);
    await page.getByLabel('Name').fill(viewer.name);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    // Back on the invitation, now signed in with the invited email.
    await expect(page).toHaveURL(path);
    await page.getByRole('button', { name: `Join ${workspace.name} as Viewer` }).click();
    await expect(page).toHaveURL(`/w/${workspace.slug}`);
    await expect(page.getByTestId('your-role')).toContainText('Viewer');

    // A viewer's navigation has no invitations or audit log, and no page offers a change.
    const nav = page.getByRole('navigation', { name: 'Workspace' });
    await expect(nav.getByRole('link', { name: 'Members' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Invitations' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Invite people' })).toHaveCount(0);

    await nav.getByRole('link', { name: 'Members' }).click();
    await expect(page.getByTestId(`member-${owner.email}`)).toContainText('Owner');
    await expect(page.getByTestId('member-role-select')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Invite people' })).toHaveCount(0);

    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByText('admins and owners change these settings')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);

    // Pages for admins explain themselves instead of failing.
    await page.goto(`/w/${workspace.slug}/audit`);
    await expect(page.getByText('Only admins and owners can open this page')).toBeVisible();

    // The invitation is used up.
    await page.goto(path);
    await expect(page.getByTestId('invitation-unavailable')).toContainText('already used');
    expect(problems).toEqual([]);
  });

  test('the owner sees the new member, can change their role, and reads it in the audit log', async () => {
    const page = ownerPage;
    await page.goto(`/w/${workspace.slug}/members`);
    const row = page.getByTestId(`member-${viewer.email}`);
    await expect(row).toBeVisible();
    await row.getByLabel(`Role of ${viewer.name}`).selectOption('MEMBER');
    await expect(row.getByLabel(`Role of ${viewer.name}`)).toHaveValue('MEMBER');
    await expect(row.getByLabel(`Role of ${viewer.name}`)).toBeEnabled();
    // The owner cannot demote themselves here, nor remove themselves (that is "Leave").
    await expect(page.getByTestId(`member-${owner.email}`).getByRole('combobox')).toHaveCount(0);

    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    const table = page.getByTestId('audit-table');
    await expect(table).toContainText('changed a role');
    await expect(table).toContainText(`${viewer.name}: Viewer → Member`);
    await expect(table).toContainText('accepted an invitation');
    await expect(table).toContainText(`${viewer.email} as Viewer`);
    await expect(table).toContainText('created the workspace');
    expect(ownerProblems).toEqual([]);
  });

  test('someone signed in with another email is told which one to use', async ({ page }) => {
    // A second invitation for an address, opened while signed in as somebody else.
    const invited = newPerson('Ingrid Invited');
    await ownerPage.goto(`/w/${workspace.slug}/invitations`);
    await ownerPage.getByLabel('Email').fill(invited.email);
    await ownerPage.getByRole('button', { name: 'Send invite' }).click();
    const path = new URL(await ownerPage.getByTestId('invite-link').inputValue()).pathname;

    await signUp(page, newPerson('Walter Wrong'));
    await page.goto(path);
    await expect(page.getByTestId('wrong-account')).toContainText(`This invitation is for ${invited.email}`);
    await page.getByRole('button', { name: `Sign out and use ${invited.email}` }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Finvite%2F/);
    await expect(page.getByLabel('Email')).toHaveValue(invited.email);
  });
});

test('API tokens are shown once, listed by prefix and revocable', async ({ page }) => {
  const problems = await collectProblems(page);
  await signUp(page, newPerson('Tom Token'));
  await page.goto('/account/tokens');
  await page.getByLabel('Name').fill('CI deploys');
  await page.getByLabel('Expires').selectOption('30');
  await page.getByText('Read & write').click();
  await page.getByRole('button', { name: 'Create token' }).click();

  const secret = page.getByTestId('new-token');
  await expect(secret).toHaveValue(/^tfk_/);
  const token = await secret.inputValue();
  const row = page.getByTestId('token-CI deploys');
  await expect(row).toContainText('Read & write');
  await expect(row).toContainText('never used');
  await expect(row).not.toContainText(token);

  // The token works for the API…
  const me = await page.request.get('/api/trpc/auth.me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await row.getByRole('button', { name: 'Revoke CI deploys' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByTestId('token-CI deploys')).toHaveCount(0);

  // …until it is revoked.
  const after = await page.request.get('/api/trpc/auth.me', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(after.status()).toBe(401);
  expect(problems).toEqual([]);
});

test('the instance dashboard is for instance admins only', async ({ page }) => {
  const problems = await collectProblems(page);
  await signUp(page, newPerson('Paul Plain'));
  const denied = await page.goto('/admin');
  expect(denied?.status()).toBe(404);

  await page.context().clearCookies();
  await signIn(page, INSTANCE_ADMIN);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'This Taskforge instance' })).toBeVisible();
  await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('stat-users-value')).not.toHaveText('—');
  await expect(page.getByTestId('status-row-DONE')).toBeVisible();
  await expect(page.getByTestId('migrations-pending')).toHaveText('0');
  expect(problems).toEqual([]);
});
