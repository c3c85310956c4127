// The national 1-М R1 table (422 rows × 31 graphs) printed: every page rendered to an image by
// pdftoppm and read word by word, with their boxes, by pdftotext. On every page the header reads
// whole (its words are those of the group's header cells, none cut, none missing) and lies above
// the first row; the graphs' columns hold figures only (no header text ran into them); every
// label's words come out whole, in order, in every group of graphs; nothing is drawn past the
// page's right margin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeText } from '../statistics.notices.js';
import { headerCells, labelText, word, type Lang } from './table.layout.js';
import { nationalTable } from './table.national.fixture.js';
import { writeTablePdf } from './table.pdf.js';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const skip = !hasPoppler && !process.env.CI;
const dir = mkdtempSync(path.join(tmpdir(), 'zanstat-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error) throw new Error(`${command}: ${result.error.message} (install Debian poppler-utils)`);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]!);

/** The pages as pdftotext -bbox reads them: each word with its box, in points from the top left. */
function readPages(file: string): Page[] {
  const xhtml = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  return [...xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [
      ...p[3]!.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((w) => ({
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: unescape(w[5]!),
    })),
  }));
}

const tokens = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const sorted = (xs: string[]): string[] => [...xs].sort();
const centre = (w: Word): number => (w.x0 + w.x1) / 2;
/** Words in reading order: by line (tops within a point), then left to right. */
const reading = (ws: Word[]): Word[] =>
  [...ws].sort((a, b) => (Math.abs(a.y0 - b.y0) > 1 ? a.y0 - b.y0 : a.x0 - b.x0));
const figure = /^[\d\u00a0\u202f,.−-]+$/;

describe.skipIf(skip)('the national 1-М R1 table printed', () => {
  const lang: Lang = 'ru';
  const table = nationalTable();
  let pages: Page[] = [];
  let file = '';

  beforeAll(async () => {
    file = path.join(dir, 'national.pdf');
    writeFileSync(file, await writeTablePdf(table, { lang }));
    pages = readPages(file);
  }, 600_000);

  it('is the whole table: 422 rows, 31 graphs, landscape, with its notice', () => {
    expect(table.rows).toHaveLength(422);
    expect(table.graphs).toHaveLength(31);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.width).toBeGreaterThan(p.height);
    const first = pages[0]!.words.map((w) => w.text).join(' ');
    expect(first).toContain(tokens(noticeText(table.notice, lang)!).join(' '));
  });

  it('renders every page with pdftoppm, nothing drawn past the right margin', () => {
    run('pdftoppm', ['-r', '36', '-gray', file, path.join(dir, 'page')]);
    const images = readdirSync(dir).filter((f) => /^page-\d+\.pgm$/.test(f));
    expect(images).toHaveLength(pages.length);
    for (const name of images) {
      // A binary PGM: "P5 width height 255", one byte a pixel, 0 black.
      const bytes = readFileSync(path.join(dir, name));
      const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
      const [width, height] = [Number(head[1]), Number(head[2])];
      const pixels = bytes.subarray(head[0].length);
      const margin = Math.floor(width * (20 / 841.89)); // 20 pt of the 24 pt margin
      let ink = 0;
      let outside = 0;
      for (let y = 0; y < height; y += 1)
        for (let x = 0; x < width; x += 1) {
          if (pixels[y * width + x]! > 160) continue;
          ink += 1;
          if (x >= width - margin) outside += 1;
        }
      expect(ink, name).toBeGreaterThan(0);
      expect(outside, name).toBe(0);
    }
  }, 300_000);

  it('reads each page header whole, above the first row, and no word broken', () => {
    const seen = new Map<string, { labels: string[]; codes: string[] }>();
    pages.forEach((page, i) => {
      const at = `page ${i + 1}`;
      const a = page.words.find(
        (w) => w.text === 'А' && page.words.some((b) => b.text === 'Б' && Math.abs(b.y0 - w.y0) < 1),
      );
      expect(a, `${at}: the numbers row (А, Б, 1 … N)`).toBeDefined();
      const b = page.words.find((w) => w.text === 'Б' && Math.abs(w.y0 - a!.y0) < 1)!;
      const numbersRow = reading(page.words.filter((w) => Math.abs(w.y0 - a!.y0) < 1 && w !== a && w !== b));
      const shown = numbersRow.map((w) => Number(w.text));
      const graphs = table.graphs.filter((g) => shown.includes(g.n));
      expect(
        graphs.map((g) => g.n),
        at,
      ).toEqual(shown);
      // The caption ("00 Республика Казахстан · графы 1–10") is the top line saying "графы".
      const caption = reading(page.words.filter((w) => w.text === word('graphs', lang)))[0]!;
      expect(caption.y1, `${at}: the caption`).toBeLessThan(a!.y0);
      // The header: between the caption and the numbers row, exactly the words of its cells.
      const header = page.words.filter((w) => w.y0 > caption.y1 - 0.5 && w.y1 < a!.y0 + 0.5);
      const expected = [
        word('indicator', lang),
        word('code', lang),
        ...headerCells(graphs, lang).map((c) => c.text),
      ].flatMap(tokens);
      expect(sorted(header.map((w) => w.text)), `${at}: the header`).toEqual(sorted(expected));
      // The body: below the numbers row, above the footer.
      const footerTop = Math.max(...page.words.map((w) => w.y0));
      const body = page.words.filter((w) => w.y0 > a!.y1 && w.y1 < footerTop - 1);
      expect(body.length, at).toBeGreaterThan(0);
      expect(Math.max(...header.map((w) => w.y1)), `${at}: header above the first row`).toBeLessThan(
        Math.min(...body.map((w) => w.y0)),
      );
      const codeLeft = centre(b) - 16;
      const codeRight = centre(b) + 16;
      const inGraphs = body.filter((w) => w.x0 > codeRight);
      expect(
        inGraphs.filter((w) => !figure.test(w.text)).map((w) => w.text),
        `${at}: the graphs' columns`,
      ).toEqual([]);
      const key = shown.join(',');
      const group = seen.get(key) ?? { labels: [], codes: [] };
      seen.set(key, group);
      group.labels.push(...reading(body.filter((w) => w.x1 < codeLeft)).map((w) => w.text));
      group.codes.push(
        ...reading(body.filter((w) => centre(w) >= codeLeft && centre(w) <= codeRight)).map((w) => w.text),
      );
    });
    // Every group of graphs prints every row, its label's words whole and in order.
    expect(seen.size).toBeGreaterThan(1);
    const covered = [...seen.keys()].flatMap((k) => k.split(',').map(Number));
    expect(covered).toEqual(table.graphs.map((g) => g.n));
    const labels = table.rows.flatMap((r) => tokens(labelText(r.label, lang)));
    for (const [key, group] of seen) {
      expect(group.codes, `graphs ${key}: the row codes`).toEqual(table.rows.map((r) => r.code));
      expect(group.labels, `graphs ${key}: the labels`).toEqual(labels);
    }
  });
});
