// The log journal for auditors (Order 25, para 2, item 1): newest first, filtered by action or
// object, paged by sequence number; the CSV export and the chain verification are the API's.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { listJournal } from '../audit/index.js';
import type { HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { html } from './html.js';
import { pageLang, translator, type Lang } from './i18n.js';
import { link, type PageInput } from './layout.js';

type Render = (lang: Lang, input: Omit<PageInput, 't'>) => string;

export function registerJournalPage(app: HttpApp, deps: Deps, render: Render): void {
  app.get(
    '/:lang/staff/journal',
    {
      schema: {
        hide: true,
        params: Type.Object({ lang: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object(
          {
            action: Type.Optional(Type.String({ maxLength: 100 })),
            objectId: Type.Optional(Type.String({ maxLength: 200 })),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req: FastifyRequest, reply: FastifyReply) => {
      const l = (req.params as { lang: string }).lang;
      const lang: Lang = pageLang(l);
      const t = translator(lang);
      if (req.actor.kind !== 'user' || !req.sessionCsrf) return reply.redirect(link(lang, '/staff'), 303);
      const q = req.query as { action?: string; objectId?: string; before?: number };
      // the policy refuses who may not read it (403, as a localised page)
      const page = await listJournal(deps, req.actor, {
        filter: { action: q.action || undefined, objectId: q.objectId || undefined },
        before: q.before,
        limit: 50,
      });
      const next = page.nextBefore
        ? `${link(lang, '/staff/journal')}?${new URLSearchParams({ ...(q.action ? { action: q.action } : {}), ...(q.objectId ? { objectId: q.objectId } : {}), before: String(page.nextBefore) }).toString()}`
        : null;
      const body = html`<h1>${t.t('journal')}</h1>
        <form class="pickers" method="get" action="${link(lang, '/staff/journal')}">
          <label>${t.t('action')}<input type="text" name="action" value="${q.action ?? ''}" maxlength="100"></label>
          <label>${t.t('object')}<input type="text" name="objectId" value="${q.objectId ?? ''}" maxlength="200"></label>
          <button type="submit">${t.t('show')}</button></form>
        <p>${t.t('total')}: ${t.number(page.total)} · <a href="/api/v1/staff/journal.csv">CSV</a></p>
        <div class="scroll" tabindex="0" role="region" aria-label="${t.t('journal')}"><table><caption>${t.t('journal')}</caption>
        <thead><tr><th scope="col">№</th><th scope="col">${t.t('when')}</th><th scope="col">${t.t('who')}</th><th scope="col">${t.t('action')}</th><th scope="col">${t.t('object')}</th></tr></thead>
        <tbody>${page.items.map(
          (
            e,
          ) => html`<tr><td class="num">${e.seq}</td><td>${t.dateTime(e.at.toISOString())}</td><td>${e.actorName}</td>
            <td><code>${e.action}</code></td><td>${e.objectType}${e.objectId ? html` ${e.objectId}` : null}</td></tr>`,
        )}</tbody></table></div>
        ${next ? html`<p><a href="${next}">→</a></p>` : null}`;
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(
          render(lang, {
            title: t.t('journal'),
            path: '/staff/journal',
            nav: 'staff',
            user: { name: req.actor.name, csrf: req.sessionCsrf },
            body,
          }),
        );
    },
  );
}
