import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { transformer } from '../src/transformer.ts';
import { serializeOutput } from '../src/wire-json.ts';

/** The same bytes on the wire as superjson itself writes. */
function expectSuperjson(value: unknown, what = ''): void {
  expect(JSON.stringify(serializeOutput(value)), what).toBe(JSON.stringify(superjson.serialize(value)));
}

/** A small deterministic source of shapes: what procedures return, and what they might. */
function randomValue(seed: number, depth = 0): unknown {
  let s = seed;
  const next = () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const leaf = () => {
    const kind = Math.floor(next() * 7);
    if (kind === 0) return null;
    if (kind === 1) return `s${Math.floor(next() * 100)}`;
    if (kind === 2) return Math.floor(next() * 1000) - 500;
    if (kind === 3) return next() < 0.5;
    if (kind === 4) return new Date(Math.floor(next() * 2e12));
    if (kind === 5) return next() * 10;
    return '';
  };
  if (depth > 3 || next() < 0.3) return leaf();
  if (next() < 0.5)
    return Array.from({ length: Math.floor(next() * 4) }, (_, i) => randomValue(seed * 7 + i, depth + 1));
  const keys = ['id', 'createdAt', 'a.b', 'back\\slash', 'items', '0', '12', 'x'];
  return Object.fromEntries(
    keys.filter(() => next() < 0.6).map((k, i) => [k, randomValue(seed * 13 + i, depth + 1)]),
  );
}

describe('serializeOutput', () => {
  it('writes what superjson writes for plain data with dates, keys that need escaping included', () => {
    const task = {
      id: '01a21360-30fc-7bde-be9e-fa3439786b1e',
      labels: [{ id: 'l1', name: 'Bug', color: '#e5484d' }],
      assignee: null,
      dueDate: '2026-12-31',
      createdAt: new Date('2026-11-25T15:43:20.828Z'),
      updatedAt: new Date('2026-11-26T06:52:50.828Z'),
      archivedAt: null,
      'odd.key': { 'back\\slash': new Date(0) },
    };
    for (const value of [
      { items: [task, { ...task, createdAt: new Date(1) }], nextCursor: null },
      { ok: true, count: 3, nested: [[new Date(5)], []] },
      // Dates under index keys go first in their level (JavaScript's key order in superjson's records).
      [{ a: new Date(1) }, new Date(2), { b: [new Date(3)] }, new Date(4)],
      { list: [{ a: new Date(1) }, new Date(2)], '0': { x: new Date(3) }, '1': new Date(4), z: new Date(5) },
      // More Dates than a function call takes arguments.
      [{ a: new Date(0) }, ...Array.from({ length: 200_000 }, (_, i) => new Date(i))],
      [],
      {},
      'text',
      42,
      null,
      true,
    ]) {
      expectSuperjson(value);
    }
  });

  it('hands everything else to superjson, so the output is always its own', () => {
    const shared = { id: 'same object twice' };
    const date = new Date(3);
    for (const value of [
      new Date(7),
      Object.fromEntries([
        ['0', new Date(1)],
        ['a', { b: new Date(2) }],
        ['7', new Date(3)],
      ]),
      { a: undefined },
      { n: Number.NaN, i: Number.POSITIVE_INFINITY, z: -0 },
      { big: 10n },
      { m: new Map([['k', 1]]), s: new Set([1]) },
      { r: /x/g },
      { a: shared, b: shared },
      { created: date, updated: date },
      { bad: new Date(Number.NaN) },
      // A sparse array: its hole reads as undefined.
      new Array(3),
      Object.assign(Object.create(null), { bare: new Date(9) }),
      new (class Thing {
        x = 1;
      })(),
    ]) {
      expectSuperjson(value);
    }
    expect(() => serializeOutput(JSON.parse('{"__proto__":{"x":1}}'))).toThrow(/prototype pollution/);
  });

  it('agrees with superjson on three thousand generated shapes, and they come back as they went', () => {
    for (let seed = 1; seed <= 3_000; seed++) {
      const value = randomValue(seed);
      expectSuperjson(value, `seed ${seed}`);
      expect(superjson.deserialize(JSON.parse(JSON.stringify(serializeOutput(value))))).toEqual(value);
    }
  });

  it('is what the router sends', () => {
    const value = { at: new Date(0) };
    expect(transformer.output.serialize(value)).toEqual(superjson.serialize(value));
  });
});
