// Reads a V8 CPU profile (.cpuprofile, from node --cpu-prof) and says where the time went: self
// time per function and per package (the folder under node_modules, or "ours" for the repository's
// own source), as shares of the samples.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
});

export interface Share {
  name: string;
  share: number;
}

/** Which package a script URL belongs to: `@trpc/server`, `pg`, `(node)` for Node's own, `ours`. */
function packageOf(url: string): string {
  if (url === '') return '(native/GC/idle)';
  if (url.startsWith('node:')) return '(node)';
  const at = url.lastIndexOf('/node_modules/');
  if (at === -1) return url.includes('/packages/') || url.includes('/apps/') ? 'ours' : '(other)';
  const rest = url.slice(at + '/node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? '(other)');
}

export function summarizeProfile(path: string, top = 25): { packages: Share[]; functions: Share[] } {
  const profile = profileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<number, number>();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  // Idle time is not the server's work: shares are of the busy samples.
  const busy = profile.samples.filter((id) => byId.get(id)?.callFrame.functionName !== '(idle)').length || 1;
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, n] of counts) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    const pkg = packageOf(frame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + n);
    const file = frame.url.split('/').slice(-2).join('/');
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1} [${pkg}]`;
    functions.set(name, (functions.get(name) ?? 0) + n);
  }
  const sorted = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, n]) => ({ name, share: n / busy }));
  return { packages: sorted(packages), functions: sorted(functions) };
}
