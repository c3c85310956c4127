// `npm run screenshots`: screenshots of the portal for docs/screenshots/. Starts zanstat in-process
// on an empty embedded PostgreSQL of its own (a temporary DATA_DIR, whatever DATABASE_URL says),
// loads and publishes the shipped official figures of 1-М and 3-К, creates an editor for the run,
// and photographs the pages in Debian's Chromium (/usr/bin/chromium) at 1280 px wide.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildHttpApp } from '../src/app.js';
import { openRuntime } from '../src/cli/runtime.js';
import { systemActor } from '../src/platform/usecase.js';
import { version } from '../src/platform/version.js';
import { addUser } from '../src/modules/auth/index.js';
import { announceReleases, publishShippedFigures } from '../src/modules/publishing/index.js';
import { loadShippedFigures, shippedFiguresDir } from '../src/modules/statistics/index.js';
import { launchBrowser } from '../test/support/browser.js';

const OUT = path.resolve('docs/screenshots');
const WIDTH = 1280;
const MAX_HEIGHT = 3000;

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-screenshots-'));
await fs.chmod(dataDir, 0o755);
// The configuration is read from the environment when the runtime opens.
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
process.env.JOBS_ENABLED = 'false';
process.env.RATE_LIMIT_PUBLIC = '0';

const log = (message: string) => console.log(`screenshots: ${message}`);

const rt = await openRuntime('owner', 'warn');
let closeApp: () => Promise<void> = async () => undefined;
let closeBrowser: () => Promise<void> = async () => undefined;
try {
  const actor = systemActor('screenshots');
  const seed = path.join(dataDir, 'seed');
  await fs.mkdir(seed);
  for (const f of ['1-m.csv.gz', '3-k.csv.gz'])
    await fs.copyFile(path.join(shippedFiguresDir, f), path.join(seed, f));
  log('loading the shipped figures of 1-М and 3-К');
  await loadShippedFigures(rt.deps, seed);
  await publishShippedFigures(rt.deps, actor, undefined);
  await announceReleases(rt.deps, actor, {
    horizonMonths: rt.config.releaseHorizonMonths,
    lateFromPeriod: rt.config.lateFromPeriod,
  });
  await rt.deps.db
    .insertInto('organisations')
    .values({
      id: 'committee',
      kind: 'authority',
      name_kk: 'committee',
      name_ru: 'committee',
      name_en: 'committee',
      parent_id: null,
      origin: 'admin',
      created_at: rt.deps.clock.now(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const password = crypto.randomBytes(18).toString('base64url');
  await addUser(rt.deps, actor, {
    login: 'editor',
    displayName: 'Редактор',
    password,
    role: 'editor',
    organisationId: 'committee',
  });

  const app = await buildHttpApp(rt.deps, { ...rt.config, logLevel: 'warn' }, version);
  const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
  closeApp = () => app.close();
  log(`serving on ${base}`);

  const browser = await launchBrowser();
  closeBrowser = () => browser.close();
  const ctx = await browser.context({ viewport: { width: WIDTH, height: 900 }, locale: 'ru-RU' });
  const page = await ctx.newPage();
  await fs.mkdir(OUT, { recursive: true });

  const shoot = async (p: Page, name: string, url: string, width = WIDTH) => {
    const res = await p.goto(`${base}${url}`);
    if (res?.status() !== 200) throw new Error(`${url}: ${res?.status()}`);
    await p.evaluate(() => document.fonts.ready);
    const size = await p.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    if (size.width > width) log(`warning: ${url} is ${size.width} px wide at ${width} px`);
    const file = path.join(OUT, `${name}.png`);
    await p.screenshot({
      path: file,
      fullPage: true,
      clip: { x: 0, y: 0, width, height: Math.min(size.height, MAX_HEIGHT) },
    });
    log(`${path.relative(process.cwd(), file)} ← ${url}`);
  };

  await shoot(page, 'home-kk', '/kk/');
  for (const lang of ['kk', 'ru', 'en'])
    await shoot(page, `form-1-m-2022-12-${lang}`, `/${lang}/forms/1-m?period=2022-12`);
  await shoot(page, 'form-3-k-2023-06-compare-ru', '/ru/forms/3-k?period=2023-06&compare=previous-year');
  await shoot(page, 'releases-ru', '/ru/releases');
  await shoot(page, 'search-ru', `/ru/search?q=${encodeURIComponent('кража')}`);
  // At a phone's width the page does not scroll sideways; the table scrolls in its own region.
  const phone = await browser.context({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await shoot(await phone.newPage(), 'form-1-m-2022-12-ru-phone', '/ru/forms/1-m?period=2022-12', 390);
  await phone.close();

  // The staff's schedule, signed in through the sign-in form as the run's editor.
  await page.goto(`${base}/ru/staff`);
  await page.fill('input[name=login]', 'editor');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(/\/ru\/staff$/), page.click('main button[type=submit]')]);
  await shoot(page, 'staff-schedule-ru', '/ru/staff');
} finally {
  await closeBrowser();
  await closeApp();
  await rt.database.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
