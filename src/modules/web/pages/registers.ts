// A register's page: its entries on a day with a search, and each entry's history (Order 84, items
// 25-29). Before the first known day the page says "not known", never an empty list.
import type { EntryView, RegisterOnView } from '../../registers/index.js';
import { html, type SafeHtml } from '../html.js';
import type { Translator } from '../i18n.js';
import { link } from '../layout.js';
import { openDataText } from '../messages.opendata.js';

const PAGE = 50;

function decisionText(t: Translator, d: EntryView['added']['decision']): string {
  const od = openDataText(t.lang);
  if (!d.inSource) return od('notInSource');
  return [d.kind, d.reference, d.date ? t.date(d.date) : null].filter(Boolean).join(', ');
}

export function registerPage(
  t: Translator,
  title: string,
  datasetId: string,
  view: RegisterOnView,
  today: string,
): SafeHtml {
  const od = openDataText(t.lang);
  const base = link(t.lang, `/registers/${view.register}`);
  const offset = view.offset ?? 0;
  const params = (o: number) => {
    const p = new URLSearchParams();
    if (view.q) p.set('q', view.q);
    if (view.on !== today) p.set('on', view.on);
    if (o) p.set('offset', String(o));
    const s = p.toString();
    return s ? `?${s}` : '';
  };
  return html`<h1>${title}</h1>
  <p><a href="${link(t.lang, `/datasets/${datasetId}`)}">${od('dataset')}: ${title}</a></p>
  <form class="pickers" method="get" action="${base}" role="search">
    <label>${od('registerSearch')}<input type="search" name="q" value="${view.q ?? ''}" maxlength="200"></label>
    <label>${od('onDate')}<input type="date" name="on" value="${view.on}"></label>
    <button type="submit">${t.t('show')}</button></form>
  ${
    !view.known
      ? html`<p class="notice" id="not-known">${od('notKnown', { date: view.firstKnownDate ? t.date(view.firstKnownDate) : '—' })}</p>`
      : html`<h2>${od('entries', { n: t.number(view.total ?? 0) })}</h2>
  <div class="scroll" tabindex="0" role="region" aria-label="${title}"><table id="entries"><caption>${title} — ${t.date(view.on)}</caption>
  <thead><tr><th scope="col" class="num">№</th><th scope="col">${od('entry')}</th><th scope="col">${od('validFrom')}</th><th scope="col">${od('decision')}</th></tr></thead>
  <tbody>${(view.entries ?? []).map(
    (
      e,
    ) => html`<tr><td class="num"><a href="${link(t.lang, `/registers/${view.register}/entries/${e.seq}`)}">${e.seq}</a></td>
      <th scope="row"><span lang="ru">${e.nameRu}</span></th><td>${t.date(e.validFrom)}</td><td>${decisionText(t, e.added.decision)}</td></tr>`,
  )}</tbody></table></div>
  <p>${offset > 0 ? html`<a href="${base}${params(Math.max(0, offset - PAGE))}">←</a> ` : null}${
    offset + PAGE < (view.total ?? 0) ? html`<a href="${base}${params(offset + PAGE)}">→</a>` : null
  }</p>`
  }`;
}

export const REGISTER_PAGE_SIZE = PAGE;

export function entryPage(
  t: Translator,
  title: string,
  register: string,
  seq: number,
  versions: EntryView[],
): SafeHtml {
  const od = openDataText(t.lang);
  return html`<h1>${od('entryHistory', { seq })}</h1>
  <p><a href="${link(t.lang, `/registers/${register}`)}">${title}</a></p>
  <div class="scroll" tabindex="0" role="region" aria-label="${od('entryHistory', { seq })}"><table id="history"><caption>${od('entryHistory', { seq })}</caption>
  <thead><tr><th scope="col" class="num">${od('version')}</th><th scope="col">${od('entry')}</th><th scope="col">${od('validFrom')}</th><th scope="col">${od('validUntil')}</th><th scope="col">${od('decision')}</th></tr></thead>
  <tbody>${versions.map(
    (v) => html`<tr><td class="num">${v.version}</td><th scope="row"><span lang="ru">${v.nameRu}</span></th>
      <td>${t.date(v.validFrom)}</td>
      <td>${v.validUntil ? html`${t.date(v.validUntil)} (${v.ended?.as === 'removed' ? od('endedRemoved') : od('endedReplaced')})` : od('stillInForce')}</td>
      <td>${decisionText(t, v.added.decision)}${v.ended ? html`; ${decisionText(t, v.ended.decision)}` : null}</td></tr>`,
  )}</tbody></table></div>`;
}
