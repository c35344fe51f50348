import { describe, expect, it } from 'vitest';
import { activityDetail, taskKeyOf, withoutTaskName } from '../src/lib/activity.ts';
import { isPlainKey, isTypingTarget } from '../src/lib/hotkeys.ts';
import {
  activeFilterCount,
  filtersFromParams,
  listInput,
  NO_FILTERS,
  paramsFromFilters,
} from '../src/lib/task-filters.ts';
import { dueState, formatDue, keyFromName } from '../src/lib/tasks.ts';

const LABEL = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('list filters in the URL', () => {
  it('round-trips every filter, leaving defaults out of the URL', () => {
    const filters = {
      ...NO_FILTERS,
      status: ['TODO' as const, 'IN_PROGRESS' as const],
      priority: ['URGENT' as const],
      assignee: 'me',
      labelId: LABEL,
      dueFrom: '2026-12-01',
      dueTo: '2026-12-31',
      archived: true,
      search: 'login bug',
      sort: 'updated' as const,
      order: 'asc' as const,
    };
    const query = paramsFromFilters(filters);
    expect(filtersFromParams(new URLSearchParams(query))).toEqual(filters);
    expect(paramsFromFilters(NO_FILTERS)).toBe('');
    // A sort's own default order is not written out.
    expect(paramsFromFilters({ ...NO_FILTERS, sort: 'updated', order: 'desc' })).toBe('sort=updated');
  });

  it('ignores anything malformed instead of sending it to the server', () => {
    const filters = filtersFromParams(
      new URLSearchParams(
        'status=TODO,NOPE&priority=HUGE&assignee=robert&label=1&due_from=tomorrow&sort=random&order=up',
      ),
    );
    expect(filters).toEqual({ ...NO_FILTERS, status: ['TODO'] });
  });

  it('builds one canonical tasks.list input (same key on the server and in the browser)', () => {
    expect(listInput('acme', 'ENG', NO_FILTERS)).toEqual({
      workspace: 'acme',
      project: 'ENG',
      sort: 'position',
      order: 'asc',
      limit: 50,
    });
    const input = listInput(
      'acme',
      'ENG',
      filtersFromParams(new URLSearchParams('q=crash&assignee=none&archived=1')),
    );
    expect(input).toMatchObject({ search: 'crash', assignee: 'none', archived: true });
    expect(
      activeFilterCount(filtersFromParams(new URLSearchParams('q=crash&assignee=none&archived=1'))),
    ).toBe(2);
  });
});

describe('the "c" shortcut', () => {
  it('never fires while typing in a field', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BODY' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('is a plain key: Ctrl+C still copies, held keys do not repeat it', () => {
    const key = { key: 'c', ctrlKey: false, metaKey: false, altKey: false };
    expect(isPlainKey(key, 'c')).toBe(true);
    expect(isPlainKey({ ...key, key: 'C' }, 'c')).toBe(true);
    expect(isPlainKey({ ...key, ctrlKey: true }, 'c')).toBe(false);
    expect(isPlainKey({ ...key, metaKey: true }, 'c')).toBe(false);
    expect(isPlainKey({ ...key, repeat: true }, 'c')).toBe(false);
  });
});

describe('task wording', () => {
  it('suggests a project key from its name', () => {
    expect(keyFromName('Engineering')).toBe('ENG');
    expect(keyFromName('Mobile App')).toBe('MA');
    expect(keyFromName('  café  ')).toBe('CAF');
    expect(keyFromName('42 Things To Do')).toBe('TTD');
    expect(keyFromName('')).toBe('');
  });

  it('tells overdue, today and soon apart; done work is never overdue', () => {
    expect(dueState('2026-11-20', '2026-11-26', 'TODO')).toBe('overdue');
    expect(dueState('2026-11-20', '2026-11-26', 'DONE')).toBe('later');
    expect(dueState('2026-11-26', '2026-11-26', 'TODO')).toBe('today');
    expect(dueState('2026-12-02', '2026-11-26', 'TODO')).toBe('soon');
    expect(dueState('2027-01-15', '2026-11-26', 'TODO')).toBe('later');
    expect(formatDue('2026-12-02', '2026-11-26')).toBe('Dec 2');
    expect(formatDue('2027-01-15', '2026-11-26')).toBe('Jan 15, 2027');
  });

  it('describes work-feed entries as the API records them', () => {
    expect(
      activityDetail('task.moved', { key: 'ENG-4', title: 'Fix sign-in', from: 'TODO', to: 'IN_PROGRESS' }),
    ).toBe('ENG-4 Fix sign-in: To do → In progress');
    expect(
      activityDetail('task.updated', {
        key: 'ENG-4',
        title: 'Fix sign-in',
        before: { priority: 'LOW', assignee: null },
        after: { priority: 'HIGH', assignee: { id: 'x', name: 'Ada' } },
      }),
    ).toBe('ENG-4 Fix sign-in: priority Low → High, assignee nobody → Ada');
    expect(activityDetail('comment.added', { task: 'ENG-4', excerpt: 'Looks good' })).toBe(
      'ENG-4: Looks good',
    );
    expect(activityDetail('label.deleted', { name: 'bug', color: '#ef4444', taskCount: 3 })).toBe(
      'bug, taken off 3 tasks',
    );
    expect(taskKeyOf('comment.added', { task: 'ENG-4' })).toBe('ENG-4');

    // Beside a headline that links ENG-4 the detail drops the key; in the task's own feed, the title too.
    const moved = { key: 'ENG-4', title: 'Fix sign-in' };
    expect(withoutTaskName('ENG-4 Fix sign-in: To do → Done', moved, false)).toBe(
      'Fix sign-in: To do → Done',
    );
    expect(withoutTaskName('ENG-4 Fix sign-in: To do → Done', moved, true)).toBe('To do → Done');
    expect(withoutTaskName('ENG-4: Looks good', { task: 'ENG-4' }, false)).toBe('Looks good');
    expect(withoutTaskName('ENG-4 Fix sign-in', moved, true)).toBe('');
    expect(taskKeyOf('task.deleted', { key: 'ENG-4' })).toBeNull();
  });
});
