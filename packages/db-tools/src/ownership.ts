import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Who owns an embedded PostgreSQL: the process that must stop it. Recorded beside the data
 * folder (`<dir>.owner`), so a later starter can tell a server shared with a live owner
 * (reuse, leave it alone) from one whose owner died (adopt it, stop it when done).
 */
function ownerFile(dir: string): string {
  return `${dir}.owner`;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (postgres, when we are not root).
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

export function readOwner(dir: string): number | null {
  try {
    const pid = Number(readFileSync(ownerFile(dir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function writeOwner(dir: string, pid = process.pid): void {
  writeFileSync(ownerFile(dir), `${pid}\n`);
}

/** Removes the owner record if it still names `pid`. */
export function clearOwner(dir: string, pid = process.pid): void {
  if (readOwner(dir) === pid) rmSync(ownerFile(dir), { force: true });
}

const WATCHDOG = fileURLToPath(new URL('./watchdog.ts', import.meta.url));

/**
 * A tiny detached process that stops the postmaster when its owner dies without stopping
 * it (SIGKILL, a crash, a closed terminal). Exits by itself once the postmaster is gone.
 */
export function spawnWatchdog(dir: string, postmasterPid: number, ownerPid = process.pid): void {
  const child = spawn(process.execPath, [WATCHDOG, String(ownerPid), String(postmasterPid), dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}
