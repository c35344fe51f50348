import type { SpawnedProcess } from './processes.ts';

/** One line of bench/memory-probe.ts: the target's own view of its memory and CPU. */
export interface Sample {
  memprobe: 'sample' | 'after-gc';
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** CPU time (user + system) the process has used so far. */
  cpuMicros: number;
}

/**
 * Follows a bench target started with --trace-gc-nvp and bench/memory-probe.ts: sums the bytes
 * V8 reports allocated between collections (stdout) and keeps the probe's samples (stderr).
 */
export class Observer {
  allocated = 0;
  peakRss = 0;
  /** V8's heap (all spaces) at the sample with the highest RSS: how much of that RSS is the JS heap. */
  heapAtPeak = 0;
  last: Sample | null = null;
  private waiters: ((sample: Sample) => void)[] = [];

  constructor(proc: SpawnedProcess) {
    let out = '';
    proc.child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        const match = / allocated=(\d+) /.exec(line);
        // V8 prints an unsigned wrap-around (~1.8e19) when the heap shrank between two GCs.
        const bytes = Number(match?.[1] ?? 0);
        if (bytes < 2 ** 40) this.allocated += bytes;
      }
    });
    let err = '';
    proc.child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const lines = err.split('\n');
      err = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{"memprobe"')) continue;
        const sample: Sample = JSON.parse(line);
        this.last = sample;
        if (sample.rss > this.peakRss) {
          this.peakRss = sample.rss;
          this.heapAtPeak = sample.heapTotal;
        }
        if (sample.memprobe === 'after-gc') for (const resolve of this.waiters.splice(0)) resolve(sample);
      }
    });
  }

  /** Starts a new peak (per load phase); the samples keep coming. */
  resetPeak(): void {
    this.peakRss = this.last?.rss ?? 0;
    this.heapAtPeak = this.last?.heapTotal ?? 0;
  }

  /** Full GC in the target; resolves with what is live after it (the trace has counted every byte before it). */
  collect(proc: SpawnedProcess): Promise<Sample> {
    const done = new Promise<Sample>((resolve) => this.waiters.push(resolve));
    proc.child.kill('SIGUSR2');
    return done;
  }
}
