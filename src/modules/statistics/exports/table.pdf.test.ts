import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Table } from '../statistics.table.js';
import type { Graph, Row } from '../structure.schema.js';
import { KAZAKH_FORM_TITLE, sampleTable } from './table.fixture.js';
import { columnTitle, formatNumber, labelText, type Lang } from './table.layout.js';
import { writeTablePdf } from './table.pdf.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zanstat-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const skip = !hasPoppler && !process.env.CI;
if (skip)
  console.warn('pdftotext is not installed: the PDF text checks are skipped (Debian: poppler-utils).');

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command}: ${result.error.message} (install Debian poppler-utils)`);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

async function pdfText(table: Table, lang: Lang, name: string): Promise<{ text: string; file: string }> {
  const pdf = await writeTablePdf(table, { lang });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return { text: run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']), file };
}

const squash = (s: string): string => s.replace(/\s+/g, '');

describe.skipIf(skip)('writeTablePdf read by pdftotext', () => {
  const table = sampleTable();

  it('keeps the Kazakh text intact in DejaVu Sans, ₸ included', async () => {
    const { text, file } = await pdfText(table, 'kk', 'kk.pdf');
    expect(text).toContain(KAZAKH_FORM_TITLE);
    expect(text).toContain('Тіркелген қылмыстық құқық бұзушылықтар туралы');
    expect(text).toContain('Кезең: қаңтар–желтоқсан 2022 ж.');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', '₸']) expect(text).toContain(letter);
    expect(text).toContain('мың ₸');
    expect(run('pdffonts', [file])).toMatch(/DejaVuSans\s/);
  });

  it('prints every value of every region on its row', async () => {
    for (const lang of ['kk', 'ru'] as const) {
      const { text } = await pdfText(table, lang, `${lang}-values.pdf`);
      const lines = text.split('\n');
      for (const column of table.columns) {
        const start = lines.findIndex((l) => l.trim() === columnTitle(column, lang));
        expect(start, columnTitle(column, lang)).toBeGreaterThanOrEqual(0);
        for (const row of table.rows) {
          const label = labelText(row.label, lang);
          const line = lines.slice(start).find((l) => l.trim().startsWith(label));
          expect(line, `${column.breakdown} ${row.code}`).toBeDefined();
          const values = column.values[row.code]!.map((v, j) => formatNumber(v, table.graphs[j]!, lang));
          expect(squash(line!.trim().slice(label.length))).toBe(squash(row.code + values.join('')));
        }
      }
      expect(squash(text)).toContain(squash(formatNumber(1234.5, table.graphs[3]!, lang)));
    }
  });

  it('adds nothing the table lacks', async () => {
    const cut = sampleTable({ graphs: table.graphs.slice(0, 2), rows: table.rows.slice(0, 2) });
    const { text } = await pdfText(cut, 'ru', 'cut.pdf');
    expect(text).not.toContain('тяжкие');
    expect(text).not.toContain('Сумма ущерба');
    expect(text).toMatch(/в отношении\s+(\S.*\s+)?женщин/);
  });

  it('splits a wide table into groups of graphs and repeats the header on every page', async () => {
    const graphs: Graph[] = Array.from({ length: 30 }, (_, i) => ({
      n: i + 1,
      label: { ru: `Графа ${i + 1}`, kk: `Баған ${i + 1}` },
      ...(i >= 4 && i < 14 ? { header: ['Қозғалған істер', i < 9 ? 'оның ішінде' : 'басқалары'] } : {}),
      unit: 'count',
      valueType: 'integer',
    }));
    const rows: Row[] = Array.from({ length: 80 }, (_, i) => ({
      code: String(i + 1),
      label: { ru: `Показатель ${i + 1}`, kk: `Көрсеткіш ${i + 1}` },
      kind: i === 0 ? 'total' : 'indicator',
      ...(i > 0 ? { parent: '1' } : {}),
    }));
    const values = Object.fromEntries(rows.map((r, i) => [r.code, graphs.map((_, j) => i * 100 + j)]));
    const base = sampleTable();
    const wide = sampleTable({ graphs, rows, columns: [{ ...base.columns[0]!, values }], republic: null });
    const { text } = await pdfText(wide, 'kk', 'wide.pdf');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toContain('Көрсеткіштердің атауы');
    // Each page's caption names the group of graphs it shows: together they cover the 30 graphs in order.
    const ranges = [...new Set([...text.matchAll(/бағандар (\d+)–(\d+)/g)].map((m) => `${m[1]}–${m[2]}`))];
    expect(ranges.length).toBeGreaterThan(1);
    const covered = ranges.flatMap((r) => {
      const [from, to] = r.split('–').map(Number) as [number, number];
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
    expect(covered).toEqual(graphs.map((g) => g.n));
    expect(text).toContain('Қозғалған істер');
    expect(text).toContain('Көрсеткіш 80');
  }, 60_000);
});
