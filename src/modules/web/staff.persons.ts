// The staff's page of the register of persons (Order 84, item 23; docs/decisions/0011): add an
// entry on a judgment in force, find an entry by a whole full name and remove it, each change with
// the decision that grounds it — the same use cases as /api/v1/staff/registers/…/entries, so each
// is journaled in its own transaction. Editors and the administrator only; forms carry the
// session's CSRF token. There is no list of the entries, here either: a search is by a full name,
// and is journaled like the public one.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { addPerson, removePerson, searchPersons, type PersonView } from '../registers/index.js';
import { localDateOf } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors/index.js';
import { metaOf, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { html, type SafeHtml } from './html.js';
import { pageLang, translator, type Lang } from './i18n.js';
import { link } from './layout.js';
import { staffPersonsWords } from './staff.persons.messages.js';
import { editorOnly, sendPage, statusOfError, type ProblemsList, type Render } from './staff.common.js';

export const STAFF_PERSONS_PATH = '/staff/registers/persons';

type Form = Record<string, string | undefined>;

function decisionFields(w: ReturnType<typeof staffPersonsWords>, b: Form, today: string): SafeHtml {
  return html`<fieldset><legend>${w('decision')}</legend>
    <label>${w('decisionKind')}<input type="text" name="decisionKind" required maxlength="200" value="${b.decisionKind ?? ''}"></label>
    <label>${w('decisionReference')}<input type="text" name="decisionReference" required maxlength="500" value="${b.decisionReference ?? ''}"></label>
    <label>${w('decisionDate')}<input type="date" name="decisionDate" required value="${b.decisionDate ?? today}"></label></fieldset>`;
}

const decisionOf = (b: Form) => ({
  kind: (b.decisionKind ?? '').trim(),
  reference: (b.decisionReference ?? '').trim(),
  date: (b.decisionDate ?? '').trim(),
});

export function registerStaffPersonsPage(
  app: HttpApp,
  deps: Deps,
  render: Render,
  problemsList: ProblemsList,
): void {
  const P = Type.Object({ lang: Type.String({ maxLength: 100 }) });
  const langOf = (req: FastifyRequest): Lang => pageLang((req.params as { lang: string }).lang);
  const toSignIn = (req: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(link(langOf(req), '/staff'), 303);

  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    message: SafeHtml | null,
    input: { form?: Form; fullName?: string; status?: number } = {},
  ) => {
    const lang = langOf(req);
    const t = translator(lang);
    const w = staffPersonsWords(lang);
    const csrf = html`<input type="hidden" name="_csrf" value="${req.sessionCsrf ?? ''}">`;
    const today = localDateOf(deps.clock.now());
    const b = input.form ?? {};
    // A search here is a search of the register like any other: by a whole full name, journaled.
    // Demonstration entries are not offered (they are not stored, there is nothing to remove).
    let found: PersonView[] | null = null;
    let refused: SafeHtml | null = null;
    if (input.fullName) {
      try {
        found = (
          await searchPersons(
            deps,
            req.actor,
            { fullName: input.fullName, demonstration: false, pointer: '/query/fullName' },
            metaOf(req),
          )
        ).found.filter((p) => p.id !== null);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        refused = problemsList(err, t);
      }
    }
    const entries =
      found === null
        ? null
        : found.length === 0
          ? html`<p id="no-match">${w('noMatch')}</p>`
          : html`<h3>${w('found')}</h3><ul class="cards" id="found">${found.map(
              (p) => html`<li><strong>${w('entry')} ${p.id}: ${p.fullName}</strong>
              <dl class="meta"><dt>${w('birthYear')}</dt><dd>${p.birthYear ?? '—'}</dd>
                <dt>${w('articles')}</dt><dd>${p.criminalCodeArticles}</dd>
                <dt>${w('judgmentInForceOn')}</dt><dd>${t.date(p.judgmentInForceOn)}</dd>
                <dt>${w('court')}</dt><dd>${p.court}</dd>
                <dt>${w('decision')}</dt><dd>${p.decision ? `${p.decision.kind} ${p.decision.reference}, ${t.date(p.decision.date)}` : '—'}</dd></dl>
              <form class="stack" method="post" action="${link(lang, `${STAFF_PERSONS_PATH}/entries/${p.id}/removal`)}">${csrf}
                <input type="hidden" name="fullName" value="${input.fullName}">
                ${decisionFields(w, {}, today)}<button type="submit">${w('remove')}</button></form></li>`,
            )}</ul>`;
    const body = html`<h1>${w('title')}</h1>${message}<p><a href="${link(lang, '/staff')}">${t.t('schedule')}</a></p><p>${w('intro')}</p>
      <h2>${w('add')}</h2>
      <form class="stack" method="post" action="${link(lang, `${STAFF_PERSONS_PATH}/entries`)}">${csrf}
        <label>${w('fullName')}<input type="text" name="fullName" required maxlength="300" autocomplete="off" value="${b.fullName ?? ''}"></label>
        <label>${w('birthYear')}<input type="number" name="birthYear" min="1900" max="2100" value="${b.birthYear ?? ''}"></label>
        <label>${w('articles')}<input type="text" name="criminalCodeArticles" required maxlength="100" value="${b.criminalCodeArticles ?? ''}"></label>
        <label>${w('judgmentInForceOn')}<input type="date" name="judgmentInForceOn" required value="${b.judgmentInForceOn ?? ''}"></label>
        <label>${w('court')}<input type="text" name="court" required maxlength="500" value="${b.court ?? ''}"></label>
        <label>${w('shownUntil')}<input type="date" name="shownUntil" value="${b.shownUntil ?? ''}"></label>
        ${decisionFields(w, b, today)}
        <button type="submit">${w('add')}</button></form>
      <h2>${w('find')}</h2>
      <form class="pickers" method="get" action="${link(lang, STAFF_PERSONS_PATH)}" role="search">
        <label>${w('fullName')}<input type="search" name="fullName" required maxlength="300" autocomplete="off" value="${input.fullName ?? ''}"></label>
        <button type="submit">${w('findButton')}</button></form>${refused}${entries}`;
    return sendPage(
      reply,
      render(lang, {
        title: w('title'),
        path: STAFF_PERSONS_PATH,
        nav: 'staff',
        user: { name: req.actor.name, csrf: req.sessionCsrf! },
        body,
      }),
      input.status ?? 200,
    );
  };

  app.get(
    `/:lang${STAFF_PERSONS_PATH}`,
    {
      schema: {
        hide: true,
        params: P,
        querystring: Type.Object({ fullName: Type.Optional(Type.String({ maxLength: 300 })) }),
      },
    },
    async (req, reply) =>
      editorOnly(req)
        ? page(req, reply, null, { fullName: (req.query as { fullName?: string }).fullName ?? '' })
        : toSignIn(req, reply),
  );

  app.post(
    `/:lang${STAFF_PERSONS_PATH}/entries`,
    { schema: { hide: true, params: P } },
    async (req, reply) => {
      if (!editorOnly(req)) return toSignIn(req, reply);
      const b = (req.body ?? {}) as Form;
      const lang = langOf(req);
      const text = (k: string) => (b[k] ?? '').trim();
      try {
        const { id } = await addPerson(
          deps,
          req.actor,
          {
            fullName: text('fullName'),
            birthYear: text('birthYear') ? Number(text('birthYear')) : null,
            criminalCodeArticles: text('criminalCodeArticles'),
            judgmentInForceOn: text('judgmentInForceOn'),
            court: text('court'),
            shownUntil: text('shownUntil') || null,
            decision: decisionOf(b),
          },
          metaOf(req),
        );
        const w = staffPersonsWords(lang);
        return page(req, reply, html`<p class="ok" role="status">${w('added')} ${id}</p>`, { status: 201 });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return page(req, reply, problemsList(err, translator(lang)), { form: b, status: statusOfError(err) });
      }
    },
  );

  app.post(
    `/:lang${STAFF_PERSONS_PATH}/entries/:entry/removal`,
    {
      schema: {
        hide: true,
        params: Type.Object({
          lang: Type.String({ maxLength: 100 }),
          entry: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
        }),
      },
    },
    async (req, reply) => {
      if (!editorOnly(req)) return toSignIn(req, reply);
      const { entry } = req.params as { entry: number };
      const b = (req.body ?? {}) as Form;
      const lang = langOf(req);
      try {
        await removePerson(deps, req.actor, { id: entry, decision: decisionOf(b) }, metaOf(req));
        const w = staffPersonsWords(lang);
        return page(req, reply, html`<p class="ok" role="status">${w('removed')} ${entry}</p>`);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return page(req, reply, problemsList(err, translator(lang)), {
          fullName: b.fullName ?? '',
          status: statusOfError(err),
        });
      }
    },
  );
}
