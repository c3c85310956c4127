// The register of persons (Order 84, item 23; docs/decisions/0011) over the real database: found
// by a whole full name only, every search journaled with the address; a listing, a partial name
// and a wildcard refused; no DataStore, no resource, no download; staff add and remove entries
// with their decisions; demonstration entries marked fictional and switchable off; a sweep from
// one address is cut off by the rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, tokenFor, type TestContext } from '../../../test/support/test-app.js';
import { anonymousActor } from '../../platform/usecase.js';
import { rebuildResources } from '../opendata/index.js';
import { PERSONS_REGISTER, searchPersons } from './index.js';

let t: TestContext;
let editor: { authorization: string };
const DEMO = 'Демонстрационов Вымысел Тестович';
const search = (fullName: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({
    url: `/api/v1/registers/${PERSONS_REGISTER}/search?fullName=${encodeURIComponent(fullName)}`,
    remoteAddress,
  });
const journal = (action: string) =>
  t.db.selectFrom('journal').selectAll().where('action', '=', action).orderBy('seq').execute();

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PUBLIC: '600', RATE_LIMIT_PERSONS_SEARCH: '5' });
  editor = await tokenFor(t, 'editor');
});
afterAll(async () => t.close());

describe('the register of persons', () => {
  it('finds a demonstration entry by its full name, marked fictional, and journals the search', async () => {
    const res = await search('  демонстрационов  ВЫМЫСЕЛ тестович ', '10.0.0.1');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { found: { fullName: string; fictional: boolean; id: number | null }[] };
    expect(body.found).toEqual([expect.objectContaining({ fullName: DEMO, fictional: true, id: null })]);
    const [entry] = await journal('registers.person.searched');
    expect(entry).toMatchObject({ object_id: PERSONS_REGISTER, client_address: '10.0.0.1' });
    expect(entry!.summary).toMatchObject({ found: 1, fictional: 1 });
    expect(JSON.stringify(entry!.summary)).not.toMatch(/вымысел/i);
  });

  it.each([
    ['a surname alone', 'Демонстрационов'],
    ['a wildcard', 'Демонстрационов *'],
    ['a LIKE pattern', 'Демон% Вымысел'],
    ['initials', 'Демонстрационов В. Т.'],
  ])('refuses %s: a partial-name sweep', async (_what, name) => {
    const res = await search(name, '10.0.0.2');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'full_name_required' });
  });

  it('finds nothing by a part of a full name', async () => {
    const res = await search('Демонстрационов Вымысел', '10.0.0.3');
    expect((res.json() as { found: unknown[] }).found).toEqual([]);
  });

  it('is never listed, has no resource, no DataStore and no download', async () => {
    const list = await t.app.inject(`/api/v1/registers/${PERSONS_REGISTER}`);
    expect(list.statusCode).toBe(404);
    await rebuildResources(t.deps);
    const pkg = (await t.app.inject(`/api/3/action/package_show?id=${PERSONS_REGISTER}`)).json() as {
      result: { resources: unknown[]; num_resources: number };
    };
    expect(pkg.result.resources).toEqual([]);
    const dcat = (await t.app.inject('/catalog.ttl')).body;
    const at = dcat.indexOf(`/dataset/${PERSONS_REGISTER}`);
    expect(at).toBeGreaterThan(-1);
    expect(dcat).not.toContain(`/dataset/${PERSONS_REGISTER}/resource/`);
  });

  it('takes entries added and removed by staff with their decisions, journaled', async () => {
    const add = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/registers/${PERSONS_REGISTER}/entries`,
      headers: editor,
      payload: {
        fullName: 'Тестов Пример Примерович',
        birthYear: 1970,
        criminalCodeArticles: '122',
        judgmentInForceOn: '2023-01-10',
        court: 'Test court',
        decision: { kind: 'judgment', reference: 'T-1/2023', date: '2022-12-20' },
      },
    });
    expect(add.statusCode, add.body).toBe(201);
    const { id } = add.json() as { id: number };
    const found = (await search('Тестов Пример Примерович', '10.0.0.4')).json() as {
      found: { id: number; fictional: boolean; decision: { reference: string } }[];
    };
    expect(found.found).toEqual([
      expect.objectContaining({
        id,
        fictional: false,
        decision: expect.objectContaining({ reference: 'T-1/2023' }),
      }),
    ]);

    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/registers/${PERSONS_REGISTER}/entries`,
      headers: editor,
      payload: {
        fullName: 'Тестов Другой Примерович',
        criminalCodeArticles: '105',
        judgmentInForceOn: '2023-01-10',
        court: 'Test court',
        decision: { kind: 'judgment', reference: 'T-2/2023', date: 'yesterday' },
      },
    });
    expect(bad.statusCode).toBe(422);
    const pointers = (bad.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/body/criminalCodeArticles', '/body/decision/date']));

    const removal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/registers/${PERSONS_REGISTER}/entries/${id}/removal`,
      headers: editor,
      payload: { decision: { kind: 'appeal ruling', reference: 'A-7/2024', date: '2024-02-01' } },
    });
    expect(removal.statusCode, removal.body).toBe(200);
    const after = (await search('Тестов Пример Примерович', '10.0.0.4')).json() as { found: unknown[] };
    expect(after.found).toEqual([]);
    expect(await journal('registers.person.added')).toHaveLength(1);
    expect(await journal('registers.person.removed')).toEqual([
      expect.objectContaining({ object_id: String(id) }),
    ]);

    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/registers/${PERSONS_REGISTER}/entries/${id}/removal`,
      payload: { decision: { kind: 'x', reference: 'y', date: '2024-02-01' } },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('finds no demonstration entry when they are switched off', async () => {
    const out = await searchPersons(t.deps, anonymousActor, { fullName: DEMO, demonstration: false });
    expect(out.found).toEqual([]);
  });

  it('cuts off a sweep of names from one address with the rate limit', async () => {
    const codes = [];
    for (let i = 0; i < 7; i++)
      codes.push((await search(`Демонстрационов Вымысел Тестович`, '10.0.0.99')).statusCode);
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(codes.slice(5)).toEqual([429, 429]);
  });
});
