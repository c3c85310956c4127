// Hostile uploads, through the API: a zip-bomb workbook, a workbook of ten million shared
// strings, a CSV of a million columns or rows, a multipart of a thousand parts — each refused
// early with its problem, and the process's memory stays bounded (the files are never inflated
// or split whole). The slow client's limits are the server's own timeouts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../src/platform/http/index.js';
import { longCsv, manyStringsWorkbook, wideCsv, zipBombWorkbook } from '../support/hostile-files.js';
import { createTestApp, tokenFor, type TestContext } from '../support/test-app.js';

let t: TestContext;
let editor: string;
beforeAll(async () => {
  t = await createTestApp({
    BODY_LIMIT_BYTES: String(16 << 20),
    REQUEST_TIMEOUT_MS: '30000',
    HEADERS_TIMEOUT_MS: '10000',
    KEEP_ALIVE_TIMEOUT_MS: '4000',
  });
  editor = (await tokenFor(t, 'editor')).authorization;
}, 120_000);
afterAll(async () => t?.close());

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  code: string,
) {
  expect(res.statusCode).toBe(413);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(res.body)).toMatchObject({ status: 413, code });
}

const heapMb = () => process.memoryUsage().heapUsed / (1 << 20);

describe('hostile uploads are refused early, memory bounded', () => {
  it.each([
    ['a zip bomb: 4 MB inflating to 3.75 GB', () => zipBombWorkbook(3840), 'workbook_too_large'],
    ['100 MB from 100 KB', () => zipBombWorkbook(100), 'workbook_out_of_proportion'],
    ['ten million shared strings', () => manyStringsWorkbook(10_000_000), 'workbook_too_many_strings'],
  ])('a workbook: %s', async (_what, make, code) => {
    const file = make();
    const before = heapMb();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions/xlsx?form=1-%D0%9F&period=2024-01',
      headers: { authorization: editor, 'content-type': XLSX_MEDIA_TYPE },
      payload: file,
    });
    expectProblem(res, code);
    expect(heapMb() - before).toBeLessThan(200);
  });

  it.each([
    ['a million columns', () => wideCsv(1_000_000), 'csv_record_too_long', 2],
    ['a million rows', () => longCsv(1_000_000), 'csv_too_many_rows', 1],
  ])('a CSV of %s', async (_what, make, code, routes) => {
    const before = heapMb();
    for (const url of [
      '/api/v1/submissions/csv?form=1-%D0%9F&period=2024-01',
      '/api/v1/staff/registers/unknown/imports',
    ].slice(0, routes)) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { authorization: editor, 'content-type': 'text/csv' },
        payload: make(),
      });
      expectProblem(res, code);
    }
    expect(heapMb() - before).toBeLessThan(200);
  });

  it('a multipart of a thousand parts is refused at the first part past the limit', async () => {
    const body = Array.from(
      { length: 1000 },
      (_, i) => `--x\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`,
    ).join('');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: `${body}--x--\r\n`,
    });
    expectProblem(res, 'too_many_parts');
  });

  it("a slow client is cut off by the server's timeouts, from the configuration", () => {
    expect(t.app.server.requestTimeout).toBe(30_000);
    expect(t.app.server.headersTimeout).toBe(10_000);
    expect(t.app.server.keepAliveTimeout).toBe(4000);
  });
});
