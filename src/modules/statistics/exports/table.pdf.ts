// A table as PDF (pdfmake on the server, DejaVu Sans for the Kazakh letters ә ғ қ ң ө ұ ү һ і
// and ₸), made to be printed. The title lines first (form, section, period, notes), then for each
// breakdown value (the republic first) its heading and its table: a caption row (the region and
// the graphs it shows), the header tree, the row of graph numbers, then the indicators. The header
// rows repeat on every page. A section wider than the page is cut into groups of graphs (between
// outer header groups where one fits), each its own table with the label and code columns
// repeated. Landscape where the table is wide, portrait where it fits.
//
// No word is cut: pdfmake breaks lines at spaces and hyphens and cuts a word wider than its cell
// in the middle, so every text is set as words that do not break (a line breaks only at a space),
// each column is as wide as its longest word (font-metrics.ts measures them) up to a limit, and
// a cell whose word is wider still is set smaller. Header cells never span rows (pdfmake gives a
// row-spanning cell no height of its own, so its text ran over the first rows): a graph's label
// sits in the bottom header row and the cells above it are merged by leaving out their lines.
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, CustomTableLayout, TableCell } from 'pdfmake';
import type { Table, TableColumn } from '../statistics.table.js';
import type { Graph } from '../structure.schema.js';
import { readFontMetrics, type FontMetrics } from './font-metrics.js';
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

export type Orientation = 'landscape' | 'portrait';
/** A4 in points: the page's width by orientation, and its margins. */
const PAGE_WIDTH: Record<Orientation, number> = { landscape: 841.89, portrait: 595.28 };
const MARGINS: [number, number, number, number] = [24, 28, 24, 30];
/** The labels' column: this wide, and wider, up to the maximum, where a group of graphs leaves room. */
const LABEL_WIDTH = 190;
const LABEL_MAX_WIDTH = 340;
const CODE_WIDTH = 32;
/** A graph's column: at least this wide, and widened for its longest word up to the maximum. */
const GRAPH_MIN_WIDTH = 40;
const GRAPH_MAX_WIDTH = 66;
/** Wider than this a column never grows to fill the page. */
const GRAPH_FILL_WIDTH = 90;
const HEADER_SIZE = 6;
const BODY_SIZE = 6.5;
/** A word wider than its cell makes the cell's text smaller, down to this size. */
const MIN_SIZE = 3.5;
/** Up to this many table rows per region, regions follow each other without a page break. */
const SHORT_TABLE_ROWS = 20;
/** pdfmake's widths are of the content: each column also takes its padding and a line. */
const PADDING = 2;
const LINE = 0.4;
const OVERHEAD = 2 * PADDING + LINE;
/** What the graphs share of a page: its width less the margins, the label and code columns. */
const graphsWidth = (o: Orientation): number =>
  PAGE_WIDTH[o] - MARGINS[0] - MARGINS[2] - LINE - 2 * OVERHEAD - LABEL_WIDTH - CODE_WIDTH;

let metrics: { regular: FontMetrics; bold: FontMetrics } | null = null;
function fonts(): { regular: FontMetrics; bold: FontMetrics } {
  metrics ??= {
    regular: readFontMetrics(path.join(fontDir, 'DejaVuSans.ttf')),
    bold: readFontMetrics(path.join(fontDir, 'DejaVuSans-Bold.ttf')),
  };
  return metrics;
}

const wordsOf = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The width of the widest word of `text` at `size`. */
function widestWord(text: string, size: number, bold = false): number {
  const m = bold ? fonts().bold : fonts().regular;
  return Math.max(0, ...wordsOf(text).map((w) => m.widthOf(w, size)));
}

/**
 * A text set to break only at its spaces, at `size`, or smaller where its widest word would not
 * fit `width` (never below MIN_SIZE).
 */
function unbroken(
  text: string,
  size: number,
  width: number,
  bold = false,
): { text: string | { text: string; noWrap: boolean }[]; fontSize: number; bold?: boolean } {
  const words = wordsOf(text);
  const widest = widestWord(text, size, bold);
  const fit = widest > width ? Math.max(MIN_SIZE, Math.floor(((size * width) / widest) * 4) / 4) : size;
  return {
    text: words.length
      ? words.map((w, i) => ({ text: i < words.length - 1 ? `${w} ` : w, noWrap: true }))
      : '',
    fontSize: fit,
    ...(bold ? { bold } : {}),
  };
}

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

/** The widths a table's graphs need: the longest word of its label, its widest value. */
function graphNeeds(table: Table, columns: TableColumn[], lang: Lang): Map<Graph, number> {
  const needs = new Map<Graph, number>();
  const labels = new Map(
    headerCells(table.graphs, lang)
      .filter((c) => c.colSpan === 1)
      .map((c) => [c.col, c]),
  );
  table.graphs.forEach((g, j) => {
    let widest = widestWord(labels.get(j)?.text ?? '', HEADER_SIZE);
    for (const c of columns)
      for (const row of table.rows) {
        const text = formatNumber(c.values[row.code]?.[j], g, lang);
        if (text) widest = Math.max(widest, fonts().bold.widthOf(text, BODY_SIZE));
      }
    needs.set(g, Math.min(GRAPH_MAX_WIDTH, Math.max(GRAPH_MIN_WIDTH, Math.ceil(widest + 1))));
  });
  return needs;
}

/** A group of graphs printed side by side: the graphs, the labels' width and the graphs' widths. */
interface Group {
  graphs: Graph[];
  label: number;
  widths: number[];
}

/** The graphs cut into groups that fit the page's width, each graph with its column's width. */
function layOut(table: Table, columns: TableColumn[], lang: Lang, orientation: Orientation): Group[] {
  const needs = graphNeeds(table, columns, lang);
  const room = graphsWidth(orientation);
  return graphGroups(table.graphs, room, (g) => needs.get(g)! + OVERHEAD).map((graphs) => {
    const used = graphs.reduce((s, g) => s + needs.get(g)! + OVERHEAD, 0);
    // Room left on the page goes half to the labels (fewer lines, fewer pages), half to the graphs.
    const label = LABEL_WIDTH + Math.min(Math.max(0, room - used) / 2, LABEL_MAX_WIDTH - LABEL_WIDTH);
    const extra = Math.max(0, (room - used - (label - LABEL_WIDTH)) / graphs.length);
    const widths = graphs.map((g) =>
      Math.max(needs.get(g)!, Math.min(needs.get(g)! + extra, GRAPH_FILL_WIDTH)),
    );
    return { graphs, label, widths };
  });
}

/** Where the table fits a portrait page in one group of graphs it is printed portrait. */
export function orientationOf(table: Table, lang: Lang): Orientation {
  return layOut(table, table.columns, lang, 'portrait').length === 1 ? 'portrait' : 'landscape';
}

/**
 * The header rows of one group of graphs: the caption (where given), the tree, then the numbers
 * row (А, Б, 1 … N). A cell that would span rows is set in the lowest of them, the ones above it
 * left empty with no line between them.
 */
function headerRows(group: Group, lang: Lang, caption: string | null): TableCell[][] {
  const { graphs, widths } = group;
  const depth = headerDepth(graphs);
  const all = [group.label, CODE_WIDTH, ...widths];
  const rows: TableCell[][] = Array.from({ length: depth }, () =>
    Array.from({ length: graphs.length + 2 }, (): TableCell => ({})),
  );
  const head = { alignment: 'center' as const, fillColor: HEADER_FILL };
  const place = (
    col: number,
    level: number,
    span: number,
    colSpan: number,
    text: string,
    bold: boolean,
  ): void => {
    const width = all.slice(col, col + colSpan).reduce((s, w) => s + w, 0) + (colSpan - 1) * OVERHEAD;
    const bottom = level + span - 1;
    for (let k = level; k < bottom; k += 1)
      rows[k]![col] = { ...head, text: '', border: [true, k === level, true, false] };
    rows[bottom]![col] = {
      ...head,
      ...unbroken(text, HEADER_SIZE, width, bold),
      ...(colSpan > 1 ? { colSpan } : {}),
      ...(span > 1 ? { border: [true, false, true, true] } : {}),
    };
  };
  place(0, 0, depth, 1, word('indicator', lang), true);
  place(1, 0, depth, 1, word('code', lang), true);
  for (const cell of headerCells(graphs, lang))
    place(
      cell.col + 2,
      cell.level,
      cell.rowSpan,
      cell.colSpan,
      cell.text,
      cell.rowSpan === 1 && cell.colSpan > 1,
    );
  const number = (text: string): TableCell => ({
    text,
    fontSize: HEADER_SIZE,
    italics: true,
    alignment: 'center',
  });
  rows.push([number('А'), number('Б'), ...graphs.map((g) => number(String(g.n)))]);
  if (caption) {
    // The caption is the table's first row, a line under it only.
    const bare = () => ({
      text: '',
      border: [false, false, false, true] as [boolean, boolean, boolean, boolean],
    });
    const first: TableCell = {
      ...bare(),
      text: caption,
      bold: true,
      fontSize: 8,
      colSpan: graphs.length + 2,
    };
    rows.unshift([first, ...Array.from({ length: graphs.length + 1 }, bare)]);
  }
  return rows;
}

function groupTable(
  table: Table,
  column: TableColumn,
  group: Group,
  lang: Lang,
  caption: string | null,
): Content {
  const { graphs, widths } = group;
  const positions = graphs.map((g) => table.graphs.indexOf(g));
  const depths = rowDepths(table.rows);
  const header = headerRows(group, lang, caption);
  const body: TableCell[][] = table.rows.map((row) => {
    const values = column.values[row.code] ?? [];
    const bold = row.kind === 'total';
    const indent = Math.min(depths.get(row.code) ?? 0, 6) * 6;
    return [
      {
        ...unbroken(labelText(row.label, lang), BODY_SIZE, group.label - indent, bold),
        margin: [indent, 0, 0, 0] as [number, number, number, number],
      },
      { ...unbroken(row.code, BODY_SIZE, CODE_WIDTH), alignment: 'center' as const },
      ...graphs.map((g, j) => ({
        ...unbroken(formatNumber(values[positions[j]!], g, lang), BODY_SIZE, widths[j]!, bold),
        alignment: 'right' as const,
      })),
    ];
  });
  return {
    layout: lines,
    fontSize: BODY_SIZE,
    table: {
      headerRows: header.length,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: [group.label, CODE_WIDTH, ...widths],
      body: [...header, ...body],
    },
  };
}

/** How a table's PDF is laid out: its language, and the page's orientation (landscape unless said). */
export interface PdfOptions extends ExportOptions {
  orientation?: Orientation;
}

/**
 * The table's content for a PDF: its title lines and notes, then each breakdown value (the
 * republic first) with its heading and tables. `headingExtra` marks the form line (the
 * collections' table of contents takes it as an entry).
 */
export function tableContent(
  table: Table,
  opts: PdfOptions,
  headingExtra: Record<string, unknown> = {},
): Content[] {
  const { lang } = opts;
  const [formLine, sectionLine, periodLine] = titleLines(table, lang);
  const columns = orderedColumns(table);
  const groups = layOut(table, columns, lang, opts.orientation ?? 'landscape');
  const content: Content[] = [
    { text: formLine, bold: true, fontSize: 11, ...headingExtra } as Content,
    { text: sectionLine, bold: true, fontSize: 10, margin: [0, 2, 0, 0] },
    { text: periodLine, fontSize: 9, margin: [0, 2, 0, 0] },
    ...tableNotes(table, lang).map((note): Content => ({ text: note, italics: true, fontSize: 8 })),
  ];
  // A short table keeps each region's heading and table together on a page; a long one starts
  // each region on a new page, and says on every page, above its header, which region and graphs
  // it shows.
  // A region cut into several groups of graphs is never kept whole: with their header trees the
  // groups may be taller than a page, and pdfmake drops an unbreakable block that does not fit.
  const long = table.rows.length * groups.length > SHORT_TABLE_ROWS || groups.length > 1;
  columns.forEach((column, i) => {
    const note = columnNote(table, column, lang);
    const block: Content[] = [
      { text: columnTitle(column, lang), bold: true, fontSize: 10, margin: [0, 8, 0, 2] },
      ...(note ? [{ text: note, italics: true, fontSize: 8, margin: [0, 0, 0, 4] } as Content] : []),
    ];
    groups.forEach((group, k) => {
      const range = `${word('graphs', lang)} ${group.graphs[0]!.n}–${group.graphs.at(-1)!.n}`;
      const caption = !long
        ? null
        : groups.length > 1
          ? `${columnTitle(column, lang)} · ${range}`
          : columnTitle(column, lang);
      const table_ = groupTable(table, column, group, lang, caption);
      block.push(k > 0 ? { stack: [table_], pageBreak: 'before' as const } : table_);
    });
    if (long) content.push({ stack: block, ...(i > 0 ? { pageBreak: 'before' as const } : {}) });
    else content.push({ stack: block, unbreakable: true });
  });
  return content;
}

/** An A4 document in DejaVu Sans (landscape unless said) with a page footer, rendered to bytes. */
export async function writePdfDocument(
  content: Content[],
  opts: { title: string; lang: Lang; footer: string; orientation?: Orientation },
): Promise<Buffer> {
  configure();
  const doc: TDocumentDefinitions = {
    info: { title: opts.title, creator: 'zanstat', producer: 'zanstat' },
    language: opts.lang,
    pageSize: 'A4',
    pageOrientation: opts.orientation ?? 'landscape',
    pageMargins: MARGINS,
    defaultStyle: { font: FONT, fontSize: BODY_SIZE },
    footer: (current: number, count: number) => ({
      text: `${opts.footer} · ${word('page', opts.lang)} ${current}/${count}`,
      fontSize: 7,
      alignment: 'right',
      margin: [MARGINS[0], 8, MARGINS[2], 0],
    }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}

/** The table as a PDF document: portrait where it fits, landscape where it is wide. */
export async function writeTablePdf(table: Table, opts: ExportOptions): Promise<Buffer> {
  const [formLine, sectionLine, periodLine] = titleLines(table, opts.lang);
  const orientation = orientationOf(table, opts.lang);
  return writePdfDocument(tableContent(table, { ...opts, orientation }), {
    title: `${formLine}. ${sectionLine}`,
    lang: opts.lang,
    footer: `${table.form.code} · ${periodLine}`,
    orientation,
  });
}
