// The app in-process over a real PostgreSQL database, with a settable clock: no port.
import { pino } from 'pino';
import { buildHttpApp } from '../../src/app.js';
import { SettableClock } from '../../src/platform/clock.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { Db } from '../../src/platform/db/index.js';
import { systemActor, type Actor, type Deps, type Role } from '../../src/platform/usecase.js';
import { journalWriter } from '../../src/modules/audit/index.js';
import { addUser, createToken } from '../../src/modules/auth/index.js';
import {
  approveRelease,
  publishReleaseNow,
  publishShippedFigures,
} from '../../src/modules/publishing/index.js';
import { createTestDatabase } from './test-db.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestContext {
  app: Awaited<ReturnType<typeof buildHttpApp>>;
  deps: Deps;
  db: Db;
  url: string;
  clock: SettableClock;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const { db, url } = await createTestDatabase();
  const clock = new SettableClock('2024-03-15T06:00:00Z');
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PUBLIC: '0', JOBS_ENABLED: 'false', ...env });
  const deps: Deps = { db, clock, journal: journalWriter, logger: pino({ level: 'silent' }) };
  const app = await buildHttpApp(deps, config, 'test');
  return {
    app,
    deps,
    db,
    url,
    clock,
    config,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

export async function createOrganisation(db: Db, id: string, kind = 'authority'): Promise<void> {
  await db
    .insertInto('organisations')
    .values({
      id,
      kind,
      name_kk: id,
      name_ru: id,
      name_en: id,
      parent_id: null,
      origin: 'admin',
      created_at: new Date(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function createUser(t: TestContext, login: string, role: Role, organisationId = 'committee') {
  await createOrganisation(t.db, organisationId);
  return addUser(t.deps, systemActor('test'), {
    login,
    displayName: login,
    password: TEST_PASSWORD,
    role,
    organisationId,
  });
}

/** Signs in through the API; returns the cookie header and the CSRF token of the session. */
export async function signInAs(t: TestContext, login: string, password = TEST_PASSWORD) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zanstat_session');
  return {
    cookie: `zanstat_session=${cookie?.value}`,
    csrf: (res.json() as { csrfToken: string }).csrfToken,
  };
}

export async function tokenFor(t: TestContext, role: Role, organisationId = 'committee', validDays = 30) {
  await createOrganisation(t.db, organisationId);
  const r = await createToken(t.deps, systemActor('test'), {
    name: `${role} client`,
    organisationId,
    role,
    validDays,
  });
  return { authorization: `Bearer ${r.secret}`, id: r.token.id };
}

/** An editor of the tests, acting directly on the use cases. */
export const testEditor: Actor = {
  kind: 'user',
  id: 'test-editor',
  name: 'test editor',
  role: 'editor',
  organisationId: 'committee',
};

/** Approves the current figures of (form, period) and publishes them now, as an editor would. */
export async function publishNow(t: TestContext, form: string, period: string): Promise<void> {
  await approveRelease(t.deps, testEditor, {
    form,
    period,
    publishAt: t.clock.now().toISOString(),
    incompleteReason: 'test figures: not every region',
    defaultTime: '10:00',
  });
  await publishReleaseNow(t.deps, testEditor, { form, period });
}

/** Publishes the loaded shipped figures, as the loading job does after it loads them. */
export async function publishShipped(t: TestContext) {
  return publishShippedFigures(t.deps, systemActor('statistics.load-official-figures'), undefined);
}
