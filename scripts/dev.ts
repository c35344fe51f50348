// `npm run dev`: the same as `turbo dev` (the database task, then the server and the web app;
// see turbo.json), plus signal handling that `turbo` alone lacks outside a terminal.
// npm's `turbo` command is a Node shim that does not forward a plain `kill -INT/-TERM` to the
// real binary; this runs the real binary in its own process group and forwards the first
// signal exactly once, so Ctrl-C, `kill -INT` and `kill -TERM` of this process all stop
// everything: turbo signals each task, the database task stops PostgreSQL last.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getConfigOrExit } from '@taskforge/config';

const say = (line: string) => console.log(`\x1b[36m[dev]\x1b[0m ${line}`);
const config = getConfigOrExit();

/** The platform binary that npm's `turbo` shim would run. */
function turboBinary(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const arch = process.arch === 'x64' ? '64' : process.arch;
  const require = createRequire(import.meta.url);
  try {
    const pkg = require.resolve(`@turbo/${platform}-${arch}/package.json`);
    const bin = join(dirname(pkg), 'bin', platform === 'windows' ? 'turbo.exe' : 'turbo');
    if (existsSync(bin)) return bin;
  } catch {
    // Not installed for this platform: fall back to the shim on PATH.
  }
  return 'turbo';
}

say(`web    http://localhost:${config.WEB_PORT}`);
say(`server http://${config.SERVER_HOST}:${config.SERVER_PORT}  (/trpc, /healthz, /readyz)`);
say(
  config.DATABASE_URL
    ? 'database: DATABASE_URL'
    : `database: embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_PG_PORT} (${config.EMBEDDED_PG_DIR})`,
);

const turbo = spawn(turboBinary(), ['run', 'dev', '--ui=stream', ...process.argv.slice(2)], {
  stdio: 'inherit',
  // Its own process group: a terminal's Ctrl-C reaches only us, and we forward it once.
  detached: true,
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1' },
});

let signalled: NodeJS.Signals | null = null;
function forward(signal: NodeJS.Signals): void {
  // npm forwards the terminal's SIGINT to us as well: one stop request, however many copies.
  if (signalled || turbo.exitCode !== null) return;
  signalled = signal;
  say(`${signal}: stopping (turbo stops the apps, then the database)`);
  turbo.kill('SIGINT');
  // Something hung: after this long, stop everything in turbo's group the hard way.
  setTimeout(() => {
    if (turbo.exitCode === null && turbo.pid) process.kill(-turbo.pid, 'SIGKILL');
  }, 30_000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => forward(signal));

// `kill <pid of npm run dev>` reaches npm, which passes it to the `sh -c` running us; sh dies
// of it without passing it on. Being orphaned is therefore a stop request too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) forward('SIGHUP');
}, 250).unref();

turbo.on('exit', (code, signal) => {
  process.exit(signalled ? 0 : (code ?? (signal ? 1 : 0)));
});
