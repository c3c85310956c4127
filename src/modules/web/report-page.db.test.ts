// The report page's table narrowed to chosen rows through its query (no JavaScript), the line over
// time that keeps unpublished periods on its axis as marked gaps, and untranslated labels marked
// as Russian on Kazakh and English pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../test/support/test-app.js';
import { appWithPublishedFixture } from '../../../test/support/fixture-figures.js';

let t: TestContext;

beforeAll(async () => {
  ({ t } = await appWithPublishedFixture());
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject(url);
/** The codes of the rows of the page's table, in order. */
const tableRows = (body: string) => [...body.matchAll(/<tr id="row-([^"]+)"/g)].map((m) => m[1]);

describe('the report page', () => {
  it('shows every row, and a form that narrows the table to a chapter with its other choices kept', async () => {
    const body = (await get('/ru/forms/1-p?period=2024-Q1&graph=2')).body;
    expect(tableRows(body)).toEqual(['1', '2', '3']);
    const form = body.match(/<form class="pickers table-filter"[\s\S]*?<\/form>/)![0];
    expect(form).toContain('method="get" action="/ru/forms/1-p"');
    expect(form).toContain('<input type="hidden" name="period" value="2024-Q1">');
    expect(form).toContain('<input type="hidden" name="graph" value="2">');
    expect(form).toMatch(/<select name="rows">\s*<option value="" selected>все строки<\/option>/);
    expect(form).toContain('<option value="1">1. Всего проверок</option>');
    expect(form).not.toContain('<option value="2">');
  });

  it.each([
    ['1', ['1', '2', '3']],
    ['2', ['2']],
    ['3,2', ['2', '3']],
    [' 3 ', ['3']],
    ['', ['1', '2', '3']],
  ])('narrows the table to rows=%s and the rows under them', async (rows, shown) => {
    const res = await get(`/ru/forms/1-p?period=2024-Q1&rows=${encodeURIComponent(rows)}`);
    expect(res.statusCode).toBe(200);
    expect(tableRows(res.body)).toEqual(shown);
    // the chart and the map still show the whole section's chosen row
    expect(res.body).toContain('class="graphic graphic-bar-chart"');
  });

  it('keeps the narrowing when the regions are columns', async () => {
    const res = await get('/ru/forms/1-p?period=2024-Q1&region=all&rows=3');
    expect(tableRows(res.body)).toEqual(['3']);
  });

  it.each([
    ['ru', 'В разделе R1 формы 1-П нет строки 9, x.'],
    ['kk', '1-П нысанының R1 бөлімінде 9, x жолы жоқ.'],
    ['en', 'No row 9, x in section R1 of 1-П.'],
  ])('refuses rows that the section does not have, in %s, naming them', async (lang, text) => {
    const res = await get(`/${lang}/forms/1-p?period=2024-Q1&rows=1,9,x`);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(`<p>${text}</p>`);
  });

  it('keeps the unpublished quarters on the line’s axis as marked gaps, and says which', async () => {
    const body = (await get('/ru/forms/1-p?period=2024-Q1&region=10')).body;
    const figure = body.match(/<figure class="series">[\s\S]*?<\/figure>/)![0];
    for (const q of ['2023-Q2', '2023-Q3', '2023-Q4'])
      expect(figure).toContain(`<title>${q}: не опубликовано</title>`);
    expect(figure).toContain('>— не опубликовано</text>');
    expect(figure).toContain('Разрывы линии (отмечены): 2023-Q2, 2023-Q3, 2023-Q4.');
    // two published points, no line drawn across the gap
    expect(figure.match(/<circle /g)).toHaveLength(2);
    expect(figure).not.toContain('<path ');
  });

  it.each(['kk', 'en'])('marks the Russian labels of pickers on a %s page as Russian', async (lang) => {
    const body = (await get(`/${lang}/forms/1-p?period=2024-Q1`)).body;
    expect(body).toMatch(/<option value="1"[^>]* lang="ru">1\. Всего проверок<\/option>/);
  });
});
