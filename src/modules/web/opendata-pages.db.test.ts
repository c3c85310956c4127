// The open-data pages and the deadline watch over the real database on an injected clock: the
// catalogue with search and facets, a dataset's page (legal basis, due date, resources, preview,
// versions, curl and ckanapi), a register's page on a day and an entry's history; a late dataset
// shows as late on its page, on the staff schedule, under /api/v1/datasets/deadlines, in CKAN's
// extras and in /metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  publishNow,
  signInAs,
  tokenFor,
  type TestContext,
} from '../../../test/support/test-app.js';
import { loadFixtureStructures, submitFixtureR1 } from '../../../test/support/fixture-figures.js';
import { rebuildResources } from '../opendata/index.js';
import { loadShippedLists } from '../registers/index.js';

let t: TestContext;
const DATASET = 'inspection-appointment-acts'; // Order 84, item 5: made from form 1-П, quarterly

const page = async (url: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ url, headers });
  return { status: res.statusCode, body: res.body };
};
const lateGauge = async () => {
  const text = (await t.app.inject('/metrics')).body;
  return Number(/^zanstat_open_datasets_late (\d+)$/m.exec(text)?.[1]);
};
const deadlineOf = async (id: string) => {
  const res = await t.app.inject('/api/v1/datasets/deadlines');
  expect(res.statusCode).toBe(200);
  const body = res.json() as {
    datasets: { dataset: string; late: boolean; nextDue: { due: string } | null }[];
  };
  return {
    one: body.datasets.find((d) => d.dataset === id)!,
    late: body.datasets.filter((d) => d.late).length,
  };
};

beforeAll(async () => {
  t = await createTestApp({ LATE_FROM_PERIOD: '2024-01' });
  await loadFixtureStructures(t);
  const editor = await tokenFor(t, 'editor');
  await submitFixtureR1(t, editor, [
    ['2023-Q1', '10', 1],
    ['2024-Q1', '10', 2],
    ['2024-Q1', '11', 3],
  ]);
  await publishNow(t, '1-p', '2023-Q1');
  await publishNow(t, '1-p', '2024-Q1');
  await loadShippedLists(t.deps);
  await rebuildResources(t.deps);
  await createUser(t, 'od-editor', 'editor');
});
afterAll(async () => t.close());

describe('the deadline watch on an injected clock', () => {
  it('is not late on the due day of 2024-Q2 (22 July 2024, the 20th being a Saturday), and late the day after', async () => {
    t.clock.set('2024-07-22T06:00:00Z');
    const before = await deadlineOf(DATASET);
    expect(before.one).toMatchObject({ late: false, nextDue: { due: '2024-07-22', period: '2024-Q2' } });
    expect(await lateGauge()).toBe(before.late);
    expect((await page(`/en/datasets/${DATASET}`)).body).toContain('On time');

    t.clock.set('2024-07-23T06:00:00Z');
    const after = await deadlineOf(DATASET);
    expect(after.one).toMatchObject({ late: true, nextDue: { due: '2024-10-21', period: '2024-Q3' } });
    expect(after.late).toBe(before.late + 1);
    expect(await lateGauge()).toBe(after.late);

    const own = await page(`/en/datasets/${DATASET}`);
    expect(own.body).toContain('Late: period 2024-Q2 was due on 22 July 2024');

    const { cookie } = await signInAs(t, 'od-editor');
    const schedule = await page('/en/staff', { cookie });
    expect(schedule.status).toBe(200);
    const watch = schedule.body.slice(schedule.body.indexOf('id="open-data-watch"'));
    expect(watch).toContain(`/en/datasets/${DATASET}`);
    expect(watch).toContain('Late: period 2024-Q2');

    const pkg = (await t.app.inject(`/api/3/action/package_show?id=${DATASET}`)).json() as {
      result: { extras: { key: string; value: string }[] };
    };
    const extras = Object.fromEntries(pkg.result.extras.map((e) => [e.key, e.value]));
    expect(extras).toMatchObject({
      late: 'true',
      late_periods: '2024-Q2',
      next_due: '2024-10-21',
      deadline_rule: 'by-period',
    });
  });

  it('says a list updated as the information arrives has no due date and is never late', async () => {
    const { one } = await deadlineOf('terrorist-organisations');
    expect(one).toMatchObject({ late: false, nextDue: null, rule: 'on-arrival' });
  });
});

describe('the open-data pages', () => {
  it.each(['kk', 'ru', 'en'] as const)(
    'in %s: the catalogue finds the dataset by words and by a facet',
    async (lang) => {
      t.clock.set('2025-04-01T06:00:00Z');
      const all = await page(`/${lang}/datasets`);
      expect(all.status).toBe(200);
      expect(all.body).toContain(`/${lang}/datasets/${DATASET}`);
      const byFacet = await page(`/${lang}/datasets?res_format=XLSX`);
      expect(byFacet.body).toContain(`/${lang}/datasets/${DATASET}`);
      expect(byFacet.body).not.toContain(`/${lang}/datasets/terrorist-organisations"`);
      const none = await page(`/${lang}/datasets?q=zzzzqqq`);
      expect(none.body).not.toContain(`/${lang}/datasets/${DATASET}"`);
    },
  );

  it("shows a dataset's legal basis, resources, preview, versions and how to read it", async () => {
    const { body } = await page(`/en/datasets/${DATASET}`);
    expect(body).toContain('item 5 of the list');
    expect(body).toMatch(/<table id="preview">/);
    expect(body).toContain('/download/');
    expect(body).toContain('/datastore/dump/');
    expect(body).toContain(`ckanapi action package_show id=${DATASET}`);
    expect(body).toContain("curl 'http://localhost:8080/api/3/action/package_show");
    expect(body).toContain('Versions');
  });

  it("reads a register on a day, says 'not known' before its first day, and shows an entry's history", async () => {
    const now = await page('/en/registers/terrorist-organisations');
    expect(now.body).toMatch(/<table id="entries">/);
    const before = await page('/en/registers/terrorist-organisations?on=2020-01-01');
    expect(before.body).toContain('id="not-known"');
    const entry = await page('/en/registers/terrorist-organisations/entries/1');
    expect(entry.status).toBe(200);
    expect(entry.body).toMatch(/<table id="history">/);
    expect(entry.body).toContain('not in the source');
  });

  it('lists the datasets and the listed registers in the sitemap, not the register of persons', async () => {
    const { body } = await page('/sitemap.xml');
    expect(body).toContain(`<loc>http://localhost:8080/kk/datasets/${DATASET}</loc>`);
    expect(body).toContain('<loc>http://localhost:8080/ru/registers/terrorist-organisations</loc>');
    expect(body).not.toContain('/registers/persons-prosecuted');
  });
});
