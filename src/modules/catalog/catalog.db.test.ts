import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/usecase.js';
import { createTestApp, tokenFor, type TestContext } from '../../../test/support/test-app.js';
import { builtInCatalogDir, currentCatalog, loadCatalogFolders } from './index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = async (url: string) => {
  const res = await t.app.inject(url);
  return {
    status: res.statusCode,
    body: res.json() as Record<string, unknown> & {
      items: Record<string, unknown>[];
      notices: Record<string, unknown>[];
    },
  };
};

describe('the catalogue API, as in force on a day', () => {
  it.each([
    ['/api/v1/forms', 26],
    ['/api/v1/datasets', 29],
    ['/api/v1/collections', 6],
  ])('%s?on=2019-09-01 lists %i entries; none on 2018-01-01', async (url, n) => {
    const on = await get(`${url}?on=2019-09-01`);
    expect(on.status).toBe(200);
    expect(on.body.items).toHaveLength(n);
    expect(on.body.notices).toEqual([]);
    expect((await get(`${url}?on=2018-01-01`)).body.items).toEqual([]);
  });

  it('on 2024-01-01 the same lists, marked as coming from repealed acts with no replacement', async () => {
    const forms = await get('/api/v1/forms?on=2024-01-01');
    expect(forms.body.items).toHaveLength(26);
    expect(forms.body.notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          act: 'o25-2019',
          replacementLoaded: false,
          repealedBy: expect.objectContaining({ number: '1' }),
        }),
      ]),
    );
    const datasets = await get('/api/v1/datasets?on=2024-01-01');
    expect(datasets.body.items).toHaveLength(29);
    expect(datasets.body.notices.map((n) => n.act)).toContain('o84-2019');
  });

  it('gives collections with their recipients, unresolved columns kept as such', async () => {
    const { body } = await get('/api/v1/collections?on=2019-09-01');
    const recipients = body.items.flatMap((c) => c.recipients as { status: string }[]);
    expect(recipients.length).toBeGreaterThan(6);
    expect(recipients.some((r) => r.status === 'unresolved')).toBe(true);
  });

  it.each([
    ['1-М', '1-М'],
    ['1-m', '1-М'],
    ['1-M', '1-М'],
    ['%E2%84%961-%D0%9C', '1-М'], // "№1-М"
    ['1-%D0%9E%D0%9B', '1-ТӨ'], // the Russian alias 1-ОЛ
  ])('finds form %s', async (code, expected) => {
    const res = await get(`/api/v1/forms/${code}?on=2019-09-01&lang=ru`);
    expect(res.status).toBe(200);
    expect((res.body.item as { code: string; title: string }).code).toBe(expected);
    expect(typeof (res.body.item as { title: string }).title).toBe('string');
  });

  it('localises a region by the name it had that day', async () => {
    const title = async (on: string) =>
      (
        (await get(`/api/v1/regions?on=${on}&lang=ru`)).body.items.find((r) => r.id === '71') as {
          title: string;
        }
      ).title;
    expect(await title('2019-01-01')).toBe('город Астана');
    expect(await title('2020-06-01')).toBe('город Нур-Султан');
    expect(await title('2024-01-01')).toBe('город Астана');
    const regions = (await get('/api/v1/regions?on=2024-01-01')).body.items.map((r) => r.id);
    expect(regions).toEqual(expect.arrayContaining(['00', '10', '33', '62', '79']));
  });

  it.each([
    ['/api/v1/forms?on=2024-13-01', '/query/on'],
    ['/api/v1/forms?on=yesterday', '/query/on'],
    ['/api/v1/forms?lang=de', '/query/lang'],
    ['/api/v1/forms?colour=red', '/query/colour'],
  ])('%s → 422 naming %s', async (url, pointer) => {
    const res = await get(url);
    expect(res.status).toBe(422);
    expect((res.body.errors as { pointer: string }[]).map((e) => e.pointer)).toContain(pointer);
  });

  it('an unknown form → 404; a form not yet in force → 404 saying so', async () => {
    expect((await get('/api/v1/forms/9-Z')).body).toMatchObject({ status: 404, code: 'form_not_found' });
    expect((await get('/api/v1/forms/1-m?on=2018-01-01')).body).toMatchObject({
      status: 404,
      detail: 'Form "1-m" in use on 2018-01-01 not found',
    });
  });
});

describe('a new act as data, with no code change', () => {
  it('a replacing act loaded from a folder changes the lists from its date', async () => {
    const own = await createTestApp();
    try {
      const fixture = path.resolve('src/modules/catalog/fixtures/replacing-act');
      const r = await loadCatalogFolders(own.deps, systemActor('test'), {
        dirs: [builtInCatalogDir, fixture],
      });
      expect(r.added).toBeGreaterThan(0);
      const forms = async (on: string) =>
        (await own.app.inject(`/api/v1/forms?on=${on}`)).json() as {
          items: { code: string; obligations: { dueDay: number; channel: string }[] }[];
          notices: unknown[];
        };
      expect((await forms('2021-01-24')).items).toHaveLength(26);
      const after = await forms('2021-02-01');
      expect(after.items.length).toBeLessThan(26);
      expect(after.notices).toEqual([]);
      const oneM = after.items.find((f) => f.code === '1-М')!;
      expect(oneM.obligations.find((o) => o.channel === 'information-service')?.dueDay).toBe(8);
      const journal = await own.db
        .selectFrom('journal')
        .selectAll()
        .where('action', '=', 'catalog.entries.loaded')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(journal).toMatchObject({
        actor_kind: 'system',
        summary: expect.objectContaining({ added: r.added }),
      });
      // Loading the same folders again changes nothing and writes nothing.
      const again = await loadCatalogFolders(own.deps, systemActor('test'), {
        dirs: [builtInCatalogDir, fixture],
      });
      expect(again).toMatchObject({ added: 0, changed: 0 });
    } finally {
      await own.close();
    }
  });
});

describe("the government's transfers of days off, stored by an admin", () => {
  const decree2027 = {
    year: 2027,
    status: 'decreed',
    decrees: [
      {
        number: '999',
        year: 2026,
        issuer: 'Government (made up for a test)',
        title: 'О переносе дней отдыха в 2027 году',
      },
    ],
    // Saturday 9 January 2027 made a working day, for Friday 8 January.
    transfers: [{ workingDay: '2027-01-09', dayOff: '2027-01-08', decree: '999' }],
    source: 'test',
    confidence: 'high',
  };

  it('refuses an invalid document naming where, and keeps an admin entry over a file load', async () => {
    const admin = await tokenFor(t, 'admin');
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/calendar/transfers/2027',
      headers: admin,
      payload: { year: 2027, colour: 'red' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: 'invalid_input',
      errors: expect.arrayContaining([
        expect.objectContaining({ pointer: expect.stringMatching(/^\/body/) }),
      ]),
    });
    const editor = await tokenFor(t, 'editor');
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/v1/admin/calendar/transfers/2027',
          headers: editor,
          payload: decree2027,
        })
      ).statusCode,
    ).toBe(403);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/calendar/transfers/2027',
      headers: admin,
      payload: decree2027,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const reload = await loadCatalogFolders(t.deps, systemActor('test'), { dirs: [builtInCatalogDir] });
    expect(reload).toMatchObject({ added: 0, changed: 0 });
    const stored = await t.db
      .selectFrom('catalog_entries')
      .selectAll()
      .where('kind', '=', 'calendar')
      .where('id', '=', 'transfers/2027.yaml')
      .executeTakeFirstOrThrow();
    expect(stored.origin).toBe('admin');
    const day = await t.app.inject('/api/v1/calendar/2027');
    const days = (day.json() as { days: { date: string; working: boolean }[] }).days;
    expect(days.find((d) => d.date === '2027-01-09')?.working).toBe(true);
    expect(days.find((d) => d.date === '2027-01-08')?.working).toBe(false);
  });
});

describe('the catalogue in use, cached', () => {
  it('is read once per revision: a transaction reuses the snapshot its pool filled', async () => {
    const pooled = await currentCatalog(t.db);
    expect(await currentCatalog(t.db)).toBe(pooled);
    await t.db.transaction().execute(async (trx) => {
      expect(await currentCatalog(trx)).toBe(pooled);
    });
  });

  it('does not keep what a transaction read and then rolled back', async () => {
    const before = await currentCatalog(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`UPDATE catalog_state SET revision = revision + 1`.execute(trx);
        const inside = await currentCatalog(trx);
        expect(inside.revision).toBe(before.revision + 1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await currentCatalog(t.db)).toBe(before);
  });
});
