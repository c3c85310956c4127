// Releases end to end over the real database: announced on the legal schedule, approved with an
// embargo that every public route keeps, published by the worker, revised with a public reason,
// served as cached bytes; illegal transitions refused with their codes.
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/usecase.js';
import { createTestApp, tokenFor, type TestContext } from '../../../test/support/test-app.js';
import { announceReleases, publishDue } from './index.js';
import { fixtureR1, loadFixtureStructures } from '../../../test/support/fixture-figures.js';

let t: TestContext;
let editor: { authorization: string };
const system = systemActor('publishing.publisher');

beforeAll(async () => {
  t = await createTestApp();
  await loadFixtureStructures(t);
  editor = await tokenFor(t, 'editor');
});
afterAll(async () => t.close());

const r1 = fixtureR1;
const submit = async (payload: object) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: editor, payload });
  expect(res.statusCode, res.body).toBe(201);
};
const staff = (action: string, period: string, payload: object = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/staff/releases/1-p/${period}/${action}`,
    headers: editor,
    payload,
  });
const publicTable = (period: string, query = 'section=R1') =>
  t.app.inject(`/api/v1/forms/1-p/tables/${period}?${query}`);
const journalActions = async (objectId: string) =>
  (
    await t.db
      .selectFrom('journal')
      .select('action')
      .where('object_id', '=', objectId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action);

describe('the release calendar', () => {
  it('announces the releases on the legal schedule, journaled once', async () => {
    const first = await announceReleases(t.deps, system, { horizonMonths: 12, lateFromPeriod: '2024-01' });
    expect(first.announced).toBeGreaterThan(26);
    expect(
      (await announceReleases(t.deps, system, { horizonMonths: 12, lateFromPeriod: '2024-01' })).announced,
    ).toBe(0);
    const res = await t.app.inject('/api/v1/releases?from=2024-04-01&to=2024-06-30&form=1-p');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      releases: { period: string; dueDate: string; status: string; act: string }[];
    };
    // 1-П for the first quarter of 2024 is due on the information service in April.
    expect(body.releases).toEqual([
      expect.objectContaining({ period: '2024-Q1', status: 'scheduled', act: expect.any(String) }),
    ]);
    expect(body.releases[0]!.dueDate.startsWith('2024-04')).toBe(true);
  });

  it('is an iCalendar feed that an iCalendar parser reads', async () => {
    const res = await t.app.inject('/api/v1/releases.ics?from=2024-01-01&to=2024-12-31&form=1-p');
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(res.body) as unknown[]);
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.map((e) => e.uid)).toContain('release.1-p.2024-Q1@localhost');
    expect(events.find((e) => e.uid.startsWith('release.1-p.2024-Q1'))!.summary).toMatch(/^1-П 2024-Q1/);
  });

  it('names a bad range', async () => {
    expect((await t.app.inject('/api/v1/releases?from=2024-13-01')).json()).toMatchObject({
      status: 422,
      errors: [{ pointer: '/query/from', code: 'invalid_date' }],
    });
    expect((await t.app.inject('/api/v1/releases?form=9-Z')).json()).toMatchObject({
      status: 422,
      errors: [{ pointer: '/query/form' }],
    });
  });
});

describe('a release from submission to publication', () => {
  it('shows nothing before approval, and refuses to approve an incomplete release without a reason', async () => {
    await submit({ form: '1-p', period: '2024-Q1', breakdown: '10', values: r1() });
    await submit({ form: '1-p', period: '2024-Q1', breakdown: '11', values: r1(2) });
    expect((await publicTable('2024-Q1')).json()).toMatchObject({
      status: 404,
      code: 'period_not_published',
    });
    expect((await staff('publish', '2024-Q1')).json()).toMatchObject({ status: 409, code: 'not_approved' });
    expect((await staff('approve', '2024-Q1')).json()).toMatchObject({
      status: 409,
      code: 'release_incomplete',
    });
  });

  it('keeps an approved release under embargo on every public route until the worker publishes it', async () => {
    const at = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const ok = await staff('approve', '2024-Q1', {
      publishAt: at,
      incompleteReason: 'two regions only in the test',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await staff('approve', '2024-Q1', { incompleteReason: 'again' })).json()).toMatchObject({
      status: 409,
      code: 'already_approved',
    });
    const hidden = [
      '/api/v1/forms/1-p/tables/2024-Q1?section=R1',
      '/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=csv',
      '/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=json-stat',
      '/api/v1/forms/1-p/revisions/2024-Q1',
    ];
    const check = async (status: number) => {
      for (const url of hidden) expect((await t.app.inject(url)).statusCode, url).toBe(status);
      const series = (
        await t.app.inject(
          '/api/v1/forms/1-p/series?section=R1&row=1&graph=1&region=10&from=2024-Q1&to=2024-Q4',
        )
      ).json() as { points: unknown[] };
      expect(series.points).toHaveLength(status === 200 ? 1 : 0);
    };
    await check(404);
    // The time comes; until the worker publishes, still nothing.
    t.clock.set(new Date(new Date(at).getTime() + 1000));
    await check(404);
    const run = await publishDue(t.deps, system, undefined);
    expect(run.published).toEqual(['1-p/2024-Q1#1']);
    expect((await publishDue(t.deps, system, undefined)).published).toEqual([]);
    await check(200);
    expect(await journalActions('1-p/2024-Q1')).toEqual([
      'publishing.release.approved',
      'publishing.release.published',
    ]);
    const table = (await publicTable('2024-Q1')).json() as {
      publication: { version: number; act: string; clause: string };
      columns: { breakdown: string; status: string }[];
    };
    expect(table.publication).toMatchObject({
      version: 1,
      act: expect.any(String),
      clause: expect.any(String),
    });
    expect(table.columns.map((c) => [c.breakdown, c.status])).toEqual([
      ['10', 'final'],
      ['11', 'final'],
      ['00', 'derived'],
    ]);
    expect((await staff('publish', '2024-Q1')).json()).toMatchObject({
      status: 409,
      code: 'already_published',
    });
  });

  it('serves a published table as the same bytes, with an ETag, 304 and compression', async () => {
    const first = await publicTable('2024-Q1', 'section=R1&format=json-stat');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.app.inject({
      url: '/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=json-stat',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const br = await t.app.inject({
      url: '/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=json-stat',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(first.body);
    const gz = await t.app.inject({
      url: '/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=json-stat',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gunzipSync(gz.rawPayload).toString()).toBe(first.body);
    const csv = await t.app.inject({
      url: '/api/v1/forms/1-p/tables/2024-Q1?section=R1',
      headers: { accept: 'text/csv' },
    });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
  });

  it('keeps official-use rows out of the published table in every format', async () => {
    for (const format of ['json', 'csv', 'json-stat']) {
      const res = await publicTable('2024-Q1', `section=R1&format=${format}&lang=ru`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('национальной безопасности');
    }
    expect((await publicTable('2024-Q1', 'section=R2')).json()).toMatchObject({ code: 'section_not_found' });
  });

  it('publishes a revision with its public reason; the old figures stay readable as of a date', async () => {
    const before = t.clock.now();
    t.clock.advance(2 * 86_400_000);
    await submit({
      form: '1-p',
      period: '2024-Q1',
      breakdown: '10',
      values: r1(5),
      reason: 'a late register entry',
    });
    // Submitted is not published: the public still reads revision 1.
    const still = (await publicTable('2024-Q1', 'section=R1&region=10')).json() as {
      columns: { values: Record<string, number[]> }[];
    };
    expect(still.columns[0]!.values['1']![0]).toBe(10);
    expect((await staff('revise', '2024-Q1')).json()).toMatchObject({ status: 409, code: 'reason_required' });
    const revised = await staff('revise', '2024-Q1', {
      reason: 'Region 10 corrected a late register entry.',
    });
    expect(revised.statusCode, revised.body).toBe(200);
    // Approved for now by default: the worker publishes it at its next look.
    expect((await publishDue(t.deps, system, undefined)).published).toEqual(['1-p/2024-Q1#2']);
    type Column = { values: Record<string, number[]>; status: string; revision: number; revised?: object };
    const now = (await publicTable('2024-Q1', 'section=R1&region=10')).json() as { columns: Column[] };
    expect(now.columns[0]).toMatchObject({ status: 'revised', revision: 2 });
    expect(now.columns[0]!.values['1']![0]).toBe(50);
    // Each value the revision changed is marked: graph 1 of rows 1–3, multiplied by five.
    expect(now.columns[0]!.revised).toEqual({ '1': [1], '2': [1], '3': [1] });
    const all = (await publicTable('2024-Q1', 'section=R1')).json() as {
      columns: (Column & { breakdown: string })[];
    };
    expect(all.columns.find((c) => c.breakdown === '00')).toMatchObject({
      status: 'derived',
      revised: now.columns[0]!.revised,
    });
    const stat = (await publicTable('2024-Q1', 'section=R1&region=10&format=json-stat&lang=en')).json() as {
      status: Record<string, string>;
      extension: { status: Record<string, string> };
    };
    expect(Object.values(stat.status)).toContain('r');
    expect(stat.extension.status.r).toBe('revised since the previous publication');
    const day = before.toISOString().slice(0, 10);
    const old = (await publicTable('2024-Q1', `section=R1&region=10&asOf=${day}`)).json() as {
      columns: Column[];
    };
    expect(old.columns[0]!.values['1']![0]).toBe(10);
    expect(old.columns[0]).toMatchObject({ status: 'final', revision: 1 });
    expect(old.columns[0]!.revised).toBeUndefined();
    const history = (await t.app.inject('/api/v1/forms/1-p/revisions/2024-Q1')).json() as {
      revisions: { breakdown: string; revision: number; reason: string | null }[];
      publications: { version: number; reason: string | null }[];
    };
    expect(history.revisions.filter((r) => r.breakdown === '10').map((r) => [r.revision, r.reason])).toEqual([
      [1, null],
      [2, 'a late register entry'],
    ]);
    expect(history.publications.map((p) => [p.version, p.reason])).toEqual([
      [1, null],
      [2, 'Region 10 corrected a late register entry.'],
    ]);
    expect((await staff('revise', '2024-Q1', { reason: 'again' })).json()).toMatchObject({
      status: 409,
      code: 'nothing_to_revise',
    });
    const cal = (await t.app.inject('/api/v1/releases?from=2024-04-01&to=2024-06-30&form=1-p')).json() as {
      releases: {
        status: string;
        dueDate: string;
        publishedAt: string;
        publications: { reason: string | null }[];
      }[];
    };
    expect(cal.releases[0]).toMatchObject({ status: 'revised', publishedAt: expect.any(String) });
    expect(cal.releases[0]!.publications.map((p) => p.reason)).toEqual([
      null,
      'Region 10 corrected a late register entry.',
    ]);
  });

  it('marks every value of a region that a later publication adds as revised', async () => {
    await submit({ form: '1-p', period: '2024-Q1', breakdown: '15', values: r1() });
    expect((await staff('revise', '2024-Q1', { reason: 'Region 15 reported late.' })).statusCode).toBe(200);
    await publishDue(t.deps, system, undefined);
    const table = (await publicTable('2024-Q1', 'section=R1')).json() as {
      columns: { breakdown: string; status: string; revised?: Record<string, number[]> }[];
    };
    const byRegion = new Map(table.columns.map((c) => [c.breakdown, c]));
    // row 4 is for official use: not shown, not marked
    expect(byRegion.get('15')).toMatchObject({
      status: 'revised',
      revised: { '1': [1, 2, 3], '2': [1, 2, 3], '3': [1, 2, 3] },
    });
    // region 10 is as the publication before had it: final, unmarked
    expect(byRegion.get('10')!.revised).toBeUndefined();
    expect(byRegion.get('00')!.revised).toEqual(byRegion.get('15')!.revised);
  });

  it('reschedules only with a public reason', async () => {
    expect((await staff('reschedule', '2024-Q2', { date: '2024-07-20' })).json()).toMatchObject({
      status: 409,
      code: 'reason_required',
    });
    expect((await staff('reschedule', '2024-Q2', { date: '2024-07-41', reason: 'x' })).json()).toMatchObject({
      status: 422,
    });
    const ok = await staff('reschedule', '2024-Q2', {
      date: '2024-07-22',
      reason: 'The regional data arrive late.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const cal = (await t.app.inject('/api/v1/releases?from=2024-07-01&to=2024-07-31&form=1-p')).json() as {
      releases: { period: string; plannedDate: string; reschedules: { reason: string }[] }[];
    };
    expect(cal.releases.find((r) => r.period === '2024-Q2')).toMatchObject({
      plannedDate: '2024-07-22',
      reschedules: [{ reason: 'The regional data arrive late.' }],
    });
  });

  it('shows the staff what is in and what is missing, and keeps the schedule from the public', async () => {
    expect((await t.app.inject('/api/v1/staff/releases')).statusCode).toBe(401);
    const res = await t.app.inject({
      url: '/api/v1/staff/releases?from=2024-04-01&to=2024-06-30&form=1-p',
      headers: editor,
    });
    const body = res.json() as { releases: { coverage: { received: string[]; missing: string[] } }[] };
    expect(body.releases[0]!.coverage.received).toEqual(['10', '11', '15']);
    expect(body.releases[0]!.coverage.missing).toHaveLength(17);
  });
});

describe('bad input on the public routes', () => {
  it.each([
    ['/api/v1/forms/9-Z/tables/2024-Q1', 404, 'form_not_found'],
    ['/api/v1/forms/1-p/tables/2030-Q1', 404, 'period_not_published'],
    ['/api/v1/forms/1-p/tables/2024-Q1?region=99', 404, 'region_not_found'],
    ['/api/v1/forms/1-p/tables/2024-Q1?section=R9', 404, 'section_not_found'],
    ['/api/v1/forms/1-p/tables/2024-Q1?format=doc', 422, 'invalid_input'],
    ['/api/v1/forms/1-p/tables/2024-Q1?asOf=2024-13-01', 422, 'invalid_input'],
    ['/api/v1/forms/1-p/tables/2024-Q9', 422, 'invalid_period'],
  ])('%s → %i %s', async (url, status, code) => {
    const res = await t.app.inject(url);
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json() as { code: string; errors?: { code: string }[] };
    expect([body.code, ...(body.errors ?? []).map((e) => e.code)]).toContain(code);
  });
});
