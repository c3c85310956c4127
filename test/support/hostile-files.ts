// Hostile files made in the test: a workbook that is a zip bomb (a few MB inflating to GBs),
// a workbook that declares millions of shared strings, a CSV of a million columns or rows.
import { constants, crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  /** the raw deflate stream */
  data: Buffer;
  size: number;
  crc: number;
}

/** A ZIP of these entries, as a workbook is one (deflated, local headers, central directory). */
export function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const deflated = (text: string): Entry => {
  const raw = Buffer.from(text, 'utf8');
  return { name: '', data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/**
 * A workbook whose one sheet inflates to `megabytes` MB of zeros from about a thousandth of
 * that: the deflate stream of one MB of zeros, flushed whole, repeated (each piece restarts
 * the decompressor's state), then an empty final block. Nothing of it is ever inflated here.
 */
export function zipBombWorkbook(megabytes: number): Buffer {
  const piece = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => piece), last]);
  return zipOf([
    { ...deflated(CONTENT_TYPES), name: '[Content_Types].xml' },
    // the CRC of so many zeros is not computed: the file is refused before any is checked
    { name: 'xl/worksheets/sheet1.xml', data, size: megabytes * (1 << 20), crc: 0 },
  ]);
}

/** A small workbook whose shared strings declare `count` strings. */
export function manyStringsWorkbook(count: number): Buffer {
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}"><si><t>a</t></si></sst>`;
  return zipOf([
    { ...deflated(CONTENT_TYPES), name: '[Content_Types].xml' },
    { ...deflated(sst), name: 'xl/sharedStrings.xml' },
  ]);
}

/** A CSV of a header and one line of `columns` columns. */
export const wideCsv = (columns: number): string =>
  `section,row,graph,breakdown,value\n${'1,'.repeat(columns - 1)}1\n`;

/** A CSV of a header and `rows` lines. */
export const longCsv = (rows: number): string =>
  `section,row,graph,breakdown,value\n${'R1,1,1,all,1\n'.repeat(rows)}`;
