import { describe, expect, it } from 'vitest';
import {
  type ColumnIds,
  neighboursOf,
  type Pages,
  placeInColumns,
  positionBetween,
  withoutTask,
  withTaskAt,
  withTaskReplaced,
} from '../src/lib/board.ts';

function columns(partial: Partial<ColumnIds>): ColumnIds {
  return { BACKLOG: [], TODO: [], IN_PROGRESS: [], IN_REVIEW: [], DONE: [], CANCELED: [], ...partial };
}

type Item = { id: string; title?: string };
function pages(...ids: string[][]): Pages<Item> {
  return {
    pages: ids.map((page, i) => ({
      items: page.map((id) => ({ id })),
      nextCursor: i < ids.length - 1 ? `c${i}` : null,
    })),
    pageParams: ids.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
  };
}
const flat = (data: Pages<Item>) => data.pages.map((page) => page.items.map((item) => item.id));

describe('placeInColumns: where a drag puts a task', () => {
  it('moves a task to another column at the index it is dropped at', () => {
    const before = columns({ TODO: ['a', 'b', 'c'], DONE: ['x', 'y'] });
    const after = placeInColumns(before, 'b', 'DONE', 1);
    expect(after.TODO).toEqual(['a', 'c']);
    expect(after.DONE).toEqual(['x', 'b', 'y']);
    expect(before.TODO).toEqual(['a', 'b', 'c']);
  });

  it('reorders inside a column, clamping an index past the end', () => {
    expect(placeInColumns(columns({ TODO: ['a', 'b', 'c'] }), 'a', 'TODO', 2).TODO).toEqual(['b', 'c', 'a']);
    expect(placeInColumns(columns({ TODO: ['a', 'b'] }), 'a', 'TODO', 99).TODO).toEqual(['b', 'a']);
    expect(placeInColumns(columns({ TODO: ['a'] }), 'a', 'IN_REVIEW', 5).IN_REVIEW).toEqual(['a']);
  });

  it('returns the same object when nothing changes (no re-render)', () => {
    const same = columns({ TODO: ['a', 'b'] });
    expect(placeInColumns(same, 'b', 'TODO', 1)).toBe(same);
    expect(placeInColumns(same, 'zzz', 'DONE', 0)).toBe(same);
  });
});

describe('neighboursOf: tasks.move’s after/before', () => {
  it('names the tasks just above and below, null at either end', () => {
    const board = columns({ TODO: ['a', 'b', 'c'] });
    expect(neighboursOf(board, 'a')).toEqual({ after: null, before: 'b' });
    expect(neighboursOf(board, 'b')).toEqual({ after: 'a', before: 'c' });
    expect(neighboursOf(board, 'c')).toEqual({ after: 'b', before: null });
    expect(neighboursOf(columns({ DONE: ['only'] }), 'only')).toEqual({ after: null, before: null });
  });
});

describe('positionBetween: the optimistic position', () => {
  it('sorts between its neighbours byte-wise, at either end too', () => {
    const middle = positionBetween('a0', 'a1');
    expect(middle !== null && middle > 'a0' && middle < 'a1').toBe(true);
    const top = positionBetween(null, 'a0');
    expect(top !== null && top < 'a0').toBe(true);
    const bottom = positionBetween('a1', null);
    expect(bottom !== null && bottom > 'a1').toBe(true);
  });

  it('gives up (null) when the neighbours leave no room, instead of throwing', () => {
    expect(positionBetween('a1', 'a1')).toBeNull();
    expect(positionBetween('a2', 'a1')).toBeNull();
  });
});

describe('column pages in the query cache', () => {
  it('inserts at an index of the whole column, across page boundaries', () => {
    const data = pages(['a', 'b'], ['c', 'd']);
    expect(flat(withTaskAt(data, { id: 'n' }, 0))).toEqual([
      ['n', 'a', 'b'],
      ['c', 'd'],
    ]);
    expect(flat(withTaskAt(data, { id: 'n' }, 2))).toEqual([
      ['a', 'b'],
      ['n', 'c', 'd'],
    ]);
    expect(flat(withTaskAt(data, { id: 'n' }, 4))).toEqual([
      ['a', 'b'],
      ['c', 'd', 'n'],
    ]);
    expect(flat(withTaskAt(data, { id: 'n' }, 40))).toEqual([
      ['a', 'b'],
      ['c', 'd', 'n'],
    ]);
  });

  it('moves a task already in the column instead of duplicating it', () => {
    expect(flat(withTaskAt(pages(['a', 'b', 'c']), { id: 'a' }, 2))).toEqual([['b', 'c', 'a']]);
  });

  it('starts a page for an empty column, removes and replaces by id, keeps cursors', () => {
    expect(flat(withTaskAt({ pages: [], pageParams: [] }, { id: 'n' }, 0))).toEqual([['n']]);
    const data = pages(['a'], ['b']);
    expect(flat(withoutTask(data, 'b'))).toEqual([['a'], []]);
    expect(withoutTask(data, 'b').pages[0]?.nextCursor).toBe('c0');
    expect(withTaskReplaced(data, { id: 'b', title: 'new' }).pages[1]?.items[0]).toEqual({
      id: 'b',
      title: 'new',
    });
  });
});
