// The published table as a semantic HTML table: a caption, column headers (graphs), row headers
// (indicators, indented under their parent), numbers in the locale's format, "no data" spelled
// out. With the comparison: one graph, with the previous year, the change and the change in %.
import type { Table, TableColumn } from '../../statistics/index.js';
import { html, type SafeHtml } from '../html.js';
import type { Translator } from '../i18n.js';
import { dataLabel } from '../layout.js';

/** A data label as plain text in the reader's language (Russian where there is no other). */
export const labelText = (label: { ru: string; kk?: string; en?: string }, t: Translator): string =>
  (t.lang === 'ru' ? label.ru : label[t.lang]) ?? label.ru;

/**
 * The table narrowed to the rows asked for, each with the rows under it (a chapter of the
 * Criminal Code with its articles). Codes that are not rows of the table are returned apart.
 */
export function narrowRows(table: Table, codes: readonly string[]): { table: Table; unknown: string[] } {
  const known = new Set(table.rows.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (codes.length === 0) return { table, unknown };
  const kept = new Set(codes.filter((c) => known.has(c)));
  // Until no row is added: a child listed before its parent is kept too.
  for (let size = -1; size !== kept.size;) {
    size = kept.size;
    for (const r of table.rows) if (r.parent && kept.has(r.parent)) kept.add(r.code);
  }
  return { table: { ...table, rows: table.rows.filter((r) => kept.has(r.code)) }, unknown };
}

/** The rows that hold other rows (chapters, totals): what the table can be narrowed to. */
export const chapterRows = (table: Table): Table['rows'] =>
  table.rows.filter((r) => table.rows.some((x) => x.parent === r.code));

/** ` lang="ru"` on the element of a label that has no text in the reader's language. */
export const untranslated = (
  label: { ru: string; kk?: string; en?: string },
  t: Translator,
): SafeHtml | null => (t.lang !== 'ru' && !label[t.lang] ? html` lang="ru"` : null);

function depthOf(table: Table, code: string): number {
  let depth = 0;
  let row = table.rows.find((r) => r.code === code);
  while (row?.parent && depth < 3) {
    depth++;
    const parent = row.parent;
    row = table.rows.find((r) => r.code === parent);
  }
  return depth;
}

const cell = (v: number | null | undefined, t: Translator, revised = false): SafeHtml =>
  v === null || v === undefined
    ? html`<td class="nodata">${revised ? revisedMark(t) : null}${t.t('noData')}</td>`
    : html`<td class="num">${revised ? revisedMark(t) : null}${t.number(v)}</td>`;

/** A value revised since the publication before: a mark, spelled out for screen readers. */
const revisedMark = (t: Translator): SafeHtml =>
  html`<abbr class="revised" title="${t.t('revisedValue')}"><span aria-hidden="true">r</span><span class="visually-hidden">${t.t('revisedValue')}: </span></abbr>`;

const isRevised = (column: TableColumn, row: string, graph: number): boolean =>
  column.revised?.[row]?.includes(graph) ?? false;

/** The legend of the revised mark, under a table that shows one (`graph`: the one graph shown). */
export function revisedLegend(
  columns: readonly TableColumn[],
  t: Translator,
  graph?: number,
): SafeHtml | null {
  return columns.some((c) =>
    Object.values(c.revised ?? {}).some((gs) => graph === undefined || gs.includes(graph)),
  )
    ? html`<p class="legend"><small><span aria-hidden="true" class="revised">r</span> — ${t.t('revisedValue')}</small></p>`
    : null;
}

/** A row's opening tag: its anchor (`#row-<code>`, where search leads), total and selected marks. */
const rowOpen =
  (selected: string | undefined) =>
  (r: Table['rows'][number]): SafeHtml => {
    const classes = [r.kind === 'total' ? 'total' : '', r.code === selected ? 'selected' : ''].filter(
      Boolean,
    );
    return html`<tr id="row-${r.code}"${classes.length ? html` class="${classes.join(' ')}"` : null}${r.code === selected ? html` aria-current="true"` : null}>`;
  };

/**
 * Why a column's comparison gives no change: the region, the period, the day its territory changed
 * and the act that changed it, in the reader's language; null where the figures compare.
 */
export function notComparableNote(column: TableColumn, t: Translator): SafeHtml | null {
  const c = column.comparison;
  if (!c || c.comparable || !c.notComparable) return null;
  const { date, basis } = c.notComparable;
  return html`<p class="not-comparable" role="note">${t.t('notComparableReason', {
    region: column.label ? labelText(column.label, t) : column.breakdown,
    period: c.period,
    date: t.date(date),
    reason: basis ? basis[t.lang] : t.t('notComparable'),
  })}</p>`;
}

export function formTable(
  table: Table,
  column: TableColumn,
  opts: { compare: boolean; graphIndex: number; t: Translator; selectedRow?: string },
): SafeHtml {
  const { t } = opts;
  const tr = rowOpen(opts.selectedRow);
  const caption = html`${table.form.code} ${table.period}, ${table.section.id}: ${dataLabel(table.section.title, t)} — ${dataLabel(column.label, t)}${column.kind === 'derived' ? html` (${t.t('republicDerived')})` : null}`;
  const rowHead = (code: string, label: Table['rows'][number]['label'], total: boolean) =>
    html`<th scope="row" class="indent-${depthOf(table, code)}">${total ? null : null}${code}. ${dataLabel(label, t)}</th>`;
  if (opts.compare) {
    const g = table.graphs[opts.graphIndex]!;
    const c = column.comparison;
    // A region whose territory changed between the periods: its change cells say so, not a figure.
    const change = (v: number | null | undefined): SafeHtml =>
      c && !c.comparable
        ? html`<td class="nodata">${t.t('notComparable')}</td>`
        : cell(c?.noData ? null : v, t);
    return html`${notComparableNote(column, t)}<div class="scroll table-scroll" tabindex="0" role="region" aria-labelledby="table-heading"><table>
    <caption>${caption}; ${g.n}. ${dataLabel(g.label, t)}</caption>
    <thead><tr><th scope="col">${t.t('indicator')}</th><th scope="col" class="num">${table.period}</th>
    <th scope="col" class="num">${c?.period ?? t.t('previousYear')}</th><th scope="col" class="num">${t.t('change')}</th><th scope="col" class="num">${t.t('changePercent')}</th></tr></thead>
    <tbody>${table.rows.map(
      (r) => html`${tr(r)}${rowHead(r.code, r.label, r.kind === 'total')}
        ${cell(column.values[r.code]?.[opts.graphIndex], t, isRevised(column, r.code, g.n))}
        ${cell(c?.noData ? null : c?.previous[r.code]?.[opts.graphIndex], t)}
        ${change(c?.change[r.code]?.[opts.graphIndex])}
        ${change(c?.changePercent[r.code]?.[opts.graphIndex])}</tr>`,
    )}</tbody></table></div>`;
  }
  return html`<div class="scroll table-scroll" tabindex="0" role="region" aria-labelledby="table-heading"><table>
  <caption>${caption}</caption>
  <thead><tr><th scope="col">${t.t('indicator')}</th>${table.graphs.map(
    (g) =>
      html`<th scope="col" class="num" title="${[...(g.header ?? []), labelText(g.label, t)].join(' / ')}"><span class="head">${g.n}. ${dataLabel(g.label, t)}</span></th>`,
  )}</tr></thead>
  <tbody>${table.rows.map(
    (r) =>
      html`${tr(r)}${rowHead(r.code, r.label, r.kind === 'total')}${table.graphs.map((g, j) => cell(column.values[r.code]?.[j], t, isRevised(column, r.code, g.n)))}</tr>`,
  )}</tbody></table></div>`;
}

/** One graph of the table with every region (and the republic) as a column. */
export function regionsTable(
  table: Table,
  graphIndex: number,
  t: Translator,
  selectedRow?: string,
): SafeHtml {
  const g = table.graphs[graphIndex]!;
  const tr = rowOpen(selectedRow);
  return html`<div class="scroll table-scroll" tabindex="0" role="region" aria-labelledby="table-heading"><table>
  <caption>${table.form.code} ${table.period}, ${table.section.id}: ${dataLabel(table.section.title, t)} — ${g.n}. ${dataLabel(g.label, t)}</caption>
  <thead><tr><th scope="col">${t.t('indicator')}</th>${table.columns.map(
    (c) =>
      html`<th scope="col" class="num"><span class="head">${c.label ? dataLabel(c.label, t) : c.breakdown}${c.kind === 'derived' ? ' *' : null}</span></th>`,
  )}</tr></thead>
  <tbody>${table.rows.map(
    (r) =>
      html`${tr(r)}<th scope="row" class="indent-${depthOf(table, r.code)}">${r.code}. ${dataLabel(r.label, t)}</th>${table.columns.map((c) => cell(c.values[r.code]?.[graphIndex], t, isRevised(c, r.code, g.n)))}</tr>`,
  )}</tbody></table></div>
  ${table.columns.some((c) => c.kind === 'derived') ? html`<p><small>* ${t.t('republicDerived')}</small></p>` : null}`;
}

/**
 * The form that narrows the table to a chapter (a row and the rows under it), as a plain GET: the
 * other choices of the page ride along as hidden fields, so it works without JavaScript.
 */
export function rowsFilterForm(opts: {
  action: string;
  keep: Record<string, string | undefined>;
  table: Table;
  chosen: readonly string[];
  t: Translator;
}): SafeHtml {
  const { t } = opts;
  const chosen = opts.chosen.join(',');
  const chapters = chapterRows(opts.table);
  const listed = chosen === '' || chapters.some((r) => r.code === chosen);
  return html`<form class="pickers table-filter" method="get" action="${opts.action}">
    ${Object.entries(opts.keep).map(([name, value]) =>
      value === undefined ? null : html`<input type="hidden" name="${name}" value="${value}">`,
    )}
    <label>${t.t('tableFilter')}<select name="rows">
      <option value=""${chosen === '' ? html` selected` : null}>${t.t('tableFilterAll')}</option>
      ${listed ? null : html`<option value="${chosen}" selected>${chosen}</option>`}
      ${chapters.map(
        (r) =>
          html`<option value="${r.code}"${r.code === chosen ? html` selected` : null}${untranslated(r.label, t)}>${r.code}. ${labelText(r.label, t).slice(0, 90)}</option>`,
      )}</select></label>
    <button type="submit">${t.t('show')}</button>
  </form>`;
}
