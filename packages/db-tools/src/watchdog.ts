// Run detached by ownership.ts: `node watchdog.ts <ownerPid> <postmasterPid> <dataDir>`.
// Stops an embedded PostgreSQL whose owner died without stopping it, so none is orphaned.
import { clearOwner, isAlive } from './ownership.ts';

const [ownerPid, postmasterPid] = process.argv.slice(2, 4).map(Number);
const dir = process.argv[4];
if (!ownerPid || !postmasterPid || !dir) process.exit(64);

const POLL_MS = 500;
const STOP_WAIT_MS = 30_000;

const timer = setInterval(() => {
  if (!isAlive(postmasterPid)) {
    clearInterval(timer); // stopped by its owner: nothing left to guard
    return;
  }
  if (isAlive(ownerPid)) return;
  clearInterval(timer);
  // PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit.
  process.kill(postmasterPid, 'SIGINT');
  const deadline = Date.now() + STOP_WAIT_MS;
  const wait = setInterval(() => {
    if (isAlive(postmasterPid) && Date.now() < deadline) return;
    clearInterval(wait);
    clearOwner(dir, ownerPid);
  }, POLL_MS);
}, POLL_MS);
