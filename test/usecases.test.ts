// Authorization you cannot forget: every use case exported by a module checks its policy before
// it touches anything. This walks every module's public surface.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettableClock } from '../src/platform/clock.js';
import { DomainError } from '../src/platform/errors/index.js';
import { anonymousActor, type Deps } from '../src/platform/usecase.js';

const modulesDir = path.resolve('src/modules');
const moduleNames = fs
  .readdirSync(modulesDir)
  .filter((m) => fs.existsSync(path.join(modulesDir, m, 'index.ts')));

interface UseCaseLike {
  (deps: Deps, actor: unknown, input: unknown): Promise<unknown>;
  useCaseName: string;
  kind: string;
  policy: ((...a: unknown[]) => boolean) & { isPublic?: true };
}

const untouchable = new Proxy(
  {},
  {
    get(_t, prop) {
      throw new Error(`a use case touched deps.${String(prop)} before its policy ran`);
    },
  },
) as never;
const deps: Deps = {
  db: untouchable,
  journal: untouchable,
  logger: untouchable,
  clock: new SettableClock('2024-01-01T00:00:00Z'),
};

const useCases: [string, UseCaseLike][] = [];
for (const name of moduleNames) {
  const surface = (await import(path.join(modulesDir, name, 'index.ts'))) as Record<string, unknown>;
  for (const [exported, v] of Object.entries(surface)) {
    if (typeof v === 'function' && 'useCaseName' in v)
      useCases.push([`${name}.${exported}`, v as UseCaseLike]);
  }
}

describe('every exported use case', () => {
  it.each(useCases)('%s checks its policy before anything else', async (_exported, uc) => {
    expect(['query', 'command']).toContain(uc.kind);
    expect(typeof uc.policy).toBe('function');
    if (uc.policy.isPublic) return;
    const refused = await uc(deps, anonymousActor, {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused, `${uc.useCaseName} let the anonymous actor in`).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('unauthenticated');
  });
});

it('finds the modules with use cases', () => {
  expect(moduleNames).toEqual(expect.arrayContaining(['audit', 'auth']));
  expect(useCases.length).toBeGreaterThan(10);
});
