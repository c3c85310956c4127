// A form's page: its legal basis and schedule, the published table for a period (one region at a
// time, every graph), pickers for period, section, region and the cell shown in the chart and the
// map, the comparison with the same period of the previous year, downloads in every format, and
// the public revision history. Only published figures (publishing) are read.
import type { Catalog, Form } from '../../catalog/index.js';
import { actStatusOn, inForceOn, regionNameOn } from '../../catalog/index.js';
import { publicationsOf, publishedPeriodsOf, type PublishedEntry } from '../../publishing/index.js';
import {
  breakdownNamesOf,
  coverageText,
  holdsEveryRegion,
  listRevisions,
  mayRead,
  missingText,
  readTable,
  structureFor,
  type Table,
} from '../../statistics/index.js';
import { parsePeriod, periodEnd } from '../../calendar/index.js';
import { localDateOf } from '../../../platform/clock.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { anonymousActor, type Deps } from '../../../platform/usecase.js';
import { barChartSvg } from '../graphics/chart.js';
import { regionTileMapSvg } from '../graphics/tile-map.js';
import { html, type SafeHtml } from '../html.js';
import { unitKey, type Translator } from '../i18n.js';
import { clauseText } from '../clause.js';
import { dataLabel, link } from '../layout.js';
import {
  formTable,
  labelText,
  narrowRows,
  regionsTable,
  revisedLegend,
  rowsFilterForm,
  untranslated,
} from './form-table.js';
import { summaryOf } from './form-summary.js';
import { seriesChart } from './form-series.js';

export interface FormQuery {
  period?: string;
  section?: string;
  region?: string;
  row?: string;
  graph?: string;
  compare?: string;
  /** row codes, comma-separated: the table narrowed to them and the rows under them */
  rows?: string;
}

export interface FormPage {
  title: string;
  body: SafeHtml;
  /** the publications the page shows: the page is cached under them */
  publications: number[];
}

const periodicityKey = (p: string) =>
  ['monthly', 'quarterly', 'half-yearly', 'yearly'].includes(p) ? p : 'yearly';

function formMeta(form: Form, catalog: Catalog, t: Translator, today: string): SafeHtml {
  const act = catalog.acts.find((a) => a.id === form.act);
  const service = form.obligations.find((o) => o.channel === 'information-service');
  const status = act ? actStatusOn(catalog, act.id, today) : null;
  return html`<dl class="meta">
    <dt>${t.t('legalBasis')}</dt><dd>${act ? act.titles[t.lang] : form.act}, ${clauseText(form.clause, t.lang)}</dd>
    <dt>${t.t('periodicity')}</dt><dd>${t.t(periodicityKey(form.periodicity) as 'monthly')}</dd>
    ${service ? html`<dt>${t.t('dueDay')}</dt><dd>${t.t('dueDayText', { day: service.dueDay })}</dd>` : null}
  </dl>
  ${status && status !== 'in-force' && status !== 'not-yet-in-force' ? html`<p class="notice">${t.t('repealedNotice')} ${t.t('repealedInUse')}</p>` : null}`;
}

export async function formPage(
  deps: Deps,
  catalog: Catalog,
  form: Form,
  q: FormQuery,
  t: Translator,
): Promise<FormPage> {
  const now = deps.clock.now();
  const today = localDateOf(now);
  const code = form.code ?? form.id;
  const title = `${code} — ${form.titles[t.lang]}`;
  const head = html`<h1>${title}</h1>${formMeta(form, catalog, t, today)}`;
  const periods = await publishedPeriodsOf(deps.db, form.id, now);
  if (!periods.length)
    return { title, publications: [], body: html`${head}<p class="notice">${t.t('notPublished')}</p>` };
  // Without a period asked for, the page opens on the latest period holding every region (a sum of
  // part of them is not the republic), or the latest one where none does.
  const chosen = q.period
    ? (periods.find((p) => p.period === q.period) ?? null)
    : ((await latestComplete(deps, form.id, periods)) ?? periods[0]!);
  if (!chosen) throw notFound(`Published figures of ${code} for ${q.period}`, 'period_not_published');
  const period = chosen.period;
  const latest = q.period ? await latestComplete(deps, form.id, periods) : chosen;
  const stored = await structureFor(deps.db, form.id, parsePeriod(period));
  const sections = (stored?.structure.sections ?? []).filter((s) => mayRead(anonymousActor, s.access));
  const compare = q.compare === 'previous-year';
  const prevPeriod = period.replace(/^(\d{4})/, (y) => String(Number(y) - 1));
  const prev = periods.find((p) => p.period === prevPeriod)?.publication ?? null;
  const revisions = async (p: string) =>
    p === period ? chosen.publication.revisionIds : p === prevPeriod ? (prev?.revisionIds ?? null) : null;
  // The publication before the chosen one: the values it revised are marked.
  const earlier = (await publicationsOf(deps.db, form.id, period, now)).at(-2);
  // The whole table (every region) feeds the chart and the map; the page's table is one region.
  const all = await readTable(deps, anonymousActor, {
    form: form.id,
    section: q.section,
    period,
    // The summary says the change on the year whether or not the table compares.
    compare: true,
    revisions,
    earlierRevisions: earlier?.revisionIds ?? [],
  });
  const b = stored!.structure.breakdown;
  const regionId = q.region && all.columns.some((c) => c.breakdown === q.region) ? q.region : b.total;
  const column = all.columns.find((c) => c.breakdown === regionId) ?? all.columns[0]!;
  // "All regions": one graph, every region a column.
  const byRegion = q.region === 'all';
  const row = all.rows.find((r) => r.code === q.row) ?? all.rows[0]!;
  const graph = all.graphs.find((g) => String(g.n) === q.graph) ?? all.graphs[0]!;
  const gi = all.graphs.indexOf(graph);
  // A row asked for (from search, say) is marked in the table.
  const selectedRow = q.row ? row.code : undefined;
  // The page's table narrowed to chosen rows (a chapter and its articles); chart and map keep all.
  const rowCodes = (q.rows ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const narrowed = narrowRows(all, rowCodes);
  if (narrowed.unknown.length)
    throw new DomainError(
      'invalid_input',
      'row_not_found',
      `No row ${narrowed.unknown.join(', ')} in section ${all.section.id} of ${code}`,
      [],
      { rows: narrowed.unknown.join(', '), section: all.section.id, form: code },
    );
  const shownTable = narrowed.table;

  const pickers = html`<form class="pickers" method="get" action="${link(t.lang, `/forms/${form.slug}`)}">
    <label>${t.t('period')}<select name="period">${periods.map(
      (p) =>
        html`<option value="${p.period}"${p.period === period ? html` selected` : null}>${p.period}</option>`,
    )}</select></label>
    <label>${t.t('section')}<select name="section">${sections.map(
      (s) =>
        html`<option value="${s.id}"${s.id === all.section.id ? html` selected` : null}${untranslated(s.title, t)}>${s.id} — ${labelText(s.title, t)}</option>`,
    )}</select></label>
    <label>${t.t('region')}<select name="region"><option value="all"${byRegion ? html` selected` : null}>${t.t('allRegions')}</option>${all.columns.map(
      (c) =>
        html`<option value="${c.breakdown}"${!byRegion && c.breakdown === column.breakdown ? html` selected` : null}${c.label ? untranslated(c.label, t) : null}>${c.label ? labelText(c.label, t) : c.breakdown}</option>`,
    )}</select></label>
    <label>${t.t('indicator')}<select name="row">${all.rows.map(
      (r) =>
        html`<option value="${r.code}"${r === row ? html` selected` : null}${untranslated(r.label, t)}>${r.code}. ${labelText(r.label, t).slice(0, 90)}</option>`,
    )}</select></label>
    <label>${t.t('graph')}<select name="graph">${all.graphs.map(
      (g) =>
        html`<option value="${g.n}"${g === graph ? html` selected` : null}${untranslated(g.label, t)}>${g.n}. ${labelText(g.label, t).slice(0, 70)}</option>`,
    )}</select></label>
    <label class="check"><input type="checkbox" name="compare" value="previous-year"${compare ? html` checked` : null}> ${t.t('compare')}</label>
    <button type="submit">${t.t('show')}</button>
  </form>`;

  // A sum of part of the regions says so first, with the missing regions by name.
  const cov = all.coverage;
  const partial = cov !== null && !cov.complete && all.republic !== null && !all.republic.stored;
  const coverageNotice = partial
    ? html`<p class="notice coverage"><strong>${t.t('coverageIncomplete', { coverage: coverageText(cov, t.lang) })}</strong>
      ${missingText(cov, t.lang)}.${
        latest && latest.period !== period
          ? html` <a href="${link(t.lang, `/forms/${form.slug}`)}?period=${latest.period}">${t.t('latestComplete', { period: latest.period })}</a>`
          : null
      }</p>`
    : null;
  const notes = [
    coverageNotice,
    all.notice === 'synthetic' ? html`<p class="notice">${t.t('syntheticNotice')}</p>` : null,
    all.notice === 'imported-official' ? html`<p class="notice">${t.t('importedNotice')}</p>` : null,
    all.provisionalStructure ? html`<p class="notice">${t.t('provisionalStructure')}</p>` : null,
    all.cumulative ? html`<p>${t.t('cumulative')}</p>` : null,
    all.republic && !all.republic.stored && !partial ? html`<p>${t.t('republicDerivedNote')}</p>` : null,
  ];

  const cellTitle = t.t('chartOf', {
    row: `${row.code}. ${labelText(row.label, t)}`,
    graph: `${graph.n}. ${labelText(graph.label, t)}`,
  });
  const value = (c: Table['columns'][number]) => c.values[row.code]?.[gi] ?? null;
  const on = periodEnd(parsePeriod(period));
  const nameOf = (id: string): string => {
    const c = all.columns.find((x) => x.breakdown === id && x.label);
    const name = c?.label ? labelText(c.label, t) : regionNameOn(catalog, id, on)?.[t.lang];
    return name ?? id;
  };
  // The whole (the republic, submitted or summed; every agency) is drawn apart from its parts.
  const whole =
    all.columns.find((c) => c.breakdown === b.total && c.kind === 'submitted') ??
    all.columns.find((c) => c.breakdown === b.total) ??
    null;
  const parts: { id: string; column: Table['columns'][number] | null }[] =
    b.dimension === 'region'
      ? inForceOn(catalog.regions, on)
          .filter((r) => r.id !== b.total)
          .map((r) => ({ id: r.id, column: all.columns.find((x) => x.breakdown === r.id) ?? null }))
      : all.columns.filter((c) => c.breakdown !== b.total).map((c) => ({ id: c.breakdown, column: c }));
  const coverageSuffix = partial ? ` (${coverageText(cov, t.lang)})` : '';
  // A plain count needs no unit after the figure.
  const summaryUnit = graph.unit === 'count' ? '' : t.t(unitKey(graph.unit));
  const summary = summaryOf({
    whole,
    parts,
    value,
    nameOf,
    unit: summaryUnit,
    gi,
    row: row.code,
    partial,
    t,
    cov,
  });
  const graphics = html`<section class="graphics" aria-label="${t.t('chart')}">
    <figure>${barChartSvg({
      title: `${t.t('chartOfRegions', { row: `${row.code}. ${labelText(row.label, t)}`, graph: `${graph.n}. ${labelText(graph.label, t)}` })}${coverageSuffix}`,
      description: `${title}, ${period}${coverageSuffix}`,
      unit: t.t(unitKey(graph.unit)),
      bars: parts.map((p) => ({
        id: p.id,
        label: nameOf(p.id),
        value: p.column ? value(p.column) : null,
        highlight: p.id === column.breakdown,
      })),
      locale: t.locale,
      noDataText: t.t('noData'),
    })}<figcaption>${t.t('chart')}: ${cellTitle}${coverageSuffix}</figcaption></figure>
    ${
      b.dimension === 'region'
        ? html`<figure>${regionTileMapSvg({
            title: `${t.t('mapOf', { row: `${row.code}. ${labelText(row.label, t)}`, graph: `${graph.n}` })}${coverageSuffix}`,
            description: `${title}, ${period}${coverageSuffix}`,
            tiles: parts.map((p) => ({
              region: p.id,
              label: nameOf(p.id),
              value: p.column ? value(p.column) : null,
              href: `${link(t.lang, `/forms/${form.slug}`)}?${new URLSearchParams({ period, section: all.section.id, region: p.id, row: row.code, graph: String(graph.n) }).toString()}`,
            })),
            locale: t.locale,
            noDataText: t.t('noData'),
            legendTitle: labelText(graph.label, t),
          })}<figcaption>${t.t('map')}${coverageSuffix}</figcaption></figure>`
        : null
    }
  </section>`;

  const series = await seriesChart(deps, form, all, column, row.code, graph.n, periods, t, cellTitle);
  const api = (format: string, extra: Record<string, string> = {}) =>
    `/api/v1/forms/${encodeURIComponent(form.slug)}/tables/${period}?${new URLSearchParams({ section: all.section.id, format, lang: t.lang, ...extra }).toString()}`;
  const downloads = html`<h2>${t.t('downloads')}</h2><ul class="downloads">
    <li><a href="${api('xlsx')}">XLSX</a></li>
    <li><a href="${api('csv')}">CSV</a></li>
    <li><a href="${api('pdf', { region: column.breakdown })}">PDF</a></li>
    <li><a href="${api('json-stat')}">JSON-stat</a></li>
    <li><a href="${api('json')}">JSON</a></li></ul>`;

  const history = await revisionHistory(deps, form, period, chosen.publication, t);
  return {
    title: `${title}, ${period}`,
    publications: [chosen.publication.id, prev?.id ?? 0],
    body: html`${head}${pickers}${notes}${summary}${graphics}${series}
      <h2 id="table-heading">${t.t('table')}: ${byRegion ? t.t('allRegions') : dataLabel(column.label, t)}, ${period}</h2>
      ${rowsFilterForm({
        action: link(t.lang, `/forms/${form.slug}`),
        keep: {
          period,
          section: all.section.id,
          region: q.region,
          row: q.row,
          graph: q.graph,
          compare: q.compare,
        },
        table: all,
        chosen: rowCodes,
        t,
      })}
      ${byRegion ? regionsTable(shownTable, gi, t, selectedRow) : formTable(shownTable, column, { compare, graphIndex: gi, t, selectedRow })}
      ${revisedLegend(byRegion ? all.columns : [column], t, byRegion || compare ? graph.n : undefined)}
      ${downloads}${history}`,
  };
}

/** The latest of the published periods (the last 24) whose publication holds every region, or null. */
async function latestComplete(
  deps: Deps,
  form: string,
  periods: { period: string; publication: PublishedEntry }[],
): Promise<{ period: string; publication: PublishedEntry } | null> {
  for (const p of periods.slice(0, 24))
    if (await holdsEveryRegion(deps.db, form, p.period, p.publication.revisionIds)) return p;
  return null;
}

async function revisionHistory(
  deps: Deps,
  form: Form,
  period: string,
  current: PublishedEntry,
  t: Translator,
): Promise<SafeHtml> {
  const publications = await publicationsOf(deps.db, form.id, period, deps.clock.now());
  const names = await breakdownNamesOf(deps.db, form.id, period);
  const h = await listRevisions(deps, anonymousActor, {
    form: form.id,
    period,
    revisionIds: [...new Set(publications.flatMap((p) => p.revisionIds))],
  });
  return html`<h2>${t.t('revisionHistory')}</h2>
  <ul>${publications.map(
    (p) =>
      html`<li>${t.t('published')} ${t.dateTime(p.publishedAt.toISOString())}${p.version > 1 ? html` — ${t.t('revision')} ${p.version}: ${p.reason}` : html` — ${t.t('firstPublication')}`}${p.id === current.id ? ' ✓' : ''}</li>`,
  )}</ul>
  <div class="scroll" tabindex="0" role="region" aria-label="${t.t('revisionHistory')}"><table>
  <caption>${t.t('revisionHistory')}: ${form.code ?? form.id}, ${period}</caption>
  <thead><tr><th scope="col">${t.t('region')}</th><th scope="col">${t.t('revision')}</th><th scope="col">${t.t('when')}</th><th scope="col">${t.t('reason')}</th></tr></thead>
  <tbody>${h.revisions.map(
    (r) =>
      html`<tr><td>${names.has(r.breakdown) ? dataLabel(names.get(r.breakdown), t) : r.breakdown}</td><td class="num">${r.revision}</td><td>${t.dateTime(r.submittedAt)}</td><td>${r.reason ?? '—'}</td></tr>`,
  )}</tbody></table></div>`;
}
