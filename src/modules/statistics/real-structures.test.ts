// The structures of ТМД-1 and 3-К taken from the real workbooks (catalog/structures/…) against the
// authority's published figures as flattened in ../shared/data/real/*/…_wide.csv: every row and graph
// the CSVs carry exists in the structure with the same label, and every control relation holds on
// every published table (all 20 ТМД-1 regions; every 3-К month and agency).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FormStructureSchema, type FormStructure, type Relation, type Section } from './structure.schema.js';

const structuresDir = path.resolve('catalog/structures');
const realDir = path.resolve('../shared/data/real');

function loadStructures(form: string): FormStructure[] {
  const dir = path.join(structuresDir, form);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseYaml(readFileSync(path.join(dir, f), 'utf8')) as FormStructure);
}

type CsvRow = Record<string, string>;
const readCsv = (file: string): CsvRow[] =>
  parseCsv(readFileSync(path.join(realDir, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as CsvRow[];

/** Labels as printed: line breaks and runs of spaces inside them are layout, not content. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A printed figure as an exact integer: counts as they are, amounts in thousandths (one tenge). */
function scaled(text: string, decimal: boolean): number {
  const t = text.trim();
  if (t === '') return 0; // an empty cell in the published workbook is a zero
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(t);
  if (!m) throw new Error(`not a non-negative figure: ${JSON.stringify(text)}`);
  if (!decimal && m[2] !== undefined) throw new Error(`not a whole number: ${JSON.stringify(text)}`);
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

/** One published table: a section of one workbook (form, period, breakdown value). */
interface Table {
  where: string;
  section: Section;
  rows: Map<string, CsvRow>;
}

const decimals = new WeakMap<Section, Map<number, boolean>>();
function value(table: Table, row: string, graph: number): number {
  const r = table.rows.get(row);
  if (!r) throw new Error(`${table.where}: row ${row} missing`);
  let types = decimals.get(table.section);
  if (!types) {
    types = new Map(table.section.graphs.map((g) => [g.n, g.valueType === 'decimal']));
    decimals.set(table.section, types);
  }
  const decimal = types.get(graph);
  if (decimal === undefined)
    throw new Error(`${table.where}: graph ${graph} not in section ${table.section.id}`);
  return scaled(r[`g${graph}`] ?? '', decimal);
}

/** Every breach of one relation in one table, as readable strings (empty when it holds). */
function breaches(rel: Relation, t: Table): string[] {
  const rows = t.section.rows.map((r) => r.code);
  const intGraphs = t.section.graphs.filter((g) => g.valueType === 'integer').map((g) => g.n);
  const allGraphs = t.section.graphs.map((g) => g.n);
  const out: string[] = [];
  if (rel.kind === 'sum-of-rows') {
    for (const g of rel.graphs ?? intGraphs) {
      const sum = rel.parts.reduce((a, p) => a + value(t, p, g), 0);
      if (sum !== value(t, rel.total, g))
        out.push(`g${g}: row ${rel.total} = ${value(t, rel.total, g) / 1000}, parts ${sum / 1000}`);
    }
  } else if (rel.kind === 'sum-of-graphs') {
    for (const r of rel.rows ?? rows) {
      const sum = rel.parts.reduce((a, p) => a + value(t, r, p), 0);
      if (sum !== value(t, r, rel.total))
        out.push(`row ${r}: g${rel.total} = ${value(t, r, rel.total) / 1000}, parts ${sum / 1000}`);
    }
  } else {
    // a side naming only a row runs over the graphs, one naming only a graph over the rows
    const seen = new Set<string>();
    for (const r of rel.rows ?? rows)
      for (const g of allGraphs) {
        const [lr, lg, rr, rg] = [
          rel.left.row ?? r,
          rel.left.graph ?? g,
          rel.right.row ?? r,
          rel.right.graph ?? g,
        ];
        const key = `${lr}|${lg}|${rr}|${rg}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (value(t, lr, lg) > value(t, rr, rg))
          out.push(
            `row ${lr} g${lg} = ${value(t, lr, lg) / 1000} > row ${rr} g${rg} = ${value(t, rr, rg) / 1000}`,
          );
      }
  }
  return out;
}

/** The structure in force for a period: the latest whose first period is not after it. */
function inForce(structures: FormStructure[], period: string): FormStructure {
  const s = structures.filter((x) => x.validFromPeriod <= period).at(-1);
  if (!s) throw new Error(`no structure for ${period}`);
  return s;
}

/** Groups the wide CSV rows into tables, each against the structure in force for its period. */
function tables(
  structures: FormStructure[],
  csv: CsvRow[],
  key: (r: CsvRow) => { where: string; period: string },
): Table[] {
  const byWhere = new Map<string, Table>();
  for (const r of csv) {
    const { where, period } = key(r);
    const id = `${where} ${r.sheet}`;
    let t = byWhere.get(id);
    if (!t) {
      const structure = inForce(structures, period);
      const section = structure.sections.find((s) => s.id === r.sheet);
      if (!section)
        throw new Error(`${id}: section ${r.sheet} not in structure ${structure.validFromPeriod}`);
      t = { where: id, section, rows: new Map() };
      byWhere.set(id, t);
    }
    const code = r.row_code ?? '';
    if (t.rows.has(code)) throw new Error(`${id}: row ${code} twice`);
    t.rows.set(code, r);
  }
  return [...byWhere.values()];
}

/** Rows and graphs of every CSV table exist in the structure's section with the same labels. */
function disagreements(t: Table): string[] {
  const out: string[] = [];
  const codes = new Map(t.section.rows.map((r) => [r.code, r]));
  for (const [code, r] of t.rows) {
    const row = codes.get(code);
    if (!row) out.push(`${t.where}: row ${code} not in the structure`);
    else if (squash(row.label.ru) !== squash(r.indicator_ru ?? ''))
      out.push(
        `${t.where}: row ${code} label ${JSON.stringify(r.indicator_ru)} ≠ ${JSON.stringify(row.label.ru)}`,
      );
    for (const [col, text] of Object.entries(r)) {
      const m = /^g(\d+)$/.exec(col);
      if (m && text.trim() !== '' && !t.section.graphs.some((g) => g.n === Number(m[1])))
        out.push(`${t.where}: row ${code} has ${col} = ${text}, not a graph of the section`);
    }
  }
  for (const code of codes.keys())
    if (!t.rows.has(code)) out.push(`${t.where}: structure row ${code} absent from the CSV`);
  return out;
}

/** Graph headers as the columns CSVs print them: the header tree and the label, joined by " | ". */
function graphDisagreements(s: FormStructure, columns: CsvRow[]): string[] {
  const out: string[] = [];
  for (const c of columns) {
    const g = s.sections.find((x) => x.id === c.sheet)?.graphs.find((x) => x.n === Number(c.graph));
    const printed = g ? squash([...(g.header ?? []), g.label.ru].join(' | ')) : undefined;
    if (printed !== squash(c.header_ru_heuristic ?? ''))
      out.push(
        `${s.validFromPeriod} ${c.sheet} g${c.graph}: ${JSON.stringify(printed)} ≠ ${JSON.stringify(c.header_ru_heuristic)}`,
      );
  }
  return out;
}

function checkRelations(ts: Table[]): { evaluated: number; failures: string[] } {
  let evaluated = 0;
  const failures: string[] = [];
  for (const t of ts)
    for (const rel of t.section.relations) {
      evaluated++;
      for (const b of breaches(rel, t)) failures.push(`${t.where} ${rel.id}: ${b}`);
    }
  return { evaluated, failures };
}

function checkWellFormed(s: FormStructure): string[] {
  const out: string[] = [];
  for (const sec of s.sections) {
    const rows = new Set(sec.rows.map((r) => r.code));
    const graphs = new Set(sec.graphs.map((g) => g.n));
    if (rows.size !== sec.rows.length) out.push(`${sec.id}: duplicate row code`);
    if (graphs.size !== sec.graphs.length) out.push(`${sec.id}: duplicate graph`);
    sec.graphs.forEach((g, i) => g.n !== i + 1 && out.push(`${sec.id}: graph ${g.n} at position ${i + 1}`));
    for (const r of sec.rows)
      if (r.parent !== undefined && !rows.has(r.parent))
        out.push(`${sec.id}: row ${r.code} parent ${r.parent} unknown`);
    const ids = new Set<string>();
    for (const rel of sec.relations) {
      if (ids.has(rel.id)) out.push(`${sec.id}: relation ${rel.id} twice`);
      ids.add(rel.id);
      if (!rel.id.startsWith(`${sec.id}.`))
        out.push(`${sec.id}: relation ${rel.id} not named after its section`);
      const rs: string[] = [],
        gs: number[] = [];
      if (rel.kind === 'sum-of-rows') {
        rs.push(rel.total, ...rel.parts);
        gs.push(...(rel.graphs ?? []));
      } else if (rel.kind === 'sum-of-graphs') {
        gs.push(rel.total, ...rel.parts);
        rs.push(...(rel.rows ?? []));
      } else {
        for (const side of [rel.left, rel.right]) {
          if (side.row !== undefined) rs.push(side.row);
          if (side.graph !== undefined) gs.push(side.graph);
        }
        rs.push(...(rel.rows ?? []));
      }
      for (const r of rs) if (!rows.has(r)) out.push(`${sec.id}: relation ${rel.id} names unknown row ${r}`);
      for (const g of gs)
        if (!graphs.has(g)) out.push(`${sec.id}: relation ${rel.id} names unknown graph ${g}`);
    }
  }
  return out;
}

const forms = [
  { form: 'tmd-1', sheets: ['R1', 'R2', 'R3'] },
  { form: '3-k', sheets: ['R1', 'R1-1', 'R2', 'R3'] },
] as const;

describe('structures of the real forms', () => {
  for (const { form } of forms) {
    it(`${form}: every structure validates against FormStructureSchema and is well formed`, () => {
      const files = readdirSync(path.join(structuresDir, form)).filter((f) => f.endsWith('.yaml'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const doc: unknown = parseYaml(readFileSync(path.join(structuresDir, form, f), 'utf8'));
        const errors = [...Value.Errors(FormStructureSchema, doc)].map((e) => `${f}${e.path}: ${e.message}`);
        expect(errors).toEqual([]);
        expect(Value.Check(FormStructureSchema, doc)).toBe(true);
        const s = doc as FormStructure;
        expect(s.form).toBe(form);
        expect(`${s.validFromPeriod}.yaml`).toBe(f);
        expect(s.provisional).toBe(false);
        expect(s.cumulative).toBe(true);
        expect(checkWellFormed(s)).toEqual([]);
      }
    });
  }

  it('tmd-1: the structure has the sections of the workbooks and the region breakdown', () => {
    const [s] = loadStructures('tmd-1');
    // R3 (population) prints no row code and is empty in every workbook: an ignored sheet.
    expect(s!.sections.map((x) => x.id)).toEqual(['R1', 'R2']);
    expect(s!.ignoredSheets).toEqual(['R3']);
    expect(s!.breakdown).toMatchObject({ dimension: 'region', total: '00' });
    expect(s!.sections[0]!.rows).toHaveLength(32);
    expect(s!.sections[0]!.graphs).toHaveLength(6);
  });

  it('3-k: one structure per layout, agencies as published', () => {
    const ss = loadStructures('3-k');
    expect(
      ss.map((s) => [s.validFromPeriod, s.sections.map((x) => `${x.id}:${x.graphs.length}`).join(' ')]),
    ).toEqual([
      ['2019-01', 'R1:20 R1-1:20 R2:46 R3:47'],
      ['2023-12', 'R1:20 R1-1:20 R2:43 R3:44'],
      ['2024-10', 'R1:20 R2:20 R3:43 R4:44'],
    ]);
    for (const s of ss) {
      expect(s.breakdown.dimension).toBe('agency');
      expect(s.breakdown.total).toBe('00000');
      expect(s.breakdown.values?.map((v) => v.id)).toEqual([
        '00000',
        '00100',
        '00300',
        '00400',
        '01000',
        '01500',
        '20100',
      ]);
      const r1 = s.sections[0]!;
      expect(r1.graphs.filter((g) => g.unit === 'thousand-tenge').map((g) => [g.n, g.valueType])).toEqual([
        [16, 'decimal'],
        [17, 'decimal'],
        [18, 'decimal'],
      ]);
      expect(r1.rows.filter((r) => r.article).map((r) => r.article)).toEqual([
        '189',
        '190',
        '218',
        '234',
        '249',
        '361',
        '362',
        '364',
        '365',
        '366',
        '367',
        '368',
        '369',
        '370',
        '450',
        '451',
        '452',
      ]);
    }
  });
});

describe('tmd-1 against the 20 regional tables of 2022', () => {
  const structures = loadStructures('tmd-1');
  const csv = [
    ...readCsv('qamqor_sng1_2022_by_region/sng1_2022_R1_wide.csv'),
    ...readCsv('qamqor_sng1_2022_by_region/sng1_2022_R2_wide.csv'),
  ];
  const ts = tables(structures, csv, (r) => ({ where: `region ${r.kato2}`, period: '2022-Q4' }));

  it('covers 20 regions × 2 sections', () => {
    expect(ts).toHaveLength(40);
  });

  it('every row and graph of the CSVs is in the structure with the same label', () => {
    expect(ts.flatMap(disagreements)).toEqual([]);
  });

  it('every graph has the header of the columns CSVs', () => {
    const columns = [
      ...readCsv('qamqor_sng1_2022_by_region/sng1_R1_columns.csv').map((c) => ({ ...c, sheet: 'R1' })),
      ...readCsv('qamqor_sng1_2022_by_region/sng1_R2_columns.csv').map((c) => ({ ...c, sheet: 'R2' })),
    ];
    expect(columns).toHaveLength(7);
    expect(graphDisagreements(structures[0]!, columns)).toEqual([]);
  });

  it('every control relation holds in every region', () => {
    const { evaluated, failures } = checkRelations(ts);
    expect(failures).toEqual([]);
    expect(evaluated).toBeGreaterThan(20 * 30);
  });
});

describe('3-k against every published month and agency', () => {
  const structures = loadStructures('3-k');
  const dir = 'qamqor_3k_corruption_2022-06_2025-01';
  const csv = [
    ...readCsv(`${dir}/3k_s1_crimes_wide.csv`),
    ...readCsv(`${dir}/3k_s1-1_cases_without_episodes_wide.csv`),
    ...readCsv(`${dir}/3k_officials_wide.csv`),
    ...readCsv(`${dir}/3k_persons_wide.csv`),
  ];
  const ts = tables(structures, csv, (r) => ({
    where: `${r.year}-${r.month_cumulative_to} ${r.file_code}`,
    period: `${r.year}-${r.month_cumulative_to}`,
  }));

  it('covers 189 workbooks × 4 sections, each under the structure of its layout', () => {
    expect(ts).toHaveLength(189 * 4);
    // the CSVs name the layout; the structure in force for the period must be that layout
    const layoutOf: Record<string, string> = {
      '2019-01': 'v2022',
      '2023-12': 'v2022',
      '2024-10': 'v2024-06',
    };
    for (const r of csv)
      expect(layoutOf[inForce(structures, `${r.year}-${r.month_cumulative_to}`).validFromPeriod]).toBe(
        r.form_layout,
      );
  });

  it('every row and graph of the CSVs is in the structure with the same label', () => {
    expect(ts.flatMap(disagreements)).toEqual([]);
  });

  it('every graph has the header of the columns CSV for its layout', () => {
    // 3k_columns.csv gives one header list per layout name; its v2022 list is that of the workbooks up
    // to 2023-11 (from 2023-12 the workbooks name the reorganised ministries: 43 / 44 graphs, not 46 / 47).
    const columns = readCsv(`${dir}/3k_columns.csv`);
    const byPeriod = (p: string) => structures.find((s) => s.validFromPeriod === p)!;
    const v2022 = columns.filter((c) => c.form_layout === 'v2022');
    const v2024 = columns.filter((c) => c.form_layout === 'v2024-06');
    expect(v2022).toHaveLength(133);
    expect(v2024).toHaveLength(127);
    expect(graphDisagreements(byPeriod('2019-01'), v2022)).toEqual([]);
    expect(graphDisagreements(byPeriod('2024-10'), v2024)).toEqual([]);
  });

  it('every control relation holds in every month and agency', () => {
    const { evaluated, failures } = checkRelations(ts);
    expect(failures).toEqual([]);
    expect(evaluated).toBeGreaterThan(189 * 60);
  }, 60_000);

  it('the evaluator sees a broken relation', () => {
    const t = ts.find((x) => x.section.id === 'R1' && x.where.startsWith('2024-12 00000'))!;
    const rel = t.section.relations.find((r) => r.id === 'R1.rows.1=2+3+4+5')!;
    expect(breaches(rel, t)).toEqual([]);
    const broken: Table = { ...t, rows: new Map(t.rows) };
    broken.rows.set('2', { ...t.rows.get('2')!, g2: String(Number(t.rows.get('2')!.g2) + 1) });
    expect(breaches(rel, broken)).toEqual([expect.stringMatching(/^g2: row 1 = \d+, parts \d+$/)]);
  });
});
