// The API explorer (/docs, swagger-ui) in a real browser under its own Content-Security-Policy
// (not bypassed): it renders the OpenAPI document and the browser logs no violation. The rest of
// the site keeps its stricter policy (no inline style but the site's own).
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { createHttpServer, type HttpApp } from '../../src/platform/http/index.js';
import { CHROMIUM, haveChromium, launchBrowser, listen, type BrowserHandle } from '../support/browser.js';

const skip = !haveChromium() && !process.env.CI;
if (skip) console.warn(`test/browser/docs: skipped — no Chromium at ${CHROMIUM}; CI always runs it`);

let app: HttpApp;
let browser: BrowserHandle;
let origin: string;
beforeAll(async () => {
  if (skip) return;
  ({ app } = await createHttpServer({
    config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PUBLIC: '0' }),
    logger: pino({ level: 'silent' }),
    version: 'test',
  }));
  app.get(
    '/api/v1/probe',
    { schema: { summary: 'A route for the explorer to list', tags: ['service'] } },
    async () => ({}),
  );
  origin = await listen(app);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it.skipIf(skip)('/docs renders the OpenAPI document with no Content-Security-Policy violation', async () => {
  const context = await browser.context({ bypassCSP: false });
  const page = await context.newPage();
  const logged: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') logged.push(m.text());
  });
  page.on('pageerror', (e) => logged.push(e.message));
  const res = await page.goto(`${origin}/docs/`);
  expect(res?.headers()['content-security-policy']).toContain("style-src 'self' 'sha256-");
  await page.getByText('A route for the explorer to list').waitFor({ timeout: 20_000 });
  expect(
    logged,
    'the browser logged (a new swagger-ui may inject another style: add its hash to docsCsp)',
  ).toEqual([]);
  // Elsewhere the site's own policy holds: no hash of swagger-ui's style.
  const other = await page.request.get(`${origin}/healthz`);
  expect(other.headers()['content-security-policy']).not.toContain('sha256-');
  await context.close();
});
