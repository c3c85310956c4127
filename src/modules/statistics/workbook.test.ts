import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Value } from '@sinclair/typebox/value';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { FormStructureSchema, type FormStructure, type Relation, type Section } from './structure.schema.js';
import {
  cellNumber,
  columnLetters,
  findGraphNumberRow,
  parseOfficialWorkbook,
  readSection,
  type WorkbookProblem,
} from './workbook.js';

const realDir = path.resolve('../shared/data/real/qamqor_1m_2022_by_region');
const sourceDir = path.join(realDir, 'source_xlsx');
const structure = parseYaml(
  readFileSync(path.resolve('catalog/structures/1-m/2019-01.yaml'), 'utf8'),
) as FormStructure;
const section = (id: string): Section => {
  const found = structure.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};

describe('the 1-М structure', () => {
  it('validates against the structure schema', () => {
    const errors = [...Value.Errors(FormStructureSchema, structure)]
      .slice(0, 5)
      .map((e) => `${e.path}: ${e.message}`);
    expect(errors).toEqual([]);
    expect(Value.Check(FormStructureSchema, structure)).toBe(true);
  });

  it('has the 26 sheets of the workbook as sections, with unique rows, graphs and relation ids', () => {
    const ids = structure.sections.map((s) => s.id);
    expect(ids).toEqual([
      'R1',
      'R1-1',
      'R1-2',
      'R2',
      'R3',
      'R3-1',
      'R4',
      'R4-1',
      'R5',
      'R6',
      'R7',
      'R8',
      'R9',
      'R10',
      'R11',
      ...Array.from({ length: 11 }, (_, i) => `PRIL${i + 1}`),
    ]);
    for (const s of structure.sections) {
      const rows = new Set(s.rows.map((r) => r.code));
      expect(rows.size, s.id).toBe(s.rows.length);
      expect(new Set(s.graphs.map((g) => g.n)).size, s.id).toBe(s.graphs.length);
      expect(new Set(s.relations.map((r) => r.id)).size, s.id).toBe(s.relations.length);
      for (const row of s.rows)
        if (row.parent) expect(rows.has(row.parent), `${s.id} ${row.code}`).toBe(true);
    }
    expect(section('R1').rows).toHaveLength(422);
    expect(section('R1').graphs).toHaveLength(31);
    expect(section('R1').rows.find((r) => r.code === '14')).toMatchObject({
      kind: 'article',
      article: '99',
      parent: '13',
    });
    expect(section('R1').rows.find((r) => r.code === '13')).toMatchObject({
      kind: 'chapter',
      chapter: 1,
      parent: '1',
    });
    expect(section('R4').graphs.every((g) => g.unit === 'thousand-tenge' && g.valueType === 'decimal')).toBe(
      true,
    );
  });
});

describe('reading a sheet', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [35, 'AI'],
    [53, 'BA'],
  ])('column %i is %s', (column, letters) => expect(columnLetters(column)).toBe(letters));

  it.each([
    [12, 12],
    [0.5, 0.5],
    [null, null],
    [undefined, null],
    ['  ', null],
    [' 17 ', 17],
    ['1,5', 1.5],
    ['много', undefined],
    [{ formula: 'A1+A2', result: 7 }, 7],
    [{ error: '#DIV/0!' }, undefined],
    [true, undefined],
  ] as [ExcelJS.CellValue, number | null | undefined][])('cell %j reads as %j', (value, expected) =>
    expect(cellNumber(value)).toBe(expected),
  );

  it('finds the row of graph numbers and the code column marked Б', () => {
    expect(findGraphNumberRow([undefined, 'А', undefined, undefined, 'Б', 1, 2, 3])).toEqual({
      codeColumn: 4,
      graphColumns: new Map([
        [1, 5],
        [2, 6],
        [3, 7],
      ]),
    });
    expect(findGraphNumberRow([undefined, 'Всего', undefined, undefined, 1, 6584, 5317])).toBeUndefined();
    expect(findGraphNumberRow([undefined, 'Наименование показателей', 'Шифр строки'])).toBeUndefined();
  });

  it('reports unknown and duplicate rows and texts in count cells, addressed to the cell', async () => {
    const s = section('PRIL3');
    const rows = [
      { number: 5, values: [undefined, 'А', undefined, undefined, 'Б', 1, 2, 3] },
      { number: 6, values: [undefined, 'Всего', undefined, undefined, 1, 227, 'сорок', null] },
      { number: 7, values: [undefined, 'x', undefined, undefined, 999, 1, 1, 1] },
      { number: 8, values: [undefined, 'Всего', undefined, undefined, '1', 1, 1, 1] },
    ];
    const read = await readSection('PRIL3', s, rows);
    expect(read.observations).toEqual([
      { section: 'PRIL3', row: '1', graph: 1, value: 227, ref: { sheet: 'PRIL3', cell: 'E6' } },
      { section: 'PRIL3', row: '1', graph: 3, value: null, ref: { sheet: 'PRIL3', cell: 'G6' } },
    ]);
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([
      ['not_a_number', 'F6'],
      ['unknown_row', 'D7'],
      ['duplicate_row', 'D8'],
      ['missing_row', undefined],
    ]);
  });
});

describe('bad files', () => {
  it('reports a non-XLSX file and a truncated one as not_xlsx, without throwing', async () => {
    const text = await parseOfficialWorkbook(Buffer.from('kato,value\n11,5\n'), structure);
    expect(text.problems.map((p) => p.code)).toEqual(['not_xlsx']);
    const whole = readFileSync(path.join(sourceDir, '62_Ulytau_Region.xlsx'));
    const truncated = await parseOfficialWorkbook(whole.subarray(0, Math.floor(whole.length / 2)), structure);
    expect(truncated.problems.map((p) => p.code)).toEqual(['not_xlsx']);
    expect(truncated.observations).toEqual([]);
  });

  it('names the sheet and cell of a text in a count cell, and reports sheets and rows it does not know', async () => {
    const workbook = new ExcelJS.Workbook();
    const r1 = workbook.addWorksheet('R1');
    r1.addRow(['Раздел 1. Сведения о зарегистрированных уголовных правонарушениях']);
    r1.addRow(['А', undefined, undefined, 'Б', ...Array.from({ length: 31 }, (_, i) => i + 1)]);
    r1.addRow(['Всего правонарушений', undefined, undefined, 1, 10, 'десять']);
    r1.addRow(['?', undefined, undefined, 'X9', 1]);
    workbook.addWorksheet('Notes').addRow(['prepared by hand']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const parsed = await parseOfficialWorkbook(file, structure, { sheetsToRead: ['R1', 'Notes'] });
    const problem = (code: string) => parsed.problems.find((p: WorkbookProblem) => p.code === code);
    expect(problem('not_a_number')).toMatchObject({ sheet: 'R1', cell: 'F3' });
    expect(problem('unknown_row')).toMatchObject({ sheet: 'R1', cell: 'D4' });
    expect(problem('unknown_sheet')).toMatchObject({ sheet: 'Notes' });
    expect(problem('missing_section')).toBeUndefined();
    expect(parsed.observations.find((o) => o.graph === 1)).toMatchObject({
      row: '1',
      value: 10,
      ref: { sheet: 'R1', cell: 'E3' },
    });
    const all = await parseOfficialWorkbook(file, structure);
    expect(all.problems.filter((p) => p.code === 'missing_section')).toHaveLength(25);
  });
});

// ---- the 20 real regional workbooks ----------------------------------------------------------

/** every (section, row, graph) of the structure at a fixed position, so a region is one Float64Array */
const positions = new Map<string, number>();
for (const s of structure.sections)
  for (const r of s.rows) for (const g of s.graphs) positions.set(`${s.id}|${r.code}|${g.n}`, positions.size);
const at = (values: Float64Array, s: string, row: string, graph: number) =>
  values[positions.get(`${s}|${row}|${graph}`) ?? -1] ?? NaN;

interface Region {
  file: string;
  kato: string;
  values: Float64Array;
  problems: WorkbookProblem[];
  regionHint?: string;
  refR1: string | undefined;
}
const regions: Region[] = [];

beforeAll(async () => {
  for (const file of readdirSync(sourceDir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()) {
    const parsed = await parseOfficialWorkbook(readFileSync(path.join(sourceDir, file)), structure);
    const values = new Float64Array(positions.size).fill(NaN);
    for (const o of parsed.observations)
      values[positions.get(`${o.section}|${o.row}|${o.graph}`) ?? -1] = o.value ?? 0;
    const refR1 = parsed.observations.find((o) => o.section === 'R1' && o.row === '1' && o.graph === 2)?.ref
      .cell;
    regions.push({
      file,
      kato: file.slice(0, 2),
      values,
      problems: parsed.problems,
      regionHint: parsed.meta.regionHint,
      refR1,
    });
  }
}, 300_000);

/** A control relation, checked on one region: the list of its failures. */
function failures(s: Section, relation: Relation, values: Float64Array): string[] {
  const tolerance = 1e-6;
  const integer = s.graphs.filter((g) => g.valueType === 'integer').map((g) => g.n);
  const rows = s.rows.map((r) => r.code);
  const out: string[] = [];
  const v = (row: string, graph: number) => at(values, s.id, row, graph);
  if (relation.kind === 'sum-of-rows') {
    for (const g of relation.graphs ?? integer) {
      const sum = relation.parts.reduce((a, p) => a + v(p, g), 0);
      if (!(Math.abs(v(relation.total, g) - sum) <= tolerance))
        out.push(`graph ${g}: ${v(relation.total, g)} ≠ ${sum}`);
    }
  } else if (relation.kind === 'sum-of-graphs') {
    for (const r of relation.rows ?? rows) {
      const sum = relation.parts.reduce((a, p) => a + v(r, p), 0);
      if (!(Math.abs(v(r, relation.total) - sum) <= tolerance))
        out.push(`row ${r}: ${v(r, relation.total)} ≠ ${sum}`);
    }
  } else {
    const { left, right } = relation;
    const cells: [string, number][] = [];
    if (left.row !== undefined && left.graph === undefined)
      for (const g of s.graphs) cells.push([left.row, g.n]);
    else if (left.row === undefined && left.graph !== undefined)
      for (const r of relation.rows ?? rows) cells.push([r, left.graph]);
    else cells.push([left.row ?? '', left.graph ?? 0]);
    for (const [r, g] of cells) {
      const a = v(r, g);
      const b = v(right.row ?? r, right.graph ?? g);
      if (!(a <= b + tolerance)) out.push(`row ${r} graph ${g}: ${a} > ${b}`);
    }
  }
  return out;
}

function wideCsv(name: string): Record<string, string>[] {
  return parseCsv(readFileSync(path.join(realDir, name)), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
}

describe('the 20 real 1-М workbooks', () => {
  it('are all read, without a problem, with the region named in the title', () => {
    expect(regions).toHaveLength(20);
    for (const region of regions) {
      expect(region.problems, region.file).toEqual([]);
      expect(
        region.values.every((x) => !Number.isNaN(x)),
        region.file,
      ).toBe(true);
      expect(region.refR1).toBe('F7');
    }
    expect(regions.find((r) => r.kato === '11')?.regionHint).toBe('Акмолинская область');
    expect(regions.find((r) => r.kato === '71')?.regionHint).toBe('Астана');
  });

  it.each(['R1', 'R1-1', 'R3'])(
    'give, for %s, exactly the numbers of the wide CSV, every row and graph',
    (sheet) => {
      const records = wideCsv(`1m_2022_${sheet}_wide.csv`);
      const graphs = section(sheet).graphs;
      expect(records).toHaveLength(section(sheet).rows.length * 20);
      const differences: string[] = [];
      let compared = 0;
      for (const record of records) {
        const region = regions.find((r) => r.kato === record.kato2);
        if (!region) throw new Error(`no workbook for ${record.kato2}`);
        for (const g of graphs) {
          const read = at(region.values, sheet, record.row_code ?? '', g.n);
          if (read !== Number(record[`g${g.n}`]))
            differences.push(`${record.kato2} row ${record.row_code} g${g.n}: ${read}`);
          compared += 1;
        }
      }
      expect(differences.slice(0, 10)).toEqual([]);
      expect(compared).toBe(records.length * graphs.length);
    },
    60_000,
  );

  it('sum, over the regions, to 155 200 offences registered in 2022 (R1 row 1 graph 2)', () => {
    expect(regions.reduce((sum, r) => sum + at(r.values, 'R1', '1', 2), 0)).toBe(155_200);
  });

  it('satisfy every control relation of the structure, in every region', () => {
    const broken: string[] = [];
    for (const s of structure.sections) {
      for (const relation of s.relations) {
        for (const region of regions) {
          const failed = failures(s, relation, region.values);
          if (failed.length > 0)
            broken.push(`${relation.id} in ${region.kato}: ${failed.slice(0, 2).join('; ')}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(section('R1').relations.map((r) => r.id)).toEqual(
      expect.arrayContaining(['R1.rows.1=2+3', 'R1.graphs.7=8+9+10', 'R1.graphs.3<=2']),
    );
  }, 60_000);

  it('reads a stream as well as a buffer', async () => {
    const parsed = await parseOfficialWorkbook(
      createReadStream(path.join(sourceDir, '62_Ulytau_Region.xlsx')),
      structure,
      { sheetsToRead: ['R11'] },
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.observations).toHaveLength(section('R11').rows.length * section('R11').graphs.length);
  });
});
