// The open-data pages: the catalogue (search and facets, through package_search), a dataset's page
// (what it is, legal basis, update period, the deadline watch, resources with sizes and download
// links, a preview of its DataStore rows, the versions, how to read it with curl and ckanapi).
import type { Act, Dataset } from '../../catalog/index.js';
import type { DatasetDeadline } from '../../opendata/index.js';
import { html, type SafeHtml } from '../html.js';
import type { Translator } from '../i18n.js';
import { link } from '../layout.js';
import { openDataText } from '../messages.opendata.js';

export const FACETS = ['organization', 'update_period', 'res_format', 'tags'] as const;
export type Facet = (typeof FACETS)[number];
const FACET_KEYS = {
  organization: 'facetOrganization',
  update_period: 'facetUpdatePeriod',
  res_format: 'facetFormat',
  tags: 'facetTags',
} as const;
/** How many values of a facet show before the rest fold under "more". */
const FACET_SHOWN = 8;

export interface CatalogueInput {
  q: string;
  chosen: Partial<Record<Facet, string>>;
  count: number;
  results: { name: string; title: string; organization: { title: string } | null; formats: string[] }[];
  facets: Record<string, { items: { name: string; display_name: string; count: number }[] }>;
  deadlines: Map<string, DatasetDeadline>;
}

/** The words of an update period: monthly, quarterly … as information arrives, permanent. */
export function periodWords(t: Translator, period: string): string {
  const od = openDataText(t.lang);
  if (period === 'on-arrival') return od('onArrival');
  if (period === 'permanent') return od('permanent');
  if (['monthly', 'quarterly', 'half-yearly', 'yearly'].includes(period)) return t.t(period as 'monthly');
  return period;
}

/** Order 84's clause as a reader names it: the act's title and the item of its list. */
export function legalBasisText(t: Translator, act: Act | undefined, clause: string): string {
  const item = /\.item(\d+)$/.exec(clause)?.[1];
  const where = item
    ? { kk: `тізбенің ${item}-тармағы`, ru: `пункт ${item} перечня`, en: `item ${item} of the list` }[t.lang]
    : clause;
  return act ? `${act.titles[t.lang]}, ${where}` : where;
}

const query = (q: string, chosen: Partial<Record<Facet, string>>) => {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  for (const f of FACETS) if (chosen[f]) p.set(f, chosen[f]);
  const s = p.toString();
  return s ? `?${s}` : '';
};

export function statusOf(t: Translator, d: DatasetDeadline | undefined): SafeHtml {
  const od = openDataText(t.lang);
  if (!d || d.rule !== 'by-period') return html`<span class="status">${od('noDue')}</span>`;
  if (d.late)
    return html`<span class="status late">${od('lateText', {
      periods: d.overdue.map((o) => o.period).join(', '),
      date: t.date(d.overdue[0]!.due),
    })}</span>`;
  return html`<span class="status published">${od('onTime')}</span>`;
}

export function cataloguePage(t: Translator, input: CatalogueInput): SafeHtml {
  const od = openDataText(t.lang);
  const base = link(t.lang, '/datasets');
  const facetItem = (f: Facet, i: { name: string; display_name: string; count: number }) => {
    const label = f === 'update_period' ? periodWords(t, i.name) : i.display_name;
    return input.chosen[f] === i.name
      ? html`<li><strong>${label}</strong> (${i.count}) <a href="${base}${query(input.q, { ...input.chosen, [f]: undefined })}">${od('remove')}<span class="visually-hidden">: ${label}</span></a></li>`
      : html`<li><a href="${base}${query(input.q, { ...input.chosen, [f]: i.name })}">${label}</a> (${i.count})</li>`;
  };
  const facetBlocks = FACETS.map((f) => {
    const items = input.facets[f]?.items ?? [];
    if (!items.length) return null;
    // the largest values first; a long list (the tags) shows its first ones and folds the rest
    const shown = items.slice(0, FACET_SHOWN);
    const folded = items.slice(FACET_SHOWN);
    return html`<details open><summary>${od(FACET_KEYS[f])}</summary><ul>${shown.map((i) => facetItem(f, i))}</ul>${
      folded.length
        ? html`<details class="more"><summary>${od('moreValues', { n: folded.length })}</summary><ul>${folded.map((i) => facetItem(f, i))}</ul></details>`
        : null
    }</details>`;
  });
  return html`<h1>${od('catalogue')}</h1><p class="lead">${od('catalogueIntro')}</p>
  <form class="search" method="get" action="${base}" role="search">
    <label class="visually-hidden" for="dq">${od('searchDatasets')}</label>
    <input type="search" id="dq" name="q" value="${input.q}" maxlength="200">
    ${FACETS.map((f) => (input.chosen[f] ? html`<input type="hidden" name="${f}" value="${input.chosen[f]}">` : null))}
    <button type="submit">${t.t('searchButton')}</button></form>
  <div class="catalogue">
  <section class="found" aria-labelledby="results">
  <h2 id="results">${od('found', { n: input.count })}</h2>
  <ul class="cards datasets">${input.results.map((r) => {
    const d = input.deadlines.get(r.name);
    return html`<li><a href="${link(t.lang, `/datasets/${r.name}`)}">${r.title}</a><br>
      <small>${r.organization?.title ?? ''}</small><br><small>${r.formats.join(', ')}</small> ${statusOf(t, d)}</li>`;
  })}</ul></section>
  <aside class="facets" aria-labelledby="facets-heading">
  <h2 id="facets-heading">${od('facets')}</h2>
  ${Object.values(input.chosen).some(Boolean) || input.q ? html`<p><a href="${base}">${od('clear')}</a></p>` : null}
  ${facetBlocks}</aside>
  </div>`;
}

export interface DatasetPageInput {
  dataset: Dataset;
  act: Act | undefined;
  responsible: string[];
  deadline: DatasetDeadline | undefined;
  resources: {
    id: string;
    name: string;
    format: string;
    size: number;
    url: string;
    modified: string;
    datastore: boolean;
  }[];
  preview: { fields: string[]; records: unknown[][]; total: number } | null;
  versions: { resource: string; version: number; builtAt: string; size: number; reason: string | null }[];
  baseUrl: string;
  register: string | null;
  persons: boolean;
}

const size = (t: Translator, bytes: number) =>
  bytes >= 1024 * 1024
    ? `${t.number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`
    : bytes >= 1024
      ? `${t.number(Math.round(bytes / 1024))} KB`
      : `${t.number(bytes)} B`;

export function datasetPage(t: Translator, p: DatasetPageInput): SafeHtml {
  const od = openDataText(t.lang);
  const d = p.dataset;
  const dl = p.deadline;
  const store = p.resources.find((r) => r.datastore);
  const api = `${p.baseUrl}/api/3/action`;
  return html`<h1>${d.titles[t.lang]}</h1>
  <dl class="meta">
    <dt>${od('whatItIs')}</dt><dd>${d.titles[t.lang]} (№ ${d.listNo})</dd>
    <dt>${od('legalBasis')}</dt><dd>${legalBasisText(t, p.act, d.clause)}</dd>
    <dt>${od('source')}</dt><dd>${d.source[t.lang]}</dd>
    <dt>${od('responsible')}</dt><dd>${p.responsible.join('; ')}</dd>
    <dt>${od('updatePeriod')}</dt><dd>${periodWords(t, d.updatePeriod)}${d.dueDay ? html` — ${t.t('dueDayText', { day: d.dueDay })}` : null}</dd>
    <dt>${od('nextDue')}</dt><dd>${dl?.nextDue ? od('nextDueText', { date: t.date(dl.nextDue.due), period: dl.nextDue.period }) : d.updatePeriod === 'on-arrival' ? od('onArrival') : od('noDue')}</dd>
    <dt>${od('lastUpdate')}</dt><dd>${dl?.lastUpdate ? t.dateTime(dl.lastUpdate.toISOString()) : od('never')}</dd>
    <dt>${od('status')}</dt><dd id="deadline-status">${statusOf(t, dl)}</dd>
  </dl>
  ${p.persons ? html`<p><a class="button" href="${link(t.lang, `/registers/${p.dataset.madeFrom.kind === 'register' ? p.dataset.madeFrom.register : ''}`)}">${od('persons')}</a></p>` : null}
  ${p.register ? html`<p><a class="button" href="${link(t.lang, `/registers/${p.register}`)}">${od('openRegister')}</a></p>` : null}
  <h2>${od('resources')}</h2>
  ${
    p.resources.length === 0
      ? html`<p>${od('noResources')}</p>`
      : html`<div class="scroll" tabindex="0" role="region" aria-label="${od('resources')}"><table><caption>${od('resources')}</caption>
  <thead><tr><th scope="col">${od('resource')}</th><th scope="col">${od('format')}</th><th scope="col" class="num">${od('size')}</th><th scope="col">${od('modified')}</th><th scope="col">${od('download')}</th></tr></thead>
  <tbody>${p.resources.map(
    (
      r,
    ) => html`<tr><th scope="row">${r.name}</th><td>${r.format}</td><td class="num">${size(t, r.size)}</td><td>${t.dateTime(r.modified)}</td>
      <td><a href="${r.url}" download>${od('download')}<span class="visually-hidden">: ${r.name}</span></a></td></tr>`,
  )}</tbody></table></div>`
  }
  ${
    p.preview
      ? html`<h2>${od('preview')}</h2><div class="scroll" tabindex="0" role="region" aria-label="${od('preview')}"><table id="preview"><caption>${od('previewCaption', { n: p.preview.records.length, total: t.number(p.preview.total) })}</caption>
  <thead><tr>${p.preview.fields.map((f) => html`<th scope="col">${f}</th>`)}</tr></thead>
  <tbody>${p.preview.records.map((r) => html`<tr>${r.map((v) => html`<td>${v === null ? '' : String(v as string)}</td>`)}</tr>`)}</tbody></table></div>`
      : null
  }
  ${
    p.versions.length
      ? html`<h2>${od('history')}</h2><div class="scroll" tabindex="0" role="region" aria-label="${od('history')}"><table><caption>${od('history')}</caption>
  <thead><tr><th scope="col">${od('resource')}</th><th scope="col" class="num">${od('version')}</th><th scope="col">${od('builtAt')}</th><th scope="col" class="num">${od('size')}</th><th scope="col">${od('reason')}</th></tr></thead>
  <tbody>${p.versions.map((v) => html`<tr><th scope="row">${v.resource}</th><td class="num">${v.version}</td><td>${t.dateTime(v.builtAt)}</td><td class="num">${size(t, v.size)}</td><td>${v.reason ?? '—'}</td></tr>`)}</tbody></table></div>`
      : null
  }
  <h2>${od('howToRead')}</h2>
  <h3>${od('withCurl')}</h3>
  <pre class="code" tabindex="0"><code>curl '${api}/package_show?id=${d.id}'${
    store
      ? html`
curl '${api}/datastore_search?resource_id=${store.id}&amp;limit=5'`
      : null
  }</code></pre>
  <h3>${od('withCkanapi')}</h3>
  <pre class="code" tabindex="0"><code>ckanapi action package_show id=${d.id} -r ${p.baseUrl}${
    store
      ? html`
ckanapi action datastore_search resource_id=${store.id} limit=5 -r ${p.baseUrl}`
      : null
  }</code></pre>`;
}
