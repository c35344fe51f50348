// Every procedure validates through sync() (src/parser.ts): tRPC would otherwise call zod's
// parseAsync, which skips zod's compiled object parser (ADR 0016, third pass).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sync } from '../src/parser.ts';
import { routerProcedures } from './router-procedures.ts';

const isFunction = (value: unknown) => typeof value === 'function';

/** What sync() returns, and nothing more: no parseAsync for tRPC to prefer. */
const syncParser = z.strictObject({
  '~standard': z.object({ validate: z.custom(isFunction) }),
  schema: z.instanceof(z.ZodType),
  parse: z.custom(isFunction),
});

const definition = z.object({ inputs: z.array(z.unknown()), output: z.unknown().optional() });

describe('procedure parsers', () => {
  const procedures = routerProcedures();

  it('finds the procedures', () => {
    expect(procedures.length).toBeGreaterThan(50);
  });

  it('gives every input and output schema to tRPC through sync()', () => {
    const offenders = procedures.flatMap(({ path, def }) => {
      const { inputs, output } = definition.parse(def);
      const parsers = output === undefined ? inputs : [...inputs, output];
      return parsers.some((parser) => !syncParser.safeParse(parser).success) ? [path] : [];
    });
    expect(offenders).toEqual([]);
  });

  it('parses synchronously with the schema’s own result and errors', () => {
    const parser = sync(z.object({ n: z.coerce.number().int(), tag: z.string().default('x') }));
    expect(parser.parse({ n: '4' })).toEqual({ n: 4, tag: 'x' });
    expect(() => parser.parse({ n: 'four' })).toThrow(z.ZodError);
    expect(parser['~standard'].validate({ n: 1 })).toEqual({ value: { n: 1, tag: 'x' } });
  });
});
