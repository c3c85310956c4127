// The portal's pages in-process over the real database: every page type in the three languages,
// the published figures only, localised errors, nothing rendered unescaped, and the staff's area
// with CSRF-protected forms.
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/usecase.js';
import { createUser, publishNow, TEST_PASSWORD, type TestContext } from '../../../test/support/test-app.js';
import { publishDue } from '../publishing/index.js';
import {
  appWithPublishedFixture,
  fixtureR1,
  submitFixtureR1,
} from '../../../test/support/fixture-figures.js';

let t: TestContext;
let editor: { authorization: string };
const EVIL = `<script>alert(1)</script>"'&`;

const r1 = fixtureR1;

beforeAll(async () => {
  ({ t, editor } = await appWithPublishedFixture());
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject(url);

describe('public pages', () => {
  it.each(['kk', 'ru', 'en'])(
    'render in %s with the page language, a skip link and the language switch',
    async (lang) => {
      for (const p of [
        '/',
        '/forms',
        '/releases',
        '/datasets',
        '/acts',
        '/calendar',
        '/calendar/2024',
        '/about',
        '/forms/1-p',
      ]) {
        const res = await get(`/${lang}${p}`);
        expect(res.statusCode, `${lang}${p}: ${res.body.slice(0, 300)}`).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).toContain(`<html lang="${lang}">`);
        expect(res.body).toContain('href="#main"');
        // the switch keeps the page
        for (const other of ['kk', 'ru', 'en'])
          expect(res.body).toContain(`href="/${other}${p === '/' ? '/' : p}"`);
      }
    },
  );

  it('shows the published table of a region, the republic derived, chart, map and downloads', async () => {
    const res = await get('/ru/forms/1-p?period=2024-Q1&region=00');
    const body = res.body;
    expect(body).toContain('<caption>');
    expect(body).toContain('<svg');
    expect(body).toContain('role="img"');
    expect(body).toContain('format=xlsx');
    // R1 row 1 graph 1: 20 (region 10) + 30 (region 11) = 50 for the derived republic
    expect(body).toMatch(/<td class="num">50<\/td>/);
    expect(body).not.toContain('национальной безопасности'); // the official-use row
    expect(res.headers.etag).toBeDefined();
    // every region as a column, for one graph
    const all = await get('/ru/forms/1-p?period=2024-Q1&region=all&graph=1');
    expect(all.statusCode).toBe(200);
    expect(all.body).toMatch(/<td class="num">20<\/td><td class="num">30<\/td><td class="num">50<\/td>/);
    const again = await t.app.inject({
      url: '/ru/forms/1-p?period=2024-Q1&region=00',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('compares with the same period of the previous year, "no data" where it is missing', async () => {
    const res = await get('/en/forms/1-p?period=2024-Q1&region=11&compare=previous-year');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('no data');
    // the chosen cell over the published periods, as a line
    expect(res.body).toContain('<figcaption>Over time:');
    const ten = await get('/en/forms/1-p?period=2024-Q1&region=10&compare=previous-year');
    // region 10: 20 now, 10 a year before: +10, +100 %
    expect(ten.body).toMatch(/<td class="num">100<\/td>/);
  });

  it('answers unknown pages and periods with a localised page and the right status', async () => {
    const missing = await get('/kk/forms/9-Z');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.body).toContain('Бет табылмады');
    expect((await get('/ru/no-such-page')).body).toContain('Страница не найдена');
    expect((await get('/en/forms/1-p?period=2030-Q1')).statusCode).toBe(404);
    const bad = await get('/en/forms/1-p?nonsense=1');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    // the API keeps problem+json
    expect((await get('/api/v1/nothing')).headers['content-type']).toMatch(/problem\+json/);
    // a first segment that is no language is a page that does not exist, not a bad parameter
    for (const url of ['/de/', '/xx/forms/1-p', '/xx/staff', '/xx/staff/journal', '/apple-touch-icon.png/']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('Бет табылмады');
    }
    // nor does such a page sign anyone in
    const bogus = await t.app.inject({
      method: 'POST',
      url: '/xx/staff/sign-in',
      payload: `login=nobody&password=${encodeURIComponent(TEST_PASSWORD)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bogus.statusCode).toBe(404);
    expect(bogus.cookies).toEqual([]);
  });

  it('tells crawlers where the sitemap is, and keeps them out of the staff area', async () => {
    const robots = await get('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.body).toContain('Disallow: /ru/staff\n');
    expect(robots.body).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  it('has an icon, and /favicon.ico points at it', async () => {
    const ico = await get('/favicon.ico');
    expect(ico.statusCode).toBe(301);
    expect(ico.headers.location).toBe('/assets/favicon.svg');
    const svg = await get('/assets/favicon.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect((await get('/en/')).body).toContain(
      '<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">',
    );
  });

  it('never renders what a user types unescaped', async () => {
    const res = await get(`/en/search?q=${encodeURIComponent(EVIL)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const found = await get('/ru/search?q=1-%D0%9F');
    expect(found.body).toContain('/ru/forms/1-p');
  });

  it('has a sitemap of the published pages', async () => {
    const res = await get('/sitemap.xml');
    expect(res.body).toContain('<loc>http://localhost:8080/kk/forms/1-p</loc>');
  });
});

describe('the staff area', () => {
  it('signs in, shows the schedule, and approves only with the CSRF token', async () => {
    await createUser(t, 'web-editor', 'editor');
    expect((await get('/kk/staff')).body).toContain('name="password"');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/en/staff/sign-in',
      payload: 'login=web-editor&password=nope',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('The login or password is wrong.');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/en/staff/sign-in',
      payload: `login=web-editor&password=${encodeURIComponent(TEST_PASSWORD)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(signIn.statusCode).toBe(303);
    const cookie = `zanstat_session=${signIn.cookies.find((c) => c.name === 'zanstat_session')!.value}`;
    const schedule = await t.app.inject({
      url: '/en/staff?from=2024-04-01&to=2024-12-31&form=1-p',
      headers: { cookie },
    });
    expect(schedule.statusCode).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(schedule.body)?.[1];
    expect(csrf).toBeDefined();
    const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/en/staff/releases/1-p/2024-Q2/reschedule',
      payload: 'date=2024-07-25&reason=late',
      headers: form,
    });
    expect(noToken.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/en/staff/releases/1-p/2024-Q2/reschedule',
      payload: `date=2024-07-25&reason=${encodeURIComponent(EVIL)}&_csrf=${csrf}`,
      headers: form,
    });
    expect(ok.statusCode, ok.body.slice(0, 500)).toBe(200);
    expect(ok.body).toContain('Done.');
    // the reason is public, and shown escaped
    const cal = await get('/en/releases?from=2024-07-01&to=2024-07-31');
    expect(cal.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(cal.body).not.toContain(EVIL);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/en/staff/releases/1-p/2024-Q1/approve',
      payload: `_csrf=${csrf}`,
      headers: form,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('already published');

    // An upload as the browser sends it: the CSRF token, the fields, and the file.
    const boundary = '----zanstat-test';
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const postUpload = (lang: string, fields: Record<string, string>, fileName: string, csv: string) =>
      t.app.inject({
        method: 'POST',
        url: `/${lang}/staff/upload`,
        payload:
          field('_csrf', csrf!) +
          Object.entries(fields)
            .map(([n, v]) => field(n, v))
            .join('') +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n` +
          `${csv}\r\n--${boundary}--\r\n`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });

    // Markup typed into every field of the upload comes back escaped in the report.
    const upload = await postUpload(
      'en',
      { form: EVIL, period: EVIL, breakdown: EVIL, reason: EVIL },
      'x<b>.csv',
      `section,row,graph,breakdown,value\r\nR1,1,1,${EVIL},1`,
    );
    expect(upload.statusCode, upload.body.slice(0, 300)).toBe(422);
    expect(upload.body).toContain('Refused: nothing was stored.');
    expect(upload.body).not.toContain('<script>alert(1)</script>');
    expect(upload.body).not.toContain('x<b>');

    // A failed upload shows every error in the user's language: the headline and the detail.
    const ru = await postUpload(
      'ru',
      { form: '1-p', period: '2024-Q3' },
      '1-p.csv',
      'section,row,graph,breakdown,value\r\nR1,1,1,10,-4\r\nR1,2,1,10,2.5',
    );
    expect(ru.statusCode, ru.body.slice(0, 300)).toBe(422);
    expect(ru.body).toContain('Отчёт отклонён: ошибок — 2. Ничего не сохранено.');
    expect(ru.body).toContain('Отрицательное значение');
    expect(ru.body).toContain('R1, строка 1, графа 1: -4 — отрицательное значение');
    expect(ru.body).toContain('R1, строка 2, графа 1: 2.5 — не целое число (здесь количество)');
    const unknown = await postUpload(
      'kk',
      { form: '9-Z', period: '2024-Q3' },
      '9-z.csv',
      'section,row,graph,breakdown,value',
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Төмендегі өрістерді тексеріңіз.');
    expect(unknown.body).toContain('бұл кезеңде «9-Z» нысаны жоқ');
    const report = ru.body.slice(ru.body.indexOf('<div class="errors"'));
    expect(report).not.toContain(' lang="en"'); // no detail left in English
  });
});

describe('the log journal page', () => {
  it('shows auditors the journal, newest first, and refuses an editor', async () => {
    const signIn = async (login: string, role: 'auditor' | 'editor') => {
      await createUser(t, login, role);
      const res = await t.app.inject({
        method: 'POST',
        url: '/ru/staff/sign-in',
        payload: `login=${login}&password=${encodeURIComponent(TEST_PASSWORD)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      return `zanstat_session=${res.cookies.find((c) => c.name === 'zanstat_session')!.value}`;
    };
    const auditor = await signIn('web-auditor', 'auditor');
    const page = await t.app.inject({
      url: '/ru/staff/journal?action=publishing.release.published',
      headers: { cookie: auditor },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Журнал регистрации');
    expect(page.body).toContain('1-p/2024-Q1');
    const editorCookie = await signIn('web-editor-2', 'editor');
    const refused = await t.app.inject({ url: '/ru/staff/journal', headers: { cookie: editorCookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
  });
});

describe('a revised publication', () => {
  it('marks the values the revision changed, with a legend, in the page language', async () => {
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: editor,
      payload: { form: '1-p', period: '2023-Q1', breakdown: '10', values: r1(4), reason: 'late entries' },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const revised = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/releases/1-p/2023-Q1/revise',
      headers: editor,
      payload: { reason: 'Region 10 added late entries.' },
    });
    expect(revised.statusCode, revised.body).toBe(200);
    await publishDue(t.deps, systemActor('test'), undefined);
    const page = await get('/ru/forms/1-p?period=2023-Q1&region=10');
    expect(page.statusCode).toBe(200);
    // graph 1 of rows 1–3 changed: three marks, each spelled out for screen readers, and the legend
    expect(page.body.match(/<abbr class="revised"/g)).toHaveLength(3);
    expect(page.body).toContain(
      '<span class="visually-hidden">исправлено после предыдущей публикации: </span>',
    );
    expect(page.body).toContain('— исправлено после предыдущей публикации</small>');
    // the page of a period never revised has none
    expect((await get('/ru/forms/1-p?period=2024-Q1&region=10')).body).not.toContain('class="revised"');
  });
});

describe('the home page', () => {
  it('is sent as rendered once, with an ETag, and lists a new publication the same day', async () => {
    const compressed = await t.app.inject({ url: '/ru/', headers: { 'accept-encoding': 'br' } });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    const page = await get('/ru/');
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe(page.body);
    const etag = page.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    // the same page whatever else the link carries
    const tagged = await get('/ru/?utm_source=newsletter');
    expect([tagged.headers.etag, tagged.body]).toEqual([etag, page.body]);
    expect((await t.app.inject({ url: '/ru/', headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect(page.body).toContain('<td>2024-Q1</td>');
    expect(page.body).not.toContain('<td>2023-Q4</td>');

    // an hour later the same day, the fourth quarter of 2023 is published: it is the latest of 1-p
    await submitFixtureR1(t, editor, [['2023-Q4', '10', 5]]);
    t.clock.advance(3_600_000);
    try {
      await publishNow(t, '1-p', '2023-Q4');
      const after = await get('/ru/');
      expect(after.headers.etag).not.toBe(etag);
      expect(after.body).toContain('<td>2023-Q4</td>');
      // the old ETag no longer matches: the browser gets the new page
      expect((await t.app.inject({ url: '/ru/', headers: { 'if-none-match': etag } })).statusCode).toBe(200);
    } finally {
      t.clock.set('2024-03-15T06:00:00Z');
    }
  });
});
