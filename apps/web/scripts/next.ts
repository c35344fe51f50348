// `npm run dev|start` of the web app: the Next.js CLI bound to WEB_HOST:WEB_PORT as
// @taskforge/config reads them (shell, then the repository's .env), so the web app listens
// on 127.0.0.1 unless told otherwise — `next` alone binds every interface.
//
// Next's CLI runs in this process (it parses process.argv), not as a child: there is no
// launcher process in between to forward or double signals. Turbo's SIGINT to the task's
// process group, Ctrl-C and a plain `kill -TERM` reach Next exactly as they did before.
import { createRequire } from 'node:module';
import { getConfigOrExit } from '@taskforge/config';

const COMMANDS = new Set(['dev', 'start']);
const [command, ...rest] = process.argv.slice(2);
if (command === undefined || !COMMANDS.has(command)) {
  console.error('usage: node scripts/next.ts dev|start [more next options]');
  process.exit(64); // EX_USAGE
}
if (rest.some((arg) => /^(-H|--hostname|-p|--port)(=|$)/.test(arg))) {
  console.error('scripts/next.ts: set WEB_HOST / WEB_PORT instead of --hostname / --port');
  process.exit(64);
}

const config = getConfigOrExit();
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
process.argv = [
  process.execPath,
  nextBin,
  command,
  '--hostname',
  config.WEB_HOST,
  '--port',
  String(config.WEB_PORT),
  ...rest,
];
await import(nextBin);
