// Requests in a real browser (Debian's Chromium through playwright-core): a request made by
// telephone registered through the staff form and left without consideration with its ground
// journaled (Order 25, para 7); an accepted request answered from the inbox to sending (the
// letter drafted, previewed, approved, delivered through the outbox to a real local receiver);
// the applicant's status page showing the status and nothing else. axe-core on each page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/app.js';
import { systemClock } from '../../src/platform/clock.js';
import type { Deps } from '../../src/platform/usecase.js';
import { outboxSettings, sendDueDeliveries } from '../../src/modules/outbox/index.js';
import {
  axeViolations,
  CHROMIUM,
  formatViolations,
  haveChromium,
  launchBrowser,
  listen,
  type BrowserHandle,
} from '../support/browser.js';
import { appWithPublishedFixture } from '../support/fixture-figures.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { createUser, TEST_PASSWORD, type TestContext } from '../support/test-app.js';

const skip = !haveChromium() && !process.env.CI;
if (skip) console.warn(`test/browser: skipped — no Chromium at ${CHROMIUM}; CI always runs them`);

const SECRET = 'browser-requests-secret';
let t: TestContext;
let editor: Record<string, string>;
let live: Awaited<ReturnType<typeof buildHttpApp>>;
let base: string;
let browser: BrowserHandle;
let edms: Receiver;
let liveDeps: Deps;

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${what} (${page.url()}):\n${formatViolations(violations)}`).toEqual([]);
}

async function signIn(page: Page) {
  await page.goto(`${base}/en/staff`);
  await page.fill('input[name=login]', 'requests-editor');
  await page.fill('input[name=password]', TEST_PASSWORD);
  await page.click('main button[type=submit]');
  await page.waitForSelector('form.signout');
}

describe.skipIf(skip)('requests in a browser', () => {
  beforeAll(async () => {
    edms = await startReceiver(SECRET);
    ({ t, editor } = await appWithPublishedFixture({
      OUTBOX_EDMS_URL: `${edms.url}/edms`,
      OUTBOX_SIGNING_SECRET: SECRET,
      OUTBOX_ROUTES: 'unified-edms=edms',
    }));
    await createUser(t, 'requests-editor', 'editor');
    // The portal on the wall clock (a session made at the test clock's time would be expired).
    liveDeps = { ...t.deps, clock: systemClock };
    live = await buildHttpApp(liveDeps, t.config, 'test');
    base = await listen(live);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await live?.close();
    await t?.close();
    await edms?.close();
  });

  it('registers a request made by telephone: left without consideration, its ground journaled (para 7)', async () => {
    const ctx = await browser.context();
    const page = await ctx.newPage();
    try {
      await signIn(page);
      await page.goto(`${base}/en/staff/requests/new`);
      await expectNoAxeViolations(page, 'the register form');
      await page.selectOption('select[name=channel]', 'telephone');
      await page.selectOption('select[name=kind]', 'individual');
      await page.fill('input[name=name]', 'Сейітқали Ә.');
      await page.fill('textarea[name=information]', 'Сколько преступлений зарегистрировано в 2022 году');
      await page.fill('input[name=period]', '2022');
      await page.selectOption('select[name=unit]', 'crime');
      await page.click('main form.stack button[type=submit]');
      const status = await page.textContent('main p.ok');
      expect(status).toMatch(/Registered as No\. \d{4}-\d{5}\. The applicant’s status code: [A-Z0-9]{10}/);
      expect(await page.textContent('main h2')).toContain('Left without consideration');
      await expectNoAxeViolations(page, "a telephone request's page");
      const number = /No\. (\d{4}-\d{5})/.exec(status!)![1]!;
      const entry = await t.db
        .selectFrom('journal')
        .select(['action', 'summary'])
        .where('object_id', '=', number)
        .executeTakeFirstOrThrow();
      expect(entry.action).toBe('requests.request.registered');
      expect(entry.summary).toMatchObject({
        channel: 'telephone',
        outcome: 'left-without-consideration',
        ground: 'oral',
      });
    } finally {
      await ctx.close();
    }
  });

  it('answers an accepted request from the inbox to sending, and the applicant sees only its status', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/requests',
      headers: editor,
      payload: {
        channel: 'unified-edms',
        applicant: {
          kind: 'state-body',
          name: 'Министерство внутренних дел',
          organisation: 'ministry-of-internal-affairs',
        },
        signatory: { role: 'head', position: 'министр' },
        unit: 'offence',
        information: 'Количество проверок в регионе 10',
        period: '2024-Q1',
        indicators: [{ form: '1-p', section: 'R1', rows: ['1', '4'], regions: ['10'] }],
        registeredOn: '2024-03-15',
        language: 'kk',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { number, statusCode } = res.json() as { number: string; statusCode: string };
    const ctx = await browser.context();
    const page = await ctx.newPage();
    try {
      await signIn(page);
      // Registered in 2024, its term has long ended on the wall clock: it is in "overdue".
      await page.goto(`${base}/kk/staff/requests?view=overdue`);
      await expectNoAxeViolations(page, 'the inbox');
      await page.click(`main table a:text("${number}")`);
      expect(await page.textContent('main h2')).toContain('Қабылданды');
      expect(await page.textContent('main table')).toContain('o25.i.p7');
      await expectNoAxeViolations(page, "a request's page");
      await page.click('main form[action$="/letters"] button');
      const preview = await page.textContent('main section.letter');
      expect(preview).toContain('Сұрау салуға жауап');
      expect(preview).toContain('1-П R1 2024-Q1');
      await expectNoAxeViolations(page, 'the letter preview');
      await page.click('main section.letter form button');
      expect(await page.textContent('main section.letter')).toContain('unified-edms');
      await sendDueDeliveries(liveDeps, outboxSettings(t.config), { random: () => 0.5, limit: 10 });
      expect(edms.accepted.get(`request-reply-${number}-v1`)?.signatureValid).toBe(true);
      await page.goto(`${base}/kk/staff/requests/${number}`);
      expect(await page.textContent('main section.letter')).toContain('жеткізілді');

      // The applicant: the status, and not the applicant, the decision or the figures.
      const applicant = await (await browser.context()).newPage();
      await applicant.goto(`${base}/ru/requests/status`);
      await applicant.fill('input[name=number]', number);
      await applicant.fill('input[name=code]', statusCode);
      await applicant.click('main button[type=submit]');
      expect(await applicant.getAttribute('main p.ok', 'data-status')).toBe('answered');
      const main = (await applicant.textContent('main'))!;
      expect(main).toContain('Ответ направлен');
      for (const secret of ['Министерство', 'проверок', '1-П', 'Принят', 'o25'])
        expect(main).not.toContain(secret);
      await expectNoAxeViolations(applicant, 'the status page');
      await applicant.fill('input[name=code]', 'WRONG23456');
      await applicant.click('main button[type=submit]');
      expect(await applicant.textContent('main p.errors')).toContain('не найден');
    } finally {
      await ctx.close();
    }
  });
});
