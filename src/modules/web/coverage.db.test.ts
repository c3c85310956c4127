// A sum of part of the regions is never titled as the republic: the page, the chart, the API and
// every export say "N of 20 regions" and name the missing regions, in the reader's language.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishNow, type TestContext } from '../../../test/support/test-app.js';
import { appWithPublishedFixture, submitFixtureR1 } from '../../../test/support/fixture-figures.js';

let t: TestContext;
let editor: { authorization: string };

beforeAll(async () => {
  ({ t, editor } = await appWithPublishedFixture());
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject(url);
const api = (format: string, lang = 'ru', extra = '') =>
  get(`/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=${format}&lang=${lang}${extra}`);

describe('coverage as part of the figure', () => {
  it('titles the sum of 2 of 20 regions as such on the page and in the chart, naming the missing regions', async () => {
    const res = await get('/ru/forms/1-p?period=2024-Q1&region=00');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('Таблица: Сумма 2 из 20 регионов (не республика), 2024-Q1');
    expect(body).not.toContain('Таблица: Республика Казахстан');
    expect(body).toContain('Данные неполные (2 из 20 регионов)');
    // the missing regions by name, not by code
    expect(body).toMatch(/Нет данных по регионам: [^<]*Актюбинская область/);
    // the chart's and the map's titles carry the coverage
    expect(body).toMatch(/<title[^>]*>[^<]*\(2 из 20 регионов\)<\/title>/);
    // the summary does not call the sum the republic
    expect(body).toContain('Не республика: 2 из 20 регионов');
    // the revision history names the regions
    expect(body).toContain('<td>Акмолинская область</td>');
    expect(body).not.toMatch(/<td>1[01]<\/td>/);
  });

  it('says the coverage in Kazakh and English too', async () => {
    expect((await get('/kk/forms/1-p?period=2024-Q1')).body).toContain('20 өңірдің 2');
    expect((await get('/en/forms/1-p?period=2024-Q1')).body).toContain(
      'Sum of 2 of 20 regions (not the republic)',
    );
  });

  it('carries coverage beside republic in the JSON, its notice in the language', async () => {
    const res = await api('json', 'kk');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      republic: { missingRegions: string[] };
      coverage: {
        regions: number;
        of: number;
        complete: boolean;
        missing: { id: string; label: { ru: string } }[];
      };
      columns: { breakdown: string; kind: string; label: { ru: string } }[];
    };
    expect(body.coverage).toMatchObject({ regions: 2, of: 20, complete: false });
    expect(body.coverage.missing).toHaveLength(18);
    expect(body.coverage.missing.find((m) => m.id === '15')?.label.ru).toBe('Актюбинская область');
    expect(body.columns.find((c) => c.kind === 'derived')?.label.ru).toBe(
      'Сумма 2 из 20 регионов (не республика)',
    );
  });

  it('gives JSON-stat a status and a note, CSV the status and coverage, XLSX the note', async () => {
    const stat = (await api('json-stat', 'en')).json() as {
      status: Record<string, string>;
      note: string[];
      extension: { coverage: { regions: number }; status: Record<string, string> };
      dimension: { region: { category: { label: Record<string, string> } } };
    };
    expect(Object.values(stat.status)).toContain('p');
    expect(Object.values(stat.status)).not.toContain('d');
    expect(stat.extension.status.p).toBe('sum of part of the regions, not the republic');
    expect(stat.note[0]).toMatch(
      /^No total for the republic: the sum of the regions is incomplete \(2 of 20 regions\)\. No data from: .*Aktobe Region/,
    );
    expect(stat.dimension.region.category.label['00']).toBe('00 Sum of 2 of 20 regions (not the republic)');
    expect(stat.extension.coverage.regions).toBe(2);

    const csv = parse((await api('csv')).body, { bom: true }) as string[][];
    const header = csv[0]!;
    const whole = csv.find((l) => l[3] === '00')!;
    expect(whole[header.indexOf('status')]).toBe('partial');
    expect(whole[header.indexOf('coverage')]).toBe('2/20');

    const xlsx = await api('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text = book.worksheets[0]!.getSheetValues().flat().map(String).join('\n');
    expect(text).toContain('Итог по республике не показан: сумма регионов неполная (2 из 20 регионов)');
    expect(text).not.toContain('Official figures');
  });

  it('opens on the latest period holding every region where one exists, else the latest', async () => {
    // No period of the fixture holds every region: the latest is shown, with its coverage.
    const before = await get('/ru/forms/1-p');
    expect(before.body).toContain('Таблица: Сумма 2 из 20 регионов (не республика), 2024-Q1');
    // 2023-Q2 with the republic submitted as a whole is complete: the page opens on it, and the
    // partial 2024-Q1 links to it.
    await submitFixtureR1(t, editor, [['2023-Q2', '00', 5]]);
    await publishNow(t, '1-p', '2023-Q2');
    const after = await get('/ru/forms/1-p');
    expect(after.body).toContain('Таблица: Республика Казахстан, 2023-Q2');
    expect(after.body).not.toContain('Данные неполные');
    const partial = await get('/ru/forms/1-p?period=2024-Q1');
    expect(partial.body).toContain('Последний период со всеми регионами: 2023-Q2.');
  });
});
