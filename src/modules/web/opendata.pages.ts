// The open-data pages of the portal in kk/ru/en: the catalogue (search and facets), each dataset's
// page, each register's page (entries on a day, search) and each entry's history.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PERSONS_REGISTER, readRegister, readRegisterEntry, searchPersons } from '../registers/index.js';
import { DomainError } from '../../platform/errors/index.js';
import { metaOf } from '../../platform/http/index.js';
import { personsPage } from './pages/persons.js';
import { link } from './layout.js';
import { catalogView, datasetDetail, searchDatasets } from '../opendata/index.js';
import { notFound } from '../../platform/errors/index.js';
import type { Config } from '../../platform/config.js';
import { localDateOf } from '../../platform/clock.js';
import type { HttpApp } from '../../platform/http/index.js';
import { anonymousActor, type Deps } from '../../platform/usecase.js';
import { pageLang, translator, type Lang } from './i18n.js';
import type { PageInput } from './layout.js';
import { openDataText } from './messages.opendata.js';
import { cataloguePage, datasetPage, FACETS, type Facet } from './pages/opendata.js';
import { entryPage, registerPage, REGISTER_PAGE_SIZE } from './pages/registers.js';

type Render = (lang: Lang, input: Omit<PageInput, 't'>) => string;
const HTML = 'text/html; charset=utf-8';
const Str = (max: number) => Type.Optional(Type.String({ maxLength: max }));

export function registerOpenDataPages(app: HttpApp, deps: Deps, config: Config, render: Render): void {
  const baseUrl = config.publicBaseUrl.replace(/\/$/, '');
  const view = () => catalogView(deps, baseUrl, config.lateFromPeriod);
  const langOf = (req: FastifyRequest): Lang => pageLang((req.params as { lang: string }).lang);
  const pathOf = (req: FastifyRequest) => req.url.replace(/^\/(kk|ru|en)/, '') || '/';
  const send = (reply: FastifyReply, body: string) =>
    reply.type(HTML).header('cache-control', 'no-cache').send(body);

  app.get(
    '/:lang/datasets',
    {
      schema: {
        hide: true,
        params: Type.Object({ lang: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object({
          q: Str(200),
          organization: Str(200),
          update_period: Str(50),
          res_format: Str(50),
          tags: Str(100),
        }),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const t = translator(lang);
      const query = req.query as Partial<Record<Facet | 'q', string>>;
      const chosen: Partial<Record<Facet, string>> = {};
      for (const f of FACETS) if (query[f]) chosen[f] = query[f];
      const v = await view();
      const found = await searchDatasets(deps, v, lang, {
        q: query.q?.trim() ?? '',
        filters: chosen as Record<string, string>,
        facets: FACETS,
      });
      const body = cataloguePage(t, {
        q: query.q?.trim() ?? '',
        chosen,
        count: found.count,
        results: found.results.map((p) => ({
          name: p.name,
          title: p.title,
          organization: p.organization,
          formats: [...new Set(p.resources.map((r) => r.format))],
        })),
        facets: found.search_facets,
        deadlines: v.deadlines ?? new Map(),
      });
      return send(
        reply,
        render(lang, { title: openDataText(lang)('catalogue'), path: pathOf(req), nav: 'datasets', body }),
      );
    },
  );

  app.get(
    '/:lang/datasets/:id',
    {
      schema: {
        hide: true,
        params: Type.Object({ lang: Type.String({ maxLength: 100 }), id: Type.String({ maxLength: 200 }) }),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const t = translator(lang);
      const v = await view();
      const detail = await datasetDetail(deps, v, lang, (req.params as { id: string }).id);
      if (!detail) throw notFound('The page', 'page_not_found');
      const d = detail.dataset;
      const register = d.madeFrom.kind === 'register' ? d.madeFrom.register : null;
      const persons =
        register !== null && v.catalog.registers.some((r) => r.id === register && r.containsPersonalData);
      const body = datasetPage(t, {
        dataset: d,
        act: v.catalog.acts.find((a) => a.id === d.act),
        responsible: d.responsibleUnits.map(
          (id) => v.catalog.organisations.find((o) => o.id === id)?.titles[lang] ?? id,
        ),
        deadline: v.deadlines?.get(d.id),
        resources: detail.resources.map((r) => ({
          id: r.id,
          name: r.name,
          format: r.format,
          size: r.size,
          // the portal links within itself (the API gives absolute URLs from PUBLIC_BASE_URL)
          url: r.url.startsWith(baseUrl) ? r.url.slice(baseUrl.length) : r.url,
          modified: r.builtAt.toISOString(),
          datastore: r.datastore_active,
        })),
        preview: detail.preview,
        versions: detail.versions,
        baseUrl,
        register: persons ? null : register,
        persons,
      });
      return send(reply, render(lang, { title: d.titles[lang], path: pathOf(req), nav: 'datasets', body }));
    },
  );

  const registerTitle = async (id: string, lang: Lang) => {
    const v = await view();
    const dataset = v.datasets.find((d) => d.madeFrom.kind === 'register' && d.madeFrom.register === id);
    return { title: dataset?.titles[lang] ?? id, datasetId: dataset?.id ?? id };
  };

  // The register of persons: a search by a whole full name, rate-limited per address like the API.
  app.get(
    `/:lang/registers/${PERSONS_REGISTER}`,
    {
      config: { rateLimit: { max: config.rateLimitPersonsSearch, timeWindow: 60_000 } },
      schema: {
        hide: true,
        params: Type.Object({ lang: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object({ fullName: Str(300) }),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const fullName = (req.query as { fullName?: string }).fullName?.trim() ?? '';
      let found = null;
      let refused = false;
      if (fullName) {
        try {
          found = (
            await searchPersons(
              deps,
              req.actor,
              { fullName, demonstration: config.personsRegisterDemonstration },
              metaOf(req),
            )
          ).found;
        } catch (err) {
          if (!(err instanceof DomainError) || err.code !== 'full_name_required') throw err;
          refused = true;
        }
      }
      const { title } = await registerTitle(PERSONS_REGISTER, lang);
      const body = personsPage(translator(lang), {
        title,
        action: link(lang, `/registers/${PERSONS_REGISTER}`),
        fullName,
        refused,
        found,
      });
      return reply
        .status(refused ? 422 : 200)
        .type(HTML)
        .header('cache-control', 'no-store')
        .send(
          render(lang, { title: openDataText(lang)('persons'), path: pathOf(req), nav: 'datasets', body }),
        );
    },
  );

  app.get(
    '/:lang/registers/:id',
    {
      schema: {
        hide: true,
        params: Type.Object({ lang: Type.String({ maxLength: 100 }), id: Type.String({ maxLength: 200 }) }),
        querystring: Type.Object({
          q: Str(200),
          on: Str(10),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const { id } = req.params as { id: string };
      const q = req.query as { q?: string; on?: string; offset?: number };
      const onDay = q.on || localDateOf(deps.clock.now());
      const read = await readRegister(deps, anonymousActor, {
        id,
        on: onDay,
        ...(q.q ? { q: q.q } : {}),
        limit: REGISTER_PAGE_SIZE,
        offset: q.offset ?? 0,
      });
      const { title, datasetId } = await registerTitle(id, lang);
      const body = registerPage(translator(lang), title, datasetId, read, localDateOf(deps.clock.now()));
      return send(reply, render(lang, { title, path: pathOf(req), nav: 'datasets', body }));
    },
  );

  app.get(
    '/:lang/registers/:id/entries/:seq',
    {
      schema: {
        hide: true,
        params: Type.Object({
          lang: Type.String({ maxLength: 100 }),
          id: Type.String({ maxLength: 200 }),
          seq: Type.Integer({ minimum: 1 }),
        }),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const { id, seq } = req.params as { id: string; seq: number };
      const entry = await readRegisterEntry(deps, anonymousActor, { id, seq });
      const { title } = await registerTitle(id, lang);
      const body = entryPage(translator(lang), title, id, seq, entry.versions);
      return send(reply, render(lang, { title, path: pathOf(req), nav: 'datasets', body }));
    },
  );
}
