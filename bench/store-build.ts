// The synthetic stores of the whole-table read benchmark: form 1-М with its real sections, rows and
// graphs, 20 regions, as many monthly periods as the wanted number of values takes, written by
// COPY straight into stat_revisions and stat_rows (origin `synthetic`). Built once into
// bench/store-data/values-<n>/ (git-ignored) and reused while its store.json says the same size.
//
// Which cells a store holds is chosen period by period, section by section (R1 first), region by
// region until the wanted number is reached, so every store holds the whole R1 table of the
// period it is read at; the rows are written revision by revision (a region's period, all its
// sections), the order in which submissions arrive. Values: about 90 % zeros (the real 1-М
// workbooks are 93 % zeros), the rest 1–1000, from a seeded generator.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import {
  formatPeriod,
  nextPeriod,
  parsePeriod,
  periodEnd,
  periodStart,
  addDays,
} from '../src/modules/calendar/index.js';
import { currentCatalog, inForceOn } from '../src/modules/catalog/index.js';
import { type FormStructure, type Section } from '../src/modules/statistics/index.js';
import { copyIn, field, openStore, progress, round, timed, type Store } from './store-db.js';

export interface StoreInfo {
  /** values asked for (BENCH_STORE_VALUES) and held (the last chunk is whole rows) */
  wanted: number;
  values: number;
  rows: number;
  revisions: number;
  periods: number;
  firstPeriod: string;
  lastPeriod: string;
  /** the period whose whole table is read: the middle one */
  readPeriod: string;
  storeBytes: number;
  buildSeconds: number;
  builtAt: string;
}

interface PlannedRevision {
  period: string;
  region: string;
  /** sections in structure order, with how many of their rows (from the first) are held */
  sections: { section: Section; rows: number; width: number }[];
  values: number;
}

const widthOf = (s: Section) => Math.max(...s.graphs.map((g) => g.n));

export function planStore(structure: FormStructure, regions: string[], wanted: number, firstPeriod: string) {
  const revisions = new Map<string, PlannedRevision>();
  const periods: string[] = [];
  let total = 0;
  for (let p = parsePeriod(firstPeriod); total < wanted; p = nextPeriod(p)) {
    const period = formatPeriod(p);
    periods.push(period);
    for (const section of structure.sections) {
      const width = widthOf(section);
      for (const region of regions) {
        const remaining = wanted - total;
        if (remaining <= 0) break;
        const rows = Math.min(section.rows.length, Math.ceil(remaining / width));
        const key = `${period}|${region}`;
        const r = revisions.get(key) ?? { period, region, sections: [], values: 0 };
        revisions.set(key, r);
        r.sections.push({ section, rows, width });
        r.values += rows * width;
        total += rows * width;
      }
    }
  }
  return { revisions: [...revisions.values()], periods, total };
}

/** mulberry32: the same store for the same size on every machine. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function build(store: Store, structure: FormStructure, wanted: number, firstPeriod: string) {
  const { db } = store.deps;
  const { catalog } = await currentCatalog(db);
  const regions = inForceOn(catalog.regions, periodEnd(parsePeriod(firstPeriod)))
    .map((r) => r.id)
    .filter((id) => id !== structure.breakdown.total)
    .sort();
  const plan = planStore(structure, regions, wanted, firstPeriod);
  progress(
    `building a store of ${plan.total.toLocaleString('en')} values: ${plan.periods.length} period(s) from ${firstPeriod}, ${regions.length} regions, ${plan.revisions.length} revisions`,
  );
  await copyIn(
    store.pool,
    `COPY stat_revisions (form, period, period_start, period_end, breakdown, structure_period, revision, channel,
       submitted_at, actor_kind, actor_id, actor_name, value_count, origin) FROM STDIN`,
    plan.revisions.map((r) => {
      const p = parsePeriod(r.period);
      const at = `${addDays(periodEnd(p), 10)}T06:00:00Z`;
      return `${[structure.form, r.period, periodStart(p), periodEnd(p), r.region, structure.validFromPeriod, 1, 'import', at, 'system', 'bench', 'system:bench', r.values, 'synthetic'].map(field).join('\t')}\n`;
    }),
  );
  const ids = new Map(
    (
      await db
        .selectFrom('stat_revisions')
        .select(['id', 'period', 'breakdown'])
        .where('origin', '=', 'synthetic')
        .execute()
    ).map((r) => [`${r.period}|${r.breakdown}`, r.id]),
  );
  const random = generator(20221231);
  let rows = 0;
  let written = 0;
  let reported = 0;
  function* lines() {
    for (const r of plan.revisions) {
      const id = ids.get(`${r.period}|${r.region}`)!;
      for (const { section, rows: n, width } of r.sections) {
        const sectionField = field(section.id);
        for (const row of section.rows.slice(0, n)) {
          const vals = Array.from({ length: width }, () => {
            const x = random();
            return x < 0.9 ? 0 : 1 + Math.floor(((x - 0.9) / 0.1) * 1000);
          });
          rows++;
          yield `${id}\t${sectionField}\t${field(row.code)}\t{${vals.join(',')}}\n`;
        }
      }
      written += r.values;
      if (written - reported >= plan.total / 20) {
        reported = written;
        progress(`  ${Math.round((100 * written) / plan.total)} % (${written.toLocaleString('en')} values)`);
      }
    }
  }
  await copyIn(store.pool, 'COPY stat_rows (revision_id, section, row_code, vals) FROM STDIN', lines());
  progress('  vacuum (freeze, analyze)');
  await sql`VACUUM (FREEZE, ANALYZE) stat_revisions, stat_rows`.execute(db);
  return { plan, rows };
}

async function storeBytes(store: Store): Promise<number> {
  const r = await sql<{
    bytes: string;
  }>`SELECT pg_total_relation_size('stat_rows') + pg_total_relation_size('stat_revisions') AS bytes`.execute(
    store.deps.db,
  );
  return Number(r.rows[0]!.bytes);
}

/** The synthetic store in `dir`, built if it is absent or of another size; open, with what it holds. */
export async function syntheticStore(
  dir: string,
  structure: FormStructure,
  wanted: number,
  firstPeriod: string,
): Promise<{ store: Store; info: StoreInfo; built: boolean }> {
  const infoFile = path.join(dir, 'store.json');
  const kept = existsSync(infoFile) ? (JSON.parse(await fs.readFile(infoFile, 'utf8')) as StoreInfo) : null;
  if (kept && kept.wanted === wanted && kept.firstPeriod === firstPeriod) {
    const store = await openStore(dir, 'test');
    const held = await store.deps.db
      .selectFrom('stat_revisions')
      .select((eb) => eb.fn.sum<string>('value_count').as('n'))
      .where('origin', '=', 'synthetic')
      .executeTakeFirst();
    if (Number(held?.n ?? 0) === kept.values) {
      progress(`reusing the store of ${kept.values.toLocaleString('en')} values in ${dir}`);
      return { store, info: kept, built: false };
    }
    progress(`the store in ${dir} holds ${held?.n} values, not ${kept.values}: rebuilding`);
    await store.close();
  }
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true, mode: 0o755 });
  const store = await openStore(dir, 'test');
  try {
    const { ms, result } = await timed(() => build(store, structure, wanted, firstPeriod));
    const { plan, rows } = result;
    const info: StoreInfo = {
      wanted,
      values: plan.total,
      rows,
      revisions: plan.revisions.length,
      periods: plan.periods.length,
      firstPeriod,
      lastPeriod: plan.periods.at(-1)!,
      readPeriod: plan.periods[Math.floor((plan.periods.length - 1) / 2)]!,
      storeBytes: await storeBytes(store),
      buildSeconds: round(ms / 1000),
      builtAt: new Date().toISOString(),
    };
    await fs.writeFile(infoFile, `${JSON.stringify(info, null, 2)}\n`);
    progress(
      `  built in ${info.buildSeconds} s: ${info.rows.toLocaleString('en')} rows, ${(info.storeBytes / 2 ** 20).toFixed(0)} MiB`,
    );
    return { store, info, built: true };
  } catch (err) {
    await store.close();
    throw err;
  }
}
