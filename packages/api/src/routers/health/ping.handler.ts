import type { PingInput, PingOutput } from './ping.schema.ts';

export function pingHandler({ input }: { input: PingInput }): PingOutput {
  return { ok: true, echo: input?.echo ?? null, serverTime: new Date() };
}
