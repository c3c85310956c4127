// Resources from publications (Order 84; Order 25, para 3 item 2: the open-data portal): every
// dataset made from a form gets, per period of the dataset's own periodicity, its main table as
// CSV, XLSX and JSON-stat, and one long table of all periods as its DataStore resource — built
// from the publication in force, never from unpublished or restricted figures (the public read of
// the table, `anonymousActor`). A publication a resource was not built from yet (a new release or
// a revision) makes a new version; each build is journaled with what it made.
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { inUseOn, currentCatalog, type Dataset } from '../catalog/index.js';
import { publishedPeriodsOf, publicationsOf, type PublishedEntry } from '../publishing/index.js';
import { readTable, renderTable, type Table } from '../statistics/index.js';
import { localDateOf } from '../../platform/clock.js';
import type { Queryable, Trx } from '../../platform/db/index.js';
import {
  anonymousActor,
  anyOf,
  command,
  hasRole,
  isSystem,
  systemActor,
  type Deps,
} from '../../platform/usecase.js';
import { resourceUuid } from './opendata.ids.js';
import * as repo from './opendata.repository.js';
import { listRowsOf, type ListRows } from './opendata.lists.js';

export const DATASTORE_KEY = 'datastore';

/** The files of one period: the main table, as the public API renders it. */
const FILES = [
  { format: 'CSV', ext: 'csv', render: 'csv' },
  { format: 'XLSX', ext: 'xlsx', render: 'xlsx' },
  { format: 'JSON-stat', ext: 'json', render: 'json-stat' },
] as const;

const MEDIA: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

interface Built {
  key: string;
  period: string | null;
  format: string;
  position: number;
  fileName: string;
  mediaType: string;
  body: Buffer | null;
  size: number;
  sha256: string;
  publications: number[];
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** The period a dataset keeps of a form's periods: a quarterly dataset of a monthly, cumulative form keeps the quarters' ends. */
function keeps(dataset: Dataset, formPeriod: string): boolean {
  if (dataset.updatePeriod === 'quarterly' && /^\d{4}-\d{2}$/.test(formPeriod))
    return Number(formPeriod.slice(5, 7)) % 3 === 0;
  if (dataset.updatePeriod === 'yearly' && /^\d{4}-\d{2}$/.test(formPeriod))
    return formPeriod.endsWith('-12');
  return true;
}

/** The DataStore's rows of a table: one per region × row × graph, as published. */
export function datastoreRows(table: Table, periodStart: string): repo.DatastoreRow[] {
  const rows: repo.DatastoreRow[] = [];
  for (const c of table.columns) {
    const regionName = c.label ? (c.label.kk ?? c.label.ru) : null;
    for (const r of table.rows) {
      const values = c.values[r.code] ?? [];
      const revised = new Set(c.revised?.[r.code] ?? []);
      table.graphs.forEach((g, i) => {
        rows.push({
          period: table.period,
          period_start: periodStart,
          region: c.breakdown,
          region_name: regionName,
          row_code: r.code,
          row_label: r.label.kk ?? r.label.ru,
          graph: g.n,
          graph_label: g.label.kk ?? g.label.ru,
          value: values[i] ?? null,
          status: revised.has(g.n) ? 'revised' : c.status,
        });
      });
    }
  }
  return rows;
}

/** The DataStore's columns, as CKAN names their types. */
export const DATASTORE_FIELDS = [
  { id: '_id', type: 'int' },
  { id: 'period', type: 'text' },
  { id: 'period_start', type: 'date' },
  { id: 'region', type: 'text' },
  { id: 'region_name', type: 'text' },
  { id: 'row_code', type: 'text' },
  { id: 'row_label', type: 'text' },
  { id: 'graph', type: 'int' },
  { id: 'graph_label', type: 'text' },
  { id: 'value', type: 'numeric' },
  { id: 'status', type: 'text' },
] as const;

/**
 * The DataStore's dump as CSV (UTF-8 with BOM), in `_id` order: the bytes of its resource, made a
 * page of rows at a time (a national table's DataStore is a hundred megabytes).
 */
export async function* datastoreCsv(db: Queryable, resourceId: string): AsyncGenerator<Buffer> {
  yield Buffer.from(stringify([DATASTORE_FIELDS.map((f) => f.id)], { bom: true }));
  for await (const rows of repo.datastorePages(db, resourceId))
    yield Buffer.from(
      stringify(rows.map((r) => DATASTORE_FIELDS.map((f) => cell((r as Record<string, unknown>)[f.id])))),
    );
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

async function buildPeriod(
  deps: Deps,
  form: string,
  period: string,
  publication: PublishedEntry,
  earlier: PublishedEntry | undefined,
  position: number,
): Promise<{ files: Built[]; rows: repo.DatastoreRow[] }> {
  const table = await readTable(deps, anonymousActor, {
    form,
    period,
    revisions: async (p) => (p === period ? publication.revisionIds : null),
    earlierRevisions: earlier?.revisionIds ?? [],
  });
  table.period = period;
  const files: Built[] = [];
  for (const [i, f] of FILES.entries()) {
    const rendered = await renderTable(table, f.render, 'kk');
    files.push({
      key: `${period}.${f.ext}`,
      period,
      format: f.format,
      position: position * FILES.length + i + 1,
      fileName: `${form}_${table.section.id}_${period}.${f.ext}`,
      mediaType: MEDIA[f.ext]!,
      body: rendered.body,
      size: rendered.body.length,
      sha256: sha256(rendered.body),
      publications: [publication.id],
    });
  }
  const rows = datastoreRows(table, publication.periodStart);
  return { files, rows };
}

/** A dataset's DataStore resource (the long table, or a list's rows), made once; its id. */
async function upsertDatastoreResource(trx: Trx, dataset: string, now: Date): Promise<string> {
  const id = resourceUuid(dataset, DATASTORE_KEY);
  await repo.upsertResource(trx, {
    id,
    dataset,
    key: DATASTORE_KEY,
    period: null,
    format: 'CSV',
    position: 0,
    created_at: now,
  });
  return id;
}

/** Writes what a build made, in one transaction with its journal entry. */
const storeBuild = command({
  name: 'store the resources of an open dataset',
  policy: anyOf(isSystem, hasRole('admin')),
  run: async (
    ctx,
    input: {
      dataset: string;
      files: Built[];
      periods: Map<string, repo.DatastoreRow[]>;
      publications: number[];
      reason: string | null;
    },
  ) => {
    const made: { key: string; version: number; sha256: string }[] = [];
    for (const f of input.files) {
      const id = resourceUuid(input.dataset, f.key);
      await repo.upsertResource(ctx.trx, {
        id,
        dataset: input.dataset,
        key: f.key,
        period: f.period,
        format: f.format,
        position: f.position,
        created_at: ctx.now,
      });
      const version = await repo.insertVersion(ctx.trx, {
        resource_id: id,
        built_at: ctx.now,
        publications: f.publications,
        file_name: f.fileName,
        media_type: f.mediaType,
        size: f.size,
        sha256: f.sha256,
        body: f.body,
        reason: input.reason,
      });
      made.push({ key: f.key, version, sha256: f.sha256 });
    }
    // The DataStore: the changed periods replaced, then its dump's size and hash as a new version.
    const storeId = await upsertDatastoreResource(ctx.trx, input.dataset, ctx.now);
    for (const [period, rows] of input.periods)
      await repo.replaceDatastorePeriod(ctx.trx, storeId, period, rows);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of datastoreCsv(ctx.trx, storeId)) {
      hash.update(chunk);
      size += chunk.length;
    }
    const digest = hash.digest('hex');
    const version = await repo.insertVersion(ctx.trx, {
      resource_id: storeId,
      built_at: ctx.now,
      publications: input.publications,
      file_name: `${input.dataset}.csv`,
      media_type: 'text/csv',
      size,
      sha256: digest,
      body: null,
      reason: input.reason,
    });
    made.push({ key: DATASTORE_KEY, version, sha256: digest });
    await ctx.record({
      action: 'opendata.resources.built',
      objectType: 'dataset',
      objectId: input.dataset,
      summary: { periods: [...input.periods.keys()], resources: made, reason: input.reason },
    });
    return made;
  },
});

/** A list dataset's rows as CSV (UTF-8 with BOM), `_id` first as CKAN dumps them. */
export function listCsv(list: ListRows): Buffer {
  const ids = list.fields.map((f) => f.id);
  return Buffer.from(
    stringify([['_id', ...ids], ...list.rows.map((r, i) => [String(i + 1), ...ids.map((f) => cell(r[f]))])], {
      bom: true,
    }),
  );
}

/** A new version of a list dataset's DataStore resource, with its bytes, journaled. */
const storeList = command({
  name: 'store the rows of an open list dataset',
  policy: anyOf(isSystem, hasRole('admin')),
  run: async (ctx, input: { dataset: string; body: Buffer; rows: number }) => {
    const id = await upsertDatastoreResource(ctx.trx, input.dataset, ctx.now);
    const digest = sha256(input.body);
    const version = await repo.insertVersion(ctx.trx, {
      resource_id: id,
      built_at: ctx.now,
      publications: [],
      file_name: `${input.dataset}.csv`,
      media_type: 'text/csv',
      size: input.body.length,
      sha256: digest,
      body: input.body,
      reason: 'the list changed',
    });
    await ctx.record({
      action: 'opendata.resources.built',
      objectType: 'dataset',
      objectId: input.dataset,
      summary: {
        resources: [{ key: DATASTORE_KEY, version, sha256: digest }],
        rows: input.rows,
        reason: 'the list changed',
      },
    });
  },
});

/**
 * Builds what is missing or stale of every dataset made from a form: the periods whose publication
 * in force is not the one their resources were built from. Returns what was built.
 */
export async function rebuildResources(
  deps: Deps,
  actorName = 'opendata.rebuild-resources',
): Promise<{ built: { dataset: string; periods: string[] }[] }> {
  // One build at a time in a process: the job of the minute and the official-figures job after it
  // publishes would otherwise render the same tables twice (the one that comes second waits).
  const previous = building;
  const mine = (async () => {
    await previous?.catch(() => undefined);
    return rebuildNow(deps, actorName);
  })();
  building = mine;
  try {
    return await mine;
  } finally {
    if (building === mine) building = null;
  }
}

let building: Promise<unknown> | null = null;

async function rebuildNow(deps: Deps, actorName: string) {
  const actor = systemActor(actorName);
  const now = deps.clock.now();
  const { catalog } = await currentCatalog(deps.db);
  const datasets = inUseOn(catalog, catalog.datasets, localDateOf(now));
  const existing = await repo.findResources(deps.db);
  const built: { dataset: string; periods: string[] }[] = [];
  for (const dataset of datasets) {
    if (dataset.madeFrom.kind !== 'form') {
      const list = await listRowsOf(deps.db, dataset, localDateOf(now));
      if (!list) continue;
      const body = listCsv(list);
      const current = existing.find((r) => r.dataset === dataset.id && r.key === DATASTORE_KEY);
      if (current?.latest.sha256 === sha256(body)) continue;
      await storeList(deps, actor, { dataset: dataset.id, body, rows: list.rows.length });
      built.push({ dataset: dataset.id, periods: [] });
      continue;
    }
    const form = dataset.madeFrom.form;
    const published = (await publishedPeriodsOf(deps.db, form, now))
      .filter((p) => keeps(dataset, p.period))
      .reverse();
    if (published.length === 0) continue;
    const have = new Map(existing.filter((r) => r.dataset === dataset.id).map((r) => [r.key, r.latest]));
    const files: Built[] = [];
    const periods = new Map<string, repo.DatastoreRow[]>();
    let revised = false;
    for (const [position, { period, publication }] of published.entries()) {
      const current = have.get(`${period}.csv`);
      if (current && current.publications[0] === publication.id) continue;
      if (current) revised = true;
      const history = await publicationsOf(deps.db, form, period, now);
      const earlier = history.at(-2);
      const made = await buildPeriod(deps, form, period, publication, earlier, position);
      files.push(...made.files);
      periods.set(period, made.rows);
    }
    if (files.length === 0) continue;
    await storeBuild(deps, actor, {
      dataset: dataset.id,
      files,
      periods,
      publications: published.map((p) => p.publication.id),
      reason: revised ? 'a publication was revised' : null,
    });
    built.push({ dataset: dataset.id, periods: [...periods.keys()] });
  }
  return { built };
}
