// The reader's first hour in a real browser (Debian's Chromium through playwright-core): a partial
// month says its coverage in the title and the chart; searches for "убийство", "кража" and
// "ст. 188" from the home page land on the right rows of 1-М; the summary, the chart and the map
// come before the table at 1280 px and at a phone's width (390 px), the map's names whole, the
// table's header short and sticky; the table narrows to a chapter without JavaScript; axe-core
// finds no violation.
// Skipped only where there is no /usr/bin/chromium and it is not CI; in CI it always runs.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtInStructuresDir,
  loadFormStructures,
  loadShippedFigures,
  shippedFiguresDir,
} from '../../src/modules/statistics/index.js';
import { systemActor } from '../../src/platform/usecase.js';
import {
  axeViolations,
  formatViolations,
  haveChromium,
  launchBrowser,
  listen,
  scrollsSideways,
  type BrowserHandle,
} from '../support/browser.js';
import {
  createTestApp,
  publishNow,
  publishShipped,
  tokenFor,
  type TestContext,
} from '../support/test-app.js';
import { loadFixtureStructures, submitFixtureR1 } from '../support/fixture-figures.js';

const skip = !haveChromium() && !process.env.CI;

let t: TestContext;
let base: string;
let browser: BrowserHandle;

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${what} (${page.url()}):\n${formatViolations(violations)}`).toEqual([]);
}

/** The top of an element on the page, in CSS pixels. */
const topOf = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!.y;

describe.skipIf(skip)('the reader’s first hour in a browser', () => {
  beforeAll(async () => {
    t = await createTestApp();
    await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
    await loadFixtureStructures(t);
    // 1-М as the committee published it (the national figures that ship with zanstat).
    const seed = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-reader-'));
    await fs.copyFile(path.join(shippedFiguresDir, '1-m.csv.gz'), path.join(seed, '1-m.csv.gz'));
    await loadShippedFigures(t.deps, seed);
    await publishShipped(t);
    await fs.rm(seed, { recursive: true, force: true });
    // 1-П for 2024-Q1 from two of the twenty regions only.
    await submitFixtureR1(t, await tokenFor(t, 'editor'), [
      ['2024-Q1', '10', 2],
      ['2024-Q1', '11', 3],
    ]);
    await publishNow(t, '1-p', '2024-Q1');
    base = await listen(t.app);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a partial month’s coverage in the title and the chart', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(`${base}/ru/forms/1-p?period=2024-Q1`);
    expect(await page.textContent('#table-heading')).toContain('Сумма 2 из 20 регионов (не республика)');
    expect(await page.textContent('#table-heading')).not.toContain('Республика Казахстан');
    expect(await page.textContent('.graphics figure:first-child svg title')).toContain('(2 из 20 регионов)');
    expect(await page.textContent('.notice.coverage')).toContain('Актюбинская область');
    await expectNoAxeViolations(page, 'a partial month');
  }, 120_000);

  it.each([
    ['убийство', 'Убийство (ст.99)'],
    ['кража', 'Кража (ст.188)'],
    ['ст. 188', 'Кража (ст.188)'],
  ])(
    'searches "%s" from the home page and lands on the row "%s"',
    async (q, label) => {
      const page = await (await browser.context()).newPage();
      await page.goto(`${base}/ru/`);
      await page.fill('form.search input[name=q]', q);
      await Promise.all([page.waitForURL(/\/ru\/search\?q=/), page.click('form.search button[type=submit]')]);
      await expectNoAxeViolations(page, `the search for ${q}`);
      const hit = page
        .locator(`ul.hits a[href*="/ru/forms/1-m?section=R1&row="]`, { hasText: label })
        .first();
      await Promise.all([page.waitForURL(/\/ru\/forms\/1-m\?/), hit.click()]);
      expect(await page.textContent('tr.selected th')).toContain(label);
      const row = new URL(page.url()).searchParams.get('row');
      expect(await page.getAttribute('tr.selected', 'id')).toBe(`row-${row}`);
    },
    120_000,
  );

  it.each([
    ['at 1280 px', { width: 1280, height: 900 }],
    ['at a phone’s width', { width: 390, height: 844 }],
  ])(
    'puts the summary, the chart and the map above the table %s',
    async (_, viewport) => {
      const page = await (await browser.context({ viewport })).newPage();
      await page.goto(`${base}/ru/forms/1-m?period=2022-12`);
      const summary = await topOf(page, 'section.summary');
      const chart = await topOf(page, '.graphics figure:nth-child(1)');
      const map = await topOf(page, '.graphics figure:nth-child(2)');
      const table = await topOf(page, '#table-heading');
      expect(summary).toBeLessThan(chart);
      expect(chart).toBeLessThanOrEqual(map);
      expect(map).toBeLessThan(table);
      expect(await scrollsSideways(page)).toBeNull();
      // Every tile prints its region's name whole, inside the tile; the legend stays in the map.
      // (Run in the page: its elements, typed only as far as these checks read them.)
      type Box = { x: number; y: number; width: number; height: number };
      type Graphic = { getBBox(): Box; textContent: string | null; viewBox: { baseVal: Box } };
      type Element = Graphic & { querySelector(s: string): Graphic | null };
      const tiles = await page.evaluate(() =>
        Array.from(
          document.querySelectorAll('.graphic-tile-map .tiles > *') as unknown as ArrayLike<Element>,
        ).map((tile) => {
          const rect = tile.querySelector('rect')!.getBBox();
          const label = tile.querySelector('.tile-label')!;
          const box = label.getBBox();
          return {
            name: tile.querySelector('title')!.textContent!.split(':')[0]!,
            printed: label.textContent!,
            inside: box.x >= rect.x - 0.5 && box.x + box.width <= rect.x + rect.width + 0.5,
          };
        }),
      );
      expect(tiles).toHaveLength(20);
      for (const tile of tiles) {
        expect(tile.printed, tile.name).not.toContain('…');
        expect(tile.printed.replace(/[-\s]/g, ''), tile.name).toBe(tile.name.replace(/[-\s]/g, ''));
        expect(tile.inside, `${tile.name} fits its tile`).toBe(true);
      }
      const legend = await page.evaluate(() => {
        const svg = document.querySelector('.graphic-tile-map') as unknown as Element;
        const box = svg.querySelector('.legend')!.getBBox();
        return { right: box.x + box.width, width: svg.viewBox.baseVal.width };
      });
      expect(legend.right).toBeLessThanOrEqual(legend.width);
      // The header row takes the space it needs, no tall empty block, and sticks while the table
      // scrolls inside its bounded container.
      const head = (await page.locator('.table-scroll thead tr').first().boundingBox())!;
      expect(head.height).toBeLessThan(130);
      const box = (await page.locator('.table-scroll').first().boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(viewport.height * 0.8 + 1);
      await page
        .locator('.table-scroll')
        .first()
        .evaluate((el) => el.scrollBy(0, 2000));
      const stuck = (await page.locator('.table-scroll thead th').first().boundingBox())!;
      expect(Math.abs(stuck.y - box.y)).toBeLessThan(3);
      await expectNoAxeViolations(page, `1-М at ${viewport.width} px`);
    },
    180_000,
  );

  it('narrows the table to a chapter through its form, without JavaScript', async () => {
    const page = await (await browser.context({ javaScriptEnabled: false })).newPage();
    await page.goto(`${base}/ru/forms/1-m?period=2022-12`);
    const all = await page.locator('.table-scroll tbody tr').count();
    const chapter = await page
      .locator('form.table-filter select[name=rows] option', { hasText: 'Глава 1.' })
      .first()
      .getAttribute('value');
    await page.selectOption('form.table-filter select[name=rows]', chapter!);
    await Promise.all([page.waitForURL(/rows=/), page.click('form.table-filter button[type=submit]')]);
    expect(new URL(page.url()).searchParams.get('period')).toBe('2022-12');
    const shown = await page.locator('.table-scroll tbody tr').count();
    expect(shown).toBeGreaterThan(1);
    expect(shown).toBeLessThan(all);
    expect(await page.textContent('.table-scroll tbody tr:first-child th')).toContain('Глава 1.');
  }, 120_000);
});
