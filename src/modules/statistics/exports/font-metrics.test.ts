import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFontMetrics } from './font-metrics.js';

const dir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const regular = readFontMetrics(path.join(dir, 'DejaVuSans.ttf'));
const bold = readFontMetrics(path.join(dir, 'DejaVuSans-Bold.ttf'));

describe('the widths of DejaVu Sans, read from its tables', () => {
  it.each(['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', '₸', 'Ж', 'w', '1'])('%s has its own glyph', (ch) => {
    // a character the font lacks would take the missing glyph's width: U+FFFF is never in a font
    expect(regular.widthOf(ch, 10)).toBeGreaterThan(0);
    expect(regular.widthOf(ch, 10)).not.toBe(regular.widthOf('\uffff', 10));
  });

  it('adds up and scales with the size; bold is wider', () => {
    const w = regular.widthOf('правонарушений', 6);
    expect(w).toBeCloseTo(54.48, 1); // as pdfkit measures it
    expect(regular.widthOf('правонарушений правонарушений', 6)).toBeCloseTo(
      2 * w + regular.widthOf(' ', 6),
      6,
    );
    expect(regular.widthOf('правонарушений', 12)).toBeCloseTo(2 * w, 6);
    expect(bold.widthOf('правонарушений', 6)).toBeGreaterThan(w);
    expect(regular.widthOf('', 6)).toBe(0);
  });
});
