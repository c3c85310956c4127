import { Type, type TObject } from '@sinclair/typebox';
import { localDateOf } from '../../platform/clock.js';
import { notFound } from '../../platform/errors/index.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { catalogKinds, type Catalog, type CatalogKind } from './catalog.kinds.js';
import { putCalendarTransfers, readCatalog } from './catalog.service.js';
import { findForm, findFormVersions } from './form-lookup.js';
import { ActReferenceSchema } from './act.schema.js';
import { inForceOn, inUseOn, repealNotices } from './validity.js';

const { problems, actorSecurity } = schemas;
const Lang = Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')]);
type LangCode = 'kk' | 'ru' | 'en';
const ListQuery = Type.Object(
  {
    on: Type.Optional(
      Type.String({
        format: 'date',
        description: 'what was in force that day (default: today in Kazakhstan)',
      }),
    ),
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
);

export const NoticeSchema = Type.Object({
  act: Type.String(),
  number: Type.String(),
  date: Type.String(),
  titles: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }),
  repealedBy: Type.Union([ActReferenceSchema, Type.Null()]),
  lastDayInForce: Type.String(),
  lastDayEstimated: Type.Boolean(),
  replacementLoaded: Type.Boolean(),
});

const withTitle = (schema: TObject) =>
  Type.Object(
    { ...schema.properties, title: Type.Optional(Type.String({ description: 'the title in ?lang' })) },
    { additionalProperties: false },
  );

const listResponse = (schema: TObject) =>
  Type.Object({
    on: Type.String(),
    lang: Type.Union([Lang, Type.Null()]),
    notices: Type.Array(NoticeSchema, {
      description: 'the lists come from these repealed acts, with no replacement loaded',
    }),
    items: Type.Array(withTitle(schema)),
  });

type Entry = {
  titles?: Record<LangCode, string>;
  names?: (Record<LangCode, string> & { validFrom: string; validUntil: string | null })[];
};

/** The title in the asked language: for a region, its name on that day. */
function titled<T extends Entry>(entry: T, lang: LangCode | undefined, on: string): T & { title?: string } {
  if (!lang) return entry;
  if (entry.titles) return { ...entry, title: entry.titles[lang] };
  const name = entry.names?.find((n) => n.validFrom <= on && (n.validUntil === null || on <= n.validUntil));
  return name ? { ...entry, title: name[lang] } : entry;
}

/** Lists whose entries name their act are in use while the act is (or is repealed with no replacement). */
const byAct: Partial<Record<CatalogKind, true>> = {
  forms: true,
  datasets: true,
  collections: true,
  channels: true,
};

function entriesOn(catalog: Catalog, kind: CatalogKind, on: string) {
  const all = catalog[kind] as readonly (Entry & {
    id: string;
    validFrom: string;
    validUntil: string | null;
    act?: string;
  })[];
  return byAct[kind] ? inUseOn(catalog, all, on) : inForceOn(all, on);
}

const routes: { path: string; kind: CatalogKind; summary: string }[] = [
  { path: '/api/v1/acts', kind: 'acts', summary: 'The legal acts, as in force on a day' },
  { path: '/api/v1/forms', kind: 'forms', summary: 'The report forms (Order 25, Appendix 2)' },
  { path: '/api/v1/datasets', kind: 'datasets', summary: 'The open datasets (Order 84)' },
  {
    path: '/api/v1/collections',
    kind: 'collections',
    summary: 'The electronic collections and their recipients (Order 25, Appendix 1)',
  },
  {
    path: '/api/v1/channels',
    kind: 'channels',
    summary: 'The ways information is provided (Order 25, para 3)',
  },
  {
    path: '/api/v1/organisations',
    kind: 'organisations',
    summary: 'The Committee, its bodies, recipients and reporting bodies',
  },
  {
    path: '/api/v1/regions',
    kind: 'regions',
    summary: 'The regions by 2-digit KATO code (the republic is 00)',
  },
];

export function registerCatalogRoutes(app: HttpApp, deps: Deps): void {
  const today = () => localDateOf(deps.clock.now());

  for (const r of routes) {
    const schema = catalogKinds[r.kind].schema as TObject;
    app.get(
      r.path,
      {
        schema: {
          tags: ['catalogue'],
          summary: r.summary,
          querystring: ListQuery,
          response: { 200: listResponse(schema), ...problems(422) },
        },
      },
      async (req) => {
        const on = req.query.on ?? today();
        const { catalog } = await readCatalog(deps, req.actor, undefined);
        const items = entriesOn(catalog, r.kind, on);
        return {
          on,
          lang: req.query.lang ?? null,
          notices: repealNotices(catalog, items as Parameters<typeof repealNotices>[1], on),
          items: items.map((e) => titled(e, req.query.lang, on)),
        };
      },
    );
  }

  const one = (path: string, kind: 'forms' | 'datasets', summary: string, param: string) =>
    app.get(
      path,
      {
        schema: {
          tags: ['catalogue'],
          summary,
          params: Type.Object({ [param]: Type.String({ maxLength: 100 }) }),
          querystring: ListQuery,
          response: {
            200: Type.Object({
              on: Type.String(),
              notices: Type.Array(NoticeSchema),
              item: withTitle(catalogKinds[kind].schema as TObject),
            }),
            ...problems(404, 422),
          },
        },
      },
      async (req) => {
        const on = req.query.on ?? today();
        const key = (req.params as Record<string, string>)[param]!;
        const { catalog } = await readCatalog(deps, req.actor, undefined);
        const item =
          kind === 'forms'
            ? findForm(catalog, key, on)
            : inUseOn(catalog, catalog.datasets, on).find((d) => d.id === key);
        if (!item) {
          const elsewhere =
            kind === 'forms'
              ? findFormVersions(catalog, key).length > 0
              : catalog.datasets.some((d) => d.id === key);
          throw notFound(
            elsewhere
              ? `${kind === 'forms' ? 'Form' : 'Dataset'} "${key}" in use on ${on}`
              : `${kind === 'forms' ? 'Form' : 'Dataset'} "${key}"`,
            kind === 'forms' ? 'form_not_found' : 'dataset_not_found',
          );
        }
        return {
          on,
          notices: repealNotices(catalog, [item], on),
          item: titled(item as Entry, req.query.lang, on),
        };
      },
    );
  one(
    '/api/v1/forms/:code',
    'forms',
    'A report form by its code as the act writes it (1-М), its slug (1-m) or an alias',
    'code',
  );
  one('/api/v1/datasets/:id', 'datasets', 'An open dataset by its id', 'id');

  app.put(
    '/api/v1/admin/calendar/transfers/:year',
    {
      schema: {
        tags: ['admin'],
        summary: "Store a year's transfers of days off (the government's decree), as data",
        security: actorSecurity,
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        body: Type.Object(
          {},
          {
            additionalProperties: true,
            description: 'a transfers document, as catalog/calendar/transfers/<year>.yaml',
          },
        ),
        response: {
          200: Type.Object({ id: Type.String(), revision: Type.Integer() }),
          ...problems(401, 403, 422),
        },
      },
    },
    async (req) =>
      putCalendarTransfers(deps, req.actor, { year: req.params.year, document: req.body }, metaOf(req)),
  );
}
