// Reads a report in the official workbook layout — the XLSX files the authority's ЕРДР
// workstation produces and publishes (one sheet per section, e.g. 1-М: R1 … PRIL11) — into
// observations addressed by (section, row, graph), each with the sheet and cell it came from.
// Nothing is thrown for bad input: every problem is returned, addressed to its sheet and cell,
// so that a submission can be refused as a whole with all its errors.
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describedProblem, type ProblemParams } from '../../platform/errors/index.js';
import type { FormStructure, Section } from './structure.schema.js';

export interface Observation {
  section: string;
  row: string;
  graph: number;
  /** null: the cell is empty (no value) */
  value: number | null;
  ref: { sheet: string; cell: string };
}

export type WorkbookProblemCode =
  /** the file is not a readable XLSX (not a zip, truncated, or no worksheets) */
  | 'not_xlsx'
  /** a sheet that the form's structure has no section for */
  | 'unknown_sheet'
  /** a section of the structure that the workbook lacks */
  | 'missing_section'
  /** no row of graph numbers (А, Б, 1, 2, …) was found in the sheet */
  | 'no_header'
  /** a graph number in the sheet that the section lacks, or a section graph the sheet lacks */
  | 'unknown_graph'
  | 'missing_graph'
  /** a row code that the section lacks, a code given twice, or section rows the sheet lacks */
  | 'unknown_row'
  | 'duplicate_row'
  | 'missing_row'
  /** a text, date, error or boolean where a number belongs */
  | 'not_a_number';

export interface WorkbookProblem {
  /** '' when the problem is the file itself */
  sheet: string;
  cell?: string;
  code: WorkbookProblemCode;
  message: string;
  /** what the message is made of, for the message in other languages */
  params: ProblemParams;
}

/** A problem of the workbook, worded (in English, and from `params` in the others) by its code. */
function problem(sheet: string, cell: string | undefined, code: WorkbookProblemCode, params: ProblemParams) {
  const { message } = describedProblem('', code, params);
  return { sheet, ...(cell ? { cell } : {}), code, message, params };
}

export interface ParsedWorkbook {
  observations: Observation[];
  problems: WorkbookProblem[];
  meta: { title?: string; regionHint?: string };
}

export interface ParseOptions {
  /** read only these sheets (section ids); the others are skipped and not reported missing */
  sheetsToRead?: string[];
}

type CellValue = ExcelJS.CellValue;
type SheetRow = { number: number; values: CellValue[] };

/** The column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The text of a cell: strings, rich text, formula results; '' for anything else. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'richText' in value) {
    return value.richText
      .map((part) => part.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as CellValue);
  return '';
}

const NUMERIC_TEXT = /^-?\d+(?:[.,]\d+)?$/;

/** A cell's number: null when empty, undefined when it holds something that is not a number. */
export function cellNumber(value: CellValue): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'object' && 'formula' in value) return cellNumber(value.result as CellValue);
  if (typeof value === 'object' && 'sharedFormula' in value) return cellNumber(value.result as CellValue);
  if (typeof value === 'string' || (typeof value === 'object' && 'richText' in value)) {
    const text = cellText(value).replace(/\s/g, '');
    if (text === '') return null;
    return NUMERIC_TEXT.test(text) ? Number(text.replace(',', '.')) : undefined;
  }
  return undefined;
}

/**
 * The row that numbers the columns: «А | Б | 1 | 2 | … | N» under the header tree. The column
 * marked «Б» holds the row codes (the code column); 1..N are the graphs, in increasing columns.
 * Without a «Б», a row whose only numbers are 1, 2, 3, … (at least three) is taken, its codes in
 * the column just left of graph 1.
 */
export function findGraphNumberRow(
  values: CellValue[],
): { codeColumn: number; graphColumns: Map<number, number> } | undefined {
  let marker: number | undefined;
  const graphColumns = new Map<number, number>();
  let expected = 1;
  for (let column = 1; column < values.length; column += 1) {
    const text = cellText(values[column]);
    if (text === '') continue;
    if (marker === undefined && /^[БB]$/.test(text)) {
      marker = column;
      continue;
    }
    if (/^[А-ЯA-Z]$/.test(text) && graphColumns.size === 0) continue;
    if (text !== String(expected)) return undefined;
    graphColumns.set(expected, column);
    expected += 1;
  }
  const first = graphColumns.get(1);
  if (first === undefined) return undefined;
  if (marker !== undefined && marker < first) return { codeColumn: marker, graphColumns };
  if (graphColumns.size >= 3 && first > 1) return { codeColumn: first - 1, graphColumns };
  return undefined;
}

/** The code as printed: 1 → "1", " 15.1 " → "15.1". */
function rowCode(value: CellValue): string {
  return cellText(value);
}

interface SheetLayout {
  codeColumn: number;
  graphColumns: Map<number, number>;
}

/** Reads one sheet's rows against its section; pure over the rows, so it is tested on its own. */
export async function readSection(
  sheet: string,
  section: Section,
  rows: Iterable<SheetRow> | AsyncIterable<SheetRow>,
): Promise<Omit<ParsedWorkbook, 'meta'>> {
  const observations: Observation[] = [];
  const problems: WorkbookProblem[] = [];
  const knownRows = new Set(section.rows.map((row) => row.code));
  const knownGraphs = new Set(section.graphs.map((graph) => graph.n));
  const seenRows = new Set<string>();
  let layout: SheetLayout | undefined;

  for await (const { number, values } of rows) {
    if (layout === undefined) {
      const found = findGraphNumberRow(values);
      if (found === undefined) continue;
      layout = found;
      for (const [n, column] of found.graphColumns) {
        if (!knownGraphs.has(n)) {
          const cell = `${columnLetters(column)}${number}`;
          problems.push(problem(sheet, cell, 'unknown_graph', { section: section.id, graph: n }));
        }
      }
      const absent = section.graphs
        .filter((graph) => !found.graphColumns.has(graph.n))
        .map((graph) => graph.n);
      if (absent.length > 0) {
        problems.push(problem(sheet, undefined, 'missing_graph', { graphs: absent.join(', ') }));
      }
      continue;
    }
    const code = rowCode(values[layout.codeColumn]);
    if (code === '' || (findGraphNumberRow(values) !== undefined && /^[БB]$/.test(code))) continue;
    const codeCell = `${columnLetters(layout.codeColumn)}${number}`;
    if (!knownRows.has(code)) {
      problems.push(problem(sheet, codeCell, 'unknown_row', { section: section.id, row: code }));
      continue;
    }
    if (seenRows.has(code)) {
      problems.push(problem(sheet, codeCell, 'duplicate_row', { row: code }));
      continue;
    }
    seenRows.add(code);
    for (const [n, column] of layout.graphColumns) {
      if (!knownGraphs.has(n)) continue;
      const cell = `${columnLetters(column)}${number}`;
      const value = cellNumber(values[column]);
      if (value === undefined) {
        const shown = cellText(values[column]) || typeof values[column];
        problems.push(
          problem(sheet, cell, 'not_a_number', { section: section.id, row: code, graph: n, value: shown }),
        );
        continue;
      }
      observations.push({ section: section.id, row: code, graph: n, value, ref: { sheet, cell } });
    }
  }

  if (layout === undefined) {
    problems.push(problem(sheet, undefined, 'no_header', { sheet }));
  } else {
    const absent = section.rows.filter((row) => !seenRows.has(row.code)).map((row) => row.code);
    if (absent.length > 0) {
      const rows = absent.slice(0, 10).join(', ');
      const more = Math.max(0, absent.length - 10);
      problems.push(problem(sheet, undefined, 'missing_row', { rows, ...(more ? { more } : {}) }));
    }
  }
  return { observations, problems };
}

/** The section a sheet stands for: its name as in the workbook, compared without case or spaces. */
function sectionKey(name: string): string {
  return name.replace(/\s/g, '').toUpperCase();
}

/**
 * Parses a workbook in the official layout of `structure`. Streams the file (exceljs's
 * WorkbookReader): a big upload is never held as one object model.
 */
export async function parseOfficialWorkbook(
  input: Buffer | Readable,
  structure: FormStructure,
  options: ParseOptions = {},
): Promise<ParsedWorkbook> {
  const meta = Buffer.isBuffer(input) ? readWorkbookTitle(input) : {};
  const sections = new Map(structure.sections.map((section) => [sectionKey(section.id), section]));
  // Sheets the published workbooks carry without a table (a title page, a service sheet).
  const ignored = new Set((structure.ignoredSheets ?? []).map(sectionKey));
  const wanted = options.sheetsToRead ? new Set(options.sheetsToRead.map(sectionKey)) : undefined;
  const observations: Observation[] = [];
  const problems: WorkbookProblem[] = [];
  const seenSections = new Set<string>();
  let sheets = 0;

  try {
    const stream = Buffer.isBuffer(input) ? Readable.from([input]) : input;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    for await (const worksheet of reader) {
      sheets += 1;
      const name = String((worksheet as unknown as { name?: string }).name ?? `sheet${sheets}`);
      const key = sectionKey(name);
      const section = sections.get(key);
      if ((wanted !== undefined && !wanted.has(key)) || ignored.has(key)) {
        await drain(worksheet);
        continue;
      }
      if (section === undefined) {
        await drain(worksheet);
        problems.push(problem(name, undefined, 'unknown_sheet', { sheet: name, form: structure.form }));
        continue;
      }
      seenSections.add(key);
      const read = await readSection(name, section, sheetRows(worksheet));
      observations.push(...read.observations);
      problems.push(...read.problems);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      observations: [],
      problems: [problem('', undefined, 'not_xlsx', { reason })],
      meta,
    };
  }
  if (sheets === 0) {
    return {
      observations: [],
      problems: [problem('', undefined, 'not_xlsx', {})],
      meta,
    };
  }
  for (const section of structure.sections) {
    const key = sectionKey(section.id);
    if (seenSections.has(key) || (wanted !== undefined && !wanted.has(key))) continue;
    problems.push(problem(section.id, undefined, 'missing_section', { section: section.id }));
  }
  return { observations, problems, meta };
}

async function* sheetRows(worksheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<SheetRow> {
  for await (const row of worksheet) yield { number: row.number, values: row.values as CellValue[] };
}

/** A sheet that is not read is still walked to its end, so that the zip stream moves on. */
async function drain(worksheet: AsyncIterable<ExcelJS.Row>): Promise<void> {
  for await (const _row of worksheet) {
    // nothing to keep
  }
}

/**
 * The workbook's title from docProps/core.xml («1-M  Акмолинская область (Свод)») and the region
 * it names. The streaming reader skips that part, so it is taken from the zip directly.
 */
export function readWorkbookTitle(file: Buffer): ParsedWorkbook['meta'] {
  const xml = readZipEntry(file, 'docProps/core.xml');
  const match = xml === undefined ? null : /<dc:title>([^<]*)<\/dc:title>/.exec(xml);
  if (!match?.[1]) return {};
  const title = decodeXml(match[1]).replace(/\s+/g, ' ').trim();
  const region = /^\S+\s+(.+?)\s*(?:\([^)]*\))?$/.exec(title)?.[1];
  return region ? { title, regionHint: region } : { title };
}

function decodeXml(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name] ?? '',
  );
}

/** One entry of a zip archive, found through its central directory; undefined if absent or unreadable. */
function readZipEntry(file: Buffer, name: string): string | undefined {
  try {
    const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) return undefined;
    const entries = file.readUInt16LE(end + 10);
    let at = file.readUInt32LE(end + 16);
    for (let i = 0; i < entries && file.readUInt32LE(at) === 0x02014b50; i += 1) {
      const method = file.readUInt16LE(at + 10);
      const size = file.readUInt32LE(at + 20);
      const nameLength = file.readUInt16LE(at + 28);
      const skip = nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
      const local = file.readUInt32LE(at + 42);
      if (file.toString('utf8', at + 46, at + 46 + nameLength) === name) {
        const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
        const data = file.subarray(start, start + size);
        return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
      }
      at += 46 + skip;
    }
  } catch {
    // a damaged archive has no title; the worksheets' reader reports the damage
  }
  return undefined;
}
