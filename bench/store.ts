// The statistics store benchmarks (issue 4, "Performance"; docs/decisions/0003), each against a
// baseline measured in the same run:
//  1. the load stage of the 20 real 1-М workbooks: their parsed observations stored through
//     `submitFigures` (validation, control relations, superseding, the journal — a submission's
//     path), one submission per region, against raw COPY of the same observations into a plain
//     one-row-per-value table; the parsing speed beside it;
//  2. one region's 1-М R1 submission (13,082 values), validated and committed, against COPY of
//     the same values; and the whole national 1-М (26 sections × 20 regions) in total;
//  3. a whole table (1-М R1, all regions, one period) read from a synthetic store of
//     BENCH_STORE_VALUES values (default 10^7; 1e8 for the figure) against the same read
//     from one of 10^6, and its XLSX, uncached.
// Progress goes to stderr. Run alone: `BENCH_ONLY=store npm run bench`.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { parsePeriod } from '../src/modules/calendar/index.js';
import { systemActor, type Actor } from '../src/platform/usecase.js';
import {
  builtInStructuresDir,
  hintsFromFileName,
  loadStructuresDir,
  parseOfficialWorkbook,
  readTable,
  structureFor,
  submitFigures,
  validateSubmission,
  writeTableXlsx,
  type FormStructure,
  type SubmittedValue,
} from '../src/modules/statistics/index.js';
import { syntheticStore, type StoreInfo } from './store-build.js';
import {
  copyIn,
  field,
  median,
  openStore,
  progress,
  quantile,
  repeat,
  round,
  timed,
  type BenchRow,
  type Store,
} from './store-db.js';

const workbooksDir = path.resolve('../shared/data/real/qamqor_1m_2022_by_region/source_xlsx');
const storeDataDir = path.resolve('bench/store-data');
const actor = systemActor('bench');
// The reads are of current (unpublished) revisions, which staff read; 1-М is public throughout,
// so the auditor sees the same table a reader of the published one would.
const reader: Actor = { kind: 'user', id: 'bench', name: 'bench', role: 'auditor', organisationId: null };

interface Region {
  breakdown: string;
  values: SubmittedValue[];
}

function structure1M(): FormStructure {
  const { structures } = loadStructuresDir(builtInStructuresDir);
  const found = structures.filter((s) => s.structure.form === '1-m').at(-1);
  if (!found) throw new Error('no 1-М structure in catalog/structures');
  return found.structure;
}

/** Parses the 20 workbooks as a workbook submission does; the observations as submitted values. */
async function parseWorkbooks(structure: FormStructure) {
  const files = (await fs.readdir(workbooksDir)).filter((f) => f.endsWith('.xlsx')).sort();
  const regions: Region[] = [];
  let ms = 0;
  for (const [i, file] of files.entries()) {
    const buffer = await fs.readFile(path.join(workbooksDir, file));
    const parsed = await timed(() => parseOfficialWorkbook(buffer, structure));
    ms += parsed.ms;
    const { observations, problems } = parsed.result;
    if (problems.length)
      throw new Error(`${file}: ${problems.length} problems, e.g. ${problems[0]!.message}`);
    const breakdown = hintsFromFileName(file).breakdown!;
    regions.push({
      breakdown,
      values: observations.map((o) => ({
        section: o.section,
        row: o.row,
        graph: o.graph,
        value: o.value,
        ref: `${o.ref.sheet}!${o.ref.cell}`,
      })),
    });
    progress(`parsed ${file} (${i + 1}/${files.length}): ${observations.length} observations`);
  }
  return { regions, ms, observations: regions.reduce((s, r) => s + r.values.length, 0) };
}

/** The baseline: the same observations COPYed into a plain (logged, no index) one-row-per-value table. */
const copyValues = (store: Store, revision: number, values: SubmittedValue[]) =>
  copyIn(
    store.pool,
    'COPY bench_observations (revision, section, row_code, graph, value) FROM STDIN',
    (function* () {
      for (const v of values)
        yield `${revision}\t${field(v.section)}\t${field(v.row)}\t${v.graph}\t${field(v.value as number | null)}\n`;
    })(),
  );

async function submissionBenchmarks(structure: FormStructure): Promise<BenchRow[]> {
  progress(`parsing the 20 real 1-М workbooks of ${workbooksDir}`);
  const parsed = await parseWorkbooks(structure);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-bench-store-'));
  await fs.chmod(dataDir, 0o755);
  const store = await openStore(dataDir, 'full');
  try {
    await sql`CREATE TABLE bench_observations (revision integer, section text, row_code text, graph integer, value numeric)`.execute(
      store.deps.db,
    );
    // 1. the load stage: one submission per region, a fresh period per run (first revisions)
    const loadPeriods = ['2022-06', '2022-07', '2022-08', '2022-09'];
    const storeMs = await repeat(1, 3, async (i) => {
      progress(`load stage, run ${i + 1}/4: 20 submissions into ${loadPeriods[i]}`);
      for (const r of parsed.regions) {
        await submitFigures(store.deps, actor, {
          form: '1-m',
          period: loadPeriods[i]!,
          channel: 'workbook',
          fileName: `${r.breakdown}.xlsx`,
          parts: [{ breakdown: r.breakdown, breakdownRef: '/breakdown', values: r.values }],
        });
      }
    });
    const copyMs = await repeat(1, 3, async (i) => {
      progress(`raw COPY of the same observations, run ${i + 1}/4`);
      for (const [j, r] of parsed.regions.entries()) await copyValues(store, i * 100 + j, r.values);
    });
    const n = parsed.observations;
    const storeRate = n / (median(storeMs) / 1000);
    const copyRate = n / (median(copyMs) / 1000);

    // 2. one region's R1, resubmitted with a reason each run (the first run stores revision 1)
    const region = parsed.regions.find((r) => r.breakdown === '75') ?? parsed.regions[0]!;
    const r1 = region.values.filter((v) => v.section === 'R1');
    progress(`one region's R1 (${region.breakdown}, ${r1.length} values): 2 warm-ups, 15 runs`);
    const r1Ms = await repeat(2, 15, (i) =>
      submitFigures(store.deps, actor, {
        form: '1-m',
        period: '2023-12',
        channel: 'api',
        ...(i ? { reason: `bench run ${i}` } : {}),
        parts: [{ breakdown: region.breakdown, breakdownRef: '/breakdown', values: r1 }],
      }),
    );
    const r1CopyMs = await repeat(2, 15, (i) => copyValues(store, 10_000 + i, r1));
    // Where a submission's time goes: its validation alone, and the structure lookup it makes.
    const validateMs = await repeat(2, 15, async () => validateSubmission(structure, r1));
    const lookupMs = await repeat(2, 15, () => structureFor(store.deps.db, '1-m', parsePeriod('2023-12')));
    return [
      {
        title: '1-М workbooks parsed (20 regions, all sections)',
        figure: Math.round(n / (parsed.ms / 1000)),
        unit: 'obs/s',
        detail: { observations: n, ms: Math.round(parsed.ms) },
      },
      {
        title: 'load stage: parsed 1-М observations → store',
        figure: Math.round(storeRate),
        unit: 'obs/s',
        baseline: Math.round(copyRate),
        ratio: round(storeRate / copyRate, 3),
        goal: { on: 'ratio', op: '>=', value: 0.7 },
        detail: { observations: n, storeMs: storeMs.map(Math.round), copyMs: copyMs.map(Math.round) },
      },
      {
        title: 'national 1-М (26 sections × 20 regions), total',
        figure: Math.round(median(storeMs)),
        unit: 'ms',
        baseline: Math.round(median(copyMs)),
        ratio: round(median(storeMs) / median(copyMs), 2),
        detail: { submissions: parsed.regions.length, values: n },
      },
      {
        title: `one region's 1-М R1 submission (median; p90 in detail)`,
        figure: round(median(r1Ms)),
        unit: 'ms',
        baseline: round(median(r1CopyMs)),
        ratio: round(median(r1Ms) / median(r1CopyMs), 2),
        goal: { on: 'figure', op: '<=', value: 100 },
        detail: {
          values: r1.length,
          region: region.breakdown,
          p90Ms: round(quantile(r1Ms, 0.9)),
          copyP90Ms: round(quantile(r1CopyMs, 0.9)),
          validateSubmissionMedianMs: round(median(validateMs)),
          structureForMedianMs: round(median(lookupMs)),
          runs: r1Ms.map((x) => round(x)),
        },
      },
    ];
  } finally {
    await store.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** Reads of 1-М R1 (all regions, the store's read period) from an open synthetic store. */
async function measureReads(store: Store, info: StoreInfo, xlsxRuns: number) {
  const input = { form: '1-m', section: 'R1', period: info.readPeriod };
  const first = await readTable(store.deps, reader, input);
  const regions = first.columns.filter((c) => c.kind === 'submitted').length;
  if (regions !== 20) throw new Error(`the ${info.readPeriod} table has ${regions} regions, not 20`);
  const readMs = await repeat(2, 20, () => readTable(store.deps, reader, input));
  // The rows alone, as the repository fetches them: the part of the read that could grow with the store.
  const ids = (
    await store.deps.db
      .selectFrom('stat_revisions')
      .select('id')
      .where('form', '=', '1-m')
      .where('period', '=', info.readPeriod)
      .where('superseded_at', 'is', null)
      .execute()
  ).map((r) => r.id);
  const rowsMs = await repeat(2, 20, () =>
    store.pool.query(
      'SELECT revision_id, row_code, vals FROM stat_rows WHERE revision_id = ANY($1) AND section = $2',
      [ids, 'R1'],
    ),
  );
  let bytes = 0;
  const xlsxMs = await repeat(0, xlsxRuns, async () => {
    bytes = 0;
    const discard = new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    });
    const table = await readTable(store.deps, reader, input);
    await writeTableXlsx(table, { lang: 'ru' }, discard);
  });
  return { readMs, rowsMs, xlsxMs, xlsxBytes: bytes };
}

async function readBenchmarks(structure: FormStructure): Promise<BenchRow[]> {
  const wanted = Number(process.env.BENCH_STORE_VALUES ?? 1e7);
  if (!Number.isFinite(wanted) || wanted < 1e6) throw new Error('BENCH_STORE_VALUES must be at least 1e6');
  const big = await syntheticStore(path.join(storeDataDir, `values-${wanted}`), structure, wanted, '2022-06');
  let bigReads;
  try {
    progress(
      `reading 1-М R1 ${big.info.readPeriod} from the store of ${big.info.values.toLocaleString('en')}`,
    );
    bigReads = await measureReads(big.store, big.info, 5);
  } finally {
    await big.store.close();
  }
  const small = await syntheticStore(
    path.join(storeDataDir, 'values-1000000'),
    structure,
    1e6,
    big.info.readPeriod,
  );
  let smallReads;
  try {
    progress(
      `reading 1-М R1 ${small.info.readPeriod} from the store of ${small.info.values.toLocaleString('en')}`,
    );
    smallReads = await measureReads(small.store, small.info, 0);
  } finally {
    await small.store.close();
  }
  const bigMedian = median(bigReads.readMs);
  const smallMedian = median(smallReads.readMs);
  const storeOf = (i: StoreInfo) => ({
    values: i.values,
    rows: i.rows,
    revisions: i.revisions,
    periods: i.periods,
    mib: Math.round(i.storeBytes / 2 ** 20),
    buildSeconds: i.buildSeconds,
  });
  return [
    {
      title: `whole table 1-М R1 read, store of ${wanted.toExponential(0)} vs 1e6`,
      figure: round(bigMedian),
      unit: 'ms',
      baseline: round(smallMedian),
      ratio: round(bigMedian / smallMedian, 3),
      goal: { on: 'ratio', op: '<=', value: 1.2 },
      detail: {
        period: big.info.readPeriod,
        p90Ms: round(quantile(bigReads.readMs, 0.9)),
        smallP90Ms: round(quantile(smallReads.readMs, 0.9)),
        rowsFetchMedianMs: round(median(bigReads.rowsMs)),
        smallRowsFetchMedianMs: round(median(smallReads.rowsMs)),
        rowsFetchRatio: round(median(bigReads.rowsMs) / median(smallReads.rowsMs), 3),
        bigStore: storeOf(big.info),
        smallStore: storeOf(small.info),
      },
    },
    {
      title: `XLSX of that table, uncached (read + write, median of 5)`,
      figure: round(median(bigReads.xlsxMs)),
      unit: 'ms',
      goal: { on: 'figure', op: '<=', value: 2000 },
      detail: { bytes: bigReads.xlsxBytes, runs: bigReads.xlsxMs.map((x) => round(x)) },
    },
  ];
}

export async function runStoreBenchmarks(): Promise<BenchRow[]> {
  const structure = structure1M();
  return [...(await submissionBenchmarks(structure)), ...(await readBenchmarks(structure))];
}
