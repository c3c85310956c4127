// The register of persons' page (Order 84, item 23; docs/decisions/0011): a search by a whole full
// name and what it found, a demonstration entry marked fictional; never a list of the entries.
import type { PersonView } from '../../registers/index.js';
import { html, type SafeHtml } from '../html.js';
import type { Translator } from '../i18n.js';
import { openDataText } from '../messages.opendata.js';

export function personsPage(
  t: Translator,
  input: { title: string; action: string; fullName: string; refused: boolean; found: PersonView[] | null },
): SafeHtml {
  const od = openDataText(t.lang);
  return html`<h1>${od('persons')}</h1><p class="lead">${input.title}</p><p>${od('personsIntro')}</p>
  <form class="pickers" method="get" action="${input.action}" role="search">
    <label>${od('fullName')}<input type="search" name="fullName" value="${input.fullName}" maxlength="300" required autocomplete="off"></label>
    <button type="submit">${t.t('searchButton')}</button></form>
  ${input.refused ? html`<p class="errors" id="refused" role="alert">${od('refusedFullName')}</p>` : null}
  ${
    input.found === null
      ? null
      : input.found.length === 0
        ? html`<p id="no-match">${od('personsNoMatch')}</p>`
        : html`<h2>${od('personsFound')}</h2>
  <ul class="cards" id="found">${input.found.map(
    (
      p,
    ) => html`<li>${p.fictional ? html`<p><span class="status demonstration">${od('fictional')}</span></p>` : null}
      <strong>${p.fullName}</strong>
      <dl class="meta">
        <dt>${od('birthYear')}</dt><dd>${p.birthYear ?? '—'}</dd>
        <dt>${od('article')}</dt><dd>${p.criminalCodeArticles}</dd>
        <dt>${od('judgment')}</dt><dd>${t.date(p.judgmentInForceOn)}</dd>
        <dt>${od('court')}</dt><dd>${p.court}</dd>
        <dt>${od('shownUntil')}</dt><dd>${p.shownUntil ? t.date(p.shownUntil) : '—'}</dd>
      </dl></li>`,
  )}</ul>`
  }`;
}
