// The quarterly collections under the clock (issue: building the six collections of a quarter
// from the shipped figures, beside a plain export of the same tables in the same run). The store
// is a fresh start's: the real 1-М, ТМД-1 and 3-К that ship with zanstat, demonstration figures for
// the modelled forms (the last period up to 2022), all published. Then, alternately:
// - the build: the collections' own command (buildCollection, as the job calls it) for each of
//   the six collections of 2022-Q4 — read the tables from the publications (public and
//   official-use), write the XLSX workbook and the PDF in Kazakh and Russian for each copy kind,
//   store them, enqueue a delivery per recipient of Appendix 1 and journal it, in one transaction;
//   a rebuild with a reason is a new version, the same work;
// - the plain export: the same tables (read the same way, the public copy) through the writers
//   the public API uses, each table alone: its XLSX (renderTable) and its PDF (writeTablePdf, the
//   whole table, as a collection's PDF holds every region), in Kazakh and Russian.
import { loadConfig } from '../src/platform/config.js';
import { anonymousActor, systemActor, type Deps } from '../src/platform/usecase.js';
import { currentCatalog } from '../src/modules/catalog/index.js';
import {
  buildCollection,
  collectionsForQuarter,
  inputStates,
  planCollection,
  readCollectionTables,
} from '../src/modules/collections/index.js';
import { outboxSettings } from '../src/modules/outbox/index.js';
import { publishShippedFigures } from '../src/modules/publishing/index.js';
import {
  loadDemonstrationFigures,
  loadShippedFigures,
  renderTable,
  writeTablePdf,
} from '../src/modules/statistics/index.js';
import type { Scenario } from './http/scenario.js';
import { median, progress, round, timed, withTempStore, type BenchRow } from './store-db.js';

const LANGS = ['kk', 'ru'] as const;

export interface CollectionsBenchOptions {
  quarter: string;
  /** measured runs of each (after one unmeasured of each) */
  runs: number;
}

/** The published store a fresh start makes, up to the quarter's figures. */
export async function publishFiguresForBench(deps: Deps): Promise<void> {
  const loaded = await loadShippedFigures(deps);
  if (loaded.refused.length) throw new Error(`collections bench: refused ${loaded.refused.join(', ')}`);
  await loadDemonstrationFigures(deps, { until: '2022-12-31', periods: 1 });
  await publishShippedFigures(deps, systemActor('statistics.load-official-figures'), undefined);
}

async function collectionIds(deps: Deps, quarter: string): Promise<string[]> {
  const { catalog } = await currentCatalog(deps.db);
  return collectionsForQuarter(catalog, quarter).map((c) => c.id);
}

/** The same tables through the public API's writers, each alone: bytes and tables made. */
async function plainExport(deps: Deps, quarter: string) {
  const { catalog } = await currentCatalog(deps.db);
  let bytes = 0;
  let tables = 0;
  for (const collection of collectionsForQuarter(catalog, quarter)) {
    const plan = planCollection(catalog, collection, quarter);
    const states = await inputStates(deps, plan, deps.clock.now());
    const read = await readCollectionTables(deps, anonymousActor, states, false);
    tables += read.length;
    for (const lang of LANGS)
      for (const { table } of read) {
        bytes += (await renderTable(table, 'xlsx', lang)).body.length;
        bytes += (await writeTablePdf(table, { lang })).length;
      }
  }
  return { bytes, tables };
}

/** The six collections built by their own command, each a new version. */
async function buildAll(deps: Deps, quarter: string, reason: string | undefined) {
  const outbox = outboxSettings(loadConfig({}));
  let deliveries = 0;
  for (const collection of await collectionIds(deps, quarter)) {
    const out = await buildCollection(deps, systemActor('collections.build-due'), {
      collection,
      quarter,
      reason,
      outbox,
    });
    if (!out.built) throw new Error(`collections bench: ${collection} ${quarter} was not built`);
    deliveries += out.deliveries;
  }
  return { deliveries };
}

export interface CollectionsFigures {
  buildMs: number[];
  exportMs: number[];
  collections: number;
  tables: number;
  exportBytes: number;
  deliveries: number;
}

export async function measureCollectionsOn(
  deps: Deps,
  opts: CollectionsBenchOptions,
): Promise<CollectionsFigures> {
  const collections = (await collectionIds(deps, opts.quarter)).length;
  const buildMs: number[] = [];
  const exportMs: number[] = [];
  let exported = { bytes: 0, tables: 0 };
  let deliveries = 0;
  // one unmeasured run of each (the first build is version 1), then alternately
  for (let i = 0; i <= opts.runs; i++) {
    const e = await timed(() => plainExport(deps, opts.quarter));
    const b = await timed(() => buildAll(deps, opts.quarter, i === 0 ? undefined : `benchmark run ${i}`));
    progress(`collections: run ${i}: plain export ${round(e.ms)} ms, build ${round(b.ms)} ms`);
    if (i === 0) continue;
    exportMs.push(e.ms);
    buildMs.push(b.ms);
    exported = e.result;
    deliveries = b.result.deliveries;
  }
  return { buildMs, exportMs, collections, tables: exported.tables, exportBytes: exported.bytes, deliveries };
}

export function collectionsRows(f: CollectionsFigures, opts: CollectionsBenchOptions): BenchRow[] {
  const build = median(f.buildMs);
  const plain = median(f.exportMs);
  return [
    {
      title: `collections: the ${f.collections} of ${opts.quarter} built (XLSX+PDF, kk+ru)`,
      figure: round(build),
      unit: 'ms',
      baseline: round(plain),
      ratio: round(build / plain, 3),
      detail: {
        baseline: 'a plain export of the same tables (XLSX and PDF per table, kk and ru)',
        runs: opts.runs,
        buildMs: f.buildMs.map((x) => round(x)),
        exportMs: f.exportMs.map((x) => round(x)),
        tables: f.tables,
        exportBytes: f.exportBytes,
        deliveriesEnqueued: f.deliveries,
      },
    },
  ];
}

export const collections: Scenario = {
  name: 'collections',
  measure: async () => {
    const opts: CollectionsBenchOptions = {
      quarter: process.env.BENCH_COLLECTIONS_QUARTER ?? '2022-Q4',
      runs: Number(process.env.BENCH_COLLECTIONS_RUNS ?? 2),
    };
    return withTempStore('zanstat-bench-collections-', async (store) => {
      progress('collections: loading and publishing the shipped figures');
      await publishFiguresForBench(store.deps);
      return collectionsRows(await measureCollectionsOn(store.deps, opts), opts);
    });
  },
};
