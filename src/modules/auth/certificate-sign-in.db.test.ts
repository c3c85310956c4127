import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/usecase.js';
import {
  createTestPki,
  REFUSED_CASES,
  type TestCases,
  type TestPki,
  type TestSigner,
} from '../../../test/support/pki.js';
import { createOrganisation, createTestApp, type TestContext } from '../../../test/support/test-app.js';
import { jobsOf } from '../../app.js';
import { addUser } from './index.js';

const IIN = '900101300123';
const EMPLOYEE_IIN = '850412400567';
const BIN = '010140003594';
let t: TestContext;
let pki: TestPki;
let cases: TestCases;
let dir: string;

beforeAll(async () => {
  pki = await createTestPki({ at: new Date('2024-03-15T06:00:00Z') });
  cases = await pki.cases(IIN);
  dir = await mkdtemp(join(tmpdir(), 'zanstat-signin-'));
  const trust = await pki.writeTrust(dir);
  t = await createTestApp(trust.env);
  await createOrganisation(t.db, 'committee');
  const user = { password: 'a long enough passphrase', organisationId: 'committee' };
  await addUser(t.deps, systemActor('test'), {
    ...user,
    login: 'aigul',
    displayName: 'Айгүл',
    role: 'admin',
    iin: IIN,
  });
  await addUser(t.deps, systemActor('test'), {
    ...user,
    login: 'employee',
    displayName: 'Сотрудник',
    role: 'editor',
    iin: EMPLOYEE_IIN,
    bin: BIN,
  });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const challenge = async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/session/challenge' });
  expect(res.statusCode).toBe(200);
  return (res.json() as { challenge: string }).challenge;
};
const signIn = (payload: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/session/certificate', payload });
const lastRefusal = async () =>
  t.db
    .selectFrom('journal')
    .select(['summary'])
    .where('action', '=', 'auth.certificate.refused')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();

describe('certificate sign-in through the API', () => {
  it('signs in with a CMS over the challenge, and the session opens actor routes', async () => {
    const res = await signIn({ cms: cases.valid.signBase64(await challenge()) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ user: { login: 'aigul' } });
    const cookie = res.cookies.find((c) => c.name === 'zanstat_session');
    const users = await t.app.inject({
      url: '/api/v1/admin/users',
      headers: { cookie: `zanstat_session=${cookie?.value}` },
    });
    expect(users.statusCode).toBe(200);
    const started = await t.db
      .selectFrom('journal')
      .select(['summary'])
      .where('action', '=', 'auth.session.started')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(started.summary).toMatchObject({
      login: 'aigul',
      method: 'certificate',
      certificate: cases.valid.serialNumber.toLowerCase(),
    });
  });

  it('takes a detached signature with its challenge', async () => {
    const text = await challenge();
    const res = await signIn({ cms: cases.valid.signBase64(text, { detached: true }), challenge: text });
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each(REFUSED_CASES)(
    'refuses the %s certificate (%s), journaled with its reason and IIN',
    async (name, reason) => {
      const res = await signIn({ cms: cases[name].signBase64(await challenge()) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: `certificate_${reason.replaceAll('-', '_')}` });
      expect(res.cookies).toHaveLength(0);
      expect((await lastRefusal()).summary).toMatchObject({ reason, iin: IIN });
    },
  );

  it('refuses an unknown IIN, a challenge used twice or never issued, and another organisation', async () => {
    const stranger = await pki.issue({ iin: '111111111111' });
    const refusedAs = async (signer: TestSigner, text: string, reason: string) => {
      const res = await signIn({ cms: signer.signBase64(text) });
      expect(res.statusCode).toBe(401);
      expect((await lastRefusal()).summary).toMatchObject({ reason });
    };
    await refusedAs(stranger, await challenge(), 'unknown-iin');
    const once = await challenge();
    expect((await signIn({ cms: cases.valid.signBase64(once) })).statusCode).toBe(200);
    await refusedAs(cases.valid, once, 'unknown-challenge');
    await refusedAs(cases.valid, 'zanstat-sign-in:made-up', 'unknown-challenge');
    const otherOrganisation = await pki.issue({ iin: EMPLOYEE_IIN, bin: '999999999999' });
    await refusedAs(otherOrganisation, await challenge(), 'wrong-organisation');
    const employee = await pki.issue({ iin: EMPLOYEE_IIN, bin: BIN, title: 'БАС МАМАН' });
    expect((await signIn({ cms: employee.signBase64(await challenge()) })).json()).toMatchObject({
      user: { login: 'employee' },
    });
  });

  it('a challenge expires after five minutes', async () => {
    const text = await challenge();
    t.clock.advance(5 * 60_000 + 1000);
    const res = await signIn({ cms: cases.valid.signBase64(text) });
    expect(res.statusCode).toBe(401);
    expect((await lastRefusal()).summary).toMatchObject({ reason: 'unknown-challenge' });
  });
});

describe('the job auth.purge-challenges', () => {
  it('deletes the challenges whose time has passed, keeps the live ones, journaled', async () => {
    const job = jobsOf(t.deps, t.config).find((j) => j.name === 'auth.purge-challenges')!;
    expect(job.cron).not.toBeNull();
    await t.db.deleteFrom('sign_in_challenges').execute();
    await challenge();
    const used = await challenge();
    expect((await signIn({ cms: cases.valid.signBase64(used) })).statusCode).toBe(200);
    t.clock.advance(4 * 60_000);
    await challenge(); // still live when the job runs
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('sign_in_challenges')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // table-driven on the injected clock: how many are left after each run
    for (const [advanceMs, purged, left] of [
      [0, 0, 3],
      [60_000 + 1000, 2, 1],
      [4 * 60_000, 1, 0],
      [0, 0, 0],
    ] as const) {
      t.clock.advance(advanceMs);
      expect(await job.run()).toEqual({ purged, failures: 0 });
      expect(await count()).toBe(left);
      const entry = await t.db
        .selectFrom('journal')
        .selectAll()
        .where('action', '=', 'auth.challenges.purged')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry).toMatchObject({
        actor_kind: 'system',
        actor_id: 'auth.purge-challenges',
        summary: { purged, failures: 0 },
      });
    }
  });
});
