// The page shell: language, skip link, header with the language switch (which keeps the page),
// main navigation, footer. Every page is rendered through it.
import { html, type SafeHtml } from './html.js';
import { LANG_NAMES, LANGS, type Lang, type MessageKey, type Translator } from './i18n.js';

export interface PageInput {
  t: Translator;
  title: string;
  /** the path after the language prefix, with its query: `/forms/1-m?period=2022-12` */
  path: string;
  body: SafeHtml;
  /** which main navigation item is current */
  nav?: 'home' | 'forms' | 'releases' | 'datasets' | 'acts' | 'calendar' | 'about' | 'staff';
  /** the signed-in staff member, if any (the staff area shows it) */
  user?: { name: string; csrf: string } | null;
}

const NAV: [PageInput['nav'], string, MessageKey][] = [
  ['home', '/', 'navHome'],
  ['forms', '/forms', 'navForms'],
  ['releases', '/releases', 'navReleases'],
  ['datasets', '/datasets', 'navDatasets'],
  ['acts', '/acts', 'navActs'],
  ['calendar', '/calendar', 'navCalendar'],
  ['about', '/about', 'navAbout'],
];

export const link = (lang: Lang, path: string): string => `/${lang}${path === '/' ? '/' : path}`;

export function page(p: PageInput): string {
  const { t } = p;
  const lang = t.lang;
  const switcher = LANGS.map((l) =>
    l === lang
      ? html`<li><a href="${link(l, p.path)}" lang="${l}" aria-current="true">${LANG_NAMES[l]}</a></li>`
      : html`<li><a href="${link(l, p.path)}" lang="${l}" hreflang="${l}">${LANG_NAMES[l]}</a></li>`,
  );
  const nav = NAV.map(([id, path, key]) =>
    id === p.nav
      ? html`<li><a href="${link(lang, path)}" aria-current="page">${t.t(key)}</a></li>`
      : html`<li><a href="${link(lang, path)}">${t.t(key)}</a></li>`,
  );
  const staff = p.user
    ? html`<form method="post" action="${link(lang, '/staff/sign-out')}" class="signout">
        <input type="hidden" name="csrf" value="${p.user.csrf}">
        <span>${p.user.name}</span> <button type="submit">${t.t('signOut')}</button></form>`
    : null;
  return (
    '<!doctype html>\n' +
    html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} — ${t.t('siteName')}</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${LANGS.map((l) => html`<link rel="alternate" hreflang="${l}" href="${link(l, p.path)}">`)}
</head>
<body>
<a class="skip" href="#main">${t.t('skip')}</a>
<header class="site">
  <div class="bar">
    <a class="brand" href="${link(lang, '/')}">${t.t('siteName')}</a>
    <nav aria-label="${t.t('language')}" class="langs"><ul>${switcher}</ul></nav>
    ${staff}
  </div>
  <nav aria-label="${t.t('nav')}" class="main-nav"><ul>${nav}<li><a href="${link(lang, '/staff')}"${p.nav === 'staff' ? html` aria-current="page"` : ''}>${t.t('navStaff')}</a></li></ul></nav>
</header>
<main id="main" tabindex="-1">
${p.body}
</main>
<footer class="site">
  <p>${t.t('siteTagline')}. <a href="${link(lang, '/about')}">${t.t('legalBasis')}</a> · <a href="/docs">API</a> · <a href="/api/v1/releases.ics">${t.t('subscribe')}</a></p>
</footer>
</body>
</html>
`.text
  );
}

/** A data label in the reader's language, or the Russian one marked as untranslated (`lang="ru"`). */
export function dataLabel(
  label: { ru: string; kk?: string; en?: string } | null | undefined,
  t: Translator,
): SafeHtml {
  if (!label) return html``;
  const own = t.lang === 'ru' ? label.ru : label[t.lang];
  if (own) return html`${own}`;
  return html`<span lang="ru" title="${t.t('untranslated')}">${label.ru}</span>`;
}
