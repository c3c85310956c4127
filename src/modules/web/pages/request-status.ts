// The applicant's page (Order 25, para 6; the law on appeals): the status of a request by its
// number and the code given at registration — the status and nothing else.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestStatus } from '../../requests/index.js';
import type { Config } from '../../../platform/config.js';
import { DomainError } from '../../../platform/errors/index.js';
import type { HttpApp } from '../../../platform/http/index.js';
import type { Deps } from '../../../platform/usecase.js';
import { html, type SafeHtml } from '../html.js';
import { pageLang, type Lang } from '../i18n.js';
import { link } from '../layout.js';
import { rw, rwOf } from '../messages.requests.js';
import type { Render } from '../staff.common.js';

export function registerRequestStatusPage(app: HttpApp, deps: Deps, render: Render, config: Config): void {
  const P = Type.Object({ lang: Type.String({ maxLength: 100 }) });
  const page = (req: FastifyRequest, reply: FastifyReply, result: SafeHtml | null, status = 200) => {
    const lang: Lang = pageLang((req.params as { lang: string }).lang);
    const b = (req.body ?? {}) as { number?: string };
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(
        render(lang, {
          title: rw(lang, 'statusTitle'),
          path: '/requests/status',
          body: html`<h1>${rw(lang, 'statusTitle')}</h1><p>${rw(lang, 'statusHelp')}</p>
          <form class="stack" method="post" action="${link(lang, '/requests/status')}">
            <label>${rw(lang, 'requestNumber')}<input type="text" name="number" required maxlength="20" value="${b.number ?? ''}" placeholder="2024-00001"></label>
            <label>${rw(lang, 'statusCode')}<input type="text" name="code" required maxlength="40" autocomplete="off"></label>
            <button type="submit">${rw(lang, 'showStatus')}</button></form>${result}`,
        }),
      );
  };

  app.get('/:lang/requests/status', { schema: { hide: true, params: P } }, async (req, reply) =>
    page(req, reply, null),
  );

  const rateLimit = { max: config.rateLimitRequestStatus, timeWindow: 60_000 };
  app.post(
    '/:lang/requests/status',
    { config: { rateLimit }, schema: { hide: true, params: P } },
    async (req, reply) => {
      const lang: Lang = pageLang(req.params.lang);
      const b = (req.body ?? {}) as { number?: string; code?: string };
      try {
        const s = await requestStatus(deps, req.actor, {
          number: String(b.number ?? '').slice(0, 20),
          code: String(b.code ?? '').slice(0, 40),
        });
        return page(
          req,
          reply,
          html`<p class="ok" role="status" data-status="${s.status}">${rw(lang, 'status')}: <strong>${rwOf(lang, 'status', s.status)}</strong></p>`,
        );
      } catch (err) {
        if (!(err instanceof DomainError) || err.category !== 'not_found') throw err;
        return page(req, reply, html`<p class="errors" role="alert">${rw(lang, 'statusNotFound')}</p>`, 404);
      }
    },
  );
}
