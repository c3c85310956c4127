import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../statistics.table.js';
import { sampleTable } from './table.fixture.js';
import { columnTitle } from './table.layout.js';
import { sheetName, writeTableXlsx } from './table.xlsx.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zanstat-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeXlsx(table: Table, name: string, lang: 'kk' | 'ru' | 'en' = 'kk'): Promise<string> {
  const file = path.join(dir, name);
  const out = createWriteStream(file);
  await writeTableXlsx(table, { lang }, out);
  await finished(out);
  return file;
}

function libreOffice(): string | undefined {
  for (const command of ['libreoffice', 'soffice']) {
    const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return undefined;
}

const table = sampleTable();
/** title lines (3) + region line + derived note on the republic's sheet, a blank row, then 2 header rows */
const numbersRowOf = (republic: boolean): number => (republic ? 5 : 4) + 1 + 2 + 1;

describe('writeTableXlsx: the workbook', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await writeXlsx(table, 'table.xlsx'));
  });

  it('has one sheet per breakdown value, the republic first', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '00 Қазақстан Республикасы',
      '10 Абай облысы',
      '11 Ақмола облысы',
    ]);
  });

  it('prints the title, the header tree with merged cells, and the graph numbers', () => {
    const sheet = workbook.getWorksheet('10 Абай облысы')!;
    expect(sheet.getCell('A1').value).toBe('Нысан 1-М. Тіркелген қылмыстық құқық бұзушылықтар туралы есеп');
    expect(sheet.getCell('A2').value).toBe(
      '1-бөлім. Тіркелген қылмыстық құқық бұзушылықтар туралы мәліметтер',
    );
    expect(sheet.getCell('A3').value).toBe('Кезең: қаңтар–желтоқсан 2022 ж.');
    expect(sheet.getCell('A4').value).toBe('10 Абай облысы');
    const top = 6;
    expect(sheet.getCell(top, 4).value).toBe('из графы 1');
    expect(sheet.getCell(top + 1, 4).value).toBe('әйелдерге қатысты');
    expect(sheet.getCell(top + 1, 5).value).toBe('Ғаламтор желісі арқылы');
    expect(sheet.getCell(top, 6).value).toBe('Келтірілген залал сомасы (мың ₸)');
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['D6:E6', 'C6:C7', 'F6:F7', 'A6:A7', 'B6:B7', 'A1:F1']));
    expect(sheet.getRow(top + 2).values).toEqual([undefined, 'А', 'Б', 1, 2, 3, 4]);
  });

  it('freezes the panes below the header and right of the labels', () => {
    for (const sheet of workbook.worksheets) {
      const numbersRow = numbersRowOf(sheet.name.startsWith('00'));
      expect(sheet.getCell(numbersRow, 1).value).toBe('А');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: numbersRow });
    }
  });

  it('writes the values as numbers, empty where there is none, labels falling back to Russian', () => {
    const sheet = workbook.getWorksheet('10 Абай облысы')!;
    const first = numbersRowOf(false) + 1;
    expect(sheet.getRow(first).values).toEqual([
      undefined,
      'Барлық құқық бұзушылықтар',
      '1',
      120,
      15,
      4,
      1234.5,
    ]);
    expect(sheet.getCell(first + 1, 5).value).toBeNull();
    expect(sheet.getCell(first + 2, 1).value).toBe('тяжкие');
    expect(sheet.getCell(first, 6).numFmt).toBe('#,##0.0##');
    expect(sheet.getCell(first + 1, 1).alignment?.indent).toBe(1);
  });

  it('adds nothing the table lacks', async () => {
    const cut = sampleTable({ graphs: table.graphs.slice(0, 2), rows: table.rows.slice(0, 2) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await writeXlsx(cut, 'cut.xlsx', 'ru'));
    const texts = book.worksheets.flatMap((s) =>
      s.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(texts).not.toContain('тяжкие');
    expect(texts.some((t) => t.includes('Сумма ущерба'))).toBe(false);
    expect(book.worksheets[1]!.getRow(numbersRowOf(false)).values).toEqual([undefined, 'А', 'Б', 1, 2]);
  });

  it('makes sheet names Excel accepts', () => {
    const taken = new Set<string>();
    expect(sheetName('00 Республика: всего [сумма] / регионы', taken)).toBe(
      '00 Республика всего сумма регио',
    );
    expect(sheetName('00 Республика: всего [сумма] / регионы', taken)).toBe(
      '00 Республика всего сумма р (2)',
    );
  });
});

const lo = libreOffice();
const skipLibreOffice = !lo && !process.env.CI;
if (skipLibreOffice) {
  console.warn(
    'LibreOffice is not installed: the XLSX → CSV check is skipped here (Debian: libreoffice-calc-nogui); in CI it runs.',
  );
}

describe('writeTableXlsx: read by LibreOffice', () => {
  it.skipIf(skipLibreOffice)(
    'converts to CSV with the same numbers on every sheet',
    async () => {
      if (!lo) throw new Error('libreoffice is not on PATH (install Debian libreoffice-calc-nogui)');
      const file = await writeXlsx(table, 'lo.xlsx');
      const out = path.join(dir, 'csv');
      // Raw values (not as formatted), UTF-8, comma-separated, every sheet into <name>-<sheet>.csv.
      const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
      const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
      const run = spawnSync(
        lo,
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', out, file],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const sheets = readdirSync(out).map((name) =>
        parseCsv(readFileSync(path.join(out, name), 'utf8'), { relaxColumnCount: true }),
      ) as string[][][];
      expect(sheets).toHaveLength(table.columns.length);
      for (const column of table.columns) {
        const sheet = sheets.find((rows) => rows[3]?.[0] === columnTitle(column, 'kk'));
        expect(sheet, columnTitle(column, 'kk')).toBeDefined();
        const start = sheet!.findIndex((row) => row[0] === 'А' && row[1] === 'Б');
        expect(sheet![start]!.slice(2)).toEqual(table.graphs.map((g) => String(g.n)));
        table.rows.forEach((row, i) => {
          const line = sheet![start + 1 + i]!;
          expect(line[1]).toBe(row.code);
          const expected = column.values[row.code]!.map((v) => (v === null ? '' : String(v)));
          expect(line.slice(2), `${column.breakdown} row ${row.code}`).toEqual(expected);
        });
      }
    },
    180_000,
  );
});
