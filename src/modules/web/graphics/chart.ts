// Bar and line charts of published figures as server-rendered SVG. Every value is printed (bars)
// or in a tooltip (line markers); the page shows the data table as the text alternative.

import { html, type SafeHtml } from '../html.js';
import { fitText, graphicId, INK, niceTicks, numberFormatter, px, svgRoot, textWidth } from './svg.js';

export interface Bar {
  id: string;
  label: string;
  value: number | null;
  /** The republic or the selected region: drawn in a distinct colour with a bold label. */
  highlight?: boolean;
}

export interface BarChartOptions {
  title: string;
  description: string;
  unit: string;
  bars: Bar[];
  locale: string;
  noDataText: string;
  /** Id prefix of the graphic's elements; by default a hash of the options. */
  id?: string;
}

export interface LinePoint {
  label: string;
  value: number | null;
  /** Why a missing value is missing ("not published"), drawn as a marked gap; default noDataText. */
  gap?: string;
}

export interface LineChartOptions {
  title: string;
  description: string;
  unit: string;
  points: LinePoint[];
  locale: string;
  noDataText: string;
  /**
   * Figures counted from January (year to date): each year is its own line that starts again in
   * January, with the year written over it, never one line that drops every January.
   */
  yearToDate?: boolean;
  id?: string;
}

const WIDTH = 640;
const FONT = 12;
const SMALL_FONT = 11;
/** Blue for the bars, orange for the highlighted one: both ≥ 4.5:1 on white, told apart by all. */
export const BAR_COLOUR = '#2f6699';
export const HIGHLIGHT_COLOUR = '#b3470b';
const GRID = 'currentColor';
const GAP_HATCH = '#a6a6a6';
const GAP_EDGE = '#737373';

/** Horizontal bars in the given order, a zero line, the value printed at the end of each bar. */
export function barChartSvg(opts: BarChartOptions): SafeHtml {
  const id = graphicId('bar', opts);
  const format = numberFormatter(opts.locale);
  const rowHeight = 22;
  const barHeight = 14;
  const top = 24;
  const values = opts.bars.flatMap((b) => (b.value === null ? [] : [b.value]));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);

  const labelWidth = Math.min(220, Math.max(40, ...opts.bars.map((b) => textWidth(b.label, FONT))));
  const valueWidth = Math.max(
    textWidth(opts.noDataText, SMALL_FONT),
    ...values.map((v) => textWidth(format(v), SMALL_FONT)),
  );
  const plotLeft = labelWidth + 12 + (lo < 0 ? valueWidth + 6 : 0);
  const plotRight = WIDTH - 8 - (hi > 0 || lo === hi ? valueWidth + 6 : 0);
  const span = hi - lo || 1;
  const x = (v: number): number => plotLeft + ((v - lo) / span) * (plotRight - plotLeft);
  const zero = x(0);
  const height = top + Math.max(1, opts.bars.length) * rowHeight + 8;

  const rows = opts.bars.map((bar, i) => {
    const y = top + i * rowHeight;
    const middle = y + rowHeight / 2;
    const fill = bar.highlight === true ? HIGHLIGHT_COLOUR : BAR_COLOUR;
    const weight = bar.highlight === true ? 'bold' : 'normal';
    const tooltip = `${bar.label}: ${bar.value === null ? opts.noDataText : format(bar.value)}`;
    const label = html`<text x="${px(labelWidth + 4)}" y="${px(middle)}" dominant-baseline="central" text-anchor="end" font-size="${FONT}" font-weight="${weight}" fill="${INK}">${fitText(bar.label, labelWidth, FONT)}</text>`;
    if (bar.value === null) {
      return html`<g class="bar no-data" data-id="${bar.id}"><title>${tooltip}</title>${label}<text x="${px(zero + 4)}" y="${px(middle)}" dominant-baseline="central" font-size="${SMALL_FONT}" font-style="italic" fill="${INK}">${opts.noDataText}</text></g>`;
    }
    const end = x(bar.value);
    const negative = bar.value < 0;
    const valueX = negative ? end - 4 : end + 4;
    return html`<g class="bar" data-id="${bar.id}"><title>${tooltip}</title>${label}<rect x="${px(Math.min(zero, end))}" y="${px(middle - barHeight / 2)}" width="${px(Math.abs(end - zero))}" height="${barHeight}" fill="${fill}"/><text x="${px(valueX)}" y="${px(middle)}" dominant-baseline="central" text-anchor="${negative ? 'end' : 'start'}" font-size="${SMALL_FONT}" font-weight="${weight}" fill="${INK}">${format(bar.value)}</text></g>`;
  });

  const body = html`<text x="${px(plotLeft)}" y="14" font-size="${SMALL_FONT}" fill="${INK}">${opts.unit}</text>${rows}<line x1="${px(zero)}" y1="${top - 2}" x2="${px(zero)}" y2="${px(height - 6)}" stroke="${INK}" stroke-width="1"/>${opts.bars.length === 0 ? emptyText(opts.noDataText, WIDTH / 2, top + rowHeight / 2) : null}`;
  return svgRoot({
    id,
    kind: 'bar-chart',
    title: opts.title,
    description: opts.description,
    width: WIDTH,
    height,
    body,
  });
}

/**
 * A line over periods with a marker per value; a missing value is a marked gap whose reason the
 * note under the axis gives; figures from January are a line per year (`yearToDate`).
 */
export function lineChartSvg(opts: LineChartOptions): SafeHtml {
  const id = graphicId('line', opts);
  const format = numberFormatter(opts.locale);
  const height = 300;
  const values = opts.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  // The y axis always holds zero, so a change is never exaggerated by a cut axis.
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const top = 28;
  const bottom = height - 30;
  const left = 10 + Math.max(...ticks.map((t) => textWidth(format(t), SMALL_FONT)));
  const right = WIDTH - 16;
  const y = (v: number): number => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const n = opts.points.length;
  const slot = n > 0 ? (right - left) / n : right - left;
  const x = (i: number): number => left + slot * (i + 0.5);

  const grid = ticks.map(
    (t) =>
      html`<line x1="${px(left)}" y1="${px(y(t))}" x2="${px(right)}" y2="${px(y(t))}" stroke="${GRID}" stroke-opacity="${t === 0 ? 0.8 : 0.2}" stroke-width="1"/><text x="${px(left - 6)}" y="${px(y(t))}" dominant-baseline="central" text-anchor="end" font-size="${SMALL_FONT}" fill="${INK}">${format(t)}</text>`,
  );

  // Runs of consecutive values; a run of one point shows as its marker only. Year to date, a
  // new year starts a new run.
  const yearOf = (label: string) => label.slice(0, 4);
  const newYear = (i: number) => i > 0 && yearOf(opts.points[i]!.label) !== yearOf(opts.points[i - 1]!.label);
  const runs: { i: number; value: number }[][] = [];
  let run: { i: number; value: number }[] = [];
  opts.points.forEach((p, i) => {
    if (p.value === null || (opts.yearToDate === true && newYear(i))) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (p.value !== null) run.push({ i, value: p.value });
  });
  if (run.length > 0) runs.push(run);
  const paths = runs
    .filter((r) => r.length > 1)
    .map((r) => {
      const d = r.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(x(p.i))} ${px(y(p.value))}`).join(' ');
      return html`<path d="${d}" fill="none" stroke="${BAR_COLOUR}" stroke-width="2.5" stroke-linejoin="round"/>`;
    });

  // A gap is marked: a hatched band over its slot, its reason in the tooltip and the note below.
  const markers = opts.points.map((p, i) =>
    p.value === null
      ? html`<g class="point no-data gap"><title>${p.label}: ${p.gap ?? opts.noDataText}</title><rect x="${px(x(i) - slot / 2 + 1)}" y="${px(top)}" width="${px(Math.max(1, slot - 2))}" height="${px(bottom - top)}" fill="url(#${id}-gap)" stroke="${GAP_EDGE}" stroke-dasharray="3 3" stroke-width="1"/><text x="${px(x(i))}" y="${px(bottom - 6)}" text-anchor="middle" font-size="${SMALL_FONT}" fill="${INK}">—</text></g>`
      : html`<g class="point"><title>${p.label}: ${format(p.value)}</title><circle cx="${px(x(i))}" cy="${px(y(p.value))}" r="4" fill="${BAR_COLOUR}" stroke="#ffffff" stroke-width="1.5"/></g>`,
  );

  // Thin the period labels out so that they never overlap.
  const labelWidth = Math.max(1, ...opts.points.map((p) => textWidth(p.label, SMALL_FONT))) + 8;
  const every = Math.max(1, Math.ceil(labelWidth / slot));
  const labels = opts.points.map((p, i) =>
    i % every === 0
      ? html`<text x="${px(x(i))}" y="${px(bottom + 18)}" text-anchor="middle" font-size="${SMALL_FONT}" fill="${INK}">${fitText(p.label, slot * every - 4, SMALL_FONT)}</text>`
      : null,
  );

  // Year to date: a rule before every January, the year written beside it.
  const years =
    opts.yearToDate === true
      ? opts.points.map((p, i) =>
          i === 0 || newYear(i)
            ? html`<g class="year-start">${i === 0 ? null : html`<line x1="${px(x(i) - slot / 2)}" y1="${px(top - 12)}" x2="${px(x(i) - slot / 2)}" y2="${px(bottom)}" stroke="${INK}" stroke-opacity="0.6" stroke-dasharray="4 3" stroke-width="1"/>`}<text x="${px(x(i) - slot / 2 + 4)}" y="${px(top - 4)}" font-size="${SMALL_FONT}" font-weight="bold" fill="${INK}">${yearOf(p.label)}</text></g>`
            : null,
        )
      : null;
  const gaps = [...new Set(opts.points.filter((p) => p.value === null).map((p) => p.gap ?? opts.noDataText))];
  const noteHeight = gaps.length * 16;
  const notes = gaps.map(
    (text, k) =>
      html`<g class="gap-note"><rect x="${px(left)}" y="${px(height + k * 16 - 2)}" width="14" height="12" fill="url(#${id}-gap)" stroke="${GAP_EDGE}" stroke-dasharray="3 3" stroke-width="1"/><text x="${px(left + 20)}" y="${px(height + k * 16 + 4)}" dominant-baseline="central" font-size="${SMALL_FONT}" fill="${INK}">— ${fitText(text, right - left - 28, SMALL_FONT)}</text></g>`,
  );
  const defs = gaps.length
    ? html`<defs><pattern id="${id}-gap" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${GAP_HATCH}" stroke-width="1.5"/></pattern></defs>`
    : null;
  const body = html`${defs}<text x="${px(left)}" y="14" font-size="${SMALL_FONT}" fill="${INK}">${opts.unit}</text>${grid}${years}${paths}${markers}${labels}${notes}${values.length === 0 ? emptyText(opts.noDataText, (left + right) / 2, (top + bottom) / 2) : null}`;
  return svgRoot({
    id,
    kind: 'line-chart',
    title: opts.title,
    description: opts.description,
    width: WIDTH,
    height: height + noteHeight,
    body,
  });
}

function emptyText(text: string, x: number, y: number): SafeHtml {
  return html`<text x="${px(x)}" y="${px(y)}" text-anchor="middle" dominant-baseline="central" font-size="${FONT}" font-style="italic" fill="${INK}">${text}</text>`;
}
