// How wide a text is in a TrueType font, read from the font file itself (the `cmap` format 4
// subtable for the characters, `hmtx` for their advance widths, `head` for the units per em).
// The PDF sizes its columns by it: pdfmake cuts a word that is wider than its cell in the middle,
// so every column is made as wide as its longest word, or the word's cell is set smaller.
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  /** the width of `text` at `size` points, in points (kerning ignored: it only narrows) */
  widthOf(text: string, size: number): number;
}

function tableOffsets(font: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const at = 12 + i * 16;
    tables.set(font.toString('latin1', at, at + 4), font.readUInt32BE(at + 8));
  }
  return tables;
}

/** The glyph of each character from the Windows Unicode BMP subtable (platform 3, encoding 1). */
function glyphLookup(font: Buffer, cmap: number): (code: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < count; i += 1) {
    const at = cmap + 4 + i * 8;
    if (font.readUInt16BE(at) === 3 && font.readUInt16BE(at + 2) === 1)
      sub = cmap + font.readUInt32BE(at + 4);
  }
  if (sub < 0 || font.readUInt16BE(sub) !== 4) throw new Error('the font has no Unicode BMP cmap (format 4)');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (code) => {
    for (let s = 0; s < segments; s += 1) {
      if (code > font.readUInt16BE(ends + 2 * s)) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (code < start) return 0;
      const delta = font.readUInt16BE(deltas + 2 * s);
      const range = font.readUInt16BE(ranges + 2 * s);
      if (range === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(ranges + 2 * s + range + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** The metrics of a TrueType font file (characters outside the BMP count as the missing glyph). */
export function readFontMetrics(file: string): FontMetrics {
  const font = readFileSync(file);
  const tables = tableOffsets(font);
  const [head, hhea, hmtx, cmap] = ['head', 'hhea', 'hmtx', 'cmap'].map((t) => tables.get(t));
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined)
    throw new Error(`${file}: not a TrueType font with head, hhea, hmtx and cmap tables`);
  const unitsPerEm = font.readUInt16BE(head + 18);
  const metrics = font.readUInt16BE(hhea + 34);
  const glyphOf = glyphLookup(font, cmap);
  const advance = (glyph: number): number => font.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1));
  const cache = new Map<number, number>();
  return {
    widthOf(text, size) {
      let units = 0;
      for (const ch of text) {
        const code = ch.codePointAt(0)!;
        let w = cache.get(code);
        if (w === undefined) {
          w = advance(code > 0xffff ? 0 : glyphOf(code));
          cache.set(code, w);
        }
        units += w;
      }
      return (units / unitsPerEm) * size;
    },
  };
}
