// A request's page for the staff (Order 25, paras 4-9): what was asked, the decision with each
// check and the text of the rules it applies (from the catalogue, in the reader's language), the
// indicators with what is withheld and not available and why, the answer builder (pick or correct
// the indicators: the request is decided again by the rules of its registration date), the
// letters with their preview, and approval and sending (the reply enqueued into the outbox).
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentCatalog } from '../catalog/index.js';
import { outboxSettings } from '../outbox/index.js';
import {
  approveLetter,
  CHECKS,
  correctRequest,
  draftLetter,
  getRequest,
  GROUNDS_OF_CHECK,
  listLetters,
  requestRulesOn,
  shortfallText,
  type LetterView,
  type RequestBody,
} from '../requests/index.js';
import type { Config } from '../../platform/config.js';
import { DomainError } from '../../platform/errors/index.js';
import { metaOf, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { html, type SafeHtml } from './html.js';
import { pageLang, translator, type Lang } from './i18n.js';
import { link } from './layout.js';
import { rw, rwOf } from './messages.requests.js';
import { editorOnly, sendPage, statusOfError, type ProblemsList, type Render } from './staff.common.js';

type Show = (
  req: FastifyRequest,
  reply: FastifyReply,
  number: string,
  message: SafeHtml | null,
  status?: number,
) => Promise<FastifyReply>;

const list = (xs: readonly (string | number)[] | undefined) => (xs?.length ? xs.join(', ') : '—');
const split = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function letterBlock(lang: Lang, number: string, l: LetterView, csrf: string, open: boolean): SafeHtml {
  const file = (name: string) => `/api/v1/staff/requests/${number}/letters/${l.version}/${name}`;
  return html`<section class="letter" aria-labelledby="letter-${l.version}">
    <h3 id="letter-${l.version}">${rw(lang, 'version')} ${l.version} · ${l.lang} · ${rwOf(lang, 'letter', l.state)}</h3>
    <div class="preview" aria-label="${rw(lang, 'preview')}">${l.paragraphs.map((p) => html`<p>${p}</p>`)}
    ${l.tables.length ? html`<ul>${l.tables.map((x) => html`<li>${x.form} ${x.section} ${x.period} — <a href="${x.link}">${x.link}</a></li>`)}</ul>` : null}</div>
    <p><a href="${file('letter.pdf')}">PDF</a> · <a href="${file('payload.json')}">JSON</a></p>
    ${
      l.state === 'approved'
        ? html`<p>${rw(lang, 'delivery')}: ${l.delivery ? html`${l.delivery.recipient} — <span class="status">${rwOf(lang, 'delivery', l.delivery.state)}</span>` : rw(lang, 'noDelivery')}</p>`
        : null
    }
    ${
      open && l.state === 'draft'
        ? html`<form method="post" action="${link(lang, `/staff/requests/${number}/letters/${l.version}/approve`)}">
        <input type="hidden" name="_csrf" value="${csrf}"><button type="submit">${rw(lang, 'approveAndSend')}</button></form>`
        : null
    }</section>`;
}

export function registerRequestPage(
  app: HttpApp,
  deps: Deps,
  config: Config,
  render: Render,
  problemsList: ProblemsList,
): Show {
  const baseUrl = config.publicBaseUrl.replace(/\/$/, '');
  const outbox = outboxSettings(config);
  const langOf = (req: FastifyRequest): Lang => pageLang((req.params as { lang: string }).lang);

  const show: Show = async (req, reply, number, message, status = 200) => {
    const lang = langOf(req);
    const t = translator(lang);
    const csrf = req.sessionCsrf!;
    const r = await getRequest(deps, req.actor, { number });
    const letters = await listLetters(deps, req.actor, { number });
    const { catalog } = await currentCatalog(deps.db);
    const rules = requestRulesOn(catalog, r.registeredOn);
    const body: RequestBody = r.request;
    const open = r.state === 'open';
    const channel =
      rules.channels.find((c) => c.id === body.channel)?.titles[lang] ?? rwOf(lang, 'channel', body.channel);
    // Each check with its result (a check after the one that failed was not run) and its rules.
    const results = new Map(r.decision.checks.map((c) => [c.check, c.met]));
    const checkRows = CHECKS.map((check) => {
      const met = results.get(check);
      const grounds = GROUNDS_OF_CHECK[check]
        .map((id) => rules.grounds.find((g) => g.id === id))
        .filter((g) => g !== undefined);
      const extra =
        check === 'signatory'
          ? rules.signatories
          : check === 'content'
            ? rules.content
            : check === 'channel'
              ? rules.channels
              : [];
      return html`<tr><th scope="row">${rwOf(lang, 'check', check)}</th>
        <td>${met === undefined ? rw(lang, 'notRun') : met ? rw(lang, 'met') : html`<strong>${rw(lang, 'notMet')}</strong>`}</td>
        <td><ul>${[...extra, ...grounds].map((g) => html`<li>${g.titles[lang]} <small>(${g.clause})</small></li>`)}</ul></td></tr>`;
    });
    const findings = r.decision.answer?.indicators ?? [];
    const indicators = body.indicators ?? [];
    const builderRows = [...indicators, {}].map((ind, i) => {
      const x = ind as Partial<NonNullable<RequestBody['indicators']>[number]>;
      const cell = (name: string, value: string, word: 'form' | 'section' | 'rows' | 'graphs' | 'regions') =>
        html`<td><input type="text" name="${name}_${i}" value="${value}" maxlength="500" aria-label="${rw(lang, word)} ${i + 1}"></td>`;
      return html`<tr>${cell('form', x.form ?? '', 'form')}${cell('section', x.section ?? '', 'section')}${cell('rows', (x.rows ?? []).join(', '), 'rows')}${cell('graphs', (x.graphs ?? []).join(', '), 'graphs')}${cell('regions', (x.regions ?? []).join(', '), 'regions')}</tr>`;
    });
    const page = html`<h1>${rw(lang, 'inbox')} № ${r.number}</h1>${message}
      <p><a href="${link(lang, '/staff/requests')}">${rw(lang, 'inbox')}</a></p>
      <dl>
        <dt>${rw(lang, 'channel')}</dt><dd>${channel}</dd>
        <dt>${rw(lang, 'applicantKind')}</dt><dd>${rwOf(lang, 'kind', body.applicant.kind)}: ${body.applicant.name}${body.applicant.organisation ? ` (${body.applicant.organisation})` : ''}</dd>
        <dt>${rw(lang, 'signatoryRole')}</dt><dd>${body.signatory ? `${rwOf(lang, 'role', body.signatory.role)}${body.signatory.position ? `, ${body.signatory.position}` : ''}` : '—'}</dd>
        <dt>${rw(lang, 'unit')}</dt><dd>${body.unit ? rwOf(lang, 'unit', body.unit) : '—'}</dd>
        <dt>${rw(lang, 'period')}</dt><dd>${body.period ?? '—'}</dd>
        <dt>${rw(lang, 'information')}</dt><dd>${body.information ?? '—'}</dd>
        <dt>${rw(lang, 'termEnds')}</dt><dd>${t.date(r.term.endsOn)}${r.term.overdue ? html` <span class="status late">${rw(lang, 'inboxOverdue')}</span>` : null}</dd>
        <dt>${rw(lang, 'status')}</dt><dd>${r.answeredAt ? rw(lang, 'status_answered') : r.state === 'closed' ? rw(lang, 'status_closed') : rw(lang, 'status_under-consideration')}</dd>
      </dl>
      <h2>${rw(lang, 'decision')}: ${rwOf(lang, 'outcome', r.outcome)}</h2>
      <p>${rw(lang, 'ground')}: ${r.decision.ground.titles[lang]} <small>(${r.decision.ground.clause})</small></p>
      <div class="scroll" tabindex="0" role="region" aria-label="${rw(lang, 'checks')}"><table><caption>${rw(lang, 'checks')}</caption>
      <thead><tr><th scope="col">${rw(lang, 'check')}</th><th scope="col">${rw(lang, 'status')}</th><th scope="col">${rw(lang, 'rule')}</th></tr></thead>
      <tbody>${checkRows}</tbody></table></div>
      ${
        findings.length
          ? html`<h2>${rw(lang, 'indicators')}</h2><ul>${findings.map(
              (
                f,
              ) => html`<li>${f.form} ${f.section}: ${rw(lang, 'rows')} ${list(f.rows)}; ${rw(lang, 'graphs')} ${list(f.graphs)}; ${rw(lang, 'regions')} ${list(f.regions)} — <strong>${f.status}</strong>
              ${f.withheld.length ? html`<br>${rw(lang, 'withheld')}: ${f.withheld.map((s) => shortfallText(s, lang)).join('; ')}` : null}
              ${f.notAvailable.length ? html`<br>${rw(lang, 'notAvailable')}: ${f.notAvailable.map((s) => shortfallText(s, lang)).join('; ')}` : null}</li>`,
            )}</ul>`
          : null
      }
      ${
        open
          ? html`<h2>${rw(lang, 'answerBuilder')}</h2><p>${rw(lang, 'builderHelp')}</p>
      <form method="post" action="${link(lang, `/staff/requests/${r.number}/correct`)}">
        <input type="hidden" name="_csrf" value="${csrf}">
        <div class="scroll" tabindex="0" role="region" aria-label="${rw(lang, 'answerBuilder')}"><table><caption>${rw(lang, 'indicators')}</caption>
        <thead><tr><th scope="col">${rw(lang, 'form')}</th><th scope="col">${rw(lang, 'section')}</th><th scope="col">${rw(lang, 'rows')}</th><th scope="col">${rw(lang, 'graphs')}</th><th scope="col">${rw(lang, 'regions')}</th></tr></thead>
        <tbody>${builderRows}</tbody></table></div>
        <label>${rw(lang, 'period')}<input type="text" name="period" value="${body.period ?? ''}" maxlength="40"></label>
        <label>${rw(lang, 'reason')}<input type="text" name="reason" required maxlength="2000"></label>
        <button type="submit">${rw(lang, 'correct')}</button></form>`
          : null
      }
      <h2>${rw(lang, 'letters')}</h2>
      ${
        open
          ? html`<form method="post" action="${link(lang, `/staff/requests/${r.number}/letters`)}">
        <input type="hidden" name="_csrf" value="${csrf}">
        <label>${rw(lang, 'language')}<select name="lang">${(['kk', 'ru', 'en'] as const).map((l) => html`<option value="${l}"${l === (body.language ?? 'kk') ? html` selected` : null}>${l}</option>`)}</select></label>
        <button type="submit">${rw(lang, 'draftLetter')}</button></form>`
          : null
      }
      ${letters.length ? [...letters].reverse().map((l) => letterBlock(lang, r.number, l, csrf, open)) : html`<p>${rw(lang, 'noLetters')}</p>`}`;
    return sendPage(
      reply,
      render(lang, {
        title: `${rw(lang, 'inbox')} № ${r.number}`,
        path: `/staff/requests/${r.number}`,
        nav: 'staff',
        user: { name: req.actor.name, csrf },
        body: page,
      }),
      status,
    );
  };

  const NumberParams = Type.Object({
    lang: Type.String({ maxLength: 100 }),
    number: Type.String({ pattern: '^[0-9]{4}-[0-9]{5,}$', maxLength: 20 }),
  });
  const guard = (req: FastifyRequest, reply: FastifyReply) =>
    editorOnly(req) ? null : reply.redirect(link(langOf(req), '/staff'), 303);
  /** Runs a change and shows the page again, with the change's problems where it was refused. */
  const act = async (req: FastifyRequest, reply: FastifyReply, run: () => Promise<unknown>) => {
    const number = (req.params as { number: string }).number;
    try {
      await run();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return show(req, reply, number, problemsList(err, translator(langOf(req))), statusOfError(err));
    }
    return show(req, reply, number, html`<p class="ok" role="status">${rw(langOf(req), 'done')}</p>`);
  };

  app.get(
    '/:lang/staff/requests/:number',
    { schema: { hide: true, params: NumberParams } },
    async (req, reply) => guard(req, reply) ?? show(req, reply, req.params.number, null),
  );

  app.post(
    '/:lang/staff/requests/:number/correct',
    { schema: { hide: true, params: NumberParams } },
    async (req, reply) =>
      guard(req, reply) ??
      act(req, reply, async () => {
        const b = (req.body ?? {}) as Record<string, string | undefined>;
        const indicators = Object.keys(b)
          .filter((k) => /^form_\d+$/.test(k) && b[k]?.trim())
          .map((k) => {
            const i = k.slice(5);
            const rows = split(b[`rows_${i}`]);
            const graphs = split(b[`graphs_${i}`]).map(Number);
            const regions = split(b[`regions_${i}`]);
            return {
              form: b[k]!.trim(),
              ...(b[`section_${i}`]?.trim() ? { section: b[`section_${i}`]!.trim() } : {}),
              ...(rows.length ? { rows } : {}),
              ...(graphs.length ? { graphs } : {}),
              ...(regions.length ? { regions } : {}),
            };
          });
        await correctRequest(
          deps,
          req.actor,
          {
            number: req.params.number,
            correction: {
              reason: b.reason?.trim() || '—',
              indicators,
              ...(b.period?.trim() ? { period: b.period.trim() } : {}),
            },
            baseUrl,
          },
          metaOf(req),
        );
      }),
  );

  app.post(
    '/:lang/staff/requests/:number/letters',
    { schema: { hide: true, params: NumberParams } },
    async (req, reply) =>
      guard(req, reply) ??
      act(req, reply, async () => {
        const l = ((req.body ?? {}) as { lang?: string }).lang;
        await draftLetter(
          deps,
          req.actor,
          {
            number: req.params.number,
            baseUrl,
            ...(l === 'kk' || l === 'ru' || l === 'en' ? { lang: l } : {}),
          },
          metaOf(req),
        );
      }),
  );

  app.post(
    '/:lang/staff/requests/:number/letters/:version/approve',
    {
      schema: {
        hide: true,
        params: Type.Object({ ...NumberParams.properties, version: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (req, reply) =>
      guard(req, reply) ??
      act(req, reply, () =>
        approveLetter(
          deps,
          req.actor,
          { number: req.params.number, version: req.params.version, outbox },
          metaOf(req),
        ),
      ),
  );

  return show;
}
