// The real published figures (shared/data/real) imported through the path a user takes — the
// workbook submission API — and read back as tables: every region's figures equal its
// workbook, the derived republic equals their sum, and every control relation held (the
// submission is refused otherwise).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import JSONstat from 'jsonstat-toolkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/usecase.js';
import { builtInStructuresDir, loadFormStructures } from '../../src/modules/statistics/index.js';
import { createTestApp, tokenFor, type TestContext } from '../support/test-app.js';

const real = path.resolve('../shared/data/real');
let t: TestContext;
let editor: { authorization: string };

beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: String(50 * 1024 * 1024) });
  await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
  editor = await tokenFor(t, 'editor');
}, 120_000);
afterAll(async () => t.close());

async function submitFile(file: string, query: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/submissions/xlsx?fileName=${encodeURIComponent(path.basename(file))}${query}`,
    headers: {
      ...editor,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    payload: fs.readFileSync(file),
  });
  expect(res.statusCode, `${path.basename(file)}: ${res.body.slice(0, 2000)}`).toBe(201);
}

type Column = { breakdown: string; kind: string; values: Record<string, (number | null)[]> };
async function tableOf(form: string, section: string, period: string) {
  const res = await t.app.inject({
    url: `/api/v1/staff/forms/${form}/tables/${period}?section=${section}`,
    headers: editor,
  });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json() as {
    graphs: { n: number }[];
    columns: Column[];
    republic: { missingRegions: string[] } | null;
  };
}

/** Map.groupBy arrived in Node 21; zanstat runs on 20. */
function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

const csv = (file: string) =>
  parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

/** Every (row, graph) of the CSV rows equals the table's column (an empty cell reads as no value or 0). */
function expectColumnEquals(
  table: { graphs: { n: number }[] },
  column: Column,
  rows: Record<string, string>[],
  where: string,
) {
  let checked = 0;
  for (const r of rows) {
    table.graphs.forEach((g, j) => {
      const expected = num(r[`g${g.n}`]);
      const actual = column.values[r.row_code!]?.[j] ?? null;
      if ((expected ?? 0) !== (actual ?? 0))
        expect.fail(
          `${where} row ${r.row_code} graph ${g.n}: the workbook says ${expected}, the store ${actual}`,
        );
      checked++;
    });
  }
  return checked;
}

describe('form 1-М, January–December 2022, 20 regions', () => {
  it('imports every workbook, and R1 of every region equals its workbook; the republic is their sum', async () => {
    const dir = path.join(real, 'qamqor_1m_2022_by_region/source_xlsx');
    for (const f of fs.readdirSync(dir).sort()) await submitFile(path.join(dir, f), '&period=2022-12');
    const table = await tableOf('1-m', 'R1', '2022-12');
    const byRegion = groupBy(
      csv(path.join(real, 'qamqor_1m_2022_by_region/1m_2022_R1_wide.csv')),
      (r) => r.kato2!,
    );
    expect(byRegion.size).toBe(20);
    let checked = 0;
    for (const [kato, rows] of byRegion)
      checked += expectColumnEquals(
        table,
        table.columns.find((c) => c.breakdown === kato)!,
        rows,
        `1-М R1 region ${kato}`,
      );
    expect(checked).toBe(20 * 422 * 31);
    const republic = table.columns.find((c) => c.breakdown === '00')!;
    expect(republic.kind).toBe('derived');
    expect(republic.values['1']![1]).toBe(155_200); // row 1, graph 2: registered in 2022 (SOURCE.md)
    expect(table.republic!.missingRegions).toEqual([]);
  }, 600_000);
});

describe('form ТМД-1 (СНГ-1), 2022, 20 regions', () => {
  it('imports every workbook, and R1 of every region equals its workbook', async () => {
    const dir = path.join(real, 'qamqor_sng1_2022_by_region/source_xlsx');
    for (const f of fs.readdirSync(dir).sort())
      await submitFile(path.join(dir, f), '&form=tmd-1&period=2022-Q4');
    const table = await tableOf('tmd-1', 'R1', '2022-Q4');
    const byRegion = groupBy(
      csv(path.join(real, 'qamqor_sng1_2022_by_region/sng1_2022_R1_wide.csv')),
      (r) => r.kato2!,
    );
    for (const [kato, rows] of byRegion)
      expectColumnEquals(
        table,
        table.columns.find((c) => c.breakdown === kato)!,
        rows,
        `ТМД-1 R1 region ${kato}`,
      );
    expect(byRegion.size).toBe(20);
  }, 300_000);
});

describe('exports of a real table open in their readers with the same numbers', () => {
  // ТМД-1 R1 of 2022 (imported above): 20 regions and the derived republic, 32 rows × 6 graphs.
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanstat-real-export-'));
  afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

  it('is approved and published by an editor through the staff API', async () => {
    const url = '/api/v1/staff/releases/tmd-1/2022-Q4';
    const approve = await t.app.inject({
      method: 'POST',
      url: `${url}/approve`,
      headers: editor,
      payload: {},
    });
    expect(approve.statusCode, approve.body).toBe(200);
    const publish = await t.app.inject({
      method: 'POST',
      url: `${url}/publish`,
      headers: editor,
      payload: {},
    });
    expect(publish.statusCode, publish.body).toBe(200);
  });

  it('XLSX through LibreOffice', async () => {
    const table = await tableOf('tmd-1', 'R1', '2022-Q4');
    const res = await t.app.inject('/api/v1/forms/tmd-1/tables/2022-Q4?section=R1&format=xlsx&lang=ru');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.statusCode).toBe(200);
    const file = path.join(tmpDir, 'tmd-1.xlsx');
    fs.writeFileSync(file, res.rawPayload);
    const out = path.join(tmpDir, 'csv');
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
    const profile = pathToFileURL(path.join(tmpDir, 'lo-profile')).href;
    const run = spawnSync(
      'libreoffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', out, file],
      { encoding: 'utf8', timeout: 180_000 },
    );
    expect(run.status, `${run.error?.message ?? ''} ${run.stderr}`).toBe(0);
    const sheets = fs
      .readdirSync(out)
      .map(
        (n) => parse(fs.readFileSync(path.join(out, n), 'utf8'), { relax_column_count: true }) as string[][],
      );
    expect(sheets).toHaveLength(table.columns.length);
    // Every value of every sheet, as LibreOffice reads it, is a value of the table.
    const expected = new Set(
      table.columns.flatMap((c) => Object.values(c.values).flat()).map((v) => (v === null ? '' : String(v))),
    );
    let numbers = 0;
    for (const sheet of sheets) {
      const start = sheet.findIndex((row) => row[0] === 'А' && row[1] === 'Б');
      expect(start).toBeGreaterThan(0);
      for (const line of sheet.slice(start + 1))
        for (const v of line.slice(2))
          if (v !== '') {
            expect(expected.has(v), v).toBe(true);
            numbers++;
          }
    }
    expect(numbers).toBeGreaterThan(20 * 32 * 3);
    // And one region exactly: Astana (71), row by row.
    const astana = table.columns.find((c) => c.breakdown === '71')!;
    const sheet = sheets.find((rows) => rows.some((r) => r.join(' ').includes('Астана')))!;
    const start = sheet.findIndex((row) => row[0] === 'А' && row[1] === 'Б');
    for (const line of sheet.slice(start + 1)) {
      const code = line[1]!;
      expect(line.slice(2, 2 + table.graphs.length), `row ${code}`).toEqual(
        astana.values[code]!.map((v) => (v === null ? '' : String(v))),
      );
    }
  }, 240_000);

  it('PDF through pdftotext, the Kazakh text intact', async () => {
    const table = await tableOf('tmd-1', 'R1', '2022-Q4');
    const res = await t.app.inject(
      '/api/v1/forms/tmd-1/tables/2022-Q4?section=R1&format=pdf&region=71&lang=kk',
    );
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(tmpDir, 'tmd-1.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Қылмыстылық жағдайы');
    const astana = table.columns.find((c) => c.breakdown === '71')!;
    const total = astana.values['1']![0]!;
    expect(text.replace(/[\s\u00a0\u202f]/g, '')).toContain(String(total));
  });

  it('JSON-stat through jsonstat-toolkit', async () => {
    const table = await tableOf('tmd-1', 'R1', '2022-Q4');
    const res = await t.app.inject('/api/v1/forms/tmd-1/tables/2022-Q4?section=R1&format=json-stat');
    const ds = JSONstat(res.json()).Dataset(0)!;
    for (const c of table.columns.filter((x) => x.kind === 'submitted')) {
      for (const [row, vals] of Object.entries(c.values)) {
        table.graphs.forEach((g, j) =>
          expect(ds.Data({ region: c.breakdown, row, graph: String(g.n) })?.value ?? null).toBe(
            vals[j] ?? null,
          ),
        );
      }
    }
  });
});

describe('form 3-К, June 2022 – January 2025, by investigating agency', () => {
  it('imports every monthly workbook (the court-only variant aside), and section 1 equals the workbooks', async () => {
    const dir = path.join(real, 'qamqor_3k_corruption_2022-06_2025-01/source_xlsx');
    // 202408_3k_00000 is the court-only variant «3-К (суд)» with other sheets (SOURCE.md).
    const files = fs
      .readdirSync(dir)
      .filter((f) => !f.startsWith('202408_3k_00000'))
      .sort();
    for (const f of files) await submitFile(path.join(dir, f), '');
    const rows = csv(path.join(real, 'qamqor_3k_corruption_2022-06_2025-01/3k_s1_crimes_wide.csv'));
    const groups = groupBy(rows, (r) => `${r.year}-${r.month_cumulative_to}|${r.file_code}`);
    const tables = new Map<string, Awaited<ReturnType<typeof tableOf>>>();
    for (const [key, group] of groups) {
      const [period, agency] = key.split('|') as [string, string];
      if (!tables.has(period)) tables.set(period, await tableOf('3-k', 'R1', period));
      const table = tables.get(period)!;
      expectColumnEquals(
        table,
        table.columns.find((c) => c.breakdown === agency)!,
        group,
        `3-К R1 ${period} ${agency}`,
      );
    }
    expect(groups.size).toBe(files.length);
  }, 900_000);
});
