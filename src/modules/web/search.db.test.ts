// Search inside the indicators over the real database and the form structures that ship with
// zanstat: word forms of Russian, articles of the Criminal Code however written, results grouped
// on a page of their own, each indicator linking to its row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/usecase.js';
import { builtInStructuresDir, loadFormStructures, searchLabels } from '../statistics/index.js';
import { createTestApp, type TestContext } from '../../../test/support/test-app.js';

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
  await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
}, 120_000);
afterAll(async () => t.close());

const get = (url: string) => t.app.inject(url);
const rowLinks = (body: string) =>
  [...body.matchAll(/<a href="([^"]*#row-[^"]*)">([^<]*(?:<span[^>]*>[^<]*<\/span>)?)/g)].map((m) => ({
    href: m[1]!.replaceAll('&amp;', '&'),
    text: m[2]!.replace(/<[^>]+>/g, ''),
  }));

describe('search inside the indicators', () => {
  it('finds "убийство" in the rows of 1-М by its word forms, linking to the row', async () => {
    const res = await get(`/ru/search?q=${encodeURIComponent('убийства')}`);
    expect(res.statusCode).toBe(200);
    const links = rowLinks(res.body);
    const murder = links.filter((l) => l.text.includes('Убийство (ст.99)')).map((l) => l.href);
    expect(
      murder.some((href) => /^\/ru\/forms\/1-m\?section=R1&row=([^&#]+)#row-\1$/.test(href)),
      murder.join(),
    ).toBe(true);
  });

  it('finds "кража" and "ст. 188", "188-бап", "188" as the article', async () => {
    const theft = rowLinks((await get(`/ru/search?q=${encodeURIComponent('кража')}`)).body);
    expect(theft.some((l) => l.text.includes('Кража (ст.188)'))).toBe(true);
    for (const q of ['ст. 188', 'ст.188', '188-бап', '188']) {
      const hits = await searchLabels(t.db, q, 'kk');
      expect(hits[0], q).toMatchObject({ article: '188', byArticle: true, kind: 'row' });
      expect(
        hits.filter((h) => h.byArticle).every((h) => h.article === '188'),
        q,
      ).toBe(true);
    }
    const page = await get(`/kk/search?q=${encodeURIComponent('ст. 188')}`);
    expect(page.body).toContain('Қылмыстық кодекстің баптары');
    // a Russian label on a Kazakh page says its language
    expect(page.body).toMatch(/<span lang="ru">Кража \(ст\.188\)<\/span>/);
  });

  it('groups reports, datasets and acts, and never shows what is for official use', async () => {
    const res = await get(`/en/search?q=${encodeURIComponent('1-М')}`);
    expect(res.body).toContain('<h2>Reports');
    const restricted = await t.db
      .selectFrom('stat_search_labels' as never)
      .select(['label' as never])
      .where('public' as never, '=', false as never)
      .execute();
    for (const r of restricted.slice(0, 5) as { label: string }[]) {
      const hits = await searchLabels(t.db, r.label, 'ru');
      expect(hits.some((h) => h.label === r.label)).toBe(false);
    }
  });

  it("sends the home page's old ?q= to the search page, and says when a query is too short", async () => {
    const old = await get('/kk/?q=abc');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/kk/search?q=abc');
    expect((await get('/ru/search?q=a')).body).toContain('Введите не меньше двух символов.');
    expect((await get('/ru/')).body).toContain('action="/ru/search"');
  });
});
