// The staff's pages of the collections and the outbox, over HTTP and in a real browser (Debian's
// Chromium): a version of the crime collection of 2023-Q4 is stored with its copies written to
// the outbox (as the build writes them), the worker sends them to real receivers on 127.0.0.1 —
// one answers 500, so its copy is dead-lettered after its one try; the unresolved cells of
// Appendix 1 are undeliverable. The editor goes from the schedule to the dashboard, sees who got
// what by which adapter, the dead letter and the undeliverable cells, re-sends the dead letter
// (a POST with the session's CSRF token), and reads the outbox's list; the administrator resolves
// a placeholder on its form. axe-core finds no WCAG 2.0/2.1 A or AA violation on these pages in
// kk, ru and en. Without Chromium (and outside CI) the browser part is skipped; the HTTP part runs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCatalog } from '../../src/modules/catalog/index.js';
import { enqueueDelivery, outboxSettings, sendDueDeliveries } from '../../src/modules/outbox/index.js';
import { command, isSystem, systemActor } from '../../src/platform/usecase.js';
import {
  axeViolations,
  CHROMIUM,
  formatViolations,
  haveChromium,
  launchBrowser,
  listen,
  type BrowserHandle,
} from '../support/browser.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { createTestApp, createUser, signInAs, TEST_PASSWORD, type TestContext } from '../support/test-app.js';

const skipBrowser = !haveChromium() && !process.env.CI;
if (skipBrowser) console.warn(`test/browser/collections: browser part skipped — no Chromium at ${CHROMIUM}`);

const SECRET = 'collections-pages-secret';
const COLLECTION = 'crime-and-law-enforcement-results';
const QUARTER = '2023-Q4';
let t: TestContext;
let edms: Receiver;
let broken: Receiver;
let base: string;
let browser: BrowserHandle | undefined;

/** The copies of a stored version, written to the outbox as the build writes them (one per cell). */
const writeCopies = command({
  name: 'write the copies of a stored collection version',
  policy: isSystem,
  run: async (ctx) => {
    const { catalog } = await currentCatalog(ctx.trx);
    const collection = catalog.collections.find((c) => c.id === COLLECTION)!;
    const build = await ctx.trx
      .insertInto('collection_builds')
      .values({
        collection: COLLECTION,
        quarter: QUARTER,
        version: 1,
        reason: null,
        built_at: ctx.now,
        built_by: 'collections.build-due',
        inputs: JSON.stringify([]) as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const r of collection.recipients)
      await enqueueDelivery(ctx, outboxSettings(t.config), {
        key: `collection-${COLLECTION}-${QUARTER}-v1-${r.recipient}`,
        kind: 'collection-copy',
        subjectId: String(build.id),
        recipient: r.recipient,
        copies: r.count,
        title: collection.titles,
        metadata: { collection: COLLECTION, quarter: QUARTER, version: 1, reason: null, officialUse: false },
        documents: [],
        routable: r.status === 'resolved',
      });
    await ctx.record({
      action: 'collections.collection.built',
      objectType: 'collection',
      objectId: `${COLLECTION}/${QUARTER}`,
      summary: { version: 1, test: true },
    });
  },
});

async function signIn(login: string) {
  return signInAs(t, login, TEST_PASSWORD);
}

beforeAll(async () => {
  edms = await startReceiver(SECRET);
  broken = await startReceiver(SECRET, 'error500');
  t = await createTestApp({
    OUTBOX_EDMS_URL: `${edms.url}/edms`,
    OUTBOX_SIGNING_SECRET: SECRET,
    OUTBOX_ROUTES: `mazhilis=webhook:${broken.url}/hook`,
    OUTBOX_MAX_ATTEMPTS: '1',
    LATE_FROM_PERIOD: '2023-10',
  });
  await createUser(t, 'collections-editor', 'editor');
  await createUser(t, 'collections-admin', 'admin');
  await createUser(t, 'collections-auditor', 'auditor');
  await writeCopies(t.deps, systemActor('test'), undefined);
  await sendDueDeliveries(t.deps, outboxSettings(t.config), { limit: 50 });
  base = await listen(t.app);
  if (!skipBrowser) browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await edms?.close();
  await broken?.close();
});

describe('the staff pages of the collections over HTTP', () => {
  it('show the quarter: delivered, dead-lettered, undeliverable, late — in kk, ru and en', async () => {
    const { cookie } = await signIn('collections-editor');
    const words = {
      kk: ['Электрондық жинақтар', 'барлық талпыныстан кейін жеткізілмеді', 'жеткізу мүмкін емес'],
      ru: ['Электронные сборники', 'недоставлено после всех попыток', 'недоставляем'],
      en: ['Electronic collections', 'dead letter', 'undeliverable: no adapter reaches it'],
    };
    for (const [lang, expected] of Object.entries(words)) {
      const res = await t.app.inject({
        url: `/${lang}/staff/collections?quarter=${QUARTER}`,
        headers: { cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      for (const w of expected) expect(res.body, `${lang}: ${w}`).toContain(w);
    }
    const en = (await t.app.inject({ url: `/en/staff/collections?quarter=${QUARTER}`, headers: { cookie } }))
      .body;
    expect(en).toContain('Mazhilis of the Parliament of the Republic of Kazakhstan');
    expect(en).toContain('Unresolved recipient P1');
    expect(en).toMatch(/action="\/en\/staff\/outbox\/\d+\/resend"/);
    const schedule = (await t.app.inject({ url: '/en/staff', headers: { cookie } })).body;
    expect(schedule).toContain('href="/en/staff/collections"');
  });

  it('refuses a re-send without the CSRF token, an auditor, and a resolution by an editor', async () => {
    const editor = await signIn('collections-editor');
    const auditor = await signIn('collections-auditor');
    const dead = await t.db
      .selectFrom('outbox_deliveries')
      .select('id')
      .where('state', '=', 'dead')
      .executeTakeFirstOrThrow();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const noToken = await t.app.inject({
      method: 'POST',
      url: `/en/staff/outbox/${dead.id}/resend`,
      headers: { ...form, cookie: editor.cookie },
      payload: 'reason=again',
    });
    expect(noToken.statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: '/en/staff/collections', headers: { cookie: auditor.cookie } })).statusCode,
    ).toBe(403);
    const byEditor = await t.app.inject({
      method: 'POST',
      url: '/en/staff/collections/recipients/appendix1-unresolved-p2',
      headers: { ...form, cookie: editor.cookie },
      payload: `organisation=prosecutor-general-office&validFrom=2024-03-15&source=letter&_csrf=${editor.csrf}`,
    });
    expect(byEditor.statusCode).toBe(403);
    const admin = await signIn('collections-admin');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/ru/staff/collections/recipients/appendix1-unresolved-p2',
      headers: { ...form, cookie: admin.cookie },
      payload: `organisation=mazhilis&validFrom=2024-03-15&source=letter&_csrf=${admin.csrf}`,
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.body).toContain('role="alert"');
    expect(await t.db.selectFrom('collection_recipient_resolutions').selectAll().execute()).toEqual([]);
  });
});

/**
 * A browser page signed in as `login`. The session is opened through the API at the test clock
 * (2024-03-15), so its cookie's expiry lies in the past for the browser: it is given to the
 * browser as a session cookie instead (the sign-in form itself is the portal journey's).
 */
async function signedInPage(login: string) {
  const ctx = await browser!.context();
  const { cookie } = await signIn(login);
  await ctx.addCookies([{ name: 'zanstat_session', value: cookie.split('=')[1]!, url: base }]);
  return { ctx, page: await ctx.newPage() };
}

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${what} (${page.url()}):\n${formatViolations(violations)}`).toEqual([]);
}

describe.skipIf(skipBrowser)('the staff pages of the collections in a browser', () => {
  it('the editor goes from the schedule to the dashboard, re-sends the dead letter, reads the outbox', async () => {
    const { ctx, page } = await signedInPage('collections-editor');
    try {
      await page.goto(`${base}/en/staff`);
      await Promise.all([
        page.waitForURL(/\/en\/staff\/collections$/),
        page.click('main a[href="/en/staff/collections"]'),
      ]);
      expect(await page.textContent('h1')).toBe('Electronic collections');
      // The default is the last four quarters: 2023-Q4 is among them, and it is late (due 15 January 2024).
      const section = page.locator('section', { hasText: `— ${QUARTER}` }).first();
      const mazhilis = section.locator('tr', { hasText: 'Mazhilis' });
      expect(await mazhilis.textContent()).toContain('dead letter');
      expect(await section.locator('tr', { hasText: 'Supreme Court' }).textContent()).toContain('delivered');
      expect(await section.locator('tr', { hasText: 'Unresolved recipient P8' }).textContent()).toContain(
        'undeliverable',
      );
      expect(await section.textContent()).toContain('late');
      for (const lang of ['kk', 'ru', 'en'] as const) {
        await page.goto(`${base}/${lang}/staff/collections?quarter=${QUARTER}`);
        await expectNoAxeViolations(page, `collections dashboard (${lang})`);
      }

      // Re-send the dead letter: it waits to be sent again, with the same key.
      await page.goto(`${base}/en/staff/collections?quarter=${QUARTER}`);
      const row = page.locator('section tr', { hasText: 'Mazhilis' });
      await row.locator('summary').click();
      await row.locator('input[name=reason]').fill('the receiver is back');
      await Promise.all([page.waitForLoadState('load'), row.locator('button[type=submit]').click()]);
      expect(await page.textContent('[role=status]')).toContain(
        `collection-${COLLECTION}-${QUARTER}-v1-mazhilis`,
      );
      const resent = await t.db
        .selectFrom('outbox_deliveries')
        .select(['state', 'attempts'])
        .where('key', '=', `collection-${COLLECTION}-${QUARTER}-v1-mazhilis`)
        .executeTakeFirstOrThrow();
      expect(resent).toEqual({ state: 'pending', attempts: 0 });

      await Promise.all([
        page.waitForURL(/\/en\/staff\/outbox$/),
        page.click('main a[href="/en/staff/outbox"]'),
      ]);
      await page.selectOption('select[name=state]', 'undeliverable');
      await Promise.all([page.waitForURL(/state=undeliverable/), page.click('main form.pickers button')]);
      expect(await page.locator('tbody tr').count()).toBe(8);
      for (const lang of ['kk', 'ru', 'en'] as const) {
        await page.goto(`${base}/${lang}/staff/outbox`);
        await expectNoAxeViolations(page, `outbox (${lang})`);
      }
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('the administrator resolves a placeholder of Appendix 1 on its form', async () => {
    const { ctx, page } = await signedInPage('collections-admin');
    try {
      for (const lang of ['kk', 'ru', 'en'] as const) {
        await page.goto(`${base}/${lang}/staff/collections/recipients`);
        await expectNoAxeViolations(page, `placeholders (${lang})`);
      }
      await page.goto(`${base}/ru/staff/collections/recipients`);
      const row = page.locator('tbody tr', { hasText: 'P8' });
      await row.locator('summary').click();
      await row.locator('select[name=organisation]').selectOption('committee');
      await row.locator('input[name=validFrom]').fill('2024-04-01');
      await row.locator('input[name=source]').fill('письмо Комитета');
      await Promise.all([page.waitForLoadState('load'), row.locator('button[type=submit]').click()]);
      expect(await page.textContent('[role=status]')).toContain('appendix1-unresolved-p8 → committee');
      await expectNoAxeViolations(page, 'placeholders after resolving (ru)');
      const journal = await t.db
        .selectFrom('journal')
        .select(['action', 'actor_name'])
        .where('object_id', '=', 'appendix1-unresolved-p8')
        .execute();
      expect(journal).toEqual([
        { action: 'collections.recipient.resolved', actor_name: 'collections-admin' },
      ]);
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
