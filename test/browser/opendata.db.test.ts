// The open-data pages in a real browser (Debian's Chromium through playwright-core): a reader finds
// a dataset by words and by a facet, opens it, previews its DataStore rows and downloads a
// resource; a reader searches the register of persons and finds a fictional entry by its full name
// while a partial name and a listing are refused; an editor adds an entry on the staff's page,
// finds it and removes it, each with its decision; axe-core finds no WCAG 2.0/2.1 A or AA violation
// on any open-data page in kk, ru and en, and none scrolls sideways at a phone's width.
// Skipped only where there is no /usr/bin/chromium and it is not CI; in CI it always runs.
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  signInAs,
  tokenFor,
  type TestContext,
} from '../support/test-app.js';
import { loadFixtureStructures, submitFixtureR1 } from '../support/fixture-figures.js';
import { rebuildResources } from '../../src/modules/opendata/index.js';
import { loadShippedLists, PERSONS_REGISTER } from '../../src/modules/registers/index.js';

const skip = !haveChromium() && !process.env.CI;
if (skip) console.warn(`test/browser: skipped — no Chromium at ${CHROMIUM}; CI always runs them`);

const DATASET = 'inspection-appointment-acts'; // Order 84, item 5: made from form 1-П
let t: TestContext;
let base: string;
let browser: BrowserHandle;

async function goto(page: Page, url: string, status = 200) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(status);
}

describe.skipIf(skip)('the open-data pages in a browser', () => {
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
    await loadShippedLists(t.deps);
    t.clock.set('2025-04-01T06:00:00Z');
    await rebuildResources(t.deps);
    await createUser(t, 'persons-editor', 'editor');
    base = await listen(t.app);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a reader finds a dataset by search and by facet, opens it, previews its rows and downloads a resource', async () => {
    const ctx = await browser.context();
    const page = await ctx.newPage();
    try {
      await goto(page, `${base}/en/datasets`);
      await page.fill('#dq', 'inspections appointing');
      await Promise.all([page.waitForURL(/q=inspections/), page.click('form.search button[type=submit]')]);
      const found = page.locator(`ul.datasets a[href="/en/datasets/${DATASET}"]`);
      expect(await found.count()).toBe(1);
      expect(await page.locator('ul.datasets li').count()).toBeLessThan(29);

      // By a facet: the format XLSX, which only the datasets made from published reports have.
      await goto(page, `${base}/en/datasets`);
      await Promise.all([
        page.waitForURL(/res_format=XLSX/),
        page.click('.facets a[href*="res_format=XLSX"]'),
      ]);
      await Promise.all([page.waitForURL(new RegExp(`/en/datasets/${DATASET}$`)), found.click()]);
      expect(await page.textContent('h1')).toContain('1-П');
      expect(await page.textContent('dl.meta')).toContain('item 5 of the list');

      // The preview of the DataStore's first rows.
      const previewRows = await page.locator('#preview tbody tr').count();
      expect(previewRows).toBeGreaterThan(0);
      expect(previewRows).toBeLessThanOrEqual(10);

      // A download: the CSV of a period (UTF-8 with BOM).
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('table tbody tr', { hasText: 'CSV' }).nth(1).locator('a[download]').click(),
      ]);
      const bytes = await fs.readFile((await download.path())!);
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
    } finally {
      await ctx.close();
    }
  }, 60_000);

  it('a reader finds a fictional entry of the persons register by its full name; a partial name and a listing are refused', async () => {
    const ctx = await browser.context();
    const page = await ctx.newPage();
    try {
      await goto(page, `${base}/ru/datasets/${PERSONS_REGISTER}`);
      await Promise.all([
        page.waitForURL(new RegExp(`/ru/registers/${PERSONS_REGISTER}$`)),
        page.click(`a[href="/ru/registers/${PERSONS_REGISTER}"]`),
      ]);
      await page.fill('input[name=fullName]', 'Демонстрационов');
      await Promise.all([page.waitForURL(/fullName=/), page.click('form.pickers button[type=submit]')]);
      expect(await page.isVisible('#refused')).toBe(true);
      expect(await page.locator('#found').count()).toBe(0);

      await page.fill('input[name=fullName]', 'Демонстрационов Вымысел Тестович');
      await Promise.all([page.waitForURL(/Тестович|%D0%A2/), page.click('form.pickers button[type=submit]')]);
      expect(await page.textContent('#found')).toContain('Демонстрационов Вымысел Тестович');
      expect(await page.textContent('#found .status.demonstration')).toContain('Вымышленная');

      const listing = await page.request.get(`${base}/api/v1/registers/${PERSONS_REGISTER}`);
      expect(listing.status()).toBe(404);
      expect((await page.request.get(`${base}/ru/registers/${PERSONS_REGISTER}?fullName=*`)).status()).toBe(
        422,
      );
    } finally {
      await ctx.close();
    }
  }, 60_000);

  it('an editor adds an entry of the persons register with its decision, finds it by its full name and removes it', async () => {
    const ctx = await browser.context();
    const { cookie } = await signInAs(t, 'persons-editor');
    await ctx.addCookies([{ name: 'zanstat_session', value: cookie.split('=')[1]!, url: base }]);
    const page = await ctx.newPage();
    const name = 'Учебников Образец Вымыслович';
    try {
      await goto(page, `${base}/ru/staff`);
      await Promise.all([
        page.waitForURL(/\/ru\/staff\/registers\/persons$/),
        page.click('main a[href="/ru/staff/registers/persons"]'),
      ]);
      const add = page.locator('form[action$="/entries"]');
      await add.locator('input[name=fullName]').fill(name);
      await add.locator('input[name=criminalCodeArticles]').fill('122');
      await add.locator('input[name=judgmentInForceOn]').fill('2024-11-05');
      await add.locator('input[name=court]').fill('Межрайонный суд (вымышленный)');
      await add.locator('input[name=decisionKind]').fill('приговор');
      await add.locator('input[name=decisionReference]').fill('№ 1-111/2024 (вымышленный)');
      await Promise.all([page.waitForLoadState('load'), add.locator('button[type=submit]').click()]);
      expect(await page.textContent('p.ok')).toContain('Запись добавлена');
      for (const lang of ['kk', 'ru', 'en']) {
        await goto(page, `${base}/${lang}/staff/registers/persons?fullName=${encodeURIComponent(name)}`);
        expect(await page.locator('#found li').count()).toBe(1);
        const violations = await axeViolations(page);
        expect(violations, `axe on the staff's page (${lang}):\n${formatViolations(violations)}`).toEqual([]);
      }
      await goto(page, `${base}/ru/staff/registers/persons?fullName=${encodeURIComponent(name)}`);
      const remove = page.locator('#found form');
      await remove.locator('input[name=decisionKind]').fill('постановление апелляционной инстанции');
      await remove.locator('input[name=decisionReference]').fill('№ 2а-222/2025 (вымышленный)');
      await Promise.all([page.waitForLoadState('load'), remove.locator('button[type=submit]').click()]);
      expect(await page.textContent('p.ok')).toContain('Запись удалена');
      await goto(page, `${base}/ru/registers/${PERSONS_REGISTER}?fullName=${encodeURIComponent(name)}`);
      expect(await page.isVisible('#no-match')).toBe(true);
    } finally {
      await ctx.close();
    }
  }, 90_000);

  const PAGES = [
    '/datasets',
    '/datasets?update_period=quarterly',
    `/datasets/${DATASET}`,
    `/datasets/${PERSONS_REGISTER}`,
    '/registers/terrorist-organisations',
    '/registers/terrorist-organisations?on=2020-01-01',
    '/registers/terrorist-organisations/entries/1',
    `/registers/${PERSONS_REGISTER}?fullName=${encodeURIComponent('Демонстрационов Вымысел Тестович')}`,
  ];

  it.each(['kk', 'ru', 'en'])(
    'has no axe violation on any open-data page in %s, and none scrolls sideways on a phone',
    async (lang) => {
      const ctx = await browser.context({ viewport: { width: 375, height: 740 }, isMobile: true });
      const page = await ctx.newPage();
      try {
        for (const p of PAGES) {
          await goto(page, `${base}/${lang}${p}`);
          const violations = await axeViolations(page);
          expect(violations, `axe on ${lang}${p}:\n${formatViolations(violations)}`).toEqual([]);
          expect(await scrollsSideways(page), `${lang}${p} scrolls sideways`).toBeNull();
        }
      } finally {
        await ctx.close();
      }
    },
    120_000,
  );
});
