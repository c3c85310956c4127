// The public statistics API (Order 25, para 15: free, no key, read-only): published tables, series
// and revision histories, and the advance release calendar. Nothing of a release is readable before
// its publication time, checked against the injected clock on every read; a published table is
// rendered once per (publication, view, format, language) and served as bytes with a strong ETag.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentCatalog, findFormVersions } from '../catalog/index.js';
import {
  asOfMoment,
  listRevisions,
  readSeries,
  readTable,
  renderTable,
  SeriesQuery,
  SeriesSchema,
  tableAnswer,
  TableParams,
  TableQuery,
  XLSX_TYPE,
  type TableFormat,
} from '../statistics/index.js';
import type { Config } from '../../platform/config.js';
import { notFound } from '../../platform/errors/index.js';
import { schemas, type HttpApp } from '../../platform/http/index.js';
import { anonymousActor, type Deps } from '../../platform/usecase.js';
import { negotiateEncoding, PublishedCache, type CachedBody } from './published-cache.js';
import { publishedIndexOf, type PublishedEntry } from './published-index.js';
import * as repo from './publishing.repository.js';
import { INFORMATION_SERVICE } from './releases.announce.js';
import { resolveFormPeriod } from './releases.input.js';
import { releasesToICalendar } from './releases.ics.js';
import { listReleases } from './releases.query.js';
import { PublishedHistorySchema, ReleaseCalendarSchema } from './publishing.answers.js';

const { problems } = schemas;

/** `Accept` to a format, where no `?format=` is given. */
export function formatFromAccept(accept: string | undefined): TableFormat {
  const a = (accept ?? '').toLowerCase();
  if (a.includes('text/csv')) return 'csv';
  if (a.includes(XLSX_TYPE)) return 'xlsx';
  if (a.includes('application/pdf')) return 'pdf';
  if (a.includes('json-stat')) return 'json-stat';
  return 'json';
}

/** Sends cached bytes: 304 when the client has them, else the body in the encoding it accepts. */
export function sendCached(
  cache: PublishedCache,
  entry: CachedBody,
  req: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const headers: Record<string, string> = {
    etag: entry.etag,
    'cache-control': 'public, max-age=60',
    vary: 'accept, accept-encoding',
  };
  reply.headers(headers);
  const inm = req.headers['if-none-match'];
  if (inm && (inm === '*' || inm.split(',').some((t) => t.trim() === entry.etag)))
    return reply.code(304).send();
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  const body = cache.encoded(entry, encoding);
  if (body !== entry.body) headers['content-encoding'] = encoding;
  if (entry.fileName) headers['content-disposition'] = `attachment; filename="${entry.fileName}"`;
  headers['content-type'] = entry.type;
  // The same bytes for the same anonymous request, for a second, without the framework (decision
  // 0024); a route with a rate limit of its own is counted by the framework only.
  if (req.actor.kind === 'anonymous' && req.routeOptions.config.rateLimit === undefined)
    req.server.answers.put(req.raw, {
      route: req.routeOptions.url ?? req.url,
      headers,
      body,
      elapsedMs: reply.elapsedTime,
    });
  return reply.headers(headers).send(body);
}

export function registerPublicRoutes(app: HttpApp, deps: Deps, config: Config): void {
  const index = publishedIndexOf(deps.db);
  const cache = new PublishedCache(config.publishedCacheMb * 1024 * 1024);
  // A form and period as written in a URL → the catalogue's form and the period's spelling.
  const resolved = new Map<string, { formId: string; period: string }>();
  index.listeners.push(() => {
    cache.clear();
    resolved.clear();
    app.answers.clear();
  });
  const resolve = async (code: string, period: string) => {
    const key = `${code}|${period}`;
    let r = resolved.get(key);
    if (!r) {
      const { formId, period: p } = await resolveFormPeriod(deps.db, code, period);
      r = { formId, period: p };
      if (resolved.size > 10_000) resolved.clear();
      resolved.set(key, r);
    }
    return r;
  };
  /** The moment a read is of: now, or the end of the `asOf` day (never after now). */
  const momentOf = (asOf: string | undefined): Date => {
    const now = deps.clock.now();
    if (!asOf) return now;
    const end = asOfMoment(asOf);
    return end < now ? end : now;
  };
  const notPublished = (code: string, period: string) =>
    notFound(`Published figures of ${code} for ${period}`, 'period_not_published');

  async function publicationMeta(form: string, period: string, pub: PublishedEntry) {
    const release = await repo.findRelease(deps.db, form, period);
    const basis = release?.due.find((d) => d.channel === INFORMATION_SERVICE) ?? release?.due[0];
    return {
      release: { form, period, dueDate: release?.due_date ?? null },
      version: pub.version,
      publishedAt: pub.publishedAt.toISOString(),
      reason: pub.reason,
      imported: pub.imported,
      act: basis?.act ?? null,
      clause: basis?.clause ?? null,
    };
  }

  app.get(
    '/api/v1/forms/:code/tables/:period',
    {
      compress: false,
      schema: {
        tags: ['statistics'],
        summary:
          'A published table: one section of a form for a period, every region (with the republic) or one, in JSON, CSV, XLSX, PDF or JSON-stat',
        params: TableParams,
        querystring: TableQuery,
        response: {
          200: tableAnswer(
            'The published table in the format asked (?format= or Accept), sent as rendered once',
          ),
          304: Type.Null({ description: 'the client holds these bytes (If-None-Match)' }),
          ...problems(404, 422),
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      await index.fresh();
      const at = momentOf(q.asOf);
      const { formId, period } = await resolve(req.params.code, req.params.period);
      const visible = index.visible(formId, period, at);
      const pub = visible.at(-1);
      if (!pub) throw notPublished(req.params.code, period);
      const compare = q.compare === 'previous-year';
      const prevPeriod = compare ? period.replace(/^(\d{4})/, (y) => String(Number(y) - 1)) : null;
      const prev = prevPeriod ? index.current(formId, prevPeriod, at) : null;
      const format = q.format ?? formatFromAccept(req.headers.accept);
      const lang = q.lang ?? 'kk';
      const key = [
        pub.id,
        prev?.id ?? '-',
        q.section ?? '',
        q.region ?? 'all',
        compare ? 'c' : '',
        format,
        lang,
      ].join('|');
      const entry = await cache.getOrRender(key, async () => {
        const table = await readTable(deps, anonymousActor, {
          form: formId,
          section: q.section,
          period,
          breakdown: q.region,
          compare,
          revisions: async (p) =>
            p === period ? pub.revisionIds : p === prevPeriod ? (prev?.revisionIds ?? null) : null,
          earlierRevisions: visible.at(-2)?.revisionIds ?? [],
        });
        table.publication = await publicationMeta(formId, period, pub);
        return renderTable(table, format, lang);
      });
      return sendCached(cache, entry, req, reply);
    },
  );

  app.get(
    '/api/v1/forms/:code/series',
    {
      schema: {
        tags: ['statistics'],
        summary: 'One published cell of a form across periods (a series), for one region or agency',
        params: Type.Object({ code: Type.String({ maxLength: 100 }) }),
        querystring: SeriesQuery,
        response: { 200: SeriesSchema, ...problems(404, 422) },
      },
    },
    async (req) => {
      const q = req.query;
      await index.fresh();
      const { catalog } = await currentCatalog(deps.db);
      const formId = findFormVersions(catalog, req.params.code)[0]?.id;
      const now = deps.clock.now();
      const revisionIds = formId
        ? [...index.currentOfForm(formId, now).values()].flatMap((e) => e.revisionIds)
        : [];
      return readSeries(deps, anonymousActor, {
        form: req.params.code,
        section: q.section,
        row: q.row,
        graph: q.graph,
        breakdown: q.region,
        from: q.from,
        to: q.to,
        revisionIds,
      });
    },
  );

  app.get(
    '/api/v1/forms/:code/revisions/:period',
    {
      schema: {
        tags: ['statistics'],
        summary: 'The public history of a period: every published revision, who submitted it, when and why',
        params: TableParams,
        response: { 200: PublishedHistorySchema, ...problems(404, 422) },
      },
    },
    async (req) => {
      await index.fresh();
      const { formId, period } = await resolve(req.params.code, req.params.period);
      const visible = index.visible(formId, period, deps.clock.now());
      if (!visible.length) throw notPublished(req.params.code, period);
      const history = await listRevisions(deps, anonymousActor, {
        form: formId,
        period,
        revisionIds: [...new Set(visible.flatMap((v) => v.revisionIds))],
      });
      return {
        ...history,
        publications: visible.map((v) => ({
          version: v.version,
          publishedAt: v.publishedAt.toISOString(),
          reason: v.reason,
          imported: v.imported,
          revisionsIncluded: v.revisionIds.length,
        })),
      };
    },
  );

  const ReleasesQuery = Type.Object(
    {
      from: Type.Optional(
        Type.String({ maxLength: 10, description: 'YYYY-MM-DD (default: 1 January this year)' }),
      ),
      to: Type.Optional(
        Type.String({ maxLength: 10, description: 'YYYY-MM-DD (default: 31 December next year)' }),
      ),
      form: Type.Optional(Type.String({ maxLength: 100, description: "a form's code or slug" })),
      status: Type.Optional(
        Type.Union(['scheduled', 'approved', 'published', 'revised'].map((s) => Type.Literal(s)) as never),
      ),
    },
    { additionalProperties: false },
  );

  app.get(
    '/api/v1/releases',
    {
      schema: {
        tags: ['publishing'],
        summary:
          'The advance release calendar: every release announced in a date range, with its due date, announced date, actual publication time, lateness and revisions',
        querystring: ReleasesQuery,
        response: { 200: ReleaseCalendarSchema, ...problems(422) },
      },
    },
    async (req) =>
      listReleases(deps, req.actor, { ...req.query, lateFromPeriod: config.lateFromPeriod } as never),
  );

  app.get(
    '/api/v1/releases.ics',
    {
      schema: {
        tags: ['publishing'],
        summary:
          'The release calendar as an iCalendar feed (RFC 5545), for a calendar application; ?form= for one form',
        querystring: ReleasesQuery,
        produces: ['text/calendar'],
        response: { 200: Type.String(), ...problems(422) },
      },
    },
    async (req, reply) => {
      const { releases } = await listReleases(deps, req.actor, {
        ...req.query,
        lateFromPeriod: config.lateFromPeriod,
      } as never);
      const body = releasesToICalendar(releases, {
        now: deps.clock.now(),
        baseUrl: config.publicBaseUrl,
        calendarName: req.query.form ? `zanstat — ${req.query.form}` : 'zanstat — release calendar',
      });
      return reply.type('text/calendar; charset=utf-8').send(body);
    },
  );
}
