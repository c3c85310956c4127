// A table as PDF (pdfmake on the server, DejaVu Sans for the Kazakh letters ә ғ қ ң ө ұ ү һ і
// and ₸). Landscape A4. The title lines first (form, section, period, notes), then for each
// breakdown value (the republic first) its heading and its table: the header tree (merged cells
// across graphs sharing an outer header), the row of graph numbers, then the indicators. The
// header rows repeat on every page. A section wider than the page is cut into groups of graphs
// (between outer header groups where one fits), each its own table with the label and code
// columns repeated, one after the other.
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, CustomTableLayout, TableCell } from 'pdfmake';
import type { Table, TableColumn } from '../statistics.table.js';
import type { Graph } from '../structure.schema.js';
import {
  columnNote,
  columnTitle,
  formatNumber,
  graphGroups,
  headerCells,
  headerDepth,
  labelText,
  orderedColumns,
  rowDepths,
  tableNotes,
  titleLines,
  word,
  type ExportOptions,
  type Lang,
} from './table.layout.js';

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

const FONT = 'DejaVuSans';
const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);

/** A4 landscape, in points; the widths the columns share. */
const PAGE = { width: 841.89, margins: [24, 28, 24, 30] as [number, number, number, number] };
const LABEL_WIDTH = 190;
const CODE_WIDTH = 32;
const GRAPH_MIN_WIDTH = 44;
/** Up to this many table rows per region, regions follow each other without a page break. */
const SHORT_TABLE_ROWS = 20;
/** pdfmake's widths are of the content: each column also takes its padding and a line. */
const PADDING = 2;
const LINE = 0.4;
const OVERHEAD = 2 * PADDING + LINE;
const usable = PAGE.width - PAGE.margins[0] - PAGE.margins[2] - LINE - 2 * OVERHEAD;
/** How many graphs fit beside the label and code columns. */
export const GRAPHS_PER_PAGE = Math.floor((usable - LABEL_WIDTH - CODE_WIDTH) / (GRAPH_MIN_WIDTH + OVERHEAD));

let configured = false;
/**
 * Registers DejaVu Sans with pdfmake once. pdfmake's resource policies are process-wide: the
 * documents built here name no URLs and no files, so URLs are refused and local files are
 * allowed only from the DejaVu font folder.
 */
function configure(): void {
  if (configured) return;
  const file = (name: string): string => path.join(fontDir, name);
  pdfmake.addFonts({
    [FONT]: {
      normal: file('DejaVuSans.ttf'),
      bold: file('DejaVuSans-Bold.ttf'),
      italics: file('DejaVuSans-Oblique.ttf'),
      bolditalics: file('DejaVuSans-BoldOblique.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir + path.sep));
  configured = true;
}

const lines: CustomTableLayout = {
  hLineWidth: () => LINE,
  vLineWidth: () => LINE,
  hLineColor: () => '#808080',
  vLineColor: () => '#808080',
  paddingLeft: () => PADDING,
  paddingRight: () => PADDING,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

const HEADER_FILL = '#eeeeee';

/** The header rows of one group of graphs: the tree, then the numbers row (А, Б, 1 … N). */
function headerRows(graphs: Graph[], lang: Lang): TableCell[][] {
  const depth = headerDepth(graphs);
  const rows: TableCell[][] = Array.from({ length: depth }, () =>
    Array.from({ length: graphs.length + 2 }, (): TableCell => ({})),
  );
  const head = { bold: true, fontSize: 6, alignment: 'center' as const, fillColor: HEADER_FILL };
  rows[0]![0] = { ...head, text: word('indicator', lang), rowSpan: depth };
  rows[0]![1] = { ...head, text: word('code', lang), rowSpan: depth };
  for (const cell of headerCells(graphs, lang)) {
    rows[cell.level]![cell.col + 2] = {
      ...head,
      text: cell.text,
      ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    };
  }
  const number = (text: string): TableCell => ({ text, fontSize: 6, italics: true, alignment: 'center' });
  rows.push([number('А'), number('Б'), ...graphs.map((g) => number(String(g.n)))]);
  return rows;
}

function groupTable(table: Table, column: TableColumn, graphs: Graph[], lang: Lang): Content {
  const positions = graphs.map((g) => table.graphs.indexOf(g));
  const depths = rowDepths(table.rows);
  const header = headerRows(graphs, lang);
  const body: TableCell[][] = table.rows.map((row) => {
    const values = column.values[row.code] ?? [];
    const bold = row.kind === 'total';
    return [
      {
        text: labelText(row.label, lang),
        bold,
        margin: [Math.min(depths.get(row.code) ?? 0, 6) * 6, 0, 0, 0] as [number, number, number, number],
      },
      { text: row.code, alignment: 'center' as const },
      ...graphs.map((g, j) => ({
        text: formatNumber(values[positions[j]!], g, lang),
        alignment: 'right' as const,
        bold,
      })),
    ];
  });
  const graphWidth = Math.max(
    GRAPH_MIN_WIDTH,
    (usable - LABEL_WIDTH - CODE_WIDTH) / Math.max(graphs.length, 1) - OVERHEAD,
  );
  return {
    layout: lines,
    fontSize: 7,
    table: {
      headerRows: header.length,
      dontBreakRows: true,
      widths: [LABEL_WIDTH, CODE_WIDTH, ...graphs.map(() => Math.min(graphWidth, 90))],
      body: [...header, ...body],
    },
  };
}

/**
 * The table's content for a PDF: its title lines and notes, then each breakdown value (the
 * republic first) with its heading and tables. `headingExtra` marks the form line (the
 * collections' table of contents takes it as an entry).
 */
export function tableContent(
  table: Table,
  opts: ExportOptions,
  headingExtra: Record<string, unknown> = {},
): Content[] {
  const { lang } = opts;
  const [formLine, sectionLine, periodLine] = titleLines(table, lang);
  const groups = graphGroups(table.graphs, GRAPHS_PER_PAGE);
  const content: Content[] = [
    { text: formLine, bold: true, fontSize: 11, ...headingExtra } as Content,
    { text: sectionLine, bold: true, fontSize: 10, margin: [0, 2, 0, 0] },
    { text: periodLine, fontSize: 9, margin: [0, 2, 0, 0] },
    ...tableNotes(table, lang).map((note): Content => ({ text: note, italics: true, fontSize: 8 })),
  ];
  // A short table keeps each region's heading and table together on a page; a long one starts
  // each region on a new page.
  // A region cut into several groups of graphs is never kept whole: with their header trees the
  // groups may be taller than a page, and pdfmake drops an unbreakable block that does not fit.
  const long = table.rows.length * groups.length > SHORT_TABLE_ROWS || groups.length > 1;
  orderedColumns(table).forEach((column, i) => {
    const note = columnNote(table, column, lang);
    const block: Content[] = [
      { text: columnTitle(column, lang), bold: true, fontSize: 10, margin: [0, 8, 0, 2] },
      ...(note ? [{ text: note, italics: true, fontSize: 8, margin: [0, 0, 0, 4] } as Content] : []),
    ];
    groups.forEach((graphs) => {
      if (groups.length > 1) {
        const first = graphs[0]!.n;
        const last = graphs.at(-1)!.n;
        block.push({ text: `${word('graphs', lang)} ${first}–${last}`, fontSize: 8, margin: [0, 6, 0, 2] });
      }
      block.push(groupTable(table, column, graphs, lang));
    });
    if (long) content.push({ stack: block, ...(i > 0 ? { pageBreak: 'before' as const } : {}) });
    else content.push({ stack: block, unbreakable: true });
  });
  return content;
}

/** A landscape A4 document in DejaVu Sans with a page footer, rendered to bytes. */
export async function writePdfDocument(
  content: Content[],
  opts: { title: string; lang: Lang; footer: string },
): Promise<Buffer> {
  configure();
  const doc: TDocumentDefinitions = {
    info: { title: opts.title, creator: 'zanstat', producer: 'zanstat' },
    language: opts.lang,
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE.margins,
    defaultStyle: { font: FONT, fontSize: 7 },
    footer: (current: number, count: number) => ({
      text: `${opts.footer} · ${word('page', opts.lang)} ${current}/${count}`,
      fontSize: 7,
      alignment: 'right',
      margin: [PAGE.margins[0], 8, PAGE.margins[2], 0],
    }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}

/** The table as a PDF document. */
export async function writeTablePdf(table: Table, opts: ExportOptions): Promise<Buffer> {
  const [formLine, sectionLine, periodLine] = titleLines(table, opts.lang);
  return writePdfDocument(tableContent(table, opts), {
    title: `${formLine}. ${sectionLine}`,
    lang: opts.lang,
    footer: `${table.form.code} · ${periodLine}`,
  });
}
