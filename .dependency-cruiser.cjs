// Module boundaries (docs/ARCHITECTURE.md): the platform imports no module; modules depend
// downward only; a module is entered through its index.ts; migrations import nothing from src.
const layers = [
  ['auth', 'audit', 'calendar', 'pki'],
  ['catalog', 'statistics', 'registers', 'outbox'],
  ['publishing', 'requests', 'collections'],
  ['opendata'],
  ['web'],
];
const levelOf = Object.fromEntries(layers.flatMap((names, i) => names.map((n) => [n, i])));
const upward = [];
for (const [name, level] of Object.entries(levelOf)) {
  const higher = Object.entries(levelOf)
    .filter(([, l]) => l > level)
    .map(([n]) => n);
  if (higher.length) {
    upward.push({
      name: `no-upward-from-${name}`,
      comment: `${name} may not depend on a module above it (${higher.join(', ')}); send an after-commit event instead`,
      severity: 'error',
      from: { path: `^src/modules/${name}/` },
      to: { path: `^src/modules/(${higher.join('|')})/` },
    });
  }
}

module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|cli|app\\.ts|main\\.ts)' },
    },
    {
      name: 'modules-enter-through-index',
      comment: 'another module is used through its index.ts only',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'migrations-are-frozen',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
    exclude: { path: ['node_modules', '\\.test\\.ts$'] },
  },
};
