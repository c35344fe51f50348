import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@taskforge/api';

/** A JSON logger at `level` whose lines (one string per line) land in `lines`. */
export function captureLog(level: 'trace' | 'info'): { lines: string[]; logger: Logger } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n')) if (text) lines.push(text);
      done();
    },
  });
  return { lines, logger: createLogger({ level, format: 'json', destination }) };
}

/** Fastify writes its access line on onResponse, which may trail inject()'s answer by a tick. */
export async function waitForLines(lines: readonly string[], atLeast: number): Promise<void> {
  for (let i = 0; i < 100 && lines.length < atLeast; i++) await new Promise((r) => setTimeout(r, 10));
}
