// The catalogue as the CKAN actions, DCAT and the portal's pages read it: the datasets in use, their
// resources with the latest versions, and the deadline watch. Built once per generation — the
// catalogue's revision, the newest resource version, the day — and kept, like the publications'
// index: every action used to rebuild it (0.1–0.2 s); now an action costs one small query.
import { sql } from 'kysely';
import { currentCatalog, inUseOn } from '../../catalog/index.js';
import { lateCountsFrom } from '../../publishing/index.js';
import { localDateOf } from '../../../platform/clock.js';
import type { Queryable } from '../../../platform/db/index.js';
import type { Deps } from '../../../platform/usecase.js';
import * as repo from '../opendata.repository.js';
import { deadlinesOf } from '../opendata.watch.js';
import type { CatalogView } from './ckan.model.js';

interface Kept {
  generation: string;
  view: Promise<CatalogView>;
}
const kept = new WeakMap<object, Map<string, Kept>>();

/** What the view depends on: a change to any makes a new generation. */
async function generationOf(db: Queryable, revision: number, on: string): Promise<string> {
  const r = await sql<{
    v: string | null;
  }>`SELECT (SELECT max(id) FROM od_resource_versions)::text AS v`.execute(db);
  return `${revision}|${r.rows[0]?.v ?? '0'}|${on}`;
}

async function buildView(
  deps: Deps,
  baseUrl: string,
  lateFromPeriod: string | null,
  snapshot: Awaited<ReturnType<typeof currentCatalog>>,
  on: string,
): Promise<CatalogView> {
  const { catalog } = snapshot;
  const datasets = inUseOn(catalog, catalog.datasets, on).sort((a, b) => a.listNo - b.listNo);
  const resources = new Map<string, Awaited<ReturnType<typeof repo.findResources>>>();
  for (const r of await repo.findResources(deps.db)) {
    const list = resources.get(r.dataset) ?? [];
    list.push(r);
    resources.set(r.dataset, list);
  }
  const created = new Date(`${datasets.map((d) => d.validFrom).sort()[0] ?? on}T00:00:00Z`);
  const countsFrom = await lateCountsFrom(deps.db, lateFromPeriod, deps.clock.now());
  const deadlines = deadlinesOf(snapshot, datasets, resources, on, countsFrom);
  return { catalog, on, datasets, resources, baseUrl, created, deadlines };
}

export async function catalogView(
  deps: Deps,
  baseUrl: string,
  lateFromPeriod: string | null = null,
): Promise<CatalogView> {
  const snapshot = await currentCatalog(deps.db);
  const on = localDateOf(deps.clock.now());
  const generation = await generationOf(deps.db, snapshot.revision, on);
  let byBase = kept.get(deps.db);
  if (!byBase) kept.set(deps.db, (byBase = new Map()));
  const key = `${baseUrl}|${lateFromPeriod ?? ''}`;
  const hit = byBase.get(key);
  if (hit?.generation === generation) return hit.view;
  const view = buildView(deps, baseUrl, lateFromPeriod, snapshot, on);
  // What a transaction reads may be rolled back: only views read outside one are kept.
  if (!deps.db.isTransaction) byBase.set(key, { generation, view });
  view.catch(() => byBase.delete(key));
  return view;
}
