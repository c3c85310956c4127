// The totals of datastore_search kept per resource version (docs/decisions/0019), over the real
// database: a version's total is counted once and read after; a new version's rows are counted
// anew; the same search without a version is always counted; a total read in a transaction is not
// kept.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.js';
import { datastoreCount, datastoreSearch } from './opendata.datastore.js';

let t: TestContext;
const RESOURCE = '00000000-0000-4000-8000-0000000000d5';

async function addRows(period: string, regions: number) {
  await sql`
    INSERT INTO od_datastore (resource_id, period, region, row_code, graph, period_start, region_name,
                              row_label, graph_label, value, status)
    SELECT ${RESOURCE}::uuid, ${period}, lpad((10 + r)::text, 2, '0'), g_row::text, 1, DATE '2024-01-01',
           'Region ' || r, 'Row ' || g_row || ' appeal', 'Graph 1', g_row, 'published'
    FROM generate_series(0, ${regions - 1}) r, generate_series(1, 5) g_row`.execute(t.db);
}

beforeAll(async () => {
  t = await createTestApp();
  await t.db
    .insertInto('od_resources')
    .values({
      id: RESOURCE,
      dataset: 'totals-test',
      key: 'datastore',
      period: null,
      format: 'CSV',
      position: 0,
      created_at: new Date(),
    })
    .execute();
  await addRows('2024-01', 4); // 20 rows
});
afterAll(async () => t.close());

describe('the totals of datastore_search', () => {
  it('counts a version once, a new version anew, and a search without a version every time', async () => {
    const byRegion = { filters: { region: ['10', '11'] }, limit: 1 };
    const byWord = { q: 'appeal', limit: 1 };
    expect((await datastoreSearch(t.db, RESOURCE, byRegion, '1')).total).toBe(10);
    expect((await datastoreSearch(t.db, RESOURCE, byWord, '1')).total).toBe(20);
    expect(await datastoreCount(t.db, RESOURCE, '1')).toBe(20);

    // New rows come with a new version (as a rebuild makes them, in one transaction).
    await addRows('2024-02', 2); // 10 more: 5 of region 10, 5 of region 11
    expect((await datastoreSearch(t.db, RESOURCE, byRegion, '2')).total).toBe(20);
    expect((await datastoreSearch(t.db, RESOURCE, byWord, '2')).total).toBe(30);
    expect(await datastoreCount(t.db, RESOURCE, '2')).toBe(30);
    expect((await datastoreSearch(t.db, RESOURCE, byWord)).total).toBe(30);
    // The first version's total was counted once and is read as it was counted.
    expect((await datastoreSearch(t.db, RESOURCE, byWord, '1')).total).toBe(20);
    // Another page of the same search reads the same total; other filters are counted.
    expect((await datastoreSearch(t.db, RESOURCE, { ...byRegion, offset: 3 }, '2')).total).toBe(20);
    expect((await datastoreSearch(t.db, RESOURCE, { filters: { period: '2024-02' } }, '2')).total).toBe(10);
  });

  it('does not keep a total counted inside a transaction', async () => {
    const search = { filters: { region: '12' }, limit: 1 };
    await t.db.transaction().execute(async (trx) => {
      await addRows('2024-03', 3); // outside the transaction: 5 more of region 12
      expect((await datastoreSearch(trx, RESOURCE, search, '3')).total).toBe(10);
    });
    await addRows('2024-04', 3);
    expect((await datastoreSearch(t.db, RESOURCE, search, '3')).total).toBe(15);
  });
});
