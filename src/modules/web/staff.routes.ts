// The staff's area of the portal: sign in, the schedule of releases with approve / reschedule /
// publish / revise, the upload of a submission with its validation report on the cells. Forms
// carry the session's CSRF token; sessions expire (auth). Nothing here is cached.
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { passwordPolicyOf, setSessionCookie, signIn, signOut, SESSION_COOKIE } from '../auth/index.js';
import {
  approveRelease,
  publishReleaseNow,
  releaseSchedule,
  rescheduleRelease,
  reviseRelease,
} from '../publishing/index.js';
import {
  breakdownNamesOf,
  partsFromCsv,
  submissionRefused,
  submitFigures,
  submitWorkbook,
} from '../statistics/index.js';
import { localDateOf } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { DomainError, problemDetail, type FieldProblem } from '../../platform/errors/index.js';
import {
  checkCsvSize,
  checkWorkbookSize,
  csvLimitsOf,
  metaOf,
  problemHeadline,
  workbookLimitsOf,
  type HttpApp,
} from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { html, type SafeHtml } from './html.js';
import { pageLang, translator, type Lang, type Translator } from './i18n.js';
import { link, type PageInput } from './layout.js';
import { defaultRange, statusBadge } from './pages/public.js';
import { registerJournalPage } from './staff.journal.js';
import { registerRequestPages } from './staff.inbox.js';
import { statusOfError } from './staff.common.js';
import { requestsDueSection } from './staff.requests.js';
import { openDataWatchSection } from './staff.opendata.js';
import { registerStaffPersonsPage, STAFF_PERSONS_PATH } from './staff.persons.js';
import { staffPersonsWords } from './staff.persons.messages.js';
import { currentCatalog } from '../catalog/index.js';
import { collectionsWords } from './staff.collections.messages.js';
import { signInPageOf } from './staff.sign-in.js';
import { signInWords } from './staff.sign-in.messages.js';

type Render = (lang: Lang, input: Omit<PageInput, 't'>) => string;
const HTML = 'text/html; charset=utf-8';
const STAFF = new Set(['editor', 'admin', 'auditor', 'subject']);

export function problemsList(err: DomainError, t: Translator): SafeHtml {
  // In the reader's language: the headline, and each detail worded from its parameters; a detail
  // without a template (a database's or a library's words) is shown as written, marked English.
  const headline = problemHeadline(err.code, t.lang);
  const worded = (code: string, params: FieldProblem['params'], message: string): SafeHtml => {
    const text = problemDetail(code, params, t.lang);
    return text === null ? html`<span lang="en">${message}</span>` : html`${text}`;
  };
  // The detail, where worded, says what the headline says: it is shown alone then. A detail in no
  // template's words, over errors that are, gives way to "check the fields below".
  const top = problemDetail(err.code, err.params, t.lang);
  const lead = top === null && headline ? html`${headline}. ` : null;
  const overErrors =
    top === null &&
    err.errors.length > 0 &&
    err.errors.every((e) => problemDetail(e.code, e.params, t.lang) !== null);
  return html`<div class="errors" role="alert"><p>${lead}${overErrors ? t.t('checkBelow') : worded(err.code, err.params, err.message)}</p>${
    err.errors.length
      ? html`<div class="scroll" tabindex="0" role="region" aria-label="${t.t('validationReport')}"><table>
        <caption>${t.t('validationReport')}</caption>
        <thead><tr><th scope="col">${t.t('where')}</th><th scope="col">${t.t('problem')}</th><th scope="col">${t.t('detail')}</th></tr></thead>
        <tbody>${err.errors.map(
          (e) =>
            html`<tr><td><code>${e.pointer}</code></td><td>${problemHeadline(e.code, t.lang) ?? e.code}</td><td>${worded(e.code, e.params, e.message)}</td></tr>`,
        )}</tbody></table></div>`
      : null
  }</div>`;
}

/** The status of a page that shows a refused change: 409, 403, 404, else 422. */
export function registerStaffPages(app: HttpApp, deps: Deps, config: Config, render: Render): void {
  // The upload's fields (its CSRF token among them) are parsed before the handlers run, so that the
  // session's CSRF check sees them; the file is kept with its name.
  void app.register(multipart, {
    // a form of a thousand parts is refused at the first part past the limit; one file a form,
    // refused like an upload to the API when it is out of proportion (platform/http/uploads.ts)
    limits: {
      fileSize: config.bodyLimitBytes,
      files: 1,
      parts: config.multipartMaxParts,
      fields: config.multipartMaxParts,
      fieldSize: 1_048_576,
    },
    attachFieldsToBody: 'keyValues',
    onFile: async (part) => {
      const data = await part.toBuffer();
      const name = part.filename.toLowerCase();
      if (name.endsWith('.xlsx')) checkWorkbookSize(data, workbookLimitsOf(config));
      if (name.endsWith('.csv')) await checkCsvSize(data.toString('utf8'), csvLimitsOf(config));
      (part as unknown as { value: unknown }).value = { fileName: part.filename, data };
    },
  });
  const langOf = (req: FastifyRequest): Lang => pageLang((req.params as { lang: string }).lang);
  const pathOf = (req: FastifyRequest) => req.url.replace(/^\/(kk|ru|en)/, '').split('?')[0] || '/';
  const userOf = (req: FastifyRequest) =>
    req.actor.kind === 'user' && req.sessionCsrf ? { name: req.actor.name, csrf: req.sessionCsrf } : null;
  const send = (reply: FastifyReply, body: string, status = 200) =>
    reply.status(status).type(HTML).header('cache-control', 'private, no-store').send(body);

  const signInPageIn = signInPageOf(app, config, render);
  const signInPage = (req: FastifyRequest, reply: FastifyReply, error: string | null, status = 200) =>
    signInPageIn(req, reply, langOf(req), error, status);

  const schedulePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    message: SafeHtml | null,
    status = 200,
  ) => {
    const lang = langOf(req);
    const t = translator(lang);
    const user = userOf(req)!;
    const today = localDateOf(deps.clock.now());
    const q = req.query as { from?: string; to?: string; form?: string };
    const range = defaultRange(today);
    const from = q.from || range.from;
    const to = q.to || range.to;
    const { releases } = await releaseSchedule(deps, req.actor, {
      from,
      to,
      form: q.form || undefined,
      lateFromPeriod: config.lateFromPeriod,
    });
    const datasetTitles = (await currentCatalog(deps.db)).catalog.datasets;
    const csrf = html`<input type="hidden" name="_csrf" value="${user.csrf}">`;
    const action = (r: (typeof releases)[number], name: string) =>
      link(lang, `/staff/releases/${encodeURIComponent(r.form)}/${r.period}/${name}`);
    const canEdit = req.actor.role === 'editor' || req.actor.role === 'admin';
    // The missing regions and agencies by name, not by code.
    const names = await Promise.all(
      releases.map((r) => (r.coverage?.missing.length ? breakdownNamesOf(deps.db, r.form, r.period) : null)),
    );
    const nameOf = (i: number, id: string) => {
      const label = names[i]?.get(id);
      return label ? (label[lang] ?? label.ru) : id;
    };
    const rows = releases.map((r, i) => {
      const forms: SafeHtml[] = [];
      // Approval needs figures: a release with none received offers rescheduling only.
      if (canEdit && (r.status === 'scheduled' || r.status === 'received') && r.coverage?.received.length)
        forms.push(html`<form method="post" action="${action(r, 'approve')}">${csrf}
          <label>${t.t('publishAt')} <input type="datetime-local" name="publishAt"></label>
          ${r.coverage?.missing.length ? html`<label>${t.t('incompleteReason')} <input type="text" name="incompleteReason" maxlength="2000"></label>` : null}
          <button type="submit">${t.t('approve')}</button></form>`);
      if (canEdit && r.pending)
        forms.push(
          html`<form method="post" action="${action(r, 'publish')}">${csrf}<button type="submit">${t.t('publishNow')}</button></form>`,
        );
      if (canEdit && (r.status === 'published' || r.status === 'revised') && !r.pending)
        forms.push(html`<form method="post" action="${action(r, 'revise')}">${csrf}
          <label>${t.t('reason')} <input type="text" name="reason" maxlength="2000" required></label>
          <button type="submit">${t.t('revise')}</button></form>`);
      if (canEdit && !(r.status === 'published' || r.status === 'revised'))
        forms.push(html`<details><summary>${t.t('reschedule')}</summary><form method="post" action="${action(r, 'reschedule')}">${csrf}
          <label>${t.t('newDate')} <input type="date" name="date" required></label>
          <label>${t.t('reason')} <input type="text" name="reason" maxlength="2000" required></label>
          <button type="submit">${t.t('reschedule')}</button></form></details>`);
      return html`<tr><th scope="row">${r.code} <small>${r.title[lang]}</small></th><td>${r.period}</td><td>${t.date(r.dueDate)}</td>
        <td>${statusBadge(r, t)}${r.pending ? html`<br><small>${t.t('publishAt')}: ${t.dateTime(r.pending.publishAt)}</small>` : null}</td>
        <td>${r.coverage?.required.length ? `${r.coverage.received.length} / ${r.coverage.required.length}` : '—'}${r.coverage?.missing.length ? html`<br><small>${t.t('missing')}: ${r.coverage.missing.map((id) => nameOf(i, id)).join(', ')}</small>` : null}</td>
        <td>${forms}</td></tr>`;
    });
    return send(
      reply,
      render(lang, {
        title: t.t('schedule'),
        path: pathOf(req),
        nav: 'staff',
        user,
        body: html`<h1>${t.t('schedule')}</h1>${message}
        <p><a href="${link(lang, '/staff/upload')}">${t.t('upload')}</a> · <a href="${link(lang, '/staff/journal')}">${t.t('journal')}</a> · <a href="${link(lang, '/staff/requests')}">${t.t('requestsInbox')}</a>${canEdit ? html` · <a href="${link(lang, '/staff/collections')}">${collectionsWords(lang)('collections')}</a> · <a href="${link(lang, '/staff/outbox')}">${collectionsWords(lang)('outbox')}</a> · <a href="${link(lang, STAFF_PERSONS_PATH)}">${staffPersonsWords(lang)('title')}</a>` : null}</p>
        <form class="pickers" method="get" action="${link(lang, '/staff')}">
          <label>${t.t('from')}<input type="date" name="from" value="${from}"></label>
          <label>${t.t('to')}<input type="date" name="to" value="${to}"></label>
          <label>${t.t('form')}<input type="text" name="form" value="${q.form ?? ''}" maxlength="100"></label>
          <button type="submit">${t.t('show')}</button></form>
        <div class="scroll" tabindex="0" role="region" aria-label="${t.t('schedule')}"><table><caption>${t.t('schedule')}</caption>
        <thead><tr><th scope="col">${t.t('form')}</th><th scope="col">${t.t('period')}</th><th scope="col">${t.t('dueDate')}</th><th scope="col">${t.t('status')}</th><th scope="col">${t.t('received')}</th><th scope="col">${t.t('action')}</th></tr></thead>
        <tbody>${rows}</tbody></table></div>
        ${canEdit ? await requestsDueSection(deps, req.actor, t, today) : null}
        ${await openDataWatchSection(
          deps,
          req.actor,
          t,
          { baseUrl: config.publicBaseUrl.replace(/\/$/, ''), lateFromPeriod: config.lateFromPeriod },
          (id) => datasetTitles.find((d) => d.id === id)?.titles[lang] ?? id,
        )}`,
      }),
      status,
    );
  };

  const staffOnly = (req: FastifyRequest) => req.actor.kind === 'user' && STAFF.has(req.actor.role ?? '');
  const P = Type.Object({ lang: Type.String({ maxLength: 100 }) });

  app.get('/:lang/staff', { schema: { hide: true, params: P } }, async (req, reply) =>
    staffOnly(req) && req.actor.role !== 'subject'
      ? schedulePage(req, reply, null)
      : staffOnly(req)
        ? reply.redirect(link(langOf(req), '/staff/upload'), 303)
        : signInPage(req, reply, null),
  );

  app.post('/:lang/staff/sign-in', { schema: { hide: true, params: P } }, async (req, reply) => {
    const lang = langOf(req); // a page that does not exist signs no one in
    const body = (req.body ?? {}) as { login?: string; password?: string };
    const result = await signIn(
      deps,
      req.actor,
      {
        login: String(body.login ?? ''),
        password: String(body.password ?? ''),
        ttlHours: config.sessionTtlHours,
        policy: passwordPolicyOf(config),
      },
      metaOf(req),
    );
    if (!result.ok) {
      if (result.reason === 'throttled') reply.header('retry-after', String(result.retryAfterSeconds));
      const words = signInWords(lang);
      const [text, status] =
        result.reason === 'throttled'
          ? [words('signInThrottled'), 429]
          : result.reason === 'locked'
            ? [words('signInLocked'), 401]
            : [translator(lang).t('signInFailed'), 401];
      return signInPage(req, reply, text, status);
    }
    setSessionCookie(reply, result.session, config.cookieSecure);
    return reply.redirect(link(lang, '/staff'), 303);
  });

  app.post('/:lang/staff/sign-out', { schema: { hide: true, params: P } }, async (req, reply) => {
    const lang = langOf(req);
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie && req.actor.kind === 'user')
      await signOut(deps, req.actor, { cookieValue: cookie }, metaOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(link(lang, '/'), 303);
  });

  app.post(
    '/:lang/staff/releases/:code/:period/:action',
    {
      schema: {
        hide: true,
        params: Type.Object({
          lang: Type.String({ maxLength: 100 }),
          code: Type.String({ maxLength: 100 }),
          period: Type.String({ maxLength: 10 }),
          action: Type.String({ maxLength: 20 }),
        }),
      },
    },
    async (req, reply) => {
      if (!staffOnly(req)) return signInPage(req, reply, null, 401);
      const p = req.params as { code: string; period: string; action: string };
      const b = (req.body ?? {}) as Record<string, string | undefined>;
      const ref = { form: p.code, period: p.period, defaultTime: config.publicationTime };
      // A datetime-local field is Kazakhstan time without a zone.
      const publishAt = b.publishAt ? `${b.publishAt}:00+05:00`.replace(/(:\d{2}):00\+/, '$1+') : undefined;
      const t = translator(langOf(req));
      try {
        if (p.action === 'approve')
          await approveRelease(
            deps,
            req.actor,
            { ...ref, publishAt, incompleteReason: b.incompleteReason || undefined },
            metaOf(req),
          );
        else if (p.action === 'publish') await publishReleaseNow(deps, req.actor, ref, metaOf(req));
        else if (p.action === 'revise')
          await reviseRelease(deps, req.actor, { ...ref, reason: b.reason, publishAt }, metaOf(req));
        else if (p.action === 'reschedule')
          await rescheduleRelease(
            deps,
            req.actor,
            { ...ref, date: String(b.date ?? ''), reason: b.reason },
            metaOf(req),
          );
        else return reply.callNotFound();
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return schedulePage(req, reply, problemsList(err, t), statusOfError(err));
      }
      return schedulePage(
        req,
        reply,
        html`<p class="ok" role="status">${t.t('done')} ${p.code} ${p.period}</p>`,
      );
    },
  );

  const uploadPage = (req: FastifyRequest, reply: FastifyReply, result: SafeHtml | null, status = 200) => {
    const lang = langOf(req);
    const t = translator(lang);
    const user = userOf(req)!;
    return send(
      reply,
      render(lang, {
        title: t.t('upload'),
        path: pathOf(req),
        nav: 'staff',
        user,
        body: html`<h1>${t.t('upload')}</h1>${result}
        <form class="stack" data-upload method="post" enctype="multipart/form-data" action="${link(lang, '/staff/upload')}">
          <input type="hidden" name="_csrf" value="${user.csrf}">
          <label>${t.t('form')}<input type="text" name="form" maxlength="100"></label>
          <label>${t.t('period')}<input type="text" name="period" maxlength="10" placeholder="2024-03"></label>
          <label>${t.t('region')}<input type="text" name="breakdown" maxlength="20"></label>
          <label>${t.t('reason')}<input type="text" name="reason" maxlength="2000"></label>
          <label>${t.t('file')}<input type="file" name="file" required accept=".xlsx,.csv"></label>
          <progress max="100" value="0" hidden aria-label="${t.t('upload')}"></progress>
          <button type="submit">${t.t('uploadButton')}</button></form>
          <script src="/assets/upload.js" defer></script>`,
      }),
      status,
    );
  };

  registerJournalPage(app, deps, render);
  registerRequestPages(app, deps, config, render, problemsList);
  registerStaffPersonsPage(app, deps, render, problemsList);

  app.get('/:lang/staff/upload', { schema: { hide: true, params: P } }, async (req, reply) =>
    staffOnly(req) ? uploadPage(req, reply, null) : signInPage(req, reply, null, 401),
  );

  app.post('/:lang/staff/upload', { schema: { hide: true, params: P } }, async (req, reply) => {
    if (!staffOnly(req)) return signInPage(req, reply, null, 401);
    const t = translator(langOf(req));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') fields[k] = v.trim();
    const upload = body.file as { fileName: string; data: Buffer } | undefined;
    const file = upload?.data ?? null;
    const fileName = upload?.fileName ?? '';
    try {
      if (!file) throw new DomainError('invalid_input', 'file_required', 'Choose a file.', [], {});
      const opt = (k: string) => fields[k] || undefined;
      const r = fileName.toLowerCase().endsWith('.csv')
        ? await (async () => {
            const { parts, problems } = partsFromCsv(file.toString('utf8'));
            if (problems.length) throw submissionRefused(problems);
            return submitFigures(
              deps,
              req.actor,
              {
                form: fields.form ?? '',
                period: fields.period ?? '',
                reason: opt('reason'),
                channel: 'csv',
                fileName,
                parts,
              },
              metaOf(req),
            );
          })()
        : await submitWorkbook(
            deps,
            req.actor,
            {
              file,
              fileName,
              form: opt('form'),
              period: opt('period'),
              breakdown: opt('breakdown'),
              reason: opt('reason'),
            },
            metaOf(req),
          );
      return uploadPage(
        req,
        reply,
        html`<p class="ok" role="status">${t.t('accepted', { n: r.revisions.length })} ${r.code} ${r.period}</p>`,
      );
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return uploadPage(
        req,
        reply,
        html`<p>${t.t('rejected')}</p>${problemsList(err, t)}`,
        err.category === 'forbidden' ? 403 : 422,
      );
    }
  });
}
