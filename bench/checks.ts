// Before anything is timed, every target must refuse the call without its token and answer it
// with the same payload as the others: otherwise it would not be doing the work it is timed with.
import { isDeepStrictEqual } from 'node:util';
import { listTasksSql } from '../packages/api/src/services/task-list-sql.ts';
import { BOARD_SQL } from './baseline-board.ts';
import { BOARD_LIMIT, BOARD_STATUS, type BoardFixture, createBodies } from './board.ts';
import { canonicalJson, type Summary } from './summary.ts';
import type { RunningTarget } from './targets.ts';

const TIMEOUT_MS = 30_000;

async function call(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: reported with the status below.
  }
  return { status: res.status, body, text };
}

async function refusesAnonymous(running: RunningTarget, url: string, init: RequestInit = {}): Promise<void> {
  const { status } = await call(url, init);
  if (status !== 401)
    throw new Error(`${running.target.id}: ${url} answered ${status} without a token, not 401`);
}

async function answer(running: RunningTarget, url: string, init: RequestInit): Promise<unknown> {
  const { status, body, text } = await call(url, init);
  if (status !== 200)
    throw new Error(`${running.target.id}: ${url} answered ${status}: ${text.slice(0, 500)}`);
  return running.extract(body);
}

/** Where two JSON values first differ, as a path with both sides. */
function firstDifference(expected: unknown, got: unknown, path = '$'): string {
  if (typeof expected === 'object' && expected !== null && typeof got === 'object' && got !== null) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(got)])) {
      const a: unknown = Reflect.get(expected, key);
      const b: unknown = Reflect.get(got, key);
      if (!isDeepStrictEqual(a, b)) return firstDifference(a, b, `${path}.${key}`);
    }
  }
  return `${path}: expected ${JSON.stringify(expected)?.slice(0, 300)}, got ${JSON.stringify(got)?.slice(0, 300)}`;
}

function same(what: string, running: RunningTarget, expected: unknown, got: unknown): void {
  const a: unknown = JSON.parse(canonicalJson(expected));
  const b: unknown = JSON.parse(canonicalJson(got));
  if (!isDeepStrictEqual(a, b)) {
    throw new Error(`${running.target.id}: wrong ${what} payload at ${firstDifference(a, b)}`);
  }
}

/** The baseline's board statement is the service's, whitespace aside: the same SQL on both sides. */
export function checkBoardSql(): void {
  const rendered = listTasksSql({
    workspaceId: '',
    projectKey: '',
    status: [BOARD_STATUS],
    archived: false,
    sort: 'position',
    direction: 'asc',
    after: null,
    take: BOARD_LIMIT + 1,
  }).text;
  const norm = (sql: string) => sql.replace(/\s+/g, ' ').trim();
  if (norm(rendered) !== norm(BOARD_SQL)) {
    throw new Error(`bench/baseline-board.ts BOARD_SQL no longer matches listTasksSql:\n${rendered}`);
  }
}

const VARIES = new Set(['id', 'key', 'number', 'position', 'createdAt', 'updatedAt']);

/** A created task without what differs between two creates (id, number, key, position, times). */
function stable(task: unknown): unknown {
  if (typeof task !== 'object' || task === null) return task;
  return Object.fromEntries(Object.entries(task).filter(([field]) => !VARIES.has(field)));
}

export interface CheckInput {
  targets: RunningTarget[];
  board: BoardFixture;
  adminToken: string;
  /** What stats.summary must answer now; omitted: the summary is not checked. */
  summary?: () => Promise<Summary>;
}

/** The summary (when given), the board column and a create, on every target, against the baseline. */
export async function checkPayloads({ targets, board, adminToken, summary }: CheckInput): Promise<void> {
  const [base] = targets;
  if (!base) throw new Error('no targets');
  const read = { headers: { authorization: `Bearer ${board.readToken}` } };
  const write = (body: string): RequestInit => ({
    method: 'POST',
    headers: { authorization: `Bearer ${board.writeToken}`, 'content-type': 'application/json' },
    body,
  });
  if (summary) {
    const expected = await summary();
    for (const running of targets) {
      await refusesAnonymous(running, running.urls.summary);
      const got = await answer(running, running.urls.summary, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      same('stats.summary', running, expected, got);
    }
  }
  const body = createBodies(board)();
  const expectedBoard = await answer(base, base.urls.board, read);
  const expectedTask = stable(await answer(base, base.urls.create, write(body)));
  for (const running of targets) {
    await refusesAnonymous(running, running.urls.board);
    same('board', running, expectedBoard, await answer(running, running.urls.board, read));
    await refusesAnonymous(running, running.urls.create, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (running !== base)
      same(
        'tasks.create',
        running,
        expectedTask,
        stable(await answer(running, running.urls.create, write(body))),
      );
  }
}
