// The comparison with the previous year across the 2022 reform, in-process over the real
// database: 1-П R1 published for 2021-Q4 and 2022-Q4. Akmola (11) compares; Almaty Region (19),
// whose territory changed on 8 June 2022, and Zhetisu (33), formed that day, are "not comparable"
// with the decree as the reason — in the API and on the page in kk, ru and en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishNow, tokenFor, type TestContext, createTestApp } from '../../../test/support/test-app.js';
import { loadFixtureStructures, submitFixtureR1 } from '../../../test/support/fixture-figures.js';
import { translator } from './i18n.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await loadFixtureStructures(t);
  const editor = await tokenFor(t, 'editor');
  await submitFixtureR1(t, editor, [
    ['2021-Q4', '11', 1],
    ['2021-Q4', '19', 1],
    ['2022-Q4', '11', 2],
    ['2022-Q4', '19', 2],
    ['2022-Q4', '33', 3],
  ]);
  await publishNow(t, '1-p', '2021-Q4');
  await publishNow(t, '1-p', '2022-Q4');
}, 300_000);
afterAll(async () => t.close());

interface Column {
  breakdown: string;
  comparison?: {
    period: string;
    previous: Record<string, (number | null)[]>;
    change: Record<string, (number | null)[]>;
    noData: boolean;
    comparable: boolean;
    notComparable?: { date: string; basis: { kk: string; ru: string; en: string } | null };
  };
}

describe('2022 compared with 2021', () => {
  it('gives the change where the territory is the same, "not comparable" with its reason where it changed', async () => {
    const res = await t.app.inject('/api/v1/forms/1-p/tables/2022-Q4?section=R1&compare=previous-year');
    expect(res.statusCode, res.body).toBe(200);
    const columns = (res.json() as { columns: Column[] }).columns;
    const of = (id: string) => columns.find((c) => c.breakdown === id)!.comparison!;
    // Akmola: 20 now, 10 a year before
    expect(of('11')).toMatchObject({ period: '2021-Q4', comparable: true, noData: false });
    expect(of('11').change['1']![0]).toBe(10);
    expect(of('11').notComparable).toBeUndefined();
    // Almaty Region: its figures of 2021 are given, no change
    expect(of('19')).toMatchObject({
      comparable: false,
      noData: false,
      notComparable: { date: '2022-06-08' },
    });
    expect(of('19').previous['1']![0]).toBe(10);
    expect(
      Object.values(of('19').change)
        .flat()
        .every((v) => v === null),
    ).toBe(true);
    expect(of('19').notComparable!.basis!.ru).toContain(
      'Указ Президента Республики Казахстан от 3 мая 2022 года',
    );
    // Zhetisu did not exist in 2021
    expect(of('33')).toMatchObject({
      comparable: false,
      noData: true,
      notComparable: { date: '2022-06-08' },
    });
    // the republic compares: its territory is the same
    expect(of('00').comparable).toBe(true);
  });

  it.each(['kk', 'ru', 'en'] as const)('says so on the page in %s, with the decree', async (lang) => {
    const tr = translator(lang);
    const res = await t.app.inject(`/${lang}/forms/1-p?period=2022-Q4&region=19&compare=previous-year`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.body).toContain(`<td class="nodata">${tr.t('notComparable')}</td>`);
    const decree = {
      kk: 'Қазақстан Республикасы Президентінің 2022 жылғы 3 мамырдағы',
      ru: 'Указ Президента Республики Казахстан от 3 мая 2022 года',
      en: 'Decree of the President of the Republic of Kazakhstan of 3 May 2022',
    }[lang];
    const note = /<p class="not-comparable" role="note">([^<]*)<\/p>/.exec(res.body)?.[1] ?? '';
    expect(note).toContain(decree.replace(/"/g, '&quot;'));
    expect(note).toContain(tr.date('2022-06-08'));
    expect(note).toContain('2021-Q4');
    // Akmola compares: no note, a change figure
    const akmola = await t.app.inject(`/${lang}/forms/1-p?period=2022-Q4&region=11&compare=previous-year`);
    expect(akmola.body).not.toContain('class="not-comparable"');
    expect(akmola.body).not.toContain(`<td class="nodata">${tr.t('notComparable')}</td>`);
  });
});
