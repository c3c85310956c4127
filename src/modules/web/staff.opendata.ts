// The staff schedule's deadline watch of the open datasets (Order 84: by the 20th of the month
// after the period, on the working-day calendar): the late ones with their missing periods, and
// the next due date of each dataset updated by period.
import { readDeadlines } from '../opendata/index.js';
import type { Actor, Deps } from '../../platform/usecase.js';
import { html, type SafeHtml } from './html.js';
import type { Translator } from './i18n.js';
import { link } from './layout.js';
import { openDataText } from './messages.opendata.js';
import { statusOf } from './pages/opendata.js';

export async function openDataWatchSection(
  deps: Deps,
  actor: Actor,
  t: Translator,
  input: { baseUrl: string; lateFromPeriod: string | null },
  titleOf: (id: string) => string,
): Promise<SafeHtml> {
  const od = openDataText(t.lang);
  const all = (await readDeadlines(deps, actor, input)).filter((d) => d.rule === 'by-period');
  const late = all.filter((d) => d.late);
  const shown = [...late, ...all.filter((d) => !d.late)];
  const caption = od('watch');
  return html`<h2 id="open-data-watch">${caption}</h2>${late.length === 0 ? html`<p>${od('watchNone')}</p>` : null}
  <div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table><caption>${caption}</caption>
  <thead><tr><th scope="col">${od('dataset')}</th><th scope="col">${od('nextDue')}</th><th scope="col">${od('lastUpdate')}</th><th scope="col">${od('status')}</th></tr></thead>
  <tbody>${shown.map(
    (
      d,
    ) => html`<tr${d.late ? html` class="late"` : null}><th scope="row"><a href="${link(t.lang, `/datasets/${d.dataset}`)}">${titleOf(d.dataset)}</a></th>
      <td>${d.nextDue ? od('nextDueText', { date: t.date(d.nextDue.due), period: d.nextDue.period }) : '—'}</td>
      <td>${d.lastUpdate ? t.dateTime(d.lastUpdate.toISOString()) : od('never')}</td><td>${statusOf(t, d)}</td></tr>`,
  )}</tbody></table></div>`;
}
