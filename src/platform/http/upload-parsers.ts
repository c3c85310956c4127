// The body parsers of the uploads (a CSV as text, a workbook as bytes), with the limits of
// uploads.ts applied as the body arrives, before any module reads it.
import type { Config } from '../config.js';
import type { FastifyInstance } from 'fastify';
import {
  checkCsvSize,
  checkWorkbookSize,
  XLSX_MEDIA_TYPE,
  type CsvLimits,
  type WorkbookLimits,
} from './uploads.js';

export const csvLimitsOf = (config: Config): CsvLimits => ({
  maxRows: config.uploadCsvMaxRows,
  maxColumns: config.uploadCsvMaxColumns,
  maxRecordChars: config.uploadCsvMaxRecordChars,
});

export const workbookLimitsOf = (config: Config): WorkbookLimits => ({
  maxUnzippedBytes: config.xlsxMaxUnzippedBytes,
  maxCompressionRatio: config.xlsxMaxCompressionRatio,
  maxSharedStrings: config.xlsxMaxSharedStrings,
});

export function registerUploadParsers(
  app: Pick<FastifyInstance, 'addContentTypeParser'>,
  config: Config,
): void {
  const csv = csvLimitsOf(config);
  const workbook = workbookLimitsOf(config);
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => {
    checkCsvSize(body as string, csv).then(
      () => done(null, body),
      (err: Error) => done(err),
    );
  });
  app.addContentTypeParser(XLSX_MEDIA_TYPE, { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      checkWorkbookSize(body as Buffer, workbook);
      done(null, body);
    } catch (err) {
      done(err as Error);
    }
  });
}
