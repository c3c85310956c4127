// Every Kazakh and Russian page speaks its language: the public pages of the sitemap (and the ones
// a reader reaches from them: search, a year of the calendar, a report's choices, error pages)
// and the staff's pages signed in, walked in-process against the real database. A page leaks
// English when a phrase of the English message catalogue appears in its text outside the
// elements marked with another language (`lang="en"`, `lang="ru"` on a kk page) and outside
// data cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD, type TestContext } from '../../../test/support/test-app.js';
import { appWithPublishedFixture } from '../../../test/support/fixture-figures.js';
import { PORTAL_MESSAGES } from './i18n.js';
import { OPEN_DATA_MESSAGES } from './messages.opendata.js';
import { REQUEST_MESSAGES } from './messages.requests.js';
import { COLLECTIONS_MESSAGES } from './staff.collections.messages.js';

let t: TestContext;
const cookies: Record<string, string> = {};

/** Every text of the catalogues as [en, ru, kk]. */
const catalogues: [string, string, string][] = [
  ...Object.keys(PORTAL_MESSAGES.en).map((k) => {
    const key = k as keyof typeof PORTAL_MESSAGES.en;
    return [PORTAL_MESSAGES.en[key], PORTAL_MESSAGES.ru[key], PORTAL_MESSAGES.kk[key]] as [
      string,
      string,
      string,
    ];
  }),
  ...Object.keys(OPEN_DATA_MESSAGES.en).map((k) => {
    const key = k as keyof typeof OPEN_DATA_MESSAGES.en;
    return [OPEN_DATA_MESSAGES.en[key], OPEN_DATA_MESSAGES.ru[key], OPEN_DATA_MESSAGES.kk[key]] as [
      string,
      string,
      string,
    ];
  }),
  ...Object.keys(COLLECTIONS_MESSAGES.en).map((k) => {
    const key = k as keyof typeof COLLECTIONS_MESSAGES.en;
    return [COLLECTIONS_MESSAGES.en[key], COLLECTIONS_MESSAGES.ru[key], COLLECTIONS_MESSAGES.kk[key]] as [
      string,
      string,
      string,
    ];
  }),
  ...Object.values(REQUEST_MESSAGES).map((m) => [m.en, m.ru, m.kk] as [string, string, string]),
];

/**
 * The English phrases to look for: each text cut at its placeholders, the pieces of two words or
 * more of Latin letters that the Russian and Kazakh texts do not also hold (names such as "API").
 */
export const englishPhrases = [
  ...new Set(
    catalogues.flatMap(([en, ru, kk]) =>
      en
        .split(/\{\w+\}/)
        .map((piece) => piece.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ''))
        .filter(
          (piece) =>
            /^[A-Za-z][A-Za-z' ,.()-]*[A-Za-z)]$/.test(piece) && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(piece),
        )
        .filter((piece) => !ru.includes(piece) && !kk.includes(piece)),
    ),
  ),
];

/** English written outside the catalogues: three Latin words in a row, one of them a small word of English. */
const ENGLISH_RUN =
  /\b(?=[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+)(?:[A-Za-z]+\s+){0,2}(?:the|of|and|to|is|for|by|from|with|not|no|or|in|on|at)\s+[A-Za-z]+\b/g;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * What a reader of the page's language reads or hears: the text and the title, aria-label,
 * placeholder and alt attributes, leaving out elements in another language, data cells, code,
 * scripts and styles.
 */
export function textInPageLanguage(page: string, lang: string): string {
  const out: string[] = [];
  const stack: boolean[] = [];
  const skipping = () => stack.some(Boolean);
  const token =
    /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/gi;
  for (const m of page.matchAll(token)) {
    const [, close, tagName, attrs = '', text] = m;
    if (text !== undefined) {
      if (!skipping()) out.push(decode(text));
      continue;
    }
    if (!tagName) continue;
    const tag = tagName.toLowerCase();
    if (close) {
      stack.pop();
      continue;
    }
    // English marked as English is still English: left out are a label in the other language of
    // the country (Russian on a Kazakh page) and catalogue data that exists in English only
    // (`data-label`).
    const other = /\slang="([^"]*)"/.exec(attrs);
    const skip =
      (other !== null && other[1] !== lang && (other[1] !== 'en' || /\sdata-label\b/.test(attrs))) ||
      ['td', 'code', 'pre', 'script', 'style'].includes(tag);
    if (!skip && !skipping())
      for (const a of attrs.matchAll(/\s(?:title|aria-label|placeholder|alt)="([^"]*)"/g))
        out.push(decode(a[1]!));
    if (VOID.has(tag) || attrs.trim().endsWith('/')) continue;
    stack.push(skip);
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

async function signIn(login: string, role: 'admin' | 'editor' | 'auditor'): Promise<string> {
  await createUser(t, login, role);
  const res = await t.app.inject({
    method: 'POST',
    url: '/ru/staff/sign-in',
    payload: `login=${login}&password=${encodeURIComponent(TEST_PASSWORD)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.statusCode).toBe(303);
  return `zanstat_session=${res.cookies.find((c) => c.name === 'zanstat_session')!.value}`;
}

/** The pages of the sitemap in kk and ru, and those a reader reaches from them. */
async function publicPaths(): Promise<string[]> {
  const sitemap = (await get('/sitemap.xml')).body;
  const paths = [...sitemap.matchAll(/<loc>[^<]*?(\/(?:kk|ru)\/[^<]*)<\/loc>/g)].map((m) => decode(m[1]!));
  const more = [
    '/search?q=%D0%BA%D1%80%D0%B0%D0%B6%D0%B0',
    '/search?q=x',
    '/calendar/2024',
    '/calendar/2026',
    '/requests/status',
    '/forms/1-p?period=2024-Q1&compare=previous-year',
    '/forms/1-p?period=2024-Q1&region=all&rows=1',
    '/forms/1-p?period=2024-Q1&rows=9',
    '/forms/1-p?period=1999-Q1',
    '/no-such-page',
  ];
  return [...paths, ...more.flatMap((p) => [`/kk${p}`, `/ru${p}`])];
}

const STAFF = [
  '/staff',
  '/staff/upload',
  '/staff/journal',
  '/staff/requests',
  '/staff/requests/new',
  '/staff/collections',
  '/staff/collections/recipients',
  '/staff/outbox',
];

beforeAll(async () => {
  ({ t } = await appWithPublishedFixture());
  cookies.anonymous = ''; // the sign-in page and the refusals
  cookies.admin = await signIn('lang-admin', 'admin');
  cookies.editor = await signIn('lang-editor', 'editor');
  cookies.auditor = await signIn('lang-auditor', 'auditor');
}, 120_000);
afterAll(async () => t?.close());

describe('the interface in the reader’s language', () => {
  it('looks for phrases of the English catalogue that the other languages do not share', () => {
    expect(englishPhrases.length).toBeGreaterThan(150);
    expect(englishPhrases).toContain('Release calendar');
    expect(englishPhrases).not.toContain('API');
  });

  it('reads a page as its reader does: without elements in another language and without data cells', () => {
    const page =
      '<html lang="kk"><p title="Open data">Ашық</p><span lang="ru">Всего проверок</span>' +
      '<span lang="en">English</span><table><tr><th>Жол</th><td>Release calendar</td></tr></table>' +
      '<svg><rect/><text>Ай</text></svg><br><p>Соңы</p></html>';
    expect(textInPageLanguage(page, 'kk')).toBe('Open data Ашық English Жол Ай Соңы');
  });

  it('finds the English phrases on an English page (the search works)', async () => {
    const text = textInPageLanguage((await get('/en/forms/1-p?period=2024-Q1')).body, 'en');
    expect(englishPhrases.filter((p) => text.includes(p)).length).toBeGreaterThan(5);
  });

  it('finds no English on any Kazakh or Russian public page', async () => {
    const leaks: string[] = [];
    const paths = await publicPaths();
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      const lang = path.slice(1, 3);
      const res = await get(path);
      expect(res.headers['content-type'], path).toContain('text/html');
      const text = textInPageLanguage(res.body, lang);
      for (const phrase of englishPhrases) if (text.includes(phrase)) leaks.push(`${path}: «${phrase}»`);
      for (const m of text.matchAll(ENGLISH_RUN)) leaks.push(`${path}: «${m[0]}»`);
    }
    expect(leaks).toEqual([]);
  }, 300_000);

  it('finds no English on any Kazakh or Russian staff page, signed in', async () => {
    const leaks: string[] = [];
    for (const [role, cookie] of Object.entries(cookies))
      for (const lang of ['kk', 'ru'])
        for (const path of STAFF) {
          const res = await get(`/${lang}${path}`, cookie);
          expect(res.statusCode, `${role} /${lang}${path}`).toBeLessThan(500);
          const text = textInPageLanguage(res.body, lang);
          for (const phrase of englishPhrases)
            if (text.includes(phrase)) leaks.push(`${role} /${lang}${path}: «${phrase}»`);
          for (const m of text.matchAll(ENGLISH_RUN)) leaks.push(`${role} /${lang}${path}: «${m[0]}»`);
        }
    expect(leaks).toEqual([]);
  }, 300_000);
});
