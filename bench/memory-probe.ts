// Preloaded into a bench target (`node --import ./bench/memory-probe.ts …`): reports the
// process's memory on stderr, one JSON line every 250 ms, and on SIGUSR2 runs a full GC (with
// --expose-gc) and reports what is live after it. bench/memory.ts reads both.
import { writeSync } from 'node:fs';

const SAMPLE_MS = 250;

function report(kind: 'sample' | 'after-gc'): void {
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  const line = { memprobe: kind, rss, heapTotal, heapUsed, external, arrayBuffers, cpuMicros: user + system };
  // Synchronous, so a line is never split or lost when the process exits right after.
  writeSync(2, `${JSON.stringify(line)}\n`);
}

setInterval(() => report('sample'), SAMPLE_MS).unref();

const { gc } = globalThis;
process.on('SIGUSR2', () => {
  gc?.();
  report('after-gc');
});
