import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contrastRatio, textOn } from './svg.js';
import {
  CLASS_COLOURS,
  classOf,
  regionTileMapSvg,
  TILE_POSITIONS,
  valueClasses,
  type RegionTile,
} from './tile-map.js';
import { xmlProblems } from './well-formed.testing.js';

const map = (tiles: RegionTile[], locale = 'ru-RU') =>
  regionTileMapSvg({
    title: 'Карта',
    description: 'Преступления по регионам',
    tiles,
    locale,
    noDataText: 'нет данных',
    legendTitle: 'Число преступлений',
  }).text;

/** The lines of a tile's name, as printed. */
const labelLines = (tile: string): string[] =>
  [...tile.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!);

const tileOf = (svg: string, region: string): string =>
  svg.match(new RegExp(`<(g|a) [^>]*data-region="${region}">.*?</\\1>`))![0];

describe('TILE_POSITIONS', () => {
  const catalog = parse(readFileSync(path.resolve('catalog/regions.yaml'), 'utf8')) as {
    regions: { id: string }[];
  };
  const ids = catalog.regions.map((r) => r.id).filter((id) => id !== '00');

  it('places every region of catalog/regions.yaml except the republic, and nothing else', () => {
    expect(ids).toHaveLength(20);
    expect(Object.keys(TILE_POSITIONS).sort()).toEqual([...ids].sort());
  });

  it('gives every region its own cell', () => {
    const cells = Object.values(TILE_POSITIONS).map((p) => `${p.col},${p.row}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it.each([
    ['27', '63'], // West Kazakhstan west of East Kazakhstan
    ['23', '47'], // Atyrau north of Mangystau
    ['59', '11'], // North Kazakhstan north of Akmola
    ['11', '71'], // Astana next to Akmola
    ['61', '79'], // Shymkent next to Turkistan
    ['19', '75'], // Almaty city next to Almaty Region
  ])('keeps the geography roughly: %s before %s', (a, b) => {
    const [pa, pb] = [TILE_POSITIONS[a]!, TILE_POSITIONS[b]!];
    expect(pa.col < pb.col || pa.row < pb.row).toBe(true);
    if (['71', '75', '79'].includes(b)) expect(Math.abs(pa.col - pb.col) + Math.abs(pa.row - pb.row)).toBe(1);
  });
});

describe('valueClasses', () => {
  it.each([
    { values: [], expected: [] },
    { values: [5], expected: [[5, 5, 2]] },
    {
      values: [1, 2, 3, 4, 5],
      expected: [
        [1, 1, 0],
        [2, 2, 1],
        [3, 3, 2],
        [4, 4, 3],
        [5, 5, 4],
      ],
    },
    {
      values: [10, 1, 9, 2, 8, 3, 7, 4, 6, 5],
      expected: [
        [1, 2, 0],
        [3, 4, 1],
        [5, 6, 2],
        [7, 8, 3],
        [9, 10, 4],
      ],
    },
    {
      values: [1, 1, 1, 1, 50],
      expected: [
        [1, 1, 0],
        [50, 50, 4],
      ],
    },
    {
      values: [-30, -10, 0, 20],
      expected: [
        [-30, -30, 0],
        [-10, -10, 1],
        [0, 0, 3],
        [20, 20, 4],
      ],
    },
  ])('classes of $values in ascending order', ({ values, expected }) => {
    const classes = valueClasses(values);
    expect(classes.map((c) => [c.from, c.to, c.colour])).toEqual(expected);
    for (const v of values) expect(classOf(v, classes)).toBeDefined();
  });

  it('never splits equal values and keeps classes ordered and disjoint', () => {
    const values = [3, 3, 3, 3, 3, 3, 8, 8, 9, 12, 12, 40, 41, 41, 100, 100, 100];
    const classes = valueClasses(values);
    expect(classes.length).toBeLessThanOrEqual(5);
    classes.forEach((c, i) => {
      expect(c.from).toBeLessThanOrEqual(c.to);
      if (i > 0) {
        expect(c.from).toBeGreaterThan(classes[i - 1]!.to);
        expect(c.colour).toBeGreaterThan(classes[i - 1]!.colour);
      }
    });
  });

  it.each([...CLASS_COLOURS, '#e6e6e6'])('text on %s meets WCAG 2.1 AA (4.5:1)', (fill) => {
    expect(contrastRatio(fill, textOn(fill))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('regionTileMapSvg', () => {
  const tiles: RegionTile[] = Object.keys(TILE_POSITIONS).map((region, i) => ({
    region,
    label: `Регион ${region}`,
    value: i * 1000,
  }));

  it('is well-formed, accessible SVG with one tile per region given', () => {
    const svg = map(tiles);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="(map-\w+)-title \1-desc"/);
    expect(svg.match(/data-region=/g)).toHaveLength(20);
  });

  it('draws only the tiles it is given (17 units before mid-2022), skipping the republic', () => {
    const before2022 = tiles.filter((t) => !['10', '33', '62'].includes(t.region));
    const svg = map([{ region: '00', label: 'Республика', value: 1 }, ...before2022]);
    expect(svg.match(/data-region=/g)).toHaveLength(17);
    expect(svg).not.toContain('data-region="00"');
    expect(svg).not.toContain('data-region="62"');
  });

  it('colours tiles in classes ascending with the value and prints the value', () => {
    const svg = map(tiles);
    const colourIndex = (region: string) =>
      CLASS_COLOURS.indexOf(
        tileOf(svg, region).match(/fill="(#[0-9a-f]{6})"/)![1] as (typeof CLASS_COLOURS)[number],
      );
    const ordered = tiles.map((t) => colourIndex(t.region));
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
    expect(new Set(ordered).size).toBe(5);
    expect(tileOf(svg, '75')).toContain(`>18\u00a0000</text>`);
  });

  it('marks a tile with no value with a pattern and a dash, and lists no data in the legend', () => {
    const svg = map([
      { region: '71', label: 'Астана', value: null },
      { region: '75', label: 'Алматы', value: 5 },
    ]);
    const tile = tileOf(svg, '71');
    expect(tile).toMatch(/fill="url\(#map-\w+-no-data\)"/);
    expect(tile).toContain('>—</text>');
    expect(tile).toContain('<title>Астана: нет данных</title>');
    expect(svg).toMatch(/<pattern id="map-\w+-no-data"/);
    expect(svg).toContain('>Число преступлений</tspan></text>');
    expect(svg).toContain('>нет данных</text>');
  });

  it('switches to white text on dark tiles', () => {
    const svg = map([
      { region: '11', label: 'a', value: 1 },
      { region: '15', label: 'b', value: 1000 },
    ]);
    expect(tileOf(svg, '11')).toContain('fill="#1a1a1a"');
    expect(tileOf(svg, '15')).toContain('fill="#ffffff"');
  });

  it('escapes labels and links, wraps long labels whole and keeps the full one in the tooltip', () => {
    const long = 'Западно-Казахстанская область';
    const svg = map([
      { region: '27', label: long, value: 1, href: '/ru/regions/27?a=1&b="2"' },
      { region: '23', label: '<script>alert(1)</script>', value: 2 },
    ]);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('<a href="/ru/regions/27?a=1&amp;b=&quot;2&quot;"');
    expect(tileOf(svg, '27')).toContain(`<title>${long}: 1</title>`);
    expect(tileOf(svg, '27')).toContain('>Западно-</tspan><tspan');
    expect(labelLines(tileOf(svg, '27')).join('')).toBe('Западно-Казахстанскаяобласть');
  });

  const regions = parse(readFileSync(path.resolve('catalog/regions.yaml'), 'utf8')) as {
    regions: { id: string; names: { kk: string; ru: string; en: string }[] }[];
  };
  it.each(['kk', 'ru', 'en'] as const)(
    'prints every region’s name whole in %s (none cut: "Astana c…")',
    (lang) => {
      const tiles = regions.regions
        .filter((r) => r.id !== '00')
        .map((r) => ({ region: r.id, label: r.names.at(-1)![lang], value: 1 }));
      const svg = map(tiles);
      for (const tile of tiles) {
        const lines = labelLines(tileOf(svg, tile.region));
        expect(lines.join(' ').replace(/- /g, '-'), tile.region).toBe(tile.label);
        expect(lines.length).toBeLessThanOrEqual(3);
      }
    },
  );

  it('wraps a long legend title over lines instead of running past the map', () => {
    const svg = regionTileMapSvg({
      title: 'Карта',
      description: 'd',
      tiles: [{ region: '11', label: 'a', value: 1 }],
      locale: 'ru-RU',
      noDataText: 'нет данных',
      legendTitle:
        'Количество правонарушений, уголовные дела о которых находились в производстве в отчетном периоде',
    }).text;
    const legend = svg.match(/<g class="legend">.*<\/g>/)![0];
    const titleLines = [...legend.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!);
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.join(' ')).toBe(
      'Количество правонарушений, уголовные дела о которых находились в производстве в отчетном периоде',
    );
  });

  it.each(['javascript:alert(1)', '//evil.example/x', 'data:text/html,x'])(
    'drops an unsafe link: %s',
    (href) => {
      const svg = map([{ region: '27', label: 'x', value: 1, href }]);
      expect(svg).not.toContain('<a ');
    },
  );

  it('prints legend ranges formatted for the locale', () => {
    const svg = map(
      [
        { region: '11', label: 'a', value: 1500 },
        { region: '15', label: 'b', value: 25_000 },
      ],
      'kk-KZ',
    );
    expect(svg).toContain('>1\u00a0500</text>');
    expect(svg).toContain('>25\u00a0000</text>');
  });
});
