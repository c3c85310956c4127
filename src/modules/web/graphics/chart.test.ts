import { describe, expect, it } from 'vitest';
import { barChartSvg, HIGHLIGHT_COLOUR, lineChartSvg, type Bar, type LinePoint } from './chart.js';
import { xmlProblems } from './well-formed.testing.js';

const EVIL = `<script>alert("x")</script>&'`;
const NBSP = '\u00a0';

const bar = (bars: Bar[], locale = 'ru-RU') =>
  barChartSvg({
    title: 'Преступления',
    description: 'По регионам',
    unit: 'ед.',
    bars,
    locale,
    noDataText: 'нет данных',
  }).text;
const line = (points: LinePoint[], locale = 'ru-RU') =>
  lineChartSvg({
    title: 'Динамика',
    description: 'По месяцам',
    unit: 'ед.',
    points,
    locale,
    noDataText: 'нет данных',
  }).text;

/** The `<g>` of one bar. */
const barGroup = (svg: string, id: string): string =>
  svg.match(new RegExp(`<g class="bar[^"]*" data-id="${id}">.*?</g>`))![0];
const attr = (markup: string, element: string, name: string): string =>
  markup.match(new RegExp(`<${element}[^>]* ${name}="([^"]*)"`))![1]!;

describe('barChartSvg', () => {
  it('is well-formed, accessible SVG sized by its viewBox', () => {
    const svg = bar([{ id: '71', label: 'Астана', value: 10 }]);
    expect(xmlProblems(svg)).toEqual([]);
    const labelledBy = attr(svg, 'svg', 'aria-labelledby').split(' ');
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*width="100%"/);
    expect(svg).toContain(`<title id="${labelledBy[0]}">Преступления</title>`);
    expect(svg).toContain(`<desc id="${labelledBy[1]}">По регионам</desc>`);
    expect(attr(svg, 'svg', 'viewBox')).toMatch(/^0 0 \d+(\.\d)? \d+(\.\d)?$/);
  });

  it('gives different graphics different ids, the same graphic the same bytes', () => {
    const a = bar([{ id: '71', label: 'Астана', value: 10 }]);
    const b = bar([{ id: '71', label: 'Астана', value: 11 }]);
    expect(attr(a, 'svg', 'aria-labelledby')).not.toBe(attr(b, 'svg', 'aria-labelledby'));
    expect(bar([{ id: '71', label: 'Астана', value: 10 }])).toBe(a);
  });

  it('escapes labels, ids, title, description and unit', () => {
    const svg = barChartSvg({
      title: EVIL,
      description: EVIL,
      unit: EVIL,
      bars: [{ id: EVIL, label: EVIL, value: 1 }],
      locale: 'en',
      noDataText: EVIL,
    }).text;
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(xmlProblems(svg)).toEqual([]);
  });

  it('prints the no-data text instead of a bar for a null value', () => {
    const svg = bar([
      { id: '10', label: 'Абай', value: null },
      { id: '11', label: 'Ақмола', value: 5 },
    ]);
    const missing = barGroup(svg, '10');
    expect(missing).toContain('нет данных');
    expect(missing).not.toContain('<rect');
    expect(barGroup(svg, '11')).toContain('<rect');
  });

  it('draws negative bars to the left of the zero line, positive to the right', () => {
    const svg = bar([
      { id: 'down', label: 'Снижение', value: -40 },
      { id: 'up', label: 'Рост', value: 60 },
    ]);
    const zero = Number(attr(svg.slice(svg.lastIndexOf('<line')), 'line', 'x1'));
    const down = barGroup(svg, 'down');
    const up = barGroup(svg, 'up');
    const downX = Number(attr(down, 'rect', 'x'));
    const downW = Number(attr(down, 'rect', 'width'));
    expect(downX + downW).toBeCloseTo(zero, 0);
    expect(Number(attr(up, 'rect', 'x'))).toBeCloseTo(zero, 0);
    // Scaled to the extremes: 60 is 1.5 times as long as 40.
    expect(Number(attr(up, 'rect', 'width')) / downW).toBeCloseTo(1.5, 1);
    expect(down).toContain('text-anchor="end"');
    expect(down).toContain('>-40<');
  });

  it('draws the highlighted bar in its own colour and bold', () => {
    const svg = bar([
      { id: '00', label: 'Республика', value: 100, highlight: true },
      { id: '71', label: 'Астана', value: 10 },
    ]);
    expect(barGroup(svg, '00')).toContain(`fill="${HIGHLIGHT_COLOUR}"`);
    expect(barGroup(svg, '00')).toContain('font-weight="bold"');
    expect(barGroup(svg, '71')).not.toContain(HIGHLIGHT_COLOUR);
  });

  it.each([
    ['kk-KZ', 1234567, `1${NBSP}234${NBSP}567`],
    ['ru-RU', 12345.5, `12${NBSP}345,5`],
    ['ru-RU', -2500, `-2${NBSP}500`],
    ['en', 12345, '12,345'],
  ])('formats values for %s: %d → %s', (locale, value, printed) => {
    expect(bar([{ id: 'x', label: 'x', value }], locale)).toContain(`>${printed}</text>`);
  });

  it('handles no bars and all-zero values', () => {
    expect(xmlProblems(bar([]))).toEqual([]);
    expect(bar([])).toContain('нет данных');
    const zeros = bar([{ id: 'a', label: 'a', value: 0 }]);
    expect(zeros).not.toContain('NaN');
    expect(zeros).toContain('>0</text>');
  });
});

describe('lineChartSvg', () => {
  const months = (values: (number | null)[]): LinePoint[] =>
    values.map((value, i) => ({ label: `2024-${String(i + 1).padStart(2, '0')}`, value }));

  it('is well-formed and escapes point labels', () => {
    const svg = line([
      { label: EVIL, value: 3 },
      { label: 'b', value: 4 },
    ]);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<script>');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
  });

  it.each([
    { values: [1, 2, 3, 4], segments: 1 },
    { values: [1, 2, null, 4, 5], segments: 2 },
    { values: [1, null, 3, null, 5], segments: 0 },
    { values: [null, null], segments: 0 },
  ])('breaks the line at missing values: $values', ({ values, segments }) => {
    const svg = line(months(values));
    expect(svg.match(/<path /g)?.length ?? 0).toBe(segments);
    expect(svg.match(/<circle /g)?.length ?? 0).toBe(values.filter((v) => v !== null).length);
    expect(xmlProblems(svg)).toEqual([]);
  });

  it('shows missing values as no data', () => {
    const svg = line(months([1, null, 3]));
    expect(svg).toContain('<title>2024-02: нет данных</title>');
    expect(line(months([null]))).toContain('font-style="italic"');
  });

  it.each([
    { values: [120, 340, 99], locale: 'ru-RU' },
    { values: [12_000, 15_500, -3_000], locale: 'kk-KZ' },
    { values: [0.2, 0.35], locale: 'en' },
    { values: [7, 7, 7], locale: 'en' },
  ])('draws 4 or 5 nice y ticks, formatted for the locale: $values', ({ values, locale }) => {
    const svg = line(months(values), locale);
    const ticks = svg.match(/<text [^>]*text-anchor="end"[^>]*>[^<]*<\/text>/g) ?? [];
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(5);
    if (locale === 'kk-KZ') expect(svg).toContain(`>10${NBSP}000</text>`);
  });

  it('thins the period labels out when there are many', () => {
    const svg = line(months(Array.from({ length: 60 }, (_, i) => i)));
    const shown = svg.match(/>2024-\d\d<\/text>/g) ?? [];
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(60);
    expect(line(months([1, 2, 3])).match(/>2024-\d\d<\/text>/g)).toHaveLength(3);
  });

  const span = (from: [number, number], count: number, value: (i: number) => number | null): LinePoint[] =>
    Array.from({ length: count }, (_, i) => {
      const m = from[1] - 1 + i;
      return {
        label: `${from[0] + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
        value: value(i),
      };
    });

  it('draws figures from January as a line per year, each year named, none dropping to January', () => {
    // 2023-10 … 2024-03, counted from January: 10, 11, 12, then 1, 2, 3.
    const points = span([2023, 10], 6, (i) => [10, 11, 12, 1, 2, 3][i]!);
    const svg = lineChartSvg({
      title: 't',
      description: 'd',
      unit: 'u',
      points,
      locale: 'ru-RU',
      noDataText: 'нет данных',
      yearToDate: true,
    }).text;
    const paths = svg.match(/<path d="[^"]*"/g) ?? [];
    expect(paths).toHaveLength(2);
    // No segment joins December (12) to January (1).
    for (const d of paths) expect(d.match(/[ML]/g)).toHaveLength(3);
    expect(svg).toMatch(/class="year-start">.*>2023<\/text>/);
    expect(svg).toMatch(/class="year-start"><line [^>]*\/><text [^>]*>2024<\/text>/);
    expect(xmlProblems(svg)).toEqual([]);
    // Without the flag the same points are one line.
    expect(line(points).match(/<path /g)).toHaveLength(1);
  });

  it('marks a gap with a band and says why under the axis', () => {
    const points = months([1, 2, null, 4]).map((p) =>
      p.value === null ? { ...p, gap: 'не опубликовано' } : p,
    );
    const svg = line(points);
    expect(svg).toContain('<title>2024-03: не опубликовано</title>');
    expect(svg).toMatch(/class="point no-data gap"><title>[^<]*<\/title><rect [^>]*fill="url\(#[^)]+-gap\)"/);
    expect(svg).toMatch(/class="gap-note">.*>— не опубликовано<\/text>/);
    expect(xmlProblems(svg)).toEqual([]);
    expect(line(months([1, 2]))).not.toContain('gap-note');
  });
});
