import { appRouter } from '../src/index.ts';

/** A procedure of the app router: its dotted path and its definition (tRPC's `_def`), unparsed. */
export interface RouterProcedure {
  path: string;
  def: unknown;
}

/** Every procedure in the router (nested routers are plain objects, procedures functions with a _def). */
export function routerProcedures(): RouterProcedure[] {
  const found: RouterProcedure[] = [];
  const walk = (record: object, prefix: string[]) => {
    for (const [key, value] of Object.entries(record)) {
      const path = [...prefix, key];
      if (typeof value === 'function' && '_def' in value) {
        found.push({ path: path.join('.'), def: value._def });
      } else if (typeof value === 'object' && value !== null) {
        walk(value, path);
      }
    }
  };
  walk(appRouter._def.record, []);
  return found;
}
