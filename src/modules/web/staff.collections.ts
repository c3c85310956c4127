// The staff's pages of the collections (Order 25, paras 11-13, Appendix 1) and the outbox: per
// collection and quarter what was built, what went to whom by which adapter and when, acknowledged
// or not, late against the due day (the 14th, or the next working day), recipients no adapter
// reaches before the deadline, dead letters with a re-send; the outbox's list with its states; the
// administrator's form resolving a placeholder recipient of Appendix 1. The same use cases as
// /api/v1/staff/collections and /api/v1/staff/outbox. Forms carry the session's CSRF token.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentCatalog, inForceOn, type IsoDate } from '../catalog/index.js';
import {
  collectionSchedule,
  listPlaceholders,
  resolveRecipient,
  type CollectionQuarterView,
  type RecipientView,
} from '../collections/index.js';
import {
  listDeliveries,
  outboxSettings,
  resendDelivery,
  type DeliveryState,
  type DeliveryView,
} from '../outbox/index.js';
import { localDateOf } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { DomainError } from '../../platform/errors/index.js';
import { metaOf, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { html, type SafeHtml } from './html.js';
import { pageLang, translator, type Lang, type Translator } from './i18n.js';
import { link, type PageInput } from './layout.js';
import { collectionsWords, type CollectionsTranslate } from './staff.collections.messages.js';
import { problemsList } from './staff.routes.js';
import { statusOfError } from './staff.common.js';

type Render = (lang: Lang, input: Omit<PageInput, 't'>) => string;
const STATES: DeliveryState[] = ['pending', 'delivered', 'acknowledged', 'dead', 'undeliverable'];
const STATE_KEYS = {
  pending: 'statePending',
  delivered: 'stateDelivered',
  acknowledged: 'stateAcknowledged',
  dead: 'stateDead',
  undeliverable: 'stateUndeliverable',
} as const;

interface View {
  lang: Lang;
  t: Translator;
  w: CollectionsTranslate;
  csrf: SafeHtml;
  canEdit: boolean;
  name: (id: string) => string;
}

const stateBadge = (v: View, state: DeliveryState | null) =>
  state === null
    ? '—'
    : html`<span class="status${state === 'dead' || state === 'undeliverable' ? ' late' : state === 'acknowledged' ? ' published' : ''}">${v.w(STATE_KEYS[state])}</span>`;

const when = (v: View, iso: string | null) => (iso ? v.t.dateTime(iso) : '—');

/** The re-send form of a delivery that is dead or undeliverable (editors and the administrator). */
function resendForm(v: View, id: number, back: string): SafeHtml {
  return html`<details><summary>${v.w('resend')}</summary><form method="post" action="${link(v.lang, `/staff/outbox/${id}/resend`)}">${v.csrf}
    <input type="hidden" name="back" value="${back}">
    <label>${v.w('resendReason')} <input type="text" name="reason" required maxlength="2000"></label>
    <button type="submit">${v.w('resend')}</button></form></details>`;
}

function recipientRow(v: View, r: RecipientView, back: string): SafeHtml {
  const notes: SafeHtml[] = [];
  if (r.status === 'unresolved') notes.push(html`<br><small>${v.w('unresolved')}</small>`);
  if (r.placeholder && r.resolvedFrom)
    notes.push(
      html`<br><small>${v.w('resolvedFrom', { placeholder: v.name(r.placeholder), date: v.t.date(r.resolvedFrom) })}</small>`,
    );
  if (r.officialUse) notes.push(html`<br><small>${v.w('officialUse')}</small>`);
  const flags: SafeHtml[] = [];
  if (r.undeliverable) flags.push(html` <span class="status late">${v.w('undeliverable')}</span>`);
  if (r.late) flags.push(html` <span class="status late">${v.w('late')}</span>`);
  const resendable =
    v.canEdit && r.deliveryId !== null && (r.state === 'dead' || r.state === 'undeliverable');
  return html`<tr><th scope="row">${v.name(r.recipient)}${notes}</th><td class="num">${r.copies}</td>
    <td>${r.adapter ?? '—'}</td><td>${stateBadge(v, r.state as DeliveryState | null)}${flags}</td>
    <td>${when(v, r.deliveredAt)}</td><td>${when(v, r.acknowledgedAt)}</td>
    <td>${resendable ? resendForm(v, r.deliveryId!, back) : null}</td></tr>`;
}

function collectionSection(v: View, c: CollectionQuarterView, back: string): SafeHtml {
  const caption = `${c.titles[v.lang]} — ${c.quarter}`;
  const latest = c.builds.at(-1);
  const missing = c.inputs.filter((i) => !i.published).map((i) => `${i.code ?? i.form} ${i.period}`);
  const summary = html`<p>${v.w('dueOn')}: ${c.dueOn ? v.t.date(c.dueOn) : '—'} ·
    ${latest ? html`${v.w('built')}: ${v.w('version')} ${latest.version}, ${v.t.dateTime(latest.builtAt)}` : v.w('notBuilt')}
    ${c.built && c.onTime ? html` · <span class="status published">${v.w('onTime')}</span>` : null}
    ${c.late ? html` · <span class="status late">${v.w('late')}: ${c.late}</span>` : null}
    ${c.undeliverable ? html` · <span class="status late">${v.w('undeliverable')}: ${c.undeliverable}</span>` : null}</p>
    ${missing.length ? html`<p>${v.w('waitsFor')}: ${missing.join(', ')}</p>` : null}
    ${c.problems.length ? html`<p class="errors">${v.w('problems')}: ${c.problems.join('; ')}</p>` : null}`;
  const builds = c.builds.length
    ? html`<details><summary>${v.w('version')}: ${c.builds.length}</summary><ul>${c.builds.map(
        (b) =>
          html`<li>${v.w('version')} ${b.version} · ${v.t.dateTime(b.builtAt)} · ${v.w('builtBy')}: ${b.builtBy}${b.reason ? html` · ${v.w('reason')}: ${b.reason}` : null}</li>`,
      )}</ul></details>`
    : null;
  return html`<section><h2>${caption}</h2>${summary}${builds}
    <div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table><caption>${caption}</caption>
    <thead><tr><th scope="col">${v.w('recipient')}</th><th scope="col">${v.w('copies')}</th><th scope="col">${v.w('adapter')}</th><th scope="col">${v.w('state')}</th><th scope="col">${v.w('deliveredAt')}</th><th scope="col">${v.w('acknowledgedAt')}</th><th scope="col">${v.t.t('action')}</th></tr></thead>
    <tbody>${c.recipients.map((r) => recipientRow(v, r, back))}</tbody></table></div></section>`;
}

function deliveriesTable(v: View, deliveries: DeliveryView[], back: string): SafeHtml {
  const caption = v.w('outbox');
  if (deliveries.length === 0) return html`<p>${v.w('deliveriesNone')}</p>`;
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table><caption>${caption}</caption>
    <thead><tr><th scope="col">${v.w('kind')}</th><th scope="col">${v.w('recipient')}</th><th scope="col">${v.w('adapter')}</th><th scope="col">${v.w('state')}</th><th scope="col">${v.w('attempts')}</th><th scope="col">${v.w('createdAt')}</th><th scope="col">${v.w('deliveredAt')}</th><th scope="col">${v.w('acknowledgedAt')}</th><th scope="col">${v.w('lastError')}</th><th scope="col">${v.t.t('action')}</th></tr></thead>
    <tbody>${deliveries.map(
      (
        d,
      ) => html`<tr><th scope="row"><code>${d.key}</code><br><small>${d.kind}</small></th><td>${v.name(d.recipient)}</td>
        <td>${d.adapter ?? '—'}</td><td>${stateBadge(v, d.state)}${d.nextAttemptAt ? html`<br><small>${v.w('nextAttempt')}: ${v.t.dateTime(d.nextAttemptAt)}</small>` : null}</td>
        <td class="num">${d.attempts} / ${d.maxAttempts}</td><td>${when(v, d.createdAt)}</td><td>${when(v, d.deliveredAt)}</td><td>${when(v, d.acknowledgedAt)}</td>
        <td>${d.lastError ? html`<small lang="en">${d.lastError}</small>` : '—'}</td>
        <td>${v.canEdit && (d.state === 'dead' || d.state === 'undeliverable') ? resendForm(v, d.id, back) : null}</td></tr>`,
    )}</tbody></table></div>`;
}

export function registerCollectionsPages(app: HttpApp, deps: Deps, config: Config, render: Render): void {
  const settings = () => outboxSettings(config);
  const P = Type.Object({ lang: Type.String({ maxLength: 100 }) });
  const signedIn = (req: FastifyRequest) => req.actor.kind === 'user' && req.sessionCsrf !== null;

  const viewOf = async (req: FastifyRequest): Promise<View> => {
    const lang = pageLang((req.params as { lang: string }).lang);
    const { catalog } = await currentCatalog(deps.db);
    const organisations = inForceOn(catalog.organisations, localDateOf(deps.clock.now()) as IsoDate);
    return {
      lang,
      t: translator(lang),
      w: collectionsWords(lang),
      csrf: html`<input type="hidden" name="_csrf" value="${req.sessionCsrf ?? ''}">`,
      canEdit: req.actor.role === 'editor' || req.actor.role === 'admin',
      name: (id) => organisations.find((o) => o.id === id)?.titles[lang] ?? id,
    };
  };
  const send = (
    req: FastifyRequest,
    reply: FastifyReply,
    v: View,
    title: string,
    path: string,
    body: SafeHtml,
    status = 200,
  ) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(
        render(v.lang, {
          title,
          path,
          nav: 'staff',
          user: { name: req.actor.name, csrf: req.sessionCsrf! },
          body,
        }),
      );
  const nav = (v: View) =>
    html`<p><a href="${link(v.lang, '/staff')}">${v.t.t('schedule')}</a> · <a href="${link(v.lang, '/staff/collections')}">${v.w('collections')}</a> · <a href="${link(v.lang, '/staff/outbox')}">${v.w('outbox')}</a> · <a href="${link(v.lang, '/staff/collections/recipients')}">${v.w('placeholders')}</a></p>`;

  type Query = Record<string, string | undefined>;
  type StaffPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    message: SafeHtml | null,
    status?: number,
    q?: Query,
  ) => Promise<FastifyReply>;
  const collectionsPage: StaffPage = async (req, reply, message, status = 200, q = req.query as Query) => {
    const v = await viewOf(req);
    const schedule = await collectionSchedule(deps, req.actor, {
      ...(q.quarter ? { quarter: q.quarter } : {}),
      settings: { outbox: settings(), lateFromPeriod: config.lateFromPeriod },
    });
    const back = `/staff/collections${q.quarter ? `?quarter=${encodeURIComponent(q.quarter)}` : ''}`;
    const body = html`<h1>${v.w('collections')}</h1>${message}${nav(v)}<p>${v.w('collectionsIntro')}</p>
      <form class="pickers" method="get" action="${link(v.lang, '/staff/collections')}">
        <label>${v.w('quarter')}<input type="text" name="quarter" value="${q.quarter ?? ''}" maxlength="7" placeholder="2024-Q1" pattern="[0-9]{4}-Q[1-4]"></label>
        <button type="submit">${v.t.t('show')}</button></form>
      ${schedule.collections.length ? schedule.collections.map((c) => collectionSection(v, c, back)) : html`<p>${v.w('collectionsNone')}</p>`}`;
    return send(req, reply, v, v.w('collections'), back, body, status);
  };

  const outboxPage: StaffPage = async (req, reply, message, status = 200, q = req.query as Query) => {
    const v = await viewOf(req);
    const state = STATES.find((s) => s === q.state);
    const list = await listDeliveries(deps, req.actor, { ...(state ? { state } : {}), limit: 200 });
    const back = `/staff/outbox${state ? `?state=${state}` : ''}`;
    const body = html`<h1>${v.w('outbox')}</h1>${message}${nav(v)}<p>${v.w('outboxIntro')}</p>
      <form class="pickers" method="get" action="${link(v.lang, '/staff/outbox')}">
        <label>${v.w('state')}<select name="state"><option value="">${v.w('allStates')}</option>${STATES.map(
          (s) =>
            html`<option value="${s}"${s === state ? html` selected` : null}>${v.w(STATE_KEYS[s])}</option>`,
        )}</select></label>
        <button type="submit">${v.t.t('show')}</button></form>
      <p>${v.w('total')}: ${v.t.number(list.total)}</p>${deliveriesTable(v, list.deliveries, back)}`;
    return send(req, reply, v, v.w('outbox'), back, body, status);
  };

  const recipientsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    message: SafeHtml | null,
    status = 200,
  ) => {
    const v = await viewOf(req);
    const { placeholders } = await listPlaceholders(deps, req.actor, undefined);
    const { catalog } = await currentCatalog(deps.db);
    const today = localDateOf(deps.clock.now());
    const choices = inForceOn(catalog.organisations, today as IsoDate).filter(
      (o) => o.kind !== 'placeholder',
    );
    const isAdmin = req.actor.role === 'admin';
    const rows = placeholders.map((p) => {
      const form = isAdmin
        ? html`<details><summary>${v.w('resolve')}</summary><form class="stack" method="post" action="${link(v.lang, `/staff/collections/recipients/${encodeURIComponent(p.placeholder)}`)}">${v.csrf}
          <label>${v.w('organisation')}<select name="organisation" required>${choices.map((o) => html`<option value="${o.id}">${o.titles[v.lang]}</option>`)}</select></label>
          <label>${v.w('validFrom')}<input type="date" name="validFrom" required value="${today}"></label>
          <label>${v.w('source')}<input type="text" name="source" required maxlength="2000"></label>
          <button type="submit">${v.w('resolve')}</button></form></details>`
        : null;
      return html`<tr><th scope="row">${p.position ?? ''} <small>${p.titles[v.lang]}</small>${p.note ? html`<br><small lang="en" data-label>${p.note}</small>` : null}</th>
        <td>${p.current ? html`${p.current.titles?.[v.lang] ?? p.current.organisation} (${v.w('validFrom')} ${v.t.date(p.current.validFrom)})` : v.w('notResolved')}
        ${p.history.length ? html`<details><summary>${v.w('history')}</summary><ul>${p.history.map((h) => html`<li>${v.t.date(h.validFrom)}: ${v.name(h.organisation)} · ${h.source} · ${h.resolvedBy}, ${v.t.dateTime(h.resolvedAt)}</li>`)}</ul></details>` : null}</td>
        <td>${form}</td></tr>`;
    });
    const caption = v.w('placeholders');
    const body = html`<h1>${caption}</h1>${message}${nav(v)}<p>${v.w('placeholdersIntro')}</p>
      ${isAdmin ? null : html`<p>${v.w('adminOnly')}</p>`}
      <div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table><caption>${caption}</caption>
      <thead><tr><th scope="col">${v.w('placeholder')}</th><th scope="col">${v.w('resolvedTo')}</th><th scope="col">${v.t.t('action')}</th></tr></thead>
      <tbody>${rows}</tbody></table></div>`;
    return send(req, reply, v, caption, '/staff/collections/recipients', body, status);
  };

  const toSignIn = (req: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(link(pageLang((req.params as { lang: string }).lang), '/staff'), 303);

  app.get('/:lang/staff/collections', { schema: { hide: true, params: P } }, async (req, reply) =>
    signedIn(req) ? collectionsPage(req, reply, null) : toSignIn(req, reply),
  );
  app.get('/:lang/staff/outbox', { schema: { hide: true, params: P } }, async (req, reply) =>
    signedIn(req) ? outboxPage(req, reply, null) : toSignIn(req, reply),
  );
  app.get('/:lang/staff/collections/recipients', { schema: { hide: true, params: P } }, async (req, reply) =>
    signedIn(req) ? recipientsPage(req, reply, null) : toSignIn(req, reply),
  );

  app.post(
    '/:lang/staff/outbox/:id/resend',
    {
      schema: {
        hide: true,
        params: Type.Object({ lang: Type.String({ maxLength: 100 }), id: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (req, reply) => {
      if (!signedIn(req)) return toSignIn(req, reply);
      const { id } = req.params as { id: number };
      const b = (req.body ?? {}) as Record<string, string | undefined>;
      // back to the page the form was on (only our own two pages)
      const back = /^\/staff\/(collections|outbox)(\?[A-Za-z0-9=&%-]*)?$/.test(b.back ?? '')
        ? b.back!
        : '/staff/outbox';
      const onPage = (message: SafeHtml, status = 200) => {
        const query = Object.fromEntries(new URLSearchParams(back.split('?')[1] ?? ''));
        return back.startsWith('/staff/collections')
          ? collectionsPage(req, reply, message, status, query)
          : outboxPage(req, reply, message, status, query);
      };
      const t = translator(pageLang((req.params as { lang: string }).lang));
      try {
        const d = await resendDelivery(
          deps,
          req.actor,
          { id, reason: String(b.reason ?? '').trim(), settings: settings() },
          metaOf(req),
        );
        const w = collectionsWords(t.lang);
        return onPage(html`<p class="ok" role="status">${w('resent')} <code>${d.key}</code></p>`);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return onPage(problemsList(err, t), statusOfError(err));
      }
    },
  );

  app.post(
    '/:lang/staff/collections/recipients/:placeholder',
    {
      schema: {
        hide: true,
        params: Type.Object({
          lang: Type.String({ maxLength: 100 }),
          placeholder: Type.String({ maxLength: 80 }),
        }),
      },
    },
    async (req, reply) => {
      if (!signedIn(req)) return toSignIn(req, reply);
      const { placeholder } = req.params as { placeholder: string };
      const b = (req.body ?? {}) as Record<string, string | undefined>;
      const t = translator(pageLang((req.params as { lang: string }).lang));
      try {
        const r = await resolveRecipient(
          deps,
          req.actor,
          {
            placeholder,
            organisation: String(b.organisation ?? ''),
            validFrom: String(b.validFrom ?? ''),
            source: String(b.source ?? ''),
          },
          metaOf(req),
        );
        const w = collectionsWords(t.lang);
        return recipientsPage(
          req,
          reply,
          html`<p class="ok" role="status">${w('resolvedDone')} ${placeholder} → ${r.organisation}</p>`,
        );
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return recipientsPage(req, reply, problemsList(err, t), statusOfError(err));
      }
    },
  );
}
