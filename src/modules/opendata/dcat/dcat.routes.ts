// The DCAT-AP catalogue at /catalog.jsonld, /catalog.ttl and /catalog.rdf, paged (`page`) and
// filtered by `modified_since`, under the open-data rate limit. Errors are problem+json.
import { Type } from '@sinclair/typebox';
import type { Config } from '../../../platform/config.js';
import { invalidInput } from '../../../platform/errors/index.js';
import { schemas, type HttpApp } from '../../../platform/http/index.js';
import type { Deps } from '../../../platform/usecase.js';
import { catalogView } from '../ckan/catalog-view.js';
import { dcatGraph } from './dcat.graph.js';
import { toJsonLd, toRdfXml, toTurtle } from './rdf.js';

// Expanded JSON-LD, as toJsonLd writes it: a node per subject, each predicate's IRI → its objects.
const JsonLdObject = Type.Union([
  Type.Object({ '@id': Type.String() }),
  Type.Object({
    '@value': Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
    '@language': Type.Optional(Type.String()),
    '@type': Type.Optional(Type.String()),
  }),
]);
const JsonLdCatalog = Type.Object(
  {
    '@graph': Type.Array(
      Type.Object(
        { '@id': Type.String(), '@type': Type.Optional(Type.Array(Type.String())) },
        { additionalProperties: Type.Array(JsonLdObject) },
      ),
    ),
  },
  { description: 'the page of the catalogue as expanded JSON-LD (DCAT-AP 3.0, Hydra paging)' },
);
const RDF_TEXT = { jsonld: JsonLdCatalog, ttl: Type.String(), rdf: Type.String() } as const;

const FORMATS = {
  jsonld: {
    type: 'application/ld+json',
    write: (t: Parameters<typeof toTurtle>[0]) => JSON.stringify(toJsonLd(t)),
  },
  ttl: { type: 'text/turtle', write: toTurtle },
  rdf: { type: 'application/rdf+xml', write: toRdfXml },
} as const;

export function registerDcatRoutes(app: HttpApp, deps: Deps, config: Config): void {
  const baseUrl = config.publicBaseUrl.replace(/\/$/, '');
  const rateLimit =
    config.rateLimitOpenData > 0 ? { max: config.rateLimitOpenData, timeWindow: 60_000 } : false;
  for (const [ext, format] of Object.entries(FORMATS)) {
    const path = `/catalog.${ext}`;
    app.get(
      path,
      {
        config: { rateLimit },
        schema: {
          tags: ['open data'],
          summary: `The DCAT-AP 3.0 catalogue as ${format.type}, 100 datasets a page (Hydra)`,
          querystring: Type.Object(
            {
              page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
              modified_since: Type.Optional(
                Type.String({
                  maxLength: 40,
                  description: 'an ISO 8601 date or date-time: datasets modified since',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: {
              description: `the page of the catalogue (${format.type})`,
              content: { [format.type]: { schema: RDF_TEXT[ext as keyof typeof RDF_TEXT] } },
            },
            ...schemas.problems(422),
          },
        },
      },
      async (req, reply) => {
        const q = req.query as { page?: number; modified_since?: string };
        let since: Date | null = null;
        if (q.modified_since !== undefined) {
          since = new Date(q.modified_since);
          if (!/^\d{4}-\d{2}-\d{2}/.test(q.modified_since) || Number.isNaN(since.getTime()))
            throw invalidInput(`modified_since: '${q.modified_since}' is not an ISO 8601 date or date-time`, [
              {
                pointer: '/query/modified_since',
                code: 'invalid_date',
                message: 'an ISO 8601 date or date-time',
              },
            ]);
        }
        const view = await catalogView(deps, baseUrl, config.lateFromPeriod);
        const page = dcatGraph(view, { page: q.page ?? 1, modifiedSince: since, path });
        return reply.type(`${format.type}; charset=utf-8`).send(format.write(page.triples));
      },
    );
  }
}
