// The open-data catalogue over the real database, as a CKAN client sees it: a harvester pages the
// whole catalogue, reads every dataset and follows every resource; the DataStore's rows equal the
// published table; a revision makes new versions within one job run, journaled; errors in CKAN's
// envelope, each naming its argument.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, type TestContext } from '../../../test/support/test-app.js';
import { appWithPublishedFixture, fixtureR1 } from '../../../test/support/fixture-figures.js';
import { action, harvest, type Fetch } from '../../../test/support/ckan-harvester.js';
import { publishDue } from '../publishing/index.js';
import { systemActor } from '../../platform/usecase.js';
import { rebuildResources } from './index.js';
import { loadShippedLists } from '../registers/index.js';

let t: TestContext;
let editor: { authorization: string };
const DATASET = 'inspection-appointment-acts'; // Order 84, item 5: made from form 1-П

const fetch: Fetch = async (url, init = {}) => {
  const res = await t.app.inject({
    method: (init.method ?? 'GET') as 'GET',
    url,
    ...(init.json !== undefined ? { payload: init.json as object } : {}),
  });
  return { status: res.statusCode, headers: res.headers as Record<string, string>, body: res.rawPayload };
};
const get = async (path: string) => {
  const res = await t.app.inject(path);
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
};

beforeAll(async () => {
  ({ t } = await appWithPublishedFixture());
  await loadShippedLists(t.deps);
  // The lists are known from their capture (2025-03-26): the catalogue is read a year on.
  t.clock.set('2025-04-01T06:00:00Z');
  editor = await tokenFor(t, 'editor');
  const built = (await rebuildResources(t.deps)).built;
  expect(built).toHaveLength(6);
  expect(built).toEqual(
    expect.arrayContaining([
      { dataset: 'prosecution-bodies-structure', periods: [] },
      { dataset: DATASET, periods: ['2023-Q1', '2024-Q1'] },
      { dataset: 'extremist-religious-materials', periods: [] },
      { dataset: 'terrorist-organisations', periods: [] },
      { dataset: 'extremist-organisations', periods: [] },
      { dataset: 'terrorist-materials', periods: [] },
    ]),
  );
});
afterAll(async () => t.close());

describe('a harvester reads the whole catalogue', () => {
  it('pages every dataset, reads each, and every resource is served with its size and hash', async () => {
    expect(JSON.parse((await fetch('/api/3')).body.toString())).toEqual({ version: 3 });
    const h = await harvest(fetch, 7);
    expect(h.problems).toEqual([]);
    expect(h.count).toBe(29);
    expect(h.packages.map((p) => p.name)).toContain(DATASET);
    const pkg = h.packages.find((p) => p.name === DATASET)!;
    expect(pkg.resources.map((r) => r.format)).toEqual([
      'CSV',
      'CSV',
      'XLSX',
      'JSON-stat',
      'CSV',
      'XLSX',
      'JSON-stat',
    ]);
    expect(pkg.resources[0]!.datastore_active).toBe(true);
    expect(pkg.metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    expect(pkg.extras.find((e) => e.key === 'title_ru')?.value).toMatch(/проверок|провер/i);
  });

  it("finds that the DataStore's rows of a form's dataset equal its published table", async () => {
    const shown = await action<{ resources: { id: string; datastore_active: boolean }[] }>(
      fetch,
      'package_show',
      {
        id: DATASET,
      },
    );
    const store = shown.result.resources.find((r) => r.datastore_active)!;
    for (const period of ['2023-Q1', '2024-Q1']) {
      const table = (await get(`/api/v1/forms/1-p/tables/${period}?section=R1`)).body as {
        graphs: { n: number }[];
        rows: { code: string }[];
        columns: { breakdown: string; values: Record<string, (number | null)[]> }[];
      };
      const rows = await action<{
        records: { region: string; row_code: string; graph: number; value: number | null }[];
        total: number;
      }>(fetch, 'datastore_search', { resource_id: store.id, filters: { period }, limit: 32000 });
      expect(rows.success).toBe(true);
      const expected = table.columns.flatMap((c) =>
        table.rows.flatMap((r) =>
          table.graphs.map((g, i) => `${c.breakdown}|${r.code}|${g.n}|${c.values[r.code]?.[i] ?? null}`),
        ),
      );
      expect(rows.result.records.map((r) => `${r.region}|${r.row_code}|${r.graph}|${r.value}`)).toEqual(
        expected,
      );
      expect(rows.result.total).toBe(expected.length);
      // Order 25, para 2, item 10: the official-use row 4 is in no public table and no DataStore row.
      expect(rows.result.records.some((r) => r.row_code === '4')).toBe(false);
    }
  });
});

describe('the lists as DataStore resources', () => {
  const storeOf = async (name: string) =>
    (
      await action<{ resources: { id: string; datastore_active: boolean }[] }>(fetch, 'package_show', {
        id: name,
      })
    ).result.resources.find((r) => r.datastore_active)!.id;

  it('serves each register of banned organisations and materials with its count as published', async () => {
    for (const [name, count] of [
      ['terrorist-organisations', 17],
      ['extremist-organisations', 8],
      ['terrorist-materials', 186],
      ['extremist-religious-materials', 877],
    ] as const) {
      const info = await action<{ meta: { count: number }; fields: { id: string }[] }>(
        fetch,
        'datastore_info',
        { id: await storeOf(name) },
      );
      expect(info.result.meta.count).toBe(count);
      expect(info.result.fields.map((f) => f.id)).toContain('name_ru');
    }
    const found = await action<{ records: { name_ru: string; decision: string }[]; total: number }>(
      fetch,
      'datastore_search',
      {
        resource_id: await storeOf('extremist-organisations'),
        q: 'Таблиги',
      },
    );
    expect(found.result.total).toBe(1);
    expect(found.result.records[0]).toMatchObject({
      name_ru: expect.stringContaining('Таблиги'),
      decision: 'not in the source',
    });
    const bad = await action(fetch, 'datastore_search', {
      resource_id: await storeOf('terrorist-organisations'),
      sort: 'colour',
    });
    expect(bad).toMatchObject({ success: false, error: { __type: 'Validation Error' } });
  });

  it('gives the structure of the prosecution bodies from the catalogue, inventing no address', async () => {
    const rows = await action<{ records: Record<string, unknown>[]; fields: { id: string }[] }>(
      fetch,
      'datastore_search',
      {
        resource_id: await storeOf('prosecution-bodies-structure'),
        filters: { kind: 'territorial-body' },
        limit: 1000,
      },
    );
    expect(rows.result.records.length).toBeGreaterThan(15);
    expect(rows.result.fields.map((f) => f.id)).not.toContain('address');
  });
});

describe('package_search as CKAN takes it', () => {
  const search = async (args: Record<string, unknown>) =>
    await action<{
      count: number;
      results: { name: string }[];
      facets: Record<string, Record<string, number>>;
      search_facets: object;
    }>(fetch, 'package_search', args);

  it.each([
    ['Russian words', { q: 'уголовных правонарушений' }, 'registered-criminal-offences'],
    ['Kazakh words', { q: 'құқық бұзушылықтар' }, 'registered-criminal-offences'],
    ['English words', { q: 'inspection' }, DATASET],
    ['another form of a Russian word', { q: 'проверки' }, DATASET],
    ['another form of a Kazakh word', { q: 'тексерулер' }, DATASET],
    ['a field', { q: 'tags:1-П' }, DATASET],
    ['a quoted phrase', { q: 'title:"1-М"' }, 'registered-criminal-offences'],
    ['a filter query', { fq: 'res_format:XLSX' }, DATASET],
    ['a date range', { q: 'metadata_modified:[2025-01-01T00:00:00Z TO *]' }, DATASET],
  ])('finds by %s', async (_what, args, name) => {
    const r = await search(args);
    expect(r.success).toBe(true);
    expect(r.result.results.map((p) => p.name)).toContain(name);
  });

  it('excludes, clamps rows at 1,000, sorts and counts facets', async () => {
    expect((await search({ q: '-res_format:XLSX', rows: 100 })).result.count).toBe(28);
    expect((await search({ fq: 'groups:registers', rows: 100 })).result.count).toBe(5);
    const all = await search({
      rows: 5000,
      sort: 'name desc',
      'facet.field': '["organization","res_format","tags"]',
      'facet.limit': 3,
    });
    expect(all.result.count).toBe(29);
    expect(all.result.results).toHaveLength(29);
    expect(all.result.results[0]!.name > all.result.results[1]!.name).toBe(true);
    expect(all.result.facets.res_format).toEqual({ CSV: 6, XLSX: 1, 'JSON-stat': 1 });
    expect(Object.keys(all.result.facets.tags!)).toHaveLength(3);
    // GET with list arguments as JSON text, as CKAN takes them
    const viaGet = JSON.parse(
      (await fetch('/api/action/package_search?q=inspection&facet.field=%5B%22groups%22%5D')).body.toString(),
    );
    expect(viaGet.result.facets.groups).toEqual({ 'statistical-reports': 1 });
  });
});

describe("errors in CKAN's envelope", () => {
  it.each([
    ['an unknown action', '/api/3/action/package_delete?id=x', 400, 'Bad request'],
    ['an unknown dataset', '/api/3/action/package_show?id=nothing', 404, 'Not Found Error'],
    ['a missing argument', '/api/3/action/package_show', 409, 'Validation Error'],
    [
      'malformed filters',
      '/api/3/action/datastore_search?resource_id=RID&filters=%7Bregion',
      409,
      'Validation Error',
    ],
    [
      'an unknown sort field',
      '/api/3/action/datastore_search?resource_id=RID&sort=colour',
      409,
      'Validation Error',
    ],
    [
      'an unknown field',
      '/api/3/action/datastore_search?resource_id=RID&fields=colour',
      409,
      'Validation Error',
    ],
    [
      'a limit out of range',
      '/api/3/action/datastore_search?resource_id=RID&limit=99999',
      409,
      'Validation Error',
    ],
    ['an unknown search field', '/api/3/action/package_search?q=colour:red', 409, 'Search Query Error'],
    ['an unknown sort', '/api/3/action/package_search?sort=size%20asc', 409, 'Search Query Error'],
  ])('%s', async (_what, url, status, type) => {
    const shown = await action<{ resources: { id: string; datastore_active: boolean }[] }>(
      fetch,
      'package_show',
      { id: DATASET },
    );
    const rid = shown.result.resources.find((r) => r.datastore_active)!.id;
    const res = await t.app.inject(url.replace('RID', rid));
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json();
    expect(body).toMatchObject({ success: false, error: { __type: type } });
    expect(body.help).toMatch(/\/api\/3\/action\/help_show\?name=/);
    expect(body.error.message).toBeTruthy();
  });

  it('answers JSONP with callback=, and help_show for every action', async () => {
    const res = await t.app.inject('/api/3/action/site_read?callback=cb');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toMatch(/^cb\(\{"help":.*"success":true,"result":true\}\);$/);
    const help = JSON.parse((await fetch('/api/3/action/help_show?name=datastore_search')).body.toString());
    expect(help.result).toMatch(/resource_id/);
  });
});

describe('a revision', () => {
  it('makes new versions of the resources and of the DataStore within one job run, journaled', async () => {
    const before = await action<{
      metadata_modified: string;
      resources: { id: string; period: string; hash: string; version: number }[];
    }>(fetch, 'package_show', { id: DATASET });
    t.clock.advance(2 * 86_400_000);
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: editor,
      payload: {
        form: '1-p',
        period: '2024-Q1',
        breakdown: '10',
        values: fixtureR1(5),
        reason: 'a late register entry',
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const revised = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/releases/1-p/2024-Q1/revise',
      headers: editor,
      payload: { reason: 'Region 10 corrected a late register entry.' },
    });
    expect(revised.statusCode, revised.body).toBe(200);
    await publishDue(t.deps, systemActor('publishing.publisher'), undefined);
    expect((await rebuildResources(t.deps)).built).toEqual([{ dataset: DATASET, periods: ['2024-Q1'] }]);
    const after = await action<typeof before.result>(fetch, 'package_show', { id: DATASET });
    expect(after.result.metadata_modified > before.result.metadata_modified).toBe(true);
    const q1 = (r: typeof before) => r.result.resources.filter((x) => x.period === '2024-Q1');
    expect(q1(after).map((r) => r.version)).toEqual([2, 2, 2]);
    expect(q1(after).map((r) => r.hash)).not.toEqual(q1(before).map((r) => r.hash));
    const store = after.result.resources.find((r) => r.period === null)!;
    const rows = await action<{ records: { value: number; status: string }[] }>(fetch, 'datastore_search', {
      resource_id: store.id,
      filters: { period: '2024-Q1', region: '10', row_code: '1', graph: 1 },
    });
    expect(rows.result.records).toEqual([expect.objectContaining({ value: 50, status: 'revised' })]);
    const journal = await t.db
      .selectFrom('journal')
      .select('summary')
      .where('action', '=', 'opendata.resources.built')
      .where('object_id', '=', DATASET)
      .orderBy('seq')
      .execute();
    expect(journal).toHaveLength(2);
    expect(JSON.stringify(journal[1]!.summary)).toContain('a publication was revised');
    // Nothing to build when nothing changed.
    expect((await rebuildResources(t.deps)).built).toEqual([]);
  });
});
