// The staff's requests in the portal (Order 25, paras 4-9): the inbox (new, due soon, overdue,
// answered), the form that registers a request that arrived otherwise (by telephone, by hand:
// decided and journaled as any other), and the request's page (request.page.ts). Editors and
// the administrator; the API's policies decide.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { addWorkingDays, type LocalDate } from '../calendar/index.js';
import { currentCatalog } from '../catalog/index.js';
import { listRequests, registerRequest, requestRulesOn, type RequestBody } from '../requests/index.js';
import { localDateOf } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { DomainError } from '../../platform/errors/index.js';
import { metaOf, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { html, type SafeHtml } from './html.js';
import { pageLang, translator, type Lang } from './i18n.js';
import { link } from './layout.js';
import { rw, rwOf } from './messages.requests.js';
import { registerRequestPage } from './request.page.js';
import { editorOnly, sendPage, statusOfError, type ProblemsList, type Render } from './staff.common.js';

export const VIEWS = ['new', 'due-soon', 'overdue', 'answered'] as const;
type View = (typeof VIEWS)[number];
const VIEW_WORD = {
  new: 'inboxNew',
  'due-soon': 'inboxDueSoon',
  overdue: 'inboxOverdue',
  answered: 'inboxAnswered',
} as const;
/** Ways a request arrives other than the systems: each is decided by the rules (para 7). */
const OTHER_CHANNELS = ['telephone', 'oral', 'email', 'messenger', 'social-network', 'other'];

export function registerRequestPages(
  app: HttpApp,
  deps: Deps,
  config: Config,
  render: Render,
  problemsList: ProblemsList,
): void {
  const baseUrl = config.publicBaseUrl.replace(/\/$/, '');
  const showRequest = registerRequestPage(app, deps, config, render, problemsList);
  const P = Type.Object({ lang: Type.String({ maxLength: 100 }) });
  const langOf = (req: FastifyRequest): Lang => pageLang((req.params as { lang: string }).lang);
  const userOf = (req: FastifyRequest) => ({ name: req.actor.name, csrf: req.sessionCsrf! });
  const signIn = (req: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(link(langOf(req), '/staff'), 303);

  app.get(
    '/:lang/staff/requests',
    {
      schema: {
        hide: true,
        params: P,
        querystring: Type.Object(
          { view: Type.Optional(Type.String({ maxLength: 20 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      if (!editorOnly(req)) return signIn(req, reply);
      const lang = langOf(req);
      const view: View = (VIEWS as readonly string[]).includes((req.query as { view?: string }).view ?? '')
        ? (req.query as { view: View }).view
        : 'new';
      const today = localDateOf(deps.clock.now());
      const { calendar } = await currentCatalog(deps.db);
      // "Due soon": the term ends within three working days (as on the staff schedule).
      const soon = addWorkingDays(calendar, today as LocalDate, 4);
      const query =
        view === 'answered'
          ? { answered: true }
          : view === 'overdue'
            ? { overdue: true }
            : {
                state: 'open' as const,
                answered: false,
                ...(view === 'due-soon' ? { dueBefore: soon } : {}),
              };
      const { requests } = await listRequests(deps, req.actor, { ...query, limit: 200 });
      const shown =
        view === 'new'
          ? requests.filter((r) => r.term.endsOn >= soon)
          : view === 'due-soon'
            ? requests.filter((r) => !r.term.overdue)
            : requests;
      const tabs = VIEWS.map((v) =>
        v === view
          ? html`<li><a href="${link(lang, `/staff/requests?view=${v}`)}" aria-current="page">${rw(lang, VIEW_WORD[v])}</a></li>`
          : html`<li><a href="${link(lang, `/staff/requests?view=${v}`)}">${rw(lang, VIEW_WORD[v])}</a></li>`,
      );
      const caption = `${rw(lang, 'inbox')}: ${rw(lang, VIEW_WORD[view])}`;
      const t = translator(lang);
      const rows = shown.map(
        (
          r,
        ) => html`<tr><th scope="row"><a href="${link(lang, `/staff/requests/${r.number}`)}">${r.number}</a></th>
          <td>${r.request.applicant.name}</td><td>${rwOf(lang, 'outcome', r.outcome)}</td>
          <td>${t.date(r.term.endsOn)}${r.term.overdue ? html` <span class="status late">${rw(lang, 'inboxOverdue')}</span>` : null}</td></tr>`,
      );
      return sendPage(
        reply,
        render(lang, {
          title: rw(lang, 'inbox'),
          path: `/staff/requests?view=${view}`,
          nav: 'staff',
          user: userOf(req),
          body: html`<h1>${rw(lang, 'inbox')}</h1>
          <p><a href="${link(lang, '/staff/requests/new')}">${rw(lang, 'registerRequest')}</a></p>
          <nav aria-label="${rw(lang, 'inbox')}" class="tabs"><ul>${tabs}</ul></nav>
          ${
            shown.length === 0
              ? html`<p>${rw(lang, 'inboxEmpty')}</p>`
              : html`<div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table><caption>${caption}</caption>
          <thead><tr><th scope="col">${rw(lang, 'requestNumber')}</th><th scope="col">${rw(lang, 'applicantKind')}</th><th scope="col">${rw(lang, 'decision')}</th><th scope="col">${rw(lang, 'termEnds')}</th></tr></thead>
          <tbody>${rows}</tbody></table></div>`
          }`,
        }),
      );
    },
  );

  const registerForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    message: SafeHtml | null,
    status = 200,
  ) => {
    const lang = langOf(req);
    const user = userOf(req);
    const today = localDateOf(deps.clock.now());
    const { catalog } = await currentCatalog(deps.db);
    const channels = requestRulesOn(catalog, today).channels;
    const option = (value: string, text: string) => html`<option value="${value}">${text}</option>`;
    return sendPage(
      reply,
      render(lang, {
        title: rw(lang, 'registerRequest'),
        path: '/staff/requests/new',
        nav: 'staff',
        user,
        body: html`<h1>${rw(lang, 'registerRequest')}</h1>${message}
        <form class="stack" method="post" action="${link(lang, '/staff/requests/new')}">
          <input type="hidden" name="_csrf" value="${user.csrf}">
          <label>${rw(lang, 'channel')}<select name="channel">${[
            ...OTHER_CHANNELS.map((c) => option(c, rwOf(lang, 'channel', c))),
            ...channels.map((c) => option(c.id, c.titles[lang])),
          ]}</select></label>
          <label>${rw(lang, 'applicantKind')}<select name="kind">${['individual', 'legal-entity', 'state-body', 'prosecution-body'].map((k) => option(k, rwOf(lang, 'kind', k)))}</select></label>
          <label>${rw(lang, 'applicantName')}<input type="text" name="name" required maxlength="500"></label>
          <label>${rw(lang, 'organisation')}<input type="text" name="organisation" maxlength="80"></label>
          <label>${rw(lang, 'address')}<input type="text" name="address" maxlength="1000"></label>
          <label>${rw(lang, 'signatoryRole')}<select name="role"><option value="">${rw(lang, 'none')}</option>${['head', 'acting-head', 'authorised-official', 'other'].map((r) => option(r, rwOf(lang, 'role', r)))}</select></label>
          <label>${rw(lang, 'position')}<input type="text" name="position" maxlength="500"></label>
          <label>${rw(lang, 'unit')}<select name="unit"><option value="">${rw(lang, 'none')}</option>${['crime', 'offence', 'criminal-case', 'person'].map((u) => option(u, rwOf(lang, 'unit', u)))}</select></label>
          <label>${rw(lang, 'period')}<input type="text" name="period" maxlength="40" placeholder="2022"></label>
          <label>${rw(lang, 'information')}<textarea name="information" rows="4" maxlength="20000"></textarea></label>
          <label>${rw(lang, 'language')}<select name="language">${(['kk', 'ru', 'en'] as const).map((l) => option(l, l))}</select></label>
          <button type="submit">${rw(lang, 'registerRequest')}</button></form>`,
      }),
      status,
    );
  };

  app.get('/:lang/staff/requests/new', { schema: { hide: true, params: P } }, async (req, reply) =>
    editorOnly(req) ? registerForm(req, reply, null) : signIn(req, reply),
  );

  app.post('/:lang/staff/requests/new', { schema: { hide: true, params: P } }, async (req, reply) => {
    if (!editorOnly(req)) return signIn(req, reply);
    const lang = langOf(req);
    const b = (req.body ?? {}) as Record<string, string | undefined>;
    const v = (k: string) => (b[k] ?? '').trim() || undefined;
    const body = {
      channel: v('channel') ?? '',
      applicant: {
        kind: (v('kind') ?? 'individual') as RequestBody['applicant']['kind'],
        name: v('name') ?? '',
        ...(v('organisation') ? { organisation: v('organisation') } : {}),
        ...(v('address') ? { address: v('address') } : {}),
      },
      ...(v('role')
        ? {
            signatory: {
              role: v('role') as NonNullable<RequestBody['signatory']>['role'],
              ...(v('position') ? { position: v('position') } : {}),
            },
          }
        : {}),
      ...(v('unit') ? { unit: v('unit') as RequestBody['unit'] } : {}),
      ...(v('period') ? { period: v('period') } : {}),
      ...(v('information') ? { information: v('information') } : {}),
      ...(v('language') ? { language: v('language') as 'kk' } : {}),
    } as RequestBody;
    try {
      const view = await registerRequest(deps, req.actor, { body, baseUrl }, metaOf(req));
      // The status code is shown once, here, for the applicant; it is kept only as its hash.
      return showRequest(
        req,
        reply,
        view.number,
        html`<p class="ok" role="status">${rw(lang, 'registered', { number: view.number, code: view.statusCode })}</p>`,
        201,
      );
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return registerForm(req, reply, problemsList(err, translator(lang)), statusOfError(err));
    }
  });
}
