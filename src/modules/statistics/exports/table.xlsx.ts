// A table as an XLSX workbook in the official layout, streamed (exceljs WorkbookWriter).
//
// Layout: one sheet per breakdown value (the republic first, then the regions or agencies in the
// table's order), because that is how the authority's own workbooks read — each region's report
// is a copy of the form — and every sheet then has the same rows, graphs and frozen panes, so a
// reader flips between regions without losing the header. Each sheet: the title lines (form code
// and title, section title, period, the region with how it was derived), then the header tree
// (merged cells across graphs sharing an outer header; each graph's own label with its unit),
// the row of graph numbers as printed on the forms ("А" the label, "Б" the row code, then the
// graphs' own numbers 1…N — the numbers stay those of the form even when a restricted graph was
// removed), then one row per indicator: label (indented under its parent), code, and the values
// as numbers. Panes are frozen below the numbers row and right of the code column.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Table, TableColumn } from '../statistics.table.js';
import type { Graph } from '../structure.schema.js';
import {
  columnNote,
  columnTitle,
  headerCells,
  headerDepth,
  labelText,
  orderedColumns,
  rowDepths,
  tableNotes,
  titleLines,
  word,
  type ExportOptions,
} from './table.layout.js';

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true, size: 9 },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
};
const numberRowStyle: Partial<ExcelJS.Style> = {
  font: { size: 8, italic: true },
  alignment: { horizontal: 'center' },
  border,
};
const INTEGER_FORMAT = '#,##0';
const DECIMAL_FORMAT = '#,##0.0##';

function dataStyles(graphs: Graph[]) {
  const value = (g: Graph, bold: boolean): Partial<ExcelJS.Style> => ({
    font: { bold, size: 9 },
    numFmt: g.valueType === 'decimal' ? DECIMAL_FORMAT : INTEGER_FORMAT,
    border,
  });
  const labels = new Map<string, Partial<ExcelJS.Style>>();
  return {
    values: graphs.map((g) => value(g, false)),
    totals: graphs.map((g) => value(g, true)),
    code: {
      font: { size: 9 },
      alignment: { horizontal: 'center', vertical: 'top' },
      border,
    } as Partial<ExcelJS.Style>,
    label(bold: boolean, depth: number): Partial<ExcelJS.Style> {
      const indent = Math.min(depth, 15);
      const key = `${bold}:${indent}`;
      let style = labels.get(key);
      if (!style) {
        style = { font: { bold, size: 9 }, alignment: { wrapText: true, vertical: 'top', indent }, border };
        labels.set(key, style);
      }
      return style;
    },
  };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Sheet';
  let name = clean.slice(0, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) {
    const suffix = ` (${i})`;
    name = clean.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Writes the table to `output` as XLSX, one sheet per breakdown value; resolves when the
 * workbook is complete. The writer ends `output` (the zip stream is piped into it).
 */
export async function writeTableXlsx(table: Table, opts: ExportOptions, output: Writable): Promise<void> {
  const { lang } = opts;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    // the labels repeat on every sheet: shared strings keep the file small and the writing fast
    useSharedStrings: true,
  });
  workbook.creator = 'zanstat';
  const [formLine] = titleLines(table, lang);
  workbook.title = formLine;
  const taken = new Set<string>();
  for (const column of orderedColumns(table)) {
    writeSheet(workbook, table, column, opts, sheetName(columnTitle(column, lang), taken));
  }
  await workbook.commit();
}

/**
 * The submission template of a form for one breakdown value: one sheet per section, named as the
 * official workbooks name them, in the same layout — so that the official workbook parser reads a
 * filled template back. Each table holds one section and one column (values empty or prefilled).
 */
export async function writeTemplateXlsx(
  sections: Table[],
  opts: ExportOptions,
  output: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'zanstat';
  const first = sections[0];
  if (first)
    workbook.title =
      `${first.form.code} ${first.columns[0]?.label?.ru ?? first.columns[0]?.breakdown ?? ''}`.trim();
  for (const table of sections) {
    const column = table.columns[0];
    if (column) writeSheet(workbook, table, column, opts, table.section.id);
  }
  await workbook.commit();
}

/** One breakdown value of a table as a sheet of `workbook` (the collections' workbooks use it too). */
export function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: Table,
  column: TableColumn,
  { lang }: ExportOptions,
  name: string,
): void {
  const graphs = table.graphs;
  const width = graphs.length + 2;
  const depth = headerDepth(graphs);
  const notes = [columnNote(table, column, lang), ...tableNotes(table, lang)].filter(Boolean);
  const titles = [...titleLines(table, lang), columnTitle(column, lang), ...notes];
  const headerTop = titles.length + 2;
  const numbersRow = headerTop + depth;
  const sheet = workbook.addWorksheet(name, {
    views: [
      {
        state: 'frozen',
        xSplit: 2,
        ySplit: numbersRow,
        topLeftCell: `C${numbersRow + 1}`,
        activeCell: `C${numbersRow + 1}`,
      },
    ],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 60 }, { width: 9 }, ...graphs.map(() => ({ width: 14 }))];

  // Title lines, each merged across the table's width.
  titles.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = text;
    cell.font = { bold: i !== 2 && i < 4, size: i === 0 ? 12 : 10, italic: i >= 4 };
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: i >= 4 };
    sheet.mergeCells(i + 1, 1, i + 1, width);
  });

  // The header tree: the label and code columns span all header levels.
  for (let level = 0; level < depth; level += 1) {
    const row = sheet.getRow(headerTop + level);
    for (let c = 1; c <= width; c += 1) row.getCell(c).style = headerStyle;
  }
  sheet.getCell(headerTop, 1).value = word('indicator', lang);
  sheet.getCell(headerTop, 2).value = word('code', lang);
  if (depth > 1) {
    sheet.mergeCells(headerTop, 1, numbersRow - 1, 1);
    sheet.mergeCells(headerTop, 2, numbersRow - 1, 2);
  }
  for (const cell of headerCells(graphs, lang)) {
    const top = headerTop + cell.level;
    const left = cell.col + 3;
    sheet.getCell(top, left).value = cell.text;
    if (cell.colSpan > 1 || cell.rowSpan > 1) {
      sheet.mergeCells(top, left, top + cell.rowSpan - 1, left + cell.colSpan - 1);
    }
  }
  const numbers = sheet.getRow(numbersRow);
  numbers.values = ['А', 'Б', ...graphs.map((g) => g.n)];
  for (let c = 1; c <= width; c += 1) numbers.getCell(c).style = numberRowStyle;
  for (let r = 1; r <= numbersRow; r += 1) sheet.getRow(r).commit();

  // The indicators: label, code, then each graph's value as a number (empty where none). The
  // style objects are made once and shared: exceljs then dedupes them cheaply (a new object per
  // cell doubles the time of a large table).
  const depths = rowDepths(table.rows);
  const styles = dataStyles(graphs);
  for (const indicator of table.rows) {
    const values = column.values[indicator.code] ?? [];
    const bold = indicator.kind === 'total';
    const row = sheet.addRow([labelText(indicator.label, lang), indicator.code]);
    row.getCell(1).style = styles.label(bold, depths.get(indicator.code) ?? 0);
    row.getCell(2).style = styles.code;
    const valueStyles = bold ? styles.totals : styles.values;
    graphs.forEach((_, j) => {
      const cell = row.getCell(j + 3);
      const value = values[j];
      if (value !== null && value !== undefined) cell.value = value;
      cell.style = valueStyles[j]!;
    });
    row.commit();
  }
  sheet.commit();
}
