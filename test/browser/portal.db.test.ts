// The portal in a real browser (Debian's Chromium through playwright-core): the reader's journey
// through a form's page in each language (pickers, download, language switch), the editor's
// journey (sign in, upload with a validation report on the cell, fix, approve a release a few
// seconds ahead, see it appear on the public page at its time and not before), axe-core with no
// WCAG 2.0/2.1 A or AA violation on every page type, and the pages at a phone's width.
// Skipped only where there is no /usr/bin/chromium and it is not CI; in CI it always runs.
import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/app.js';
import { systemClock } from '../../src/platform/clock.js';
import { systemActor, type Deps } from '../../src/platform/usecase.js';
import { announceReleases, startPublisher } from '../../src/modules/publishing/index.js';
import {
  axeViolations,
  CHROMIUM,
  formatViolations,
  haveChromium,
  launchBrowser,
  listen,
  scrollsSideways,
  type BrowserHandle,
} from '../support/browser.js';
import {
  createTestApp,
  createUser,
  publishNow,
  tokenFor,
  TEST_PASSWORD,
  type TestContext,
} from '../support/test-app.js';
import { loadFixtureStructures, submitFixtureR1 } from '../support/fixture-figures.js';

const skip = !haveChromium() && !process.env.CI;
if (skip)
  console.warn(
    `test/browser: skipped — no Chromium at ${CHROMIUM} (apt-get install chromium); CI always runs them`,
  );

const LANGS = ['kk', 'ru', 'en'] as const;
const NEXT = { kk: 'ru', ru: 'en', en: 'kk' } as const;

let t: TestContext;
let base: string; // the app at the test clock (2024-03-15)
let live: Awaited<ReturnType<typeof buildHttpApp>>;
let liveBase: string; // the same database with the wall clock, for the publication at its time
let browser: BrowserHandle;

/** The long CSV of a submission of region 10; `total` is row 1 of graph 1 (6 + 4 = 10 is right). */
const csv = (total: number) =>
  [
    'section,row,graph,breakdown,value',
    `R1,1,1,10,${total}`,
    'R1,1,2,10,3',
    'R1,1,3,10,12.5',
    'R1,2,1,10,6',
    'R1,2,2,10,2',
    'R1,2,3,10,7.25',
    'R1,3,1,10,4',
    'R1,3,2,10,1',
    'R1,3,3,10,5.25',
  ].join('\n') + '\n';

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${what} (${page.url()}):\n${formatViolations(violations)}`).toEqual([]);
}

async function goto(page: Page, url: string, status = 200) {
  const res = await page.goto(url);
  expect(res?.status(), `${url}`).toBe(status);
  return res;
}

describe.skipIf(skip)('the portal in a browser', () => {
  beforeAll(async () => {
    t = await createTestApp();
    await loadFixtureStructures(t);
    await submitFixtureR1(t, await tokenFor(t, 'editor'), [
      ['2023-Q1', '10', 1],
      ['2024-Q1', '10', 2],
      ['2024-Q1', '11', 3],
    ]);
    await publishNow(t, '1-p', '2023-Q1');
    await publishNow(t, '1-p', '2024-Q1');
    await createUser(t, 'browser-editor', 'editor');
    base = await listen(t.app);
    const liveDeps: Deps = { ...t.deps, clock: systemClock };
    live = await buildHttpApp(liveDeps, t.config, 'test');
    liveBase = await listen(live);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await live?.close();
    await t?.close();
  });

  describe.each(LANGS)('a reader in %s', (lang) => {
    it('picks a period and a region, downloads the XLSX, and switches the language on the same page', async () => {
      const ctx = await browser.context();
      const page = await ctx.newPage();
      try {
        await goto(page, `${base}/${lang}/forms/1-p`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        // The latest published period first; pick the earlier one and region 10.
        expect(await page.inputValue('select[name=period]')).toBe('2024-Q1');
        await page.selectOption('select[name=period]', '2023-Q1');
        await page.selectOption('select[name=region]', '10');
        await Promise.all([
          page.waitForURL(/period=2023-Q1/),
          page.click('form.pickers button[type=submit]'),
        ]);
        const url = new URL(page.url());
        expect(url.pathname).toBe(`/${lang}/forms/1-p`);
        expect(url.searchParams.get('period')).toBe('2023-Q1');
        expect(url.searchParams.get('region')).toBe('10');
        expect(await page.inputValue('select[name=period]')).toBe('2023-Q1');
        expect(await page.inputValue('select[name=region]')).toBe('10');
        await expect.poll(() => page.textContent('#table-heading')).toContain('2023-Q1');
        // R1 row 1 graph 1 of region 10 in 2023-Q1: 10
        expect(await page.locator('.scroll table tbody tr').first().locator('td').first().textContent()).toBe(
          '10',
        );

        // The XLSX download: a real file (a ZIP: "PK").
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click('ul.downloads a:text-is("XLSX")'),
        ]);
        const bytes = await fs.readFile((await download.path())!);
        expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
        expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

        // The language switch keeps the page: the same path and query in the other language.
        const other = NEXT[lang];
        await Promise.all([
          page.waitForURL(new RegExp(`/${other}/forms/1-p`)),
          page.click(`nav.langs a[hreflang=${other}]`),
        ]);
        const switched = new URL(page.url());
        expect(switched.pathname).toBe(`/${other}/forms/1-p`);
        expect(switched.search).toBe(url.search);
        expect(await page.getAttribute('html', 'lang')).toBe(other);
        expect(await page.inputValue('select[name=period]')).toBe('2023-Q1');
        expect(await page.inputValue('select[name=region]')).toBe('10');
        expect(await page.getAttribute(`nav.langs a[lang=${other}]`, 'aria-current')).toBe('true');
      } finally {
        await ctx.close();
      }
    }, 60_000);
  });

  describe('accessibility (axe-core, WCAG 2.0/2.1 A and AA)', () => {
    const pages: [string, string, number][] = [
      ['home', '/', 200],
      ['form page', '/forms/1-p?period=2024-Q1&region=00', 200],
      [
        'form page, compared with the previous year',
        '/forms/1-p?period=2024-Q1&region=10&compare=previous-year',
        200,
      ],
      ['forms list', '/forms', 200],
      ['datasets', '/datasets', 200],
      ['acts', '/acts', 200],
      ['working-day calendar', '/calendar', 200],
      ['release calendar', '/releases', 200],
      ['about', '/about', 200],
      ['a missing page', '/no-such-page', 404],
      ['sign-in', '/staff', 200],
    ];
    it.each(LANGS)(
      'has no violation on any public page type in %s',
      async (lang) => {
        const ctx = await browser.context();
        const page = await ctx.newPage();
        try {
          for (const [what, p, status] of pages) {
            await goto(page, `${base}/${lang}${p}`, status);
            await expectNoAxeViolations(page, `${what} (${lang})`);
          }
        } finally {
          await ctx.close();
        }
      },
      120_000,
    );
  });

  describe('at a phone’s width (375 px)', () => {
    it('does not scroll the page sideways; wide tables scroll in their own region', async () => {
      const ctx = await browser.context({
        viewport: { width: 375, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await ctx.newPage();
      try {
        for (const lang of LANGS)
          for (const p of [
            '/',
            '/forms/1-p?period=2024-Q1&region=00',
            '/forms/1-p?period=2024-Q1&region=10&compare=previous-year',
            '/forms',
            '/datasets',
            '/releases',
            '/calendar',
            '/acts',
            '/staff',
          ]) {
            await goto(page, `${base}/${lang}${p}`);
            expect(await scrollsSideways(page), `${lang}${p} scrolls sideways`).toBeNull();
            // every table sits in a scrolling region that fits the screen
            const tables = await page.$$eval('table', (ts) =>
              ts.map((table) => {
                const region = table.closest('.scroll');
                return {
                  inRegion: !!region,
                  regionRight: region ? region.getBoundingClientRect().right : 0,
                  overflowX: region ? getComputedStyle(region).overflowX : '',
                  focusable: region?.getAttribute('tabindex') === '0',
                  scrolls: region ? region.scrollWidth > region.clientWidth : false,
                };
              }),
            );
            for (const tb of tables) {
              expect(tb.inRegion, `${lang}${p}: a table outside a scrolling region`).toBe(true);
              expect(tb.regionRight).toBeLessThanOrEqual(375);
              expect(tb.overflowX).toBe('auto');
              expect(tb.focusable).toBe(true);
            }
            // the form's table is wider than a phone: it scrolls in its region, not the page
            if (p.startsWith('/forms/1-p'))
              expect(
                tables.some((tb) => tb.scrolls),
                `${lang}${p}: the table does not scroll`,
              ).toBe(true);
          }
      } finally {
        await ctx.close();
      }
    }, 120_000);
  });

  describe('under the site’s own Content-Security-Policy (not bypassed)', () => {
    it('loads the page types with nothing blocked, and the upload script runs', async () => {
      const ctx = await browser.context({ bypassCSP: false });
      const page = await ctx.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
      try {
        for (const p of [
          '/',
          '/forms/1-p?period=2024-Q1&region=00',
          '/forms/1-p?period=2024-Q1&region=all',
          '/forms/1-p?period=2024-Q1&region=10&compare=previous-year',
          '/releases',
          '/calendar',
        ])
          await goto(page, `${base}/en${p}`);
        // The staff's area on the wall clock (the test clock's session cookie would be expired).
        await goto(page, `${liveBase}/en/staff`);
        await page.fill('input[name=login]', 'browser-editor');
        await page.fill('input[name=password]', TEST_PASSWORD);
        await page.click('main button[type=submit]');
        await page.waitForSelector('form.signout'); // signed in (the page is /en/staff before and after)
        await goto(page, `${liveBase}/en/staff/upload`);
        expect(problems).toEqual([]);
        await page.fill('input[name=form]', '1-p');
        await page.fill('input[name=period]', '2024-Q3');
        await page.setInputFiles('input[name=file]', {
          name: '1-p-2024-Q3.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csv(11)),
        });
        // the script sends the form itself (an XMLHttpRequest, with its progress bar)
        const [request] = await Promise.all([
          page.waitForRequest((r) => r.url().endsWith('/en/staff/upload') && r.method() === 'POST'),
          page.click('main form.stack button[type=submit]'),
        ]);
        expect(request.resourceType()).toBe('xhr');
        await expect
          .poll(() => page.locator('.errors[role=alert] table').count(), { timeout: 15_000 })
          .toBe(1);
        // the refusal itself is the one failed response (422); nothing else went wrong
        expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
      } finally {
        await ctx.close();
      }
    }, 120_000);
  });

  describe('an editor', () => {
    it('uploads, sees the broken relation on its cell, fixes it, approves, and the release appears at its time', async () => {
      const publisher = startPublisher(
        { ...t.deps, clock: systemClock },
        { tickMs: 200, name: 'browser-publisher' },
      );
      const ctx = await browser.context();
      const page = await ctx.newPage();
      try {
        // Sign in.
        await goto(page, `${liveBase}/en/staff`);
        await page.fill('input[name=login]', 'browser-editor');
        await page.fill('input[name=password]', TEST_PASSWORD);
        await Promise.all([page.waitForURL(/\/en\/staff$/), page.click('main button[type=submit]')]);
        expect(await page.textContent('h1')).toBe('Schedule of releases');
        expect(await page.locator('form.signout').count()).toBe(1);

        // Upload a CSV with row 1 ≠ row 2 + row 3 in graph 1: rejected, the report points at the cell.
        await page.click('main a[href="/en/staff/upload"]');
        await page.waitForURL(/\/en\/staff\/upload$/);
        const upload = async (total: number) => {
          await page.fill('input[name=form]', '1-p');
          await page.fill('input[name=period]', '2024-Q2');
          await page.setInputFiles('input[name=file]', {
            name: '1-p-2024-Q2.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(csv(total)),
          });
          const [res] = await Promise.all([
            page.waitForResponse(
              (r) => r.url().includes('/en/staff/upload') && r.request().method() === 'POST',
            ),
            page.click('main form.stack button[type=submit]'),
          ]);
          await page.waitForLoadState();
          return res.status();
        };
        expect(await upload(11)).toBe(422);
        const report = page.locator('.errors[role=alert] table');
        await expect.poll(() => report.count()).toBe(1);
        // "line 2" is the line of R1 row 1 graph 1 in the file
        const cellRow = report.locator('tbody tr', { has: page.locator('code', { hasText: /^line 2$/ }) });
        expect(await cellRow.count()).toBe(1);
        // the problem in the page's language, the validator's detail beside it
        expect(await cellRow.locator('td').nth(1).textContent()).toBe('A control relation does not hold');
        const detail = (await cellRow.locator('td').nth(2).textContent()) ?? '';
        expect(detail).toContain('R1.rows.1=2+3');
        expect(detail).toContain('graph 1');
        await expectNoAxeViolations(page, 'the upload page with a validation report');

        // Fixed: accepted.
        expect(await upload(10)).toBe(200);
        expect(await page.textContent('.ok[role=status]')).toContain('2024-Q2');
        expect(await page.locator('.errors').count()).toBe(0);
        await expectNoAxeViolations(page, 'the upload page, accepted');

        // The worker's daily job announces the releases: every period holding figures has one.
        await announceReleases({ ...t.deps, clock: systemClock }, systemActor('test'), {
          horizonMonths: 3,
          lateFromPeriod: null,
        });

        // The schedule: approve the release of 2024-Q2 for a time a few seconds ahead. The field
        // is Kazakhstan time (UTC+5) to the minute: wait until the next minute is 8–15 s away.
        await goto(page, `${liveBase}/en/staff?from=2024-04-01&to=2024-12-31&form=1-p`);
        await expectNoAxeViolations(page, 'the staff schedule');
        const approve = page.locator('form[action="/en/staff/releases/1-p/2024-Q2/approve"]');
        expect(await approve.count()).toBe(1);
        const toNextMinute = () => 60_000 - (Date.now() % 60_000);
        if (toNextMinute() < 8_000) await sleep(toNextMinute() + 100);
        if (toNextMinute() > 15_000) await sleep(toNextMinute() - 15_000);
        const publishAt = Date.now() + toNextMinute();
        const kz = new Date(publishAt + 5 * 3600_000).toISOString().slice(0, 16);
        await approve.locator('input[name=publishAt]').fill(kz);
        await approve.locator('input[name=incompleteReason]').fill('one region in the browser test');
        await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/2024-Q2/approve')),
          approve.locator('button[type=submit]').click(),
        ]);
        await page.waitForLoadState();
        expect(await page.textContent('.ok[role=status]')).toContain('1-p 2024-Q2');
        await expectNoAxeViolations(page, 'the staff schedule after an approval');
        expect(Date.now()).toBeLessThan(publishAt);

        // The public page: not before its time, however often asked; at it, within a bounded wait.
        const reader = await (await browser.context()).newPage();
        await goto(reader, `${liveBase}/en/forms/1-p`);
        expect(await reader.locator('select[name=period] option[value="2024-Q2"]').count()).toBe(0);
        const formUrl = `${liveBase}/en/forms/1-p?period=2024-Q2`;
        let seenAt: number | null = null;
        let askedBefore = 0;
        while (Date.now() < publishAt + 15_000) {
          const asked = Date.now();
          const status = (await reader.goto(formUrl))?.status();
          if (status === 200) {
            seenAt = Date.now();
            break;
          }
          expect(status).toBe(404);
          if (asked < publishAt) askedBefore++;
          await sleep(publishAt - Date.now() > 1_000 ? 500 : 100);
        }
        expect(askedBefore, 'the page was asked for before the time').toBeGreaterThan(3);
        expect(seenAt, 'the release did not appear on the public page').not.toBeNull();
        expect(seenAt!, 'the release was visible before its time').toBeGreaterThanOrEqual(publishAt);
        expect(await reader.inputValue('select[name=period]')).toBe('2024-Q2');
        expect(await reader.textContent('#table-heading')).toContain('2024-Q2');
        await reader.context().close();
      } finally {
        await ctx.close();
        await publisher.stop();
      }
    }, 150_000);
  });
});
