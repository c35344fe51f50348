// The board workload of `npm run bench`: which column is read, which tasks are created, by whom.

export const BOARD_WORKSPACE = 'bench-board';
/** Projects of the board workspace (the large seed's first keys): reads use the first. */
export const BOARD_PROJECTS = 10;
export const BOARD_STATUS = 'IN_PROGRESS';
export const BOARD_LIMIT = 50;

/** Who reads and writes: a MEMBER of the board workspace with a READ and a READ_WRITE token. */
export interface BoardFixture {
  workspace: string;
  projects: string[];
  memberId: string;
  labelIds: string[];
  readToken: string;
  writeToken: string;
}

/** tasks.list input for one status column: what the board shows first. */
export function boardInput(fixture: BoardFixture) {
  return {
    workspace: fixture.workspace,
    project: fixture.projects[0] ?? '',
    status: [BOARD_STATUS],
    sort: 'position',
    limit: BOARD_LIMIT,
  };
}

/** The baseline's query string for the same read. */
export function boardQuery(fixture: BoardFixture): string {
  const input = boardInput(fixture);
  return new URLSearchParams({
    workspace: input.workspace,
    project: input.project,
    status: BOARD_STATUS,
    limit: String(BOARD_LIMIT),
  }).toString();
}

/**
 * tasks.create bodies: the member creates a task assigned to themself with one label, in each
 * project in turn (people create in many projects at once; one project would make every create
 * wait for the same counter row).
 */
export function createBodies(fixture: BoardFixture): () => string {
  let next = 0;
  return () => {
    const i = next++;
    return JSON.stringify({
      workspace: fixture.workspace,
      project: fixture.projects[i % fixture.projects.length],
      title: 'Benchmark task',
      status: 'TODO',
      assigneeId: fixture.memberId,
      labelIds: [fixture.labelIds[i % fixture.labelIds.length]],
    });
  };
}
