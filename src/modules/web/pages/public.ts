// The public pages around the figures: home (latest and next releases, search), the release
// calendar, the reports, the open datasets, the acts, the working-day calendar, about.
import { addCalendarDays, calendarYear, localDate } from '../../calendar/index.js';
import { inForceOn, type CatalogSnapshot } from '../../catalog/index.js';
import { searchForm } from './search.js';
import { calendarNoteText, dayReasonText } from './calendar-text.js';
import type { ReleaseView } from '../../publishing/index.js';
import { html, type SafeHtml } from '../html.js';
import type { MessageKey, Translator } from '../i18n.js';
import { link } from '../layout.js';

const STATUS_KEYS: Record<string, MessageKey> = {
  scheduled: 'statusScheduled',
  received: 'statusReceived',
  approved: 'statusApproved',
  published: 'statusPublished',
  revised: 'statusRevised',
};

export function statusBadge(r: ReleaseView, t: Translator): SafeHtml {
  return html`<span class="status ${r.status}">${t.t(STATUS_KEYS[r.status] ?? 'statusScheduled')}</span>${
    r.late && r.lateDays !== null
      ? html` <span class="status late">${t.t('late', { days: r.lateDays })}</span>`
      : null
  }${r.demonstration ? html` <span class="status demonstration" title="${t.t('syntheticNotice')}">${t.t('demonstrationBadge')}</span>` : null}`;
}

const formLink = (r: ReleaseView, t: Translator) =>
  html`<a href="${link(t.lang, `/forms/${r.form}`)}?period=${encodeURIComponent(r.period)}">${r.code}</a>`;

export function releasesTable(releases: ReleaseView[], t: Translator, caption: string): SafeHtml {
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table>
  <caption>${caption}</caption>
  <thead><tr><th scope="col">${t.t('form')}</th><th scope="col">${t.t('period')}</th><th scope="col">${t.t('dueDate')}</th><th scope="col">${t.t('plannedDate')}</th><th scope="col">${t.t('published')}</th><th scope="col">${t.t('status')}</th></tr></thead>
  <tbody>${releases.map(
    (
      r,
    ) => html`<tr><th scope="row">${formLink(r, t)} <span class="lead">${r.title[t.lang]}</span></th><td>${r.period}</td>
      <td>${t.date(r.dueDate)}</td><td>${t.date(r.plannedDate)}${r.reschedules.map((x) => html`<br><small>${t.t('rescheduled', { from: t.date(x.from), to: t.date(x.to), reason: x.reason })}</small>`)}</td>
      <td>${r.publishedAt ? t.dateTime(r.publishedAt) : '—'}</td><td>${statusBadge(r, t)}</td></tr>`,
  )}</tbody></table></div>`;
}

export function homePage(t: Translator, latest: ReleaseView[], next: ReleaseView[]): SafeHtml {
  return html`<h1>${t.t('siteName')}</h1><p class="lead">${t.t('siteTagline')}</p>
  ${searchForm(t, '')}
  <h2>${t.t('latestReleases')}</h2>${releasesTable(latest, t, t.t('latestReleases'))}
  <h2>${t.t('nextReleases')}</h2>${next.length ? releasesTable(next, t, t.t('nextReleases')) : html`<p>${t.t('noNextReleases')}</p>`}
  <p><a href="${link(t.lang, '/releases')}">${t.t('releaseCalendar')}</a> · <a href="/api/v1/releases.ics">${t.t('subscribe')}</a></p>`;
}

export function releasesPage(t: Translator, releases: ReleaseView[], from: string, to: string): SafeHtml {
  return html`<h1>${t.t('releaseCalendar')}</h1>
  <form class="pickers" method="get" action="${link(t.lang, '/releases')}">
    <label>${t.t('from')}<input type="date" name="from" value="${from}"></label>
    <label>${t.t('to')}<input type="date" name="to" value="${to}"></label>
    <button type="submit">${t.t('show')}</button>
  </form>
  <p><a href="/api/v1/releases.ics">${t.t('subscribe')}</a></p>
  ${releasesTable(releases, t, `${t.t('releaseCalendar')}: ${t.date(from)} — ${t.date(to)}`)}`;
}

export function formsPage(t: Translator, snapshot: CatalogSnapshot, today: string): SafeHtml {
  const forms = inForceOn(snapshot.catalog.forms, today).sort((a, b) => a.listNo - b.listNo);
  return html`<h1>${t.t('forms')}</h1>
  <div class="scroll" tabindex="0" role="region" aria-label="${t.t('forms')}"><table><caption>${t.t('forms')}</caption>
  <thead><tr><th scope="col">№</th><th scope="col">${t.t('form')}</th><th scope="col">${t.t('periodicity')}</th><th scope="col">${t.t('dueDay')}</th></tr></thead>
  <tbody>${forms.map((f) => {
    const due = f.obligations.find((o) => o.channel === 'information-service');
    return html`<tr><td class="num">${f.listNo}</td><th scope="row"><a href="${link(t.lang, `/forms/${f.slug}`)}">${f.code ?? f.id}</a> — ${f.titles[t.lang]}</th>
      <td>${t.t(f.periodicity as MessageKey)}</td><td>${due ? t.t('dueDayText', { day: due.dueDay }) : '—'}</td></tr>`;
  })}</tbody></table></div>`;
}

export function actsPage(t: Translator, snapshot: CatalogSnapshot): SafeHtml {
  return html`<h1>${t.t('acts')}</h1><ul class="cards">${snapshot.catalog.acts.map(
    (a) => html`<li id="${a.id}"><strong>${a.titles[t.lang]}</strong><br>
      ${t.t('inForce')}: ${t.t('since', { date: t.date(a.validFrom) })}${a.validUntil ? html`, ${t.t('until', { date: t.date(a.validUntil) })}` : null}</li>`,
  )}</ul>`;
}

export function calendarPage(t: Translator, snapshot: CatalogSnapshot, year: number): SafeHtml {
  const y = calendarYear(snapshot.calendar, year);
  const special = y.days.filter((d) => d.reason.kind !== 'working-day' && d.reason.kind !== 'weekend');
  const months = Array.from({ length: 12 }, (_, m) => {
    const days = y.days.filter((d) => Number(d.date.slice(5, 7)) === m + 1);
    return { month: m + 1, working: days.filter((d) => d.working).length, all: days.length };
  });
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(t.locale, { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, m - 1, 1)),
    );
  const nav = html`<p><a href="${link(t.lang, `/calendar/${year - 1}`)}">← ${year - 1}</a> · <a href="${link(t.lang, `/calendar/${year + 1}`)}">${year + 1} →</a></p>`;
  return html`<h1>${t.t('workingDays')} ${year}</h1>${nav}
  ${y.provisional ? html`<p class="notice">${y.noteItems.map((n) => calendarNoteText(n, t)).join(' ')}</p>` : null}
  <div class="scroll" tabindex="0" role="region" aria-label="${t.t('workingDays')}"><table><caption>${t.t('workingDays')} ${year}: ${y.workingDays}</caption>
  <thead><tr><th scope="col">${t.t('period')}</th><th scope="col" class="num">${t.t('workingDay')}</th></tr></thead>
  <tbody>${months.map((m) => html`<tr><th scope="row">${monthName(m.month)}</th><td class="num">${m.working} / ${m.all}</td></tr>`)}</tbody></table></div>
  <h2>${t.t('holiday')}, ${t.t('dayOff')}, ${t.t('transferred')}</h2>
  <ul>${special.map((d) => html`<li>${t.date(d.date)}: ${dayReasonText(d, t)}</li>`)}</ul>`;
}

export function aboutPage(t: Translator): SafeHtml {
  return html`<h1>${t.t('about')}</h1><p>${t.t('aboutText')}</p>
  <ul><li><a href="${link(t.lang, '/acts')}">${t.t('acts')}</a></li><li><a href="/docs">API (OpenAPI)</a></li>
  <li><a href="${link(t.lang, '/calendar')}">${t.t('workingDays')}</a></li></ul>`;
}

export const defaultRange = (today: string) => ({
  from: addCalendarDays(localDate(today), -31) as string,
  to: addCalendarDays(localDate(today), 92) as string,
});
