// The search page: what a reader names (a report, an indicator, an article of the Criminal Code,
// a dataset, an act), grouped, each indicator linking to its report's page with the row selected.
import { inForceOn, type CatalogSnapshot } from '../../catalog/index.js';
import type { LabelHit } from '../../statistics/index.js';
import { html, type SafeHtml } from '../html.js';
import type { Translator } from '../i18n.js';
import { link } from '../layout.js';

export interface SearchHit {
  kind: 'form' | 'dataset' | 'act';
  title: string;
  href: string;
}

/** The titles of forms, datasets and acts in force that hold every word of the query. */
export function search(snapshot: CatalogSnapshot, query: string, t: Translator, today: string): SearchHit[] {
  const words = query.toLocaleLowerCase(t.locale).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const match = (...texts: (string | null | undefined)[]) => {
    const hay = texts.filter(Boolean).join(' ').toLocaleLowerCase(t.locale);
    return words.every((w) => hay.includes(w));
  };
  const { catalog } = snapshot;
  return [
    ...inForceOn(catalog.forms, today)
      .filter((f) => match(f.code, f.slug, f.titles.kk, f.titles.ru, f.titles.en))
      .map((f) => ({
        kind: 'form' as const,
        title: `${f.code ?? f.id} — ${f.titles[t.lang]}`,
        href: link(t.lang, `/forms/${f.slug}`),
      })),
    ...inForceOn(catalog.datasets, today)
      .filter((d) => match(d.id, d.titles.kk, d.titles.ru, d.titles.en))
      .map((d) => ({
        kind: 'dataset' as const,
        title: d.titles[t.lang],
        href: `${link(t.lang, '/datasets')}#${d.id}`,
      })),
    ...catalog.acts
      .filter((a) => match(a.id, a.titles.kk, a.titles.ru, a.titles.en))
      .map((a) => ({
        kind: 'act' as const,
        title: a.titles[t.lang],
        href: `${link(t.lang, '/acts')}#${a.id}`,
      })),
  ].slice(0, 50);
}

/** Where a label hit leads: its report's page on the section, with the row or graph selected. */
export function hitHref(slug: string, hit: LabelHit, lang: Translator['lang']): string {
  const params = new URLSearchParams({ section: hit.section });
  if (hit.kind === 'row') params.set('row', hit.code);
  if (hit.kind === 'graph') params.set('graph', hit.code);
  const anchor = hit.kind === 'row' ? `#row-${encodeURIComponent(hit.code)}` : '#table-heading';
  return `${link(lang, `/forms/${slug}`)}?${params.toString()}${anchor}`;
}

export function searchForm(t: Translator, query: string, id = 'q'): SafeHtml {
  return html`<form class="search" role="search" method="get" action="${link(t.lang, '/search')}">
    <label class="visually-hidden" for="${id}">${t.t('search')}</label>
    <input type="search" id="${id}" name="q" value="${query}" placeholder="${t.t('searchPlaceholder')}">
    <button type="submit">${t.t('searchButton')}</button>
  </form>`;
}

export function searchPage(
  t: Translator,
  snapshot: CatalogSnapshot,
  query: string,
  catalogHits: SearchHit[],
  labelHits: LabelHit[],
): SafeHtml {
  const { catalog } = snapshot;
  const formOf = (id: string) => catalog.forms.filter((f) => f.id === id).at(-1);
  const text = (h: LabelHit) =>
    h.labelLang === t.lang ? html`${h.label}` : html`<span lang="${h.labelLang}">${h.label}</span>`;
  const labelItem = (h: LabelHit) => {
    const form = formOf(h.form);
    if (!form) return null;
    const where = `${form.code ?? form.id}, ${h.section}`;
    const code = h.kind === 'row' ? `${h.code}. ` : h.kind === 'graph' ? `${t.t('graph')} ${h.code}: ` : '';
    return html`<li><a href="${hitHref(form.slug, h, t.lang)}">${code}${text(h)}</a> <span class="lead">— ${where}</span></li>`;
  };
  const group = (title: string, items: (SafeHtml | null)[]) => {
    const shown = items.filter((x): x is SafeHtml => x !== null);
    return shown.length
      ? html`<section><h2>${title} <small>(${t.t('searchCount', { count: shown.length })})</small></h2><ul class="hits">${shown}</ul></section>`
      : null;
  };
  const catalogGroup = (kind: SearchHit['kind'], title: string) =>
    group(
      title,
      catalogHits
        .filter((h) => h.kind === kind)
        .map((h) => html`<li><a href="${h.href}">${h.title}</a></li>`),
    );
  const groups = [
    group(t.t('searchArticles'), labelHits.filter((h) => h.byArticle).map(labelItem)),
    catalogGroup('form', t.t('searchForms')),
    group(t.t('searchRows'), labelHits.filter((h) => !h.byArticle).map(labelItem)),
    catalogGroup('dataset', t.t('searchDatasets')),
    catalogGroup('act', t.t('searchActs')),
  ].filter((g) => g !== null);
  const short = query.length > 0 && query.length < 2 && !/^\d$/.test(query);
  return html`<h1>${t.t('searchPage')}</h1>
  ${searchForm(t, query)}
  ${
    !query
      ? null
      : short
        ? html`<p>${t.t('searchTooShort')}</p>`
        : html`<p class="lead">${t.t('searchResults', { q: query })}</p>${groups.length ? groups : html`<p>${t.t('noResults')}</p>`}`
  }`;
}
