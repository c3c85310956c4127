// Hostile uploads refused before they are read: a workbook (a ZIP) whose entries would inflate
// out of proportion — a zip bomb — judged from its central directory without inflating
// anything, a CSV with too many rows or columns counted while it streams, one record at a time.
import { inflateRawSync, constants as zlibConstants } from 'node:zlib';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DomainError } from '../errors/index.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface WorkbookLimits {
  /** the sum of the entries' sizes once inflated */
  maxUnzippedBytes: number;
  /** inflated size over compressed size, of the whole file */
  maxCompressionRatio: number;
  /** the shared strings the workbook declares (`<sst uniqueCount>`) */
  maxSharedStrings: number;
}

export interface CsvLimits {
  maxRows: number;
  maxColumns: number;
  /** characters of one record (a line with a million columns is refused by this, early) */
  maxRecordChars: number;
}

const tooLarge = (code: string, message: string, params?: Record<string, string | number>) =>
  new DomainError('too_large', code, message, undefined, params);

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The entries of a ZIP's central directory, or null when the file is no ZIP. */
function centralDirectory(zip: Buffer): ZipEntry[] | null {
  // the end-of-central-directory record: within the last 64 KiB + 22 bytes
  const from = Math.max(0, zip.length - 0xffff - 22);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The `uniqueCount` (else `count`) that the shared strings declare, from their first bytes. */
function declaredSharedStrings(zip: Buffer, entry: ZipEntry): number | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const head = zip.subarray(start, start + Math.min(entry.compressedSize, 1024));
  let text: string;
  try {
    text =
      entry.method === 0
        ? head.toString('utf8')
        : inflateRawSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8', 0, 4096);
  } catch {
    return null;
  }
  const m = /<(?:\w+:)?sst\b[^>]*?\b(?:uniqueCount|count)="(\d+)"/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Refuses a workbook whose entries would inflate past the limits: it reads only the ZIP's
 * central directory (and the first kilobyte of the shared strings), never inflating the file.
 * A file that is no ZIP at all passes: the workbook's reader says what is wrong with it.
 */
export function checkWorkbookSize(zip: Buffer, limits: WorkbookLimits): void {
  const entries = centralDirectory(zip);
  if (!entries) return;
  const unzipped = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  // ZIP64 marks its sizes 0xFFFFFFFF here: no workbook within these limits needs ZIP64
  if (entries.some((e) => e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff))
    throw tooLarge('workbook_too_large', 'The workbook is larger than the service accepts once unzipped.');
  if (unzipped > limits.maxUnzippedBytes)
    throw tooLarge(
      'workbook_too_large',
      `The workbook would be ${unzipped} bytes unzipped; the service accepts ${limits.maxUnzippedBytes} (XLSX_MAX_UNZIPPED_BYTES).`,
    );
  if (unzipped > limits.maxCompressionRatio * Math.max(zip.length, 1))
    throw tooLarge(
      'workbook_out_of_proportion',
      `The workbook would inflate ${Math.round(unzipped / Math.max(zip.length, 1))} times its size; the service accepts ${limits.maxCompressionRatio} (XLSX_MAX_COMPRESSION_RATIO).`,
    );
  const strings = entries.find((e) => /^xl\/sharedStrings\.xml$/i.test(e.name));
  const declared = strings ? declaredSharedStrings(zip, strings) : null;
  if (declared !== null && declared > limits.maxSharedStrings)
    throw tooLarge(
      'workbook_too_many_strings',
      `The workbook declares ${declared} shared strings; the service accepts ${limits.maxSharedStrings} (XLSX_MAX_SHARED_STRINGS).`,
    );
}

/** The text in slices of 64 KiB: the parser holds the records of one slice at most. */
function* slices(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += 65_536) yield text.slice(at, at + 65_536);
}

/**
 * Refuses a CSV with more rows or columns than the limits, or a record longer than them,
 * counting while it streams one record at a time (none is kept). A CSV malformed otherwise
 * passes: its own reader names the line.
 */
export async function checkCsvSize(text: string, limits: CsvLimits): Promise<void> {
  const parser = parse({
    bom: true,
    delimiter: [',', ';', '\t'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: limits.maxRecordChars,
  });
  let rows = 0;
  let refusal: DomainError | null = null;
  try {
    for await (const record of Readable.from(slices(text)).pipe(parser) as AsyncIterable<string[]>) {
      rows++;
      if (record.length > limits.maxColumns)
        refusal = tooLarge(
          'csv_too_many_columns',
          `Line ${rows} has ${record.length} columns; the service accepts ${limits.maxColumns} (UPLOAD_CSV_MAX_COLUMNS).`,
        );
      else if (rows > limits.maxRows)
        refusal = tooLarge(
          'csv_too_many_rows',
          `The CSV has more than ${limits.maxRows} rows (UPLOAD_CSV_MAX_ROWS).`,
        );
      if (refusal) break;
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE')
      refusal = tooLarge(
        'csv_record_too_long',
        `Line ${rows + 1} is longer than the service accepts: ${limits.maxRecordChars} characters (UPLOAD_CSV_MAX_RECORD_CHARS).`,
      );
  } finally {
    parser.destroy();
  }
  if (refusal) throw refusal;
}
