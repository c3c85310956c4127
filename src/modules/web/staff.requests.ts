// The staff schedule's list of requests whose term has ended or ends within three working days
// (Order 25, para 6: the terms of the law on appeals; for state bodies, what the authority applies).
import { addWorkingDays, type LocalDate } from '../calendar/index.js';
import { currentCatalog } from '../catalog/index.js';
import { listRequests } from '../requests/index.js';
import type { Actor, Deps } from '../../platform/usecase.js';
import { html, type SafeHtml } from './html.js';
import type { Translator } from './i18n.js';

const OUTCOME_KEYS = {
  accepted: 'outcomeAccepted',
  'left-without-consideration': 'outcomeLeftWithoutConsideration',
  'not-accepted': 'outcomeNotAccepted',
  incomplete: 'outcomeIncomplete',
} as const;

export async function requestsDueSection(
  deps: Deps,
  actor: Actor,
  t: Translator,
  today: string,
): Promise<SafeHtml> {
  const { calendar } = await currentCatalog(deps.db);
  // "Within three working days": terms ending on or before the third working day from today.
  const dueBefore = addWorkingDays(calendar, today as LocalDate, 4);
  const { requests } = await listRequests(deps, actor, { state: 'open', dueBefore, limit: 200 });
  const caption = t.t('requestsDue');
  if (requests.length === 0) return html`<h2>${caption}</h2><p>${t.t('requestsNone')}</p>`;
  const rows = requests.map(
    (r) => html`<tr><th scope="row">${r.number}</th><td>${r.request.applicant.name}</td>
      <td>${t.t(OUTCOME_KEYS[r.outcome as keyof typeof OUTCOME_KEYS] ?? 'outcomeAccepted')}</td>
      <td>${t.date(r.term.endsOn)}${r.term.overdue ? html` <span class="status late">${t.t('overdue')}</span>` : null}</td></tr>`,
  );
  return html`<h2>${caption}</h2><div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table><caption>${caption}</caption>
    <thead><tr><th scope="col">${t.t('requestNumber')}</th><th scope="col">${t.t('applicant')}</th><th scope="col">${t.t('outcome')}</th><th scope="col">${t.t('termEnds')}</th></tr></thead>
    <tbody>${rows}</tbody></table></div>`;
}
