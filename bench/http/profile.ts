// A CPU profile (node:inspector's Profiler) summed up: the functions the samples fell in (self
// time), heaviest first, so that where the time goes between plain Node and a route is read at a
// glance; the whole profile stays on disk for Chrome's DevTools.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function summariseProfile(file: string, top = 25): { share: number; where: string }[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const f = byId.get(id)!.callFrame;
    const url = f.url
      .replace(/^file:\/\//, '')
      .replace(/^.*node_modules\//, '')
      .replace(process.cwd() + '/', '');
    const where = `${f.functionName || '(anonymous)'} ${url ? `${url}:${f.lineNumber + 1}` : ''}`.trim();
    counts.set(where, (counts.get(where) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, n]) => ({ share: Number((n / total).toFixed(3)), where }));
}
