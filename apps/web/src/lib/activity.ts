// Browser-safe: one audit entry in words, from its action and the data the API recorded with it.
import { describeAction } from '@taskforge/api/activity';
import { ROLE_LABELS, ROLE_ORDER, type Role } from '@taskforge/auth/roles';
import { plainText } from './markdown.ts';
import { isPriority, isStatus, PRIORITY_LABELS, STATUS_LABELS } from './tasks.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Data = Record<string, Json>;

function text(data: Data, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** A comment's words as one line: its markdown (`**has**`, lists) would show as punctuation. */
function excerpt(data: Data, key: string): string | null {
  const value = text(data, key);
  return value ? plainText(value) || null : null;
}

function isRole(value: string): value is Role {
  return (ROLE_ORDER as readonly string[]).includes(value);
}

function role(data: Data, key: string): string | null {
  const value = text(data, key);
  return value && isRole(value) ? ROLE_LABELS[value] : value;
}

/** `changed a role` etc. (the action's own wording, shared with the API). */
export function actionPhrase(action: string): string {
  return describeAction(action);
}

/** What the action was about, when the entry recorded it: `ada@example.com as Admin`. */
export function activityDetail(action: string, data: Data): string | null {
  const email = text(data, 'email');
  const name = text(data, 'name');
  switch (action) {
    case 'member.role_changed': {
      const before = role(data, 'before');
      const after = role(data, 'after');
      const who = name ?? email;
      const change = before && after ? `${before} → ${after}` : (after ?? null);
      return [who, change].filter(Boolean).join(': ') || null;
    }
    case 'member.removed':
      return [name ?? email, role(data, 'role')].filter(Boolean).join(', ') || null;
    case 'member.left':
    case 'member.joined': {
      const as = role(data, 'role');
      return as ? `as ${as}` : null;
    }
    case 'invitation.created':
    case 'invitation.revoked':
    case 'invitation.accepted': {
      const as = role(data, 'role');
      return email ? (as ? `${email} as ${as}` : email) : null;
    }
    case 'workspace.renamed': {
      const before = text(data, 'before');
      const after = text(data, 'after');
      return before && after ? `“${before}” → “${after}”` : null;
    }
    case 'workspace.created':
    case 'workspace.deleted':
      return name;
    default:
      return workDetail(action, data);
  }
}

function isData(value: Json | undefined): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function statusLabel(value: Json | undefined): string | null {
  return typeof value === 'string' && isStatus(value) ? STATUS_LABELS[value] : null;
}

/** `ENG-4 Fix sign-in` (or just the key) of a task's entry. */
function taskName(data: Data): string | null {
  const key = text(data, 'key') ?? text(data, 'task');
  const title = text(data, 'title');
  return key && title ? `${key} ${title}` : key;
}

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  assignee: 'assignee',
  assigneeId: 'assignee',
  dueDate: 'due date',
  labels: 'labels',
  name: 'name',
  color: 'colour',
};

/** A before/after value in words: statuses and priorities by label, people by name, lists joined. */
function valueText(field: string, value: Json | undefined): string {
  if (value === null || value === undefined || value === '') {
    return field === 'assignee' ? 'nobody' : field === 'labels' ? 'none' : '—';
  }
  if (field === 'status') return statusLabel(value) ?? String(value);
  if (field === 'priority' && typeof value === 'string' && isPriority(value)) return PRIORITY_LABELS[value];
  if (isData(value)) return text(value, 'name') ?? '—';
  if (Array.isArray(value))
    return value.length
      ? value.map((item) => (isData(item) ? (text(item, 'name') ?? '') : String(item))).join(', ')
      : 'none';
  return String(value);
}

/**
 * What changed, from an entry's `before`/`after`: `status To do → Done, assignee nobody → Ada`.
 * Long text (descriptions) is only named, not quoted.
 */
export function changeSummary(data: Data): string | null {
  const before = isData(data.before) ? data.before : {};
  const after = isData(data.after) ? data.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const parts = fields.map((field) => {
    const label = FIELD_NAMES[field] ?? field;
    if (field === 'description' || field === 'title') return `${label} changed`;
    return `${label} ${valueText(field, before[field])} → ${valueText(field, after[field])}`;
  });
  return parts.length ? parts.join(', ') : null;
}

/** Details of the work feed's entries (projects, tasks, comments, labels). */
function workDetail(action: string, data: Data): string | null {
  switch (action) {
    case 'project.created':
    case 'project.archived':
    case 'project.unarchived': {
      const key = text(data, 'key');
      return [key, text(data, 'name')].filter(Boolean).join(' · ') || null;
    }
    case 'project.updated':
      return [text(data, 'key'), changeSummary(data)].filter(Boolean).join(': ') || null;
    case 'task.created': {
      const status = statusLabel(data.status);
      return [taskName(data), status ? `in ${status}` : null].filter(Boolean).join(' ') || null;
    }
    case 'task.moved': {
      const from = statusLabel(data.from);
      const to = statusLabel(data.to);
      const move = from && to ? (from === to ? `reordered in ${to}` : `${from} → ${to}`) : null;
      return [taskName(data), move].filter(Boolean).join(': ') || null;
    }
    case 'task.updated':
      return [taskName(data), changeSummary(data)].filter(Boolean).join(': ') || null;
    case 'task.archived':
    case 'task.unarchived':
    case 'task.deleted':
      return taskName(data);
    case 'comment.added':
    case 'comment.deleted':
      return [text(data, 'task'), excerpt(data, 'excerpt')].filter(Boolean).join(': ') || null;
    case 'comment.edited':
      return [text(data, 'task'), excerpt(data, 'after')].filter(Boolean).join(': ') || null;
    case 'label.created':
      return text(data, 'name');
    case 'label.updated':
      return [text(data, 'name'), changeSummary(data)].filter(Boolean).join(': ') || null;
    case 'label.deleted': {
      const count = data.taskCount;
      const from =
        typeof count === 'number' && count > 0
          ? `taken off ${count} ${count === 1 ? 'task' : 'tasks'}`
          : null;
      return [text(data, 'name'), from].filter(Boolean).join(', ') || null;
    }
    default:
      return null;
  }
}

/** The key of the task an entry is about (`ENG-4`), for a link; null for other entries. */
export function taskKeyOf(action: string, data: Data): string | null {
  if (action.startsWith('task.') && action !== 'task.deleted') return text(data, 'key');
  if (action.startsWith('comment.')) return text(data, 'task');
  return null;
}

/** A colour family per kind of action, for the dot beside each entry. */
export function activityTone(action: string): 'indigo' | 'emerald' | 'amber' | 'rose' | 'slate' {
  if (action.endsWith('removed') || action.endsWith('revoked') || action.endsWith('deleted')) return 'rose';
  if (action.endsWith('failed')) return 'amber';
  if (action.startsWith('invitation.') || action === 'member.joined') return 'emerald';
  if (action.startsWith('member.') || action.startsWith('workspace.')) return 'indigo';
  if (action.endsWith('created') || action.endsWith('added') || action.endsWith('unarchived'))
    return 'emerald';
  if (action.endsWith('archived')) return 'amber';
  return 'slate';
}

/**
 * In a task's own feed, `ENG-4 Fix sign-in: status To do → Done` reads as `status To do → Done`;
 * in a feed whose headline links `ENG-4`, as `Fix sign-in: status To do → Done`.
 */
export function withoutTaskName(detail: string, data: Data, inTask: boolean): string {
  const key = typeof data.key === 'string' ? data.key : typeof data.task === 'string' ? data.task : null;
  if (!key) return detail;
  const title = typeof data.title === 'string' ? data.title : null;
  const prefixes = inTask && title ? [`${key} ${title}`, key] : [key];
  for (const prefix of prefixes) {
    if (detail === prefix) return '';
    if (detail.startsWith(`${prefix}: `)) return detail.slice(prefix.length + 2);
    if (!inTask && detail.startsWith(`${prefix} `)) return detail.slice(prefix.length + 1);
  }
  return detail;
}
