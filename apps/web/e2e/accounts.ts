// Test data and browser steps shared by the specs (and serve.ts, which creates the instance admin).
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/** Created by serve.ts: sign-up cannot make instance admins. */
export const INSTANCE_ADMIN = {
  email: 'instance-admin@taskforge.test',
  name: 'Irene Instance',
  password: 'e2e-admin-password-7c1f',
} as const;

export const PASSWORD = 'correct horse battery staple';

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** A person no other test (or earlier run against a reused server) has signed up as. */
export function newPerson(name: string): Person {
  const tag = randomUUID().slice(0, 8);
  return { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${tag}@example.com`, password: PASSWORD };
}

/** A workspace name and slug nobody else has taken. */
export function newWorkspace(name: string): { name: string; slug: string } {
  const tag = randomUUID().slice(0, 6);
  return { name: `${name} ${tag}`, slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${tag}` };
}

/** Fills and sends the sign-up form of the current page. */
export async function submitSignUp(page: Page, person: Person): Promise<void> {
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto('/sign-up');
  await submitSignUp(page, person);
  await expect(page).not.toHaveURL(/\/sign-up/);
}

export async function signIn(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** From the signed-in home: a new workspace, landing on its overview. */
export async function createWorkspace(page: Page, workspace: { name: string; slug: string }): Promise<void> {
  await page.goto('/workspaces/new');
  await page.getByLabel('Name').fill(workspace.name);
  await page.getByLabel('URL').fill(workspace.slug);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}`);
  await expect(page.getByTestId('workspace-name')).toHaveText(workspace.name);
}

/**
 * Everything the browser reports as an error: CSP violations (also caught from the page's own
 * securitypolicyviolation events), hydration mismatches, uncaught exceptions. A 4xx the app
 * answered on purpose (a field error, the 404 page) is not a problem. Tests end with
 * expect(problems).toEqual([]).
 */
export async function collectProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    problems.push(`console: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // Playwright injects this itself (not an inline script of the page), so the CSP does not apply to it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  return problems;
}
