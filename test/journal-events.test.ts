// Tests keep the docs honest: every journal event the code writes is documented, and the list
// names nothing the code no longer writes.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const EVENT = /'([a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*)'/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

it('documents every journal event in docs/journal-events.md, and only those', () => {
  const written = new Set<string>();
  for (const file of sourceFiles('src')) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!/action:|action\s*===|\?/.test(line) || !line.includes('action')) continue;
      for (const m of line.matchAll(EVENT)) written.add(m[1]!);
    }
  }
  const documented = new Set(
    [...fs.readFileSync('docs/journal-events.md', 'utf8').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!),
  );
  expect(written.size).toBeGreaterThan(10);
  expect(
    [...written].filter((e) => !documented.has(e)),
    'written but not documented',
  ).toEqual([]);
  expect(
    [...documented].filter((e) => !written.has(e)),
    'documented but never written',
  ).toEqual([]);
});
