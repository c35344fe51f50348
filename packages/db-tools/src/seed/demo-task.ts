// One demo task: its fields and the history that led to them (moves along the board, a later
// assignment, a raised priority, comments), drawn from the seeded random source.
import type { TaskPriority, TaskStatus } from '@taskforge/db/enums';
import { COMMENT_BODIES, DESCRIPTION_TEMPLATES, type DemoPerson } from './demo-content.ts';
import type { Random } from './random.ts';

export const DAY = 24 * 60 * 60 * 1000;
/** The order work moves through the board; CANCELED leaves it from anywhere. */
const FLOW: readonly TaskStatus[] = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'];
const RAISED_PRIORITIES: readonly TaskPriority[] = ['MEDIUM', 'HIGH', 'URGENT'];

export interface Person extends DemoPerson {
  id: string;
}

/** What a task's life looked like: the events after its creation, in time order. */
export type TaskEvent =
  | { at: Date; kind: 'moved'; actor: Person; from: TaskStatus; to: TaskStatus }
  | { at: Date; kind: 'assigned'; actor: Person; assignee: Person }
  | { at: Date; kind: 'priority'; actor: Person; from: TaskPriority; to: TaskPriority }
  | { at: Date; kind: 'comment'; actor: Person; body: string };

export interface PlannedTask {
  creator: Person;
  initialStatus: TaskStatus;
  status: TaskStatus;
  priority: TaskPriority;
  assignee: Person | null;
  dueDate: Date | null;
  description: string;
  labels: { id: string; name: string }[];
  events: TaskEvent[];
}

/** One task's fields and history; `age` is 1 for the project's first day, 0 for now. */
export function planTask(
  rnd: Random,
  input: {
    title: string;
    created: Date;
    age: number;
    now: number;
    workers: readonly Person[];
    labels: readonly { id: string; name: string }[];
  },
): PlannedTask {
  const { age, workers } = input;
  // Older tasks are more likely finished.
  const status = rnd.weighted<TaskStatus>({
    BACKLOG: 22 - 14 * age,
    TODO: 26 - 14 * age,
    IN_PROGRESS: 12,
    IN_REVIEW: 7,
    DONE: 8 + 52 * age,
    CANCELED: 2 + 4 * age,
  });
  const initialStatus: TaskStatus = status === 'BACKLOG' || rnd.chance(0.4) ? 'BACKLOG' : 'TODO';
  let priority = rnd.weighted<TaskPriority>({ NONE: 20, LOW: 25, MEDIUM: 32, HIGH: 17, URGENT: 6 });
  const creator = rnd.pick(workers);
  const assignee = rnd.chance(status === 'BACKLOG' ? 0.45 : 0.9) ? rnd.pick(workers) : null;
  const open = status !== 'DONE' && status !== 'CANCELED';
  const dueDate = rnd.chance(open ? 0.45 : 0.25)
    ? calendarDay(input.now, rnd.int(open ? -8 : -40, 35))
    : null;
  const template = rnd.chance(0.55) ? rnd.pick(DESCRIPTION_TEMPLATES) : null;
  const labelCount = rnd.weighted({ '0': 12, '1': 55, '2': 26, '3': 7 });
  const labels = rnd.sample(input.labels, Number(labelCount));

  // The steps it took to its column: along the flow, review sometimes skipped; CANCELED from wherever it was.
  const steps: TaskStatus[] = [];
  const target = status === 'CANCELED' ? rnd.pick(FLOW.slice(0, 3)) : status;
  for (let i = FLOW.indexOf(initialStatus) + 1; i <= FLOW.indexOf(target); i++) {
    const step = FLOW[i];
    if (step === 'IN_REVIEW' && target === 'DONE' && rnd.chance(0.3)) continue;
    if (step) steps.push(step);
  }
  if (status === 'CANCELED') steps.push('CANCELED');

  const end = Math.min(input.now - 10 * 60 * 1000, input.created.getTime() + rnd.int(2, 30) * DAY);
  const start = input.created.getTime();
  const moment = (fraction: number) => new Date(Math.round(start + fraction * (end - start)));
  const events: TaskEvent[] = [];
  let from: TaskStatus = initialStatus;
  for (const [i, to] of steps.entries()) {
    const actor = assignee && rnd.chance(0.8) ? assignee : rnd.pick(workers);
    events.push({ at: moment((i + 1) / (steps.length + 1)), kind: 'moved', actor, from, to });
    from = to;
  }
  // Half the assignees were chosen when the task was made (no event), the others a little later.
  if (assignee && rnd.chance(0.5)) {
    events.push({
      at: moment(0.04 + rnd.next() * 0.1),
      kind: 'assigned',
      actor: rnd.pick(workers),
      assignee,
    });
  }
  if (rnd.chance(0.15)) {
    const raised = rnd.pick(RAISED_PRIORITIES.filter((p) => p !== priority));
    events.push({
      at: moment(0.2 + rnd.next() * 0.6),
      kind: 'priority',
      actor: rnd.pick(workers),
      from: priority,
      to: raised,
    });
    priority = raised;
  }
  const comments =
    Number(rnd.weighted({ '0': 40, '1': 26, '2': 17, '3': 11, '4': 6 })) + (status === 'IN_REVIEW' ? 1 : 0);
  for (let i = 0; i < comments; i++) {
    const actor = assignee && rnd.chance(0.5) ? assignee : rnd.pick(workers);
    events.push({
      at: moment(0.1 + rnd.next() * 0.9),
      kind: 'comment',
      actor,
      body: rnd.pick(COMMENT_BODIES),
    });
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    creator,
    initialStatus,
    status,
    priority,
    assignee,
    dueDate,
    description: template ? template(input.title) : '',
    labels,
    events,
  };
}

/** UTC midnight `days` from `now`'s day: a DATE column's value. */
function calendarDay(now: number, days: number): Date {
  const day = new Date(now);
  day.setUTCHours(0, 0, 0, 0);
  return new Date(day.getTime() + days * DAY);
}
