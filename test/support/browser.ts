// The portal in a real browser: Debian's Chromium driven by playwright-core (no browser is ever
// downloaded), axe-core run inside the page, and the app in-process on a real port.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether a browser is there to drive (CI installs it; elsewhere the browser tests may skip). */
export const haveChromium = (): boolean => existsSync(CHROMIUM);

// Flags that keep Chromium quiet on a closed network: no background connections, no updates.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserHandle {
  browser: Browser;
  /** a new, isolated context (cookies, storage) with CSP bypassed so that axe can be injected */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Launches Chromium headless. Playwright's `launch` gives each browser a fresh temporary
 * `--user-data-dir` of its own and removes it on close; the downloads go to a directory of ours.
 */
export async function launchBrowser(): Promise<BrowserHandle> {
  const downloadsPath = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-browser-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    downloadsPath,
    timeout: 60_000,
  });
  return {
    browser,
    context: (options = {}) =>
      browser.newContext({ bypassCSP: true, acceptDownloads: true, locale: 'en-GB', ...options }),
    async close() {
      await browser.close();
      await fs.rm(downloadsPath, { recursive: true, force: true });
    },
  };
}

const axeSource = (): string => {
  const require = createRequire(import.meta.url);
  return (require('axe-core') as { source: string }).source;
};

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core in the page against WCAG 2.0/2.1 A and AA; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async (tags) => {
    const axe = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

/** One line a violated rule, one indented line a failing element: `rule (impact): help`. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes
          .slice(0, 10)
          .map(
            (n) =>
              `    ${JSON.stringify(n.target)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}

interface Listenable {
  listen(opts: { port: number; host: string }): Promise<string>;
}

/** Starts an in-process app (a `createTestApp()` context's `app`) on a free port; returns its origin. */
export async function listen(app: Listenable): Promise<string> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return address.replace('localhost', '127.0.0.1');
}

/** Whether the document scrolls sideways (the body wider than the window). */
export async function scrollsSideways(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number } | null> {
  const m = await page.evaluate(() => ({
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    clientWidth: document.documentElement.clientWidth,
  }));
  return m.scrollWidth > m.clientWidth ? m : null;
}
