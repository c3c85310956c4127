// The portal's public pages, rendered on the server in Kazakh, Russian and English under /kk, /ru
// and /en. A page of published figures is rendered once per (publications, query, language) and
// served as bytes with an ETag, like the API; errors on pages are localised HTML pages.
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentCatalog, findFormVersions, inForceOn } from '../catalog/index.js';
import {
  listReleases,
  publishedCatalogOf,
  publishedPeriodsOf,
  PublishedCache,
  sendCached,
} from '../publishing/index.js';
import { searchLabels } from '../statistics/index.js';
import { localDateOf } from '../../platform/clock.js';
import { notFound, problemDetail } from '../../platform/errors/index.js';
import type { Config } from '../../platform/config.js';
import { machinePrefixes, problemHeadline, type HttpApp, type Problem } from '../../platform/http/index.js';
import { anonymousActor, type Deps } from '../../platform/usecase.js';
import { html, type SafeHtml } from './html.js';
import { pageLang, translator, type Lang, type MessageKey } from './i18n.js';
import { link, page, type PageInput } from './layout.js';
import { formPage } from './pages/form.js';
import { search, searchPage } from './pages/search.js';
import {
  aboutPage,
  actsPage,
  calendarPage,
  defaultRange,
  formsPage,
  homePage,
  releasesPage,
} from './pages/public.js';
import { SITE_CSS } from './site.css.js';
import { UPLOAD_JS } from './upload.js.js';
import { registerStaffPages } from './staff.routes.js';
import { registerOpenDataPages } from './opendata.pages.js';
import { catalogView } from '../opendata/index.js';
import { registerCollectionsPages } from './staff.collections.js';
import { registerRequestStatusPage } from './pages/request-status.js';

const LangParams = Type.Object({ lang: Type.String({ maxLength: 100 }) });
const HTML = 'text/html; charset=utf-8';

/** A page's language from its path, or null when the path is not a page of the portal. */
function langOfPath(url: string): Lang | null {
  const m = /^\/(kk|ru|en)(\/|$|\?)/.exec(url);
  return m ? (m[1] as Lang) : null;
}

/**
 * A problem's detail in the page's language where the catalogues word it; else only its code (the
 * page's title and text already say what happened in the language), never English on a kk/ru page.
 */
function problemText(problem: Problem, lang: Lang): SafeHtml {
  const text = problemDetail(problem.code, problem.params, lang) ?? problemHeadline(problem.code, lang);
  if (text !== null) return html`<p>${text}</p>`;
  return lang === 'en' ? html`<p>${problem.detail}</p>` : html`<p><code>${problem.code}</code></p>`;
}

export function registerWebRoutes(app: HttpApp, deps: Deps, config: Config): void {
  const cache = new PublishedCache(Math.max(16, Math.floor(config.publishedCacheMb / 4)) * 1024 * 1024);
  const css = Buffer.from(SITE_CSS);

  const render = (lang: Lang, input: Omit<PageInput, 't'>): string => page({ t: translator(lang), ...input });
  const pathOf = (req: FastifyRequest) => req.url.replace(/^\/(kk|ru|en)/, '') || '/';
  // A page rendered once for many readers: its path with the query as validated and written again
  // (its parameters in the order given, as the language links keep them), not the bytes as asked.
  const canonicalPathOf = (req: FastifyRequest) => {
    const path = pathOf(req).split('?')[0]!;
    const query = new URLSearchParams(req.query as Record<string, string>).toString();
    return query ? `${path}?${query}` : path;
  };

  // Errors on pages: the same problem, as a page in the page's language.
  app.htmlErrorPage = (problem: Problem, req: FastifyRequest) => {
    // A path of the portal (not the machine surface, not an asset) that names no language is
    // answered in Kazakh.
    const portal = ![...machinePrefixes, '/assets/'].some((p) => req.url.startsWith(p));
    const lang = langOfPath(req.url) ?? (portal ? 'kk' : null);
    if (!lang) return null;
    const t = translator(lang);
    const [titleKey, textKey]: [MessageKey, MessageKey] =
      problem.status === 404
        ? ['notFoundTitle', 'notFoundText']
        : problem.status < 500
          ? ['badRequestTitle', 'errorText']
          : ['errorTitle', 'errorText'];
    return render(lang, {
      title: t.t(titleKey),
      path: pathOf(req),
      body: html`<h1>${t.t(titleKey)}</h1><p>${t.t(textKey)}</p>
        ${problem.status < 500 && problem.status !== 404 ? problemText(problem, lang) : null}
        <p><a href="${link(lang, '/')}">${t.t('backHome')}</a></p>`,
    });
  };

  const langOf = (req: FastifyRequest): Lang => pageLang((req.params as { lang: string }).lang);
  const sendPage = (reply: FastifyReply, body: string, status = 200) =>
    reply.status(status).type(HTML).header('cache-control', 'no-cache').send(body);

  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/kk/', 302));
  const uploadJs = Buffer.from(UPLOAD_JS);
  app.get('/assets/upload.js', { schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(uploadJs),
  );
  // The site's icon (three bars on the accent colour); /favicon.ico, asked for by browsers and
  // crawlers that read no <link rel="icon">, points at it.
  const favicon = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f8a"/>' +
      '<rect x="7" y="16" width="4" height="9" fill="#fff"/><rect x="14" y="10" width="4" height="15" fill="#fff"/>' +
      '<rect x="21" y="6" width="4" height="19" fill="#fff"/></svg>',
  );
  app.get('/assets/favicon.svg', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(favicon),
  );
  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) =>
    reply.redirect('/assets/favicon.svg', 301),
  );
  app.get('/assets/site.css', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  app.get(
    '/:lang/',
    {
      // sendCached negotiates the encoding itself (and the answer cache replays exactly this answer)
      compress: false,
      schema: {
        hide: true,
        params: LangParams,
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      // The search moved to a page of its own: an old link with ?q= lands there.
      const q = (req.query as { q?: string }).q?.trim();
      if (q) return reply.redirect(`${link(lang, '/search')}?${new URLSearchParams({ q }).toString()}`, 301);
      const now = deps.clock.now();
      const today = localDateOf(now);
      const { to } = defaultRange(today);
      const { releases } = await listReleases(deps, anonymousActor, {
        from: `${Number(today.slice(0, 4)) - 3}-01-01`,
        to,
        lateFromPeriod: config.lateFromPeriod,
      });
      // The latest publication of each form, newest first.
      const seen = new Set<string>();
      const latest = releases
        .filter((r) => r.publishedAt)
        .sort((a, b) =>
          a.publishedAt === b.publishedAt
            ? a.plannedDate < b.plannedDate
              ? 1
              : -1
            : a.publishedAt! < b.publishedAt!
              ? 1
              : -1,
        )
        .filter((r) => !seen.has(r.form) && seen.add(r.form))
        .slice(0, 8);
      const next = releases.filter((r) => !r.publishedAt && r.plannedDate >= today).slice(0, 8);
      // The page is rendered (and compressed) once per content: what it lists, in which language,
      // on which day; then sent as bytes like a report page, with an ETag, and from the answer
      // cache within its second (decision 0024).
      const content = createHash('sha256')
        .update(JSON.stringify([latest, next]))
        .digest('base64url');
      // one page whatever else the link carries (a campaign's or a social network's parameters)
      const path = '/';
      const key = ['home', lang, today, content].join('|');
      const entry = await cache.getOrRender(key, async () => {
        const t = translator(lang);
        const body = homePage(t, latest, next);
        return {
          body: Buffer.from(render(lang, { title: t.t('navHome'), path, nav: 'home', body })),
          type: HTML,
          fileName: null,
        };
      });
      return sendCached(cache, entry, req, reply);
    },
  );

  app.get(
    '/:lang/search',
    {
      schema: {
        hide: true,
        params: LangParams,
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const t = translator(lang);
      const q = (req.query as { q?: string }).q?.trim() ?? '';
      const snapshot = await currentCatalog(deps.db);
      const today = localDateOf(deps.clock.now());
      const labels = q ? await searchLabels(deps.db, q, lang) : [];
      return sendPage(
        reply,
        render(lang, {
          title: q ? t.t('searchResults', { q }) : t.t('searchPage'),
          path: pathOf(req),
          body: searchPage(t, snapshot, q, search(snapshot, q, t, today), labels),
        }),
      );
    },
  );

  app.get(
    '/:lang/forms/:code',
    {
      // sendCached negotiates the encoding itself (and the answer cache replays exactly this answer)
      compress: false,
      schema: {
        hide: true,
        params: Type.Object({ lang: Type.String({ maxLength: 100 }), code: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object(
          {
            period: Type.Optional(Type.String({ maxLength: 10 })),
            section: Type.Optional(Type.String({ maxLength: 20 })),
            region: Type.Optional(Type.String({ maxLength: 20 })),
            row: Type.Optional(Type.String({ maxLength: 20 })),
            graph: Type.Optional(Type.String({ maxLength: 4 })),
            compare: Type.Optional(Type.String({ maxLength: 20 })),
            rows: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      // The catalogue of the moment the publications were checked: no round trip per request.
      const snapshot = await publishedCatalogOf(deps.db);
      const form = findFormVersions(snapshot.catalog, (req.params as { code: string }).code).at(-1);
      if (!form) throw notFound('The page', 'page_not_found');
      const periods = await publishedPeriodsOf(deps.db, form.id, deps.clock.now());
      const path = canonicalPathOf(req);
      const key = [
        'form',
        lang,
        form.id,
        periods.map((p) => p.publication.id).join('.'),
        snapshot.revision,
        // the act's status is of today
        localDateOf(deps.clock.now()),
        // the query as validated; the language links are built on it
        path,
      ].join('|');
      const entry = await cache.getOrRender(key, async () => {
        // the translator is made only to render (it was 28 % of a cached page's time)
        const t = translator(lang);
        const p = await formPage(deps, snapshot.catalog, form, req.query as Record<string, string>, t);
        return {
          body: Buffer.from(render(lang, { title: p.title, path, nav: 'forms', body: p.body })),
          type: HTML,
          fileName: null,
        };
      });
      return sendCached(cache, entry, req, reply);
    },
  );

  const simple = (
    path: string,
    nav: PageInput['nav'],
    titleKey: MessageKey,
    body: (lang: Lang, req: FastifyRequest) => Promise<ReturnType<typeof html>>,
  ) =>
    app.get(`/:lang${path}`, { schema: { hide: true } }, async (req, reply) => {
      const lang = langOf(req);
      return sendPage(
        reply,
        render(lang, {
          title: translator(lang).t(titleKey),
          path: pathOf(req),
          nav,
          body: await body(lang, req),
        }),
      );
    });

  simple('/forms', 'forms', 'forms', async (lang) =>
    formsPage(translator(lang), await currentCatalog(deps.db), localDateOf(deps.clock.now())),
  );
  simple('/acts', 'acts', 'acts', async (lang) => actsPage(translator(lang), await currentCatalog(deps.db)));
  simple('/about', 'about', 'about', async (lang) => aboutPage(translator(lang)));
  simple('/calendar', 'calendar', 'workingDays', async (lang) =>
    calendarPage(
      translator(lang),
      await currentCatalog(deps.db),
      Number(localDateOf(deps.clock.now()).slice(0, 4)),
    ),
  );
  simple('/calendar/:year', 'calendar', 'workingDays', async (lang, req) => {
    const year = Number((req.params as { year: string }).year);
    if (!/^\d{4}$/.test((req.params as { year: string }).year) || year < 2000 || year > 2100)
      throw notFound('The page', 'page_not_found');
    return calendarPage(translator(lang), await currentCatalog(deps.db), year);
  });
  simple('/releases', 'releases', 'releaseCalendar', async (lang, req) => {
    const today = localDateOf(deps.clock.now());
    const q = req.query as { from?: string; to?: string };
    const range = defaultRange(today);
    const from = q.from || range.from;
    const to = q.to || range.to;
    const { releases } = await listReleases(deps, anonymousActor, {
      from,
      to,
      lateFromPeriod: config.lateFromPeriod,
    });
    return releasesPage(translator(lang), releases, from, to);
  });

  app.get('/sitemap.xml', { schema: { hide: true } }, async (_req, reply) => {
    const base = config.publicBaseUrl.replace(/\/+$/, '');
    const snapshot = await currentCatalog(deps.db);
    const today = localDateOf(deps.clock.now());
    const paths = ['/', '/forms', '/releases', '/datasets', '/acts', '/calendar', '/about'];
    for (const f of inForceOn(snapshot.catalog.forms, today)) {
      if ((await publishedPeriodsOf(deps.db, f.id, deps.clock.now())).length) paths.push(`/forms/${f.slug}`);
    }
    // The open datasets and the registers that are listed (the register of persons is searched only).
    const view = await catalogView(deps, base, config.lateFromPeriod);
    for (const d of view.datasets) {
      paths.push(`/datasets/${d.id}`);
      const from = d.madeFrom;
      if (from.kind === 'register') {
        const personal = view.catalog.registers.some((r) => r.id === from.register && r.containsPersonalData);
        if (!personal) paths.push(`/registers/${from.register}`);
      }
    }
    const urls = paths.flatMap((p) => (['kk', 'ru', 'en'] as const).map((l) => `${base}${link(l, p)}`));
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
      .map((u) => `  <url><loc>${html`${u}`.text}</loc></url>`)
      .join('\n')}\n</urlset>\n`;
    return reply.type('application/xml; charset=utf-8').send(body);
  });

  // Crawlers: every public page, not the staff's area (it asks for a sign-in anyway), with the sitemap.
  app.get('/robots.txt', { schema: { hide: true } }, async (_req, reply) => {
    const base = config.publicBaseUrl.replace(/\/+$/, '');
    const staff = (['kk', 'ru', 'en'] as const).map((l) => `Disallow: /${l}/staff`);
    const body = ['User-agent: *', ...staff, 'Disallow: /api/v1/staff/', `Sitemap: ${base}/sitemap.xml`, ''];
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(body.join('\n'));
  });

  registerOpenDataPages(app, deps, config, render);
  registerStaffPages(app, deps, config, render);
  registerCollectionsPages(app, deps, config, render);
  registerRequestStatusPage(app, deps, render, config);
}
