// Derives the compact copy of the real published figures that ships with zanstat
// (seed/official/*.csv.gz) from the wide CSVs in ../shared/data/real (each folder's SOURCE.md
// says where they come from). One line per (period, breakdown, section, row): the graphs'
// values joined by `;`, an empty cell empty. Run: npx tsx scripts/derive-official-figures.ts
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const real = path.resolve('../shared/data/real');
const out = path.resolve('seed/official');

type Rec = Record<string, string>;
const read = (file: string) =>
  parse(fs.readFileSync(path.join(real, file)), { columns: true, bom: true }) as Rec[];
const graphs = (r: Rec) => {
  const values: string[] = [];
  for (let n = 1; `g${n}` in r; n++) values.push(r[`g${n}`] ?? '');
  while (values.length && values.at(-1) === '') values.pop();
  return values.join(';');
};

function write(form: string, rows: string[][], sources: string[]) {
  const text = stringify([['period', 'breakdown', 'section', 'row', 'values'], ...rows]);
  fs.writeFileSync(path.join(out, `${form}.csv.gz`), gzipSync(text, { level: 9 }));
  console.log(`${form}: ${rows.length} rows from ${sources.join(', ')}`);
}

fs.mkdirSync(out, { recursive: true });
const oneM = ['1m_2022_R1_wide.csv', '1m_2022_R1-1_wide.csv', '1m_2022_R3_wide.csv'].map(
  (f) => `qamqor_1m_2022_by_region/${f}`,
);
write(
  '1-m',
  oneM.flatMap((f) => read(f).map((r) => ['2022-12', r.kato2!, r.sheet!, r.row_code!, graphs(r)])),
  oneM,
);
const tmd = ['sng1_2022_R1_wide.csv', 'sng1_2022_R2_wide.csv'].map((f) => `qamqor_sng1_2022_by_region/${f}`);
write(
  'tmd-1',
  tmd.flatMap((f) => read(f).map((r) => ['2022-Q4', r.kato2!, r.sheet!, r.row_code!, graphs(r)])),
  tmd,
);
const threeK = [
  '3k_s1_crimes_wide.csv',
  '3k_s1-1_cases_without_episodes_wide.csv',
  '3k_officials_wide.csv',
  '3k_persons_wide.csv',
].map((f) => `qamqor_3k_corruption_2022-06_2025-01/${f}`);
write(
  '3-k',
  threeK.flatMap((f) =>
    read(f).map((r) => [
      `${r.year}-${r.month_cumulative_to}`,
      r.file_code!,
      r.sheet!,
      r.row_code!,
      graphs(r),
    ]),
  ),
  threeK,
);
