// A collection's documents: one XLSX workbook (a contents sheet, a sheet per table and breakdown
// value in the official layout of the public exports, then the notes and the legal basis) and one
// PDF with a table of contents, in Kazakh or Russian. The tables are those the public API renders
// (statistics exports), so a collection never says something the published tables do not.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake';
import type { Collection } from '../catalog/index.js';
import {
  bytesOf,
  columnTitle,
  labelText,
  orderedColumns,
  sheetName,
  tableContent,
  tableNotes,
  titleLines,
  writePdfDocument,
  writeSheet,
} from '../statistics/index.js';
import type { CollectionTable } from './collection.read.js';
import { cw, quarterText, type DocLang } from './collection.words.js';

export interface CollectionDocumentInput {
  collection: Collection;
  quarter: string;
  version: number;
  reason: string | null;
  officialUse: boolean;
  tables: CollectionTable[];
}

/** The lines at the head of every document: title, quarter, version (and why), the marking. */
function headLines(d: CollectionDocumentInput, lang: DocLang): string[] {
  return [
    d.collection.titles[lang],
    quarterText(d.quarter, lang),
    `${cw('version', lang)} ${d.version}${d.reason ? `. ${cw('reason', lang)}: ${d.reason}` : ''}`,
    ...(d.officialUse ? [cw('officialUse', lang)] : []),
  ];
}

/** Notes and legal basis: the act, the due day, the period rule, each form's basis, the tables' notes. */
function noteLines(d: CollectionDocumentInput, lang: DocLang): string[] {
  const lines = [
    `${cw('basis', lang)}: ${cw('act', lang, { row: d.collection.row })}.`,
    `${cw('due', lang)}.`,
    `${cw('periodRule', lang)}. ${cw('builtFrom', lang)}.`,
  ];
  const seen = new Set<string>();
  for (const { input, table } of d.tables) {
    if (!seen.has(input.form.id)) {
      seen.add(input.form.id);
      const basis = input.content.basis === 'inferred' ? `, ${cw('inferred', lang)}` : '';
      lines.push(`${cw('form', lang)} ${input.form.code ?? input.form.id}: ${input.content.clause}${basis}.`);
    }
    for (const note of tableNotes(table, lang)) lines.push(`${table.form.code} ${table.section.id}: ${note}`);
  }
  return lines;
}

interface SheetPlan {
  name: string;
  entry: CollectionTable;
  column: CollectionTable['table']['columns'][number];
}

export async function writeCollectionXlsx(d: CollectionDocumentInput, lang: DocLang): Promise<Buffer> {
  return bytesOf((out) => writeWorkbook(d, lang, out));
}

async function writeWorkbook(d: CollectionDocumentInput, lang: DocLang, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'zanstat';
  workbook.title = d.collection.titles[lang];
  const taken = new Set<string>();
  const contentsName = sheetName(cw('contents', lang), taken);
  const sheets: SheetPlan[] = d.tables.flatMap((entry) =>
    orderedColumns(entry.table).map((column) => ({
      entry,
      column,
      name: sheetName(`${entry.table.form.code} ${entry.table.section.id} ${column.breakdown}`, taken),
    })),
  );
  const notesName = sheetName(cw('notes', lang), taken);

  const contents = workbook.addWorksheet(contentsName);
  contents.columns = [
    { width: 6 },
    { width: 14 },
    { width: 60 },
    { width: 28 },
    { width: 30 },
    { width: 24 },
  ];
  for (const line of headLines(d, lang)) contents.addRow([line]).commit();
  contents.addRow([]).commit();
  const header = contents.addRow([
    cw('number', lang),
    cw('form', lang),
    cw('section', lang),
    cw('period', lang),
    '',
    cw('sheet', lang),
  ]);
  header.font = { bold: true };
  header.commit();
  sheets.forEach((s, i) => {
    const [, , periodLine] = titleLines(s.entry.table, lang);
    const row = contents.addRow([
      i + 1,
      s.entry.table.form.code,
      labelText(s.entry.table.section.title, lang),
      periodLine,
      columnTitle(s.column, lang),
      { text: s.name, hyperlink: `#'${s.name}'!A1` },
    ]);
    row.commit();
  });
  contents.addRow([]).commit();
  contents.addRow([{ text: cw('notes', lang), hyperlink: `#'${notesName}'!A1` }]).commit();
  contents.commit();

  for (const s of sheets) writeSheet(workbook, s.entry.table, s.column, { lang }, s.name);

  const notes = workbook.addWorksheet(notesName);
  notes.columns = [{ width: 140 }];
  for (const line of [...headLines(d, lang), '', ...noteLines(d, lang)]) {
    const row = notes.addRow([line]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  notes.commit();
  await workbook.commit();
}

export async function writeCollectionPdf(d: CollectionDocumentInput, lang: DocLang): Promise<Buffer> {
  const [title, ...rest] = headLines(d, lang);
  const content: Content[] = [
    { text: title!, bold: true, fontSize: 14, margin: [0, 40, 0, 8] },
    ...rest.map((line): Content => ({ text: line, fontSize: 11, margin: [0, 2, 0, 0] })),
    {
      toc: { title: { text: cw('contents', lang), bold: true, fontSize: 12, margin: [0, 20, 0, 6] } },
    } as Content,
  ];
  d.tables.forEach(({ table }, i) => {
    content.push({
      text: `${i + 1}. ${table.form.code} · ${labelText(table.section.title, lang)}`,
      tocItem: true,
      bold: true,
      fontSize: 12,
      pageBreak: 'before',
      margin: [0, 0, 0, 4],
    } as Content);
    content.push(...tableContent(table, { lang }));
  });
  content.push({
    text: cw('notes', lang),
    tocItem: true,
    bold: true,
    fontSize: 12,
    pageBreak: 'before',
  } as Content);
  for (const line of noteLines(d, lang)) content.push({ text: line, fontSize: 9, margin: [0, 3, 0, 0] });
  return writePdfDocument(content, {
    title: `${d.collection.titles[lang]} — ${quarterText(d.quarter, lang)}`,
    lang,
    footer: `${quarterText(d.quarter, lang)}${d.officialUse ? ` · ${cw('officialUse', lang)}` : ''}`,
  });
}
