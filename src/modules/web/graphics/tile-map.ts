// A tile-grid map of Kazakhstan's regions (2-digit KATO prefixes of catalog/regions.yaml) as
// server-rendered SVG: one tile per region on a fixed cell, coloured in 5 sequential classes,
// each tile printing its label and value, with the full label and value in a tooltip.

import { html, type SafeHtml } from '../html.js';
import {
  fitText,
  fittingFontSize,
  graphicId,
  INK,
  numberFormatter,
  px,
  svgRoot,
  textOn,
  textWidth,
  wrapText,
} from './svg.js';

export interface RegionTile {
  /** 2-digit KATO prefix, e.g. '71'. Ids with no grid position (such as '00') are not drawn. */
  region: string;
  label: string;
  value: number | null;
  /** Link of the tile: a path (`/…`) or an http(s) URL; anything else is not linked. */
  href?: string;
}

export interface RegionTileMapOptions {
  title: string;
  description: string;
  tiles: RegionTile[];
  locale: string;
  noDataText: string;
  legendTitle: string;
  id?: string;
}

/**
 * The cell of every region (west on the left, north on top). The cities of republican
 * significance sit next to the region around them and are drawn as smaller tiles. Abai (10),
 * Zhetisu (33) and Ulytau (62) exist from 2022-06-08; before that their cells stay empty.
 */
export const TILE_POSITIONS: Readonly<Record<string, { col: number; row: number }>> = {
  '59': { col: 3, row: 0 }, // North Kazakhstan
  '27': { col: 0, row: 1 }, // West Kazakhstan
  '39': { col: 2, row: 1 }, // Kostanay
  '11': { col: 3, row: 1 }, // Akmola
  '71': { col: 4, row: 1 }, // Astana (city)
  '55': { col: 5, row: 1 }, // Pavlodar
  '23': { col: 0, row: 2 }, // Atyrau
  '15': { col: 1, row: 2 }, // Aktobe
  '62': { col: 3, row: 2 }, // Ulytau
  '35': { col: 4, row: 2 }, // Karaganda
  '10': { col: 5, row: 2 }, // Abai
  '63': { col: 6, row: 2 }, // East Kazakhstan
  '47': { col: 0, row: 3 }, // Mangystau
  '43': { col: 2, row: 3 }, // Kyzylorda
  '61': { col: 3, row: 3 }, // Turkistan
  '31': { col: 4, row: 3 }, // Zhambyl
  '19': { col: 5, row: 3 }, // Almaty Region
  '33': { col: 6, row: 3 }, // Zhetisu
  '79': { col: 3, row: 4 }, // Shymkent (city)
  '75': { col: 5, row: 4 }, // Almaty (city)
};

const CITIES = new Set(['71', '75', '79']);

/** Sequential blues (ColorBrewer "Blues", the two darkest deepened so white text reaches 4.5:1). */
export const CLASS_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5', '#08306b'] as const;
const NO_DATA_FILL = '#e6e6e6';
const NO_DATA_HATCH = '#a6a6a6';
const TILE_STROKE = '#737373';

export interface ValueClass {
  /** Smallest and largest value in the class (both held by some tile). */
  from: number;
  to: number;
  /** Index into CLASS_COLOURS. */
  colour: number;
}

/**
 * Up to 5 quantile classes of the values, in ascending order; equal values always share a class.
 * With fewer distinct values there are fewer classes, spread over the whole palette.
 */
export function valueClasses(values: readonly number[], count = CLASS_COLOURS.length): ValueClass[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const groups: number[][] = [];
  let last = -1;
  sorted.forEach((value) => {
    // A value's class comes from the rank of its first occurrence, so ties are never split.
    const first = sorted.indexOf(value);
    const index = Math.min(count - 1, Math.floor((first * count) / sorted.length));
    if (index !== last) {
      groups.push([]);
      last = index;
    }
    groups[groups.length - 1]!.push(value);
  });
  const span = CLASS_COLOURS.length - 1;
  return groups.map((group, i) => ({
    from: group[0]!,
    to: group[group.length - 1]!,
    colour: groups.length === 1 ? Math.floor(span / 2) : Math.round((i * span) / (groups.length - 1)),
  }));
}

/** The class holding the value (the last whose lower bound it reaches). */
export function classOf(value: number, classes: readonly ValueClass[]): ValueClass | undefined {
  let found: ValueClass | undefined;
  for (const c of classes) if (value >= c.from) found = c;
  return found;
}

const CELL_W = 96;
const CELL_H = 72;
const GAP = 4;
const PAD = 4;
const LABEL_FONT = 11;
const VALUE_FONT = 13;
const LEGEND_LINE = 15;
/** The legend's bold title is wider than the estimate of plain text: it wraps well inside the map. */
const LEGEND_TITLE_WIDTH = (width: number) => (width - PAD * 2) * 0.8;

/** Links are kept only for paths and http(s) URLs, never `javascript:` and the like. */
const safeHref = (href: string | undefined): string | undefined =>
  href !== undefined && (/^\/(?!\/)/.test(href) || /^https?:\/\//i.test(href)) ? href : undefined;

/** The map of the given tiles on their fixed cells, with a legend of the classes below it. */
export function regionTileMapSvg(opts: RegionTileMapOptions): SafeHtml {
  const id = graphicId('map', opts);
  const format = numberFormatter(opts.locale);
  const placed = opts.tiles.filter((t) => TILE_POSITIONS[t.region] !== undefined);
  const classes = valueClasses(placed.flatMap((t) => (t.value === null ? [] : [t.value])));
  const cols = 1 + Math.max(...Object.values(TILE_POSITIONS).map((p) => p.col));
  const rows = 1 + Math.max(...Object.values(TILE_POSITIONS).map((p) => p.row));
  const width = PAD * 2 + cols * CELL_W;
  const hatch = `${id}-no-data`;

  const tiles = placed.map((tile) => {
    const cell = TILE_POSITIONS[tile.region]!;
    const city = CITIES.has(tile.region);
    const w = (city ? 0.7 : 1) * CELL_W - GAP;
    const h = (city ? 0.7 : 1) * CELL_H - GAP;
    const x = PAD + cell.col * CELL_W + (CELL_W - w) / 2;
    const y = PAD + cell.row * CELL_H + (CELL_H - h) / 2;
    const cls = tile.value === null ? undefined : classOf(tile.value, classes);
    const fill = cls === undefined ? NO_DATA_FILL : CLASS_COLOURS[cls.colour]!;
    const ink = textOn(fill);
    const valueText = tile.value === null ? '—' : format(tile.value);
    const labelFont = city ? LABEL_FONT - 1.5 : LABEL_FONT;
    const valueFont = city ? VALUE_FONT - 1 : VALUE_FONT;
    const inner = html`<title>${tile.label}: ${tile.value === null ? opts.noDataText : valueText}</title><rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" rx="3" fill="${fill}" stroke="${TILE_STROKE}" stroke-width="1"/>${cls === undefined ? html`<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" rx="3" fill="url(#${hatch})"/>` : null}${tileLabel(tile.label, x + w / 2, y, w - 6, h - valueFont - 6, labelFont, ink)}<text x="${px(x + w / 2)}" y="${px(y + h - valueFont / 2 - 5)}" text-anchor="middle" dominant-baseline="central" font-size="${valueFont}" font-weight="bold" fill="${ink}">${fitText(valueText, w - 4, valueFont)}</text>`;
    const href = safeHref(tile.href);
    const classAttr = cls === undefined ? 'tile no-data' : `tile class-${cls.colour + 1}`;
    return href === undefined
      ? html`<g class="${classAttr}" data-region="${tile.region}">${inner}</g>`
      : html`<a href="${href}" class="${classAttr}" data-region="${tile.region}">${inner}</a>`;
  });

  const legendTop = PAD + rows * CELL_H + 12;
  const legend = legendSvg(opts, classes, format, hatch, legendTop, width);
  const defs = html`<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${NO_DATA_HATCH}" stroke-width="1.5"/></pattern></defs>`;
  return svgRoot({
    id,
    kind: 'tile-map',
    title: opts.title,
    description: opts.description,
    width,
    height: legend.bottom + PAD,
    body: html`${defs}<g class="tiles">${tiles}</g>${legend.markup}`,
    role: placed.some((t) => safeHref(t.href) !== undefined) ? 'group' : 'img',
  });
}

/**
 * A tile's name, whole: broken into up to three lines (between words, after a hyphen) and set a
 * little smaller where it must be, centred in the space above the value.
 */
function tileLabel(
  label: string,
  centre: number,
  top: number,
  width: number,
  height: number,
  fontSize: number,
  ink: string,
): SafeHtml {
  const maxLines = Math.max(1, Math.min(3, Math.floor(height / (fontSize * 1.1))));
  const size = fittingFontSize(label, width, fontSize, 7, maxLines);
  const lines = wrapText(label, width, size, maxLines);
  const lineHeight = size * 1.1;
  const first = top + 3 + (height - lines.length * lineHeight) / 2 + lineHeight / 2;
  return html`<text class="tile-label" x="${px(centre)}" y="${px(first)}" text-anchor="middle" dominant-baseline="central" font-size="${size}" fill="${ink}">${lines.map(
    (line, i) => html`<tspan x="${px(centre)}" dy="${i === 0 ? 0 : px(lineHeight)}">${line}</tspan>`,
  )}</text>`;
}

/** The legend: its title, then a swatch and the range of every class, and the no-data swatch. */
function legendSvg(
  opts: RegionTileMapOptions,
  classes: readonly ValueClass[],
  format: (value: number) => string,
  hatch: string,
  top: number,
  width: number,
): { markup: SafeHtml; bottom: number } {
  const swatch = 14;
  const lineHeight = 22;
  const entries = [
    ...classes.map((c) => ({
      fill: CLASS_COLOURS[c.colour]!,
      hatched: false,
      text: c.from === c.to ? format(c.from) : `${format(c.from)} – ${format(c.to)}`,
    })),
    { fill: NO_DATA_FILL, hatched: true, text: opts.noDataText },
  ];
  let x = PAD;
  let y =
    top +
    20 +
    (wrapText(opts.legendTitle, LEGEND_TITLE_WIDTH(width), LABEL_FONT + 1, 3).length - 1) * LEGEND_LINE;
  const items = entries.map((entry) => {
    const entryWidth = swatch + 6 + textWidth(entry.text, LABEL_FONT) + 16;
    if (x > PAD && x + entryWidth > (width - PAD) * 0.9) {
      x = PAD;
      y += lineHeight;
    }
    const item = html`<g class="legend-item"><rect x="${px(x)}" y="${px(y)}" width="${swatch}" height="${swatch}" fill="${entry.fill}" stroke="${TILE_STROKE}" stroke-width="1"/>${entry.hatched ? html`<rect x="${px(x)}" y="${px(y)}" width="${swatch}" height="${swatch}" fill="url(#${hatch})"/>` : null}<text x="${px(x + swatch + 6)}" y="${px(y + swatch / 2)}" dominant-baseline="central" font-size="${LABEL_FONT}" fill="${INK}">${entry.text}</text></g>`;
    x += entryWidth;
    return item;
  });
  const titleLines = wrapText(opts.legendTitle, LEGEND_TITLE_WIDTH(width), LABEL_FONT + 1, 3);
  const title = html`<text x="${PAD}" y="${px(top + 8)}" font-size="${LABEL_FONT + 1}" font-weight="bold" fill="${INK}">${titleLines.map(
    (line, i) => html`<tspan x="${PAD}" dy="${i === 0 ? 0 : LEGEND_LINE}">${line}</tspan>`,
  )}</text>`;
  const markup = html`<g class="legend">${title}${items}</g>`;
  return { markup, bottom: y + swatch + 4 };
}
