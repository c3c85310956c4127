// Signing in to the staff's area in a real browser, both ways. With a certificate: the page's own
// script fetches a challenge, has NCALayer sign it — a stand-in speaking NCALayer's protocol over a
// local WebSocket, signing with a test PKI's key, that the page reaches through NCALAYER_URL under
// its real Content-Security-Policy (not bypassed) — posts the CMS, and lands in the staff's area
// signed in; an expired certificate is refused in the page's language; a signature made elsewhere,
// given as a file, signs in without NCALayer. With a password: the form works without JavaScript.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/app.js';
import { systemClock } from '../../src/platform/clock.js';
import { systemActor } from '../../src/platform/usecase.js';
import { addUser } from '../../src/modules/auth/index.js';
import {
  axeViolations,
  CHROMIUM,
  formatViolations,
  haveChromium,
  launchBrowser,
  listen,
  type BrowserHandle,
} from '../support/browser.js';
import { startNcaLayerDouble, type NcaLayerDouble } from '../support/ncalayer-double.js';
import { createTestPki, type TestCases } from '../support/pki.js';
import { createOrganisation, createTestApp, TEST_PASSWORD, type TestContext } from '../support/test-app.js';

const skip = !haveChromium() && !process.env.CI;
if (skip) console.warn(`test/browser: skipped — no Chromium at ${CHROMIUM}`);

const IIN = '900101300123';
let t: TestContext;
let app: Awaited<ReturnType<typeof buildHttpApp>>;
let base: string;
let browser: BrowserHandle;
let ncalayer: NcaLayerDouble;
let cases: TestCases;
let dir: string;

/** The page with its real CSP (the browser's default context bypasses it, for axe). */
async function openSignIn(lang: string, options: { javaScriptEnabled?: boolean } = {}) {
  const ctx = await browser.context({ bypassCSP: false, ...options });
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  const res = await page.goto(`${base}/${lang}/staff`);
  expect(res?.status()).toBe(200);
  return { ctx, page, problems };
}

const signedIn = (page: Page) => page.waitForSelector('form.signout', { timeout: 20_000 });

describe.skipIf(skip)('signing in in a browser', () => {
  beforeAll(async () => {
    // the wall clock: the session cookie the browser keeps must not be expired by its own clock
    const now = new Date();
    const pki = await createTestPki({ at: now });
    cases = await pki.cases(IIN);
    dir = await mkdtemp(join(tmpdir(), 'zanstat-browser-signin-'));
    const trust = await pki.writeTrust(dir);
    ncalayer = await startNcaLayerDouble();
    t = await createTestApp({ ...trust.env, NCALAYER_URL: ncalayer.url });
    await createOrganisation(t.db, 'committee');
    await addUser(t.deps, systemActor('test'), {
      login: 'cert-editor',
      displayName: 'Айгүл Сертификатова',
      password: TEST_PASSWORD,
      role: 'editor',
      organisationId: 'committee',
      iin: IIN,
    });
    app = await buildHttpApp({ ...t.deps, clock: systemClock }, t.config, 'test');
    base = await listen(app);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await ncalayer?.close();
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('signs in with NCALayer: the test key signs the challenge in the page, and the staff area opens', async () => {
    ncalayer.use(cases.valid);
    const { ctx, page, problems } = await openSignIn('kk');
    try {
      const csp = (await page.request.get(`${base}/kk/staff`)).headers()['content-security-policy'];
      expect(csp).toContain(`connect-src 'self' ${ncalayer.url}`);
      expect(csp).toContain("script-src 'self'");
      await page.click('button[data-ncalayer-sign]');
      await signedIn(page);
      expect(new URL(page.url()).pathname).toBe('/kk/staff');
      expect(await page.textContent('form.signout')).toContain('Айгүл Сертификатова');
      const request = ncalayer.requests.at(-1)!;
      expect(request).toMatchObject({
        module: 'kz.gov.pki.knca.commonUtils',
        method: 'createCAdESFromBase64',
        args: ['PKCS12', 'AUTHENTICATION', expect.any(String), true],
      });
      const signed = Buffer.from(String(request.args![2]), 'base64').toString('utf8');
      expect(signed).toMatch(/^zanstat-sign-in:/);
      const started = await t.db
        .selectFrom('journal')
        .select('summary')
        .where('action', '=', 'auth.session.started')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(started.summary).toMatchObject({ login: 'cert-editor', method: 'certificate' });
      expect(problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 60_000);

  it.each([
    ['ru', 'Вход по сертификату отклонён: Срок действия сертификата истёк'],
    ['en', 'The certificate sign-in is refused: The certificate has expired'],
    ['kk', 'Сертификатпен кіру қабылданбады: Сертификаттың мерзімі өтіп кеткен'],
  ])(
    'refuses an expired certificate in the page language (%s)',
    async (lang, text) => {
      ncalayer.use(cases.expired);
      const { ctx, page } = await openSignIn(lang);
      try {
        await page.click('button[data-ncalayer-sign]');
        const status = page.locator('[data-certificate-status]');
        await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe(text);
        expect(await page.locator('form.signout').count()).toBe(0);
        expect(new URL(page.url()).pathname).toBe(`/${lang}/staff`);
      } finally {
        await ctx.close();
      }
    },
    60_000,
  );

  it('signs in without NCALayer with a signature made elsewhere, given as a file', async () => {
    const { ctx, page, problems } = await openSignIn('en');
    try {
      await page.click('details summary');
      await page.click('button[data-new-challenge]');
      const textarea = page.locator('textarea[name=challenge]');
      await expect.poll(() => textarea.inputValue()).toMatch(/^zanstat-sign-in:/);
      const challenge = await textarea.inputValue();
      await page.setInputFiles('input[name=cmsFile]', {
        name: 'challenge.cms',
        mimeType: 'application/pkcs7-signature',
        buffer: Buffer.from(cases.valid.sign(challenge, { detached: true })), // DER, detached
      });
      await page.click('form[data-signature-form] button[type=submit]');
      await signedIn(page);
      expect(new URL(page.url()).pathname).toBe('/en/staff');
      expect(problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 60_000);

  it('signs in with the password without JavaScript, and says the certificate way needs it', async () => {
    const { ctx, page } = await openSignIn('ru', { javaScriptEnabled: false });
    try {
      expect(await page.textContent('#certificate-sign-in')).toContain('JavaScript');
      expect(await page.locator('button[data-ncalayer-sign]').isVisible()).toBe(false);
      await page.fill('input[name=login]', 'cert-editor');
      await page.fill('input[name=password]', TEST_PASSWORD);
      await page.click('main button[type=submit]');
      await signedIn(page);
      expect(new URL(page.url()).pathname).toBe('/ru/staff');
    } finally {
      await ctx.close();
    }
  }, 60_000);

  it('the sign-in page, its signature form open, has no WCAG A/AA violation', async () => {
    const ctx = await browser.context();
    const page = await ctx.newPage();
    try {
      await page.goto(`${base}/kk/staff`);
      await page.click('details summary');
      const violations = await axeViolations(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
