// One table, one format, as bytes: what the routes send and what publishing keeps once rendered.
import { PassThrough, type Writable } from 'node:stream';
import { invalidInput } from '../../../platform/errors/index.js';
import { noticeText } from '../statistics.notices.js';
import type { Table } from '../statistics.table.js';
import { tableToCsv } from './table.csv.js';
import { tableToJsonStat } from './table.jsonstat.js';
import type { Lang } from './table.layout.js';
import { writeTablePdf } from './table.pdf.js';
import { writeTableXlsx } from './table.xlsx.js';

export const TABLE_FORMATS = ['json', 'csv', 'xlsx', 'pdf', 'json-stat'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const FORMAT_TYPES: Record<TableFormat, string> = {
  json: 'application/json; charset=utf-8',
  'json-stat': 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
  pdf: 'application/pdf',
};

export interface RenderedTable {
  body: Buffer;
  type: string;
  /** for a download: the file's name */
  fileName: string | null;
}

/** The bytes a streaming writer (an XLSX workbook) writes to its output, which it ends. */
export async function bytesOf(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await done;
  return Buffer.concat(chunks);
}

/** The table as JSON, its notice in the language. */
export function tableJson(table: Table, lang: Lang): Omit<Table, 'notice'> & { notice: string | null } {
  return { ...table, notice: noticeText(table.notice, lang) };
}

export async function renderTable(table: Table, format: TableFormat, lang: Lang): Promise<RenderedTable> {
  const name = `${table.form.id}_${table.section.id}_${table.period}`;
  const type = FORMAT_TYPES[format];
  switch (format) {
    case 'json':
      return { body: Buffer.from(JSON.stringify(tableJson(table, lang))), type, fileName: null };
    case 'json-stat':
      return { body: Buffer.from(JSON.stringify(tableToJsonStat(table, { lang }))), type, fileName: null };
    case 'csv':
      return { body: Buffer.from(tableToCsv(table)), type, fileName: `${name}.csv` };
    case 'xlsx':
      return {
        body: await bytesOf((out) => writeTableXlsx(table, { lang }, out)),
        type,
        fileName: `${name}.xlsx`,
      };
    case 'pdf':
      // pdfmake lays out synchronously: a whole national table (hundreds of pages) would hold the
      // server; one region's table is a few pages.
      if (table.columns.length > 1) {
        throw invalidInput('A PDF is made of one region at a time.', [
          { pointer: '/query/region', code: 'region_required', message: 'name one region (or 00) for a PDF' },
        ]);
      }
      return { body: await writeTablePdf(table, { lang }), type, fileName: `${name}.pdf` };
  }
}
