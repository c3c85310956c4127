// The chosen cell of the chosen region over the published periods, as a line: every period of
// the span is on the axis, so a period not published is a marked gap with its reason, never a
// silent step; figures counted from January are drawn a year at a time.
import type { Form } from '../../catalog/index.js';
import { formatPeriod, nextPeriod, parsePeriod } from '../../calendar/index.js';
import type { PublishedEntry } from '../../publishing/index.js';
import { readSeries, type Table } from '../../statistics/index.js';
import { anonymousActor, type Deps } from '../../../platform/usecase.js';
import { lineChartSvg, type LinePoint } from '../graphics/chart.js';
import { html, type SafeHtml } from '../html.js';
import { unitKey, type Translator } from '../i18n.js';

/** The periods from the first to the last, each once, in order (`2024-01` … `2024-03`). */
export function periodSpan(first: string, last: string): string[] {
  const span: string[] = [];
  let p = parsePeriod(first);
  // 240 periods is twenty years of months: the chart shows at most 24 published ones.
  for (let text = first; span.length < 240;) {
    span.push(text);
    if (text === last) break;
    p = nextPeriod(p);
    text = formatPeriod(p);
  }
  return span;
}

/** The points of the line: a value, or a gap that says whether the period was published at all. */
export function seriesPoints(
  span: readonly string[],
  published: ReadonlySet<string>,
  values: ReadonlyMap<string, number | null>,
  t: Translator,
): LinePoint[] {
  return span.map((period) =>
    published.has(period)
      ? {
          label: period,
          value: values.get(period) ?? null,
          ...(values.get(period) == null ? { gap: t.t('seriesNoData') } : {}),
        }
      : { label: period, value: null, gap: t.t('seriesNotPublished') },
  );
}

/** The line of the last 24 published periods, or null where fewer than two are published. */
export async function seriesChart(
  deps: Deps,
  form: Form,
  table: Table,
  column: Table['columns'][number],
  row: string,
  graph: number,
  periods: { period: string; publication: PublishedEntry }[],
  t: Translator,
  title: string,
): Promise<SafeHtml | null> {
  const shown = periods.slice(0, 24).reverse();
  if (shown.length < 2) return null;
  const revisionIds = shown.flatMap((p) => p.publication.revisionIds);
  // The republic, where it is derived, is the sum of the regions' series.
  const breakdowns =
    column.kind === 'derived'
      ? table.columns.filter((c) => c.kind === 'submitted').map((c) => c.breakdown)
      : [column.breakdown];
  const sums = new Map<string, number | null>(shown.map((p) => [p.period, null]));
  for (const breakdown of breakdowns) {
    const s = await readSeries(deps, anonymousActor, {
      form: form.id,
      section: table.section.id,
      row,
      graph,
      breakdown,
      from: shown[0]!.period,
      to: shown.at(-1)!.period,
      revisionIds,
    });
    for (const point of s.points)
      if (point.value !== null) sums.set(point.period, (sums.get(point.period) ?? 0) + point.value);
  }
  const points = seriesPoints(
    periodSpan(shown[0]!.period, shown.at(-1)!.period),
    new Set(shown.map((p) => p.period)),
    sums,
    t,
  );
  const gaps = points.filter((p) => p.value === null).map((p) => p.label);
  return html`<figure class="series">${lineChartSvg({
    title,
    description: `${form.code ?? form.id}: ${shown[0]!.period} — ${shown.at(-1)!.period}${table.cumulative ? `, ${t.t('yearToDate')}` : ''}`,
    unit: t.t(unitKey(table.graphs.find((g) => g.n === graph)?.unit ?? 'count')),
    points,
    locale: t.locale,
    noDataText: t.t('noData'),
    yearToDate: table.cumulative,
  })}<figcaption>${t.t('series')}: ${title}${table.cumulative ? html` (${t.t('yearToDate')})` : null}${
    gaps.length ? html`<br>${t.t('seriesGaps', { periods: gaps.join(', ') })}` : null
  }</figcaption></figure>`;
}
