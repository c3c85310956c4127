import { describe, expect, it } from 'vitest';
import {
  longCsv,
  manyStringsWorkbook,
  wideCsv,
  zipBombWorkbook,
} from '../../../test/support/hostile-files.js';
import { checkCsvSize, checkWorkbookSize, type CsvLimits, type WorkbookLimits } from './uploads.js';

const workbook: WorkbookLimits = {
  maxUnzippedBytes: 256 << 20,
  maxCompressionRatio: 200,
  maxSharedStrings: 1_000_000,
};
const csv: CsvLimits = { maxRows: 1000, maxColumns: 10, maxRecordChars: 65_536 };

const codeOf = async (f: () => unknown) => {
  try {
    await f();
    return null;
  } catch (err) {
    return (err as { code?: string }).code;
  }
};

describe('a workbook out of proportion is refused from its central directory', () => {
  it.each([
    ['a zip bomb of 2 GB', () => zipBombWorkbook(2048), workbook, 'workbook_too_large'],
    ['100 MB from 100 KB', () => zipBombWorkbook(100), workbook, 'workbook_out_of_proportion'],
    [
      'ten million shared strings',
      () => manyStringsWorkbook(10_000_000),
      workbook,
      'workbook_too_many_strings',
    ],
  ])('%s', async (_what, make, limits, code) => {
    expect(await codeOf(() => checkWorkbookSize(make(), limits))).toBe(code);
  });

  it('a workbook within the limits, and a file that is no ZIP, pass', async () => {
    expect(await codeOf(() => checkWorkbookSize(manyStringsWorkbook(10), workbook))).toBeNull();
    expect(await codeOf(() => checkWorkbookSize(Buffer.from('not a zip'), workbook))).toBeNull();
  });
});

describe('a CSV too wide or too long is refused while it streams', () => {
  it.each([
    ['a million columns', 'csv_record_too_long', () => wideCsv(1_000_000)],
    ['eleven columns', 'csv_too_many_columns', () => wideCsv(11)],
    ['1,001 rows', 'csv_too_many_rows', () => longCsv(1001)],
    ['a million rows', 'csv_too_many_rows', () => longCsv(1_000_000)],
  ])('%s → %s', async (_what, code, make) => {
    expect(await codeOf(() => checkCsvSize(make(), csv))).toBe(code);
  });

  it('a CSV within the limits passes, and so does a malformed one (its reader names the line)', async () => {
    expect(await codeOf(() => checkCsvSize(longCsv(999), csv))).toBeNull();
    expect(await codeOf(() => checkCsvSize('a,"b\n1,2', csv))).toBeNull();
  });
});
