/** A progress bar on a terminal (redrawn in place), plain lines every 10 % otherwise (CI, pipes). */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return ({ done, total, elapsedMs }: { done: number; total: number; elapsedMs: number }): void => {
    const fraction = total === 0 ? 1 : done / total;
    const rate = elapsedMs > 0 ? Math.round((done / elapsedMs) * 1000) : 0;
    const text = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${label} (${Math.floor(fraction * 100)} %), ${(elapsedMs / 1000).toFixed(1)} s, ${rate.toLocaleString('en-US')}/s`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K${done >= total ? '\n' : ''}`,
      );
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`${text}\n`);
    }
  };
}
