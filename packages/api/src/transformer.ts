// Browser-safe: the web client imports this file (as `@taskforge/api/transformer`), so it
// must pull in nothing but superjson. See docs/decisions/0009-wire-format.md.
import type { CombinedDataTransformer } from '@trpc/server';
import superjson from 'superjson';
import { serializeOutput } from './wire-json.ts';

/** One direction of the wire: what goes onto it and what comes off it. */
interface WireCodec {
  serialize(value: unknown): unknown;
  deserialize(value: unknown): unknown;
}

// superjson.deserialize declares its argument as a SuperJSONResult; what arrives off the wire is
// unknown until decoded, which is what this type says to callers. Serializing takes the fast
// path that writes superjson's exact output (wire-json.ts).
const superjsonCodec: WireCodec = { serialize: serializeOutput, deserialize: superjson.deserialize };

/**
 * The one wire format of the API: plain JSON in, superjson out.
 *
 * Input is the only direction an attacker controls, and superjson's deserializer follows
 * caller-chosen `meta` paths (a crafted one recursed until the stack overflowed), so inputs
 * never go through it: they are the JSON the caller sent, validated as-is by zod. Outputs
 * keep superjson, so TypeScript clients still get Dates (and Maps, BigInts...) back.
 */
export const transformer = {
  input: {
    // "No input" must survive the wire: JSON has no undefined, and tRPC's unbatched httpLink
    // would send a mutation without input as an empty body, which the server cannot parse.
    // null stands for it both ways (no procedure takes null as its whole input).
    serialize: (value) => (value === undefined ? null : value),
    deserialize: (value) => (value === null ? undefined : value),
  },
  output: superjsonCodec,
} satisfies CombinedDataTransformer & { input: WireCodec; output: WireCodec };
