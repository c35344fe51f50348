// A seeded pseudo-random source for seeds: the same seed gives the same data on every machine,
// so screenshots and tests of the demo workspace stay stable.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A key of `weights`, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** `count` distinct elements of `items`, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A copy of `items` in random order. */
  shuffle<T>(items: readonly T[]): T[];
  /** A version-7 UUID for a row created at `at`: time-ordered like the ones Prisma makes. */
  uuid7(at: Date): string;
}

/** mulberry32: tiny, fast and good enough for test data (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      const last = entries.at(-1);
      if (!last) throw new Error('weighted pick from no weights');
      return last[0];
    },
    sample: (items, count) => shuffle(items).slice(0, count),
    shuffle,
    uuid7(at) {
      const hex = (bits: number, digits: number) => bits.toString(16).padStart(digits, '0');
      const ms = at.getTime();
      const time = hex(Math.floor(ms / 2 ** 16), 8) + hex(ms % 2 ** 16, 4);
      const randA = hex(0x7000 | int(0, 0xfff), 4);
      const randB = hex(0x8000 | int(0, 0x3fff), 4);
      const tail = hex(int(0, 0xffffff), 6) + hex(int(0, 0xffffff), 6);
      return `${time.slice(0, 8)}-${time.slice(8, 12)}-${randA}-${randB}-${tail}`;
    },
  };
}
