// The read actions of CKAN's Action API v3 that zanstat offers (no write action): each with the
// help text `help_show` returns, and its result as CKAN 2.10/2.11 gives it.
import { inUseOn, type Dataset } from '../../catalog/index.js';
import type { Deps } from '../../../platform/usecase.js';
import { DATASTORE_KEY } from '../opendata.build.js';
import {
  DatastoreInputError,
  ROWS_MAX,
  datastoreCount,
  datastoreSearch,
  searchRows,
} from '../opendata.datastore.js';
import { listRowsOf } from '../opendata.lists.js';
import type { CatalogView, Lang, PackageDict } from './ckan.model.js';
import {
  GROUPS,
  LICENSE,
  groupDict,
  groupOf,
  metadataModified,
  organisationDict,
  packageDict,
  resourceDict,
  tagsOf,
  type GroupName,
} from './ckan.model.js';
import { CkanError, invalid, type Params } from './ckan.params.js';
import { SearchQueryError, facetsOf, parseQuery, parseSort } from './ckan.search.js';
import { firstInOrder, packageIndexOf } from './ckan.search-index.js';
import { DATASTORE_FIELDS } from '../opendata.build.js';
import { datasetUuid } from '../opendata.ids.js';

export interface ActionContext {
  deps: Deps;
  view: () => Promise<CatalogView>;
  lang: Lang;
  version: string;
}

export interface Action {
  help: string;
  run(p: Params, ctx: ActionContext): Promise<unknown>;
}

const notFound = (what: string) => new CkanError(404, 'Not Found Error', `Not found: ${what}`);

function findDataset(view: CatalogView, idOrName: string) {
  return view.datasets.find((d) => d.id === idOrName || datasetUuid(d.id) === idOrName);
}

/** Every dataset's dictionary, made once per view (a generation) and language. */
const packagesKept = new WeakMap<CatalogView, Map<Lang, PackageDict[]>>();
export function allPackages(view: CatalogView, lang: Lang): PackageDict[] {
  let byLang = packagesKept.get(view);
  if (!byLang) packagesKept.set(view, (byLang = new Map()));
  let list = byLang.get(lang);
  if (!list) byLang.set(lang, (list = view.datasets.map((d) => packageDict(view, d, lang))));
  return list;
}

function organisations(view: CatalogView) {
  const ids = new Set(view.datasets.map((d) => d.responsibleUnits[0]!));
  return inUseOn(view.catalog, view.catalog.organisations, view.on).filter((o) => ids.has(o.id));
}

function findResource(view: CatalogView, id: string) {
  for (const [dataset, list] of view.resources) {
    const r = list.find((x) => x.id === id);
    if (r) return { dataset: view.datasets.find((d) => d.id === dataset), resource: r };
  }
  return null;
}

function search(p: Params, ctx: ActionContext, view: CatalogView) {
  const q = p.string('q') ?? '';
  const fq = p.string('fq') ?? '';
  const rows = Math.min(p.int('rows', 10, 0), 1000); // CKAN clamps rows at 1,000
  const start = p.int('start', 0, 0);
  const sortText =
    p.string('sort') ??
    (q.trim() ? 'score desc, metadata_modified desc' : 'score desc, metadata_modified desc');
  try {
    const alternatives = parseQuery(q, 'q');
    const filters = parseQuery(fq, 'fq');
    const sort = parseSort(sortText);
    // The filters first, then the words within what they leave: both looked up in the
    // generation's inverted index (decision 0019), not compared package by package.
    const packages = allPackages(view, ctx.lang);
    const index = packageIndexOf(packages);
    const matched = index.match(alternatives, index.match(filters));
    const scored = matched
      ? [...matched].map(([at, score]) => ({ pkg: packages[at]!, score }))
      : packages.map((pkg) => ({ pkg, score: 1 }));
    const key = (x: { pkg: PackageDict; score: number }, field: string): string | number => {
      switch (field) {
        case 'score':
          return x.score;
        case 'title_string':
          return x.pkg.title.toLowerCase();
        default:
          return String((x.pkg as unknown as Record<string, unknown>)[field] ?? '');
      }
    };
    // Each package's sort keys read once, and only the page's packages put in order (10^4
    // matches, a page of 10: no sort of all of them).
    const keyed = scored.map((x) => ({ x, keys: sort.map((s) => key(x, s.field)) }));
    const page = firstInOrder(keyed, start + rows, (a, b) => {
      for (let i = 0; i < sort.length; i++) {
        const [x, y] = [a.keys[i]!, b.keys[i]!];
        if (x !== y) return (x < y ? -1 : 1) * (sort[i]!.desc ? -1 : 1);
      }
      return a.x.pkg.name < b.x.pkg.name ? -1 : a.x.pkg.name > b.x.pkg.name ? 1 : 0;
    });
    const facetFields = p.list('facet.field') ?? [];
    const facetLimit = p.int('facet.limit', 50, -1);
    const { facets, searchFacets } = facetsOf(
      (field) => index.facetCounts(field, matched ? matched.keys() : packages.keys()),
      facetFields,
      facetLimit,
      (field, value) => displayName(view, ctx.lang, field, value),
    );
    return {
      count: keyed.length,
      facets,
      results: page.slice(start, start + rows).map((k) => k.x.pkg),
      sort: sortText,
      search_facets: searchFacets,
    };
  } catch (err) {
    if (err instanceof SearchQueryError)
      throw new CkanError(409, 'Search Query Error', err.message, { [err.field]: [err.message] });
    throw err;
  }
}

function displayName(view: CatalogView, lang: Lang, field: string, value: string): string {
  if (field === 'organization')
    return view.catalog.organisations.find((o) => o.id === value)?.titles[lang] ?? value;
  if (field === 'groups' && value in GROUPS) return GROUPS[value as GroupName][lang];
  return value;
}

async function datastoreOf(view: CatalogView, id: string) {
  const found = findResource(view, id);
  if (!found?.dataset) throw notFound(`resource "${id}"`);
  if (found.resource.key !== DATASTORE_KEY)
    throw notFound(
      `resource "${id}" has no DataStore table (its dataset's DataStore resource is "${view.resources.get(found.dataset.id)?.find((r) => r.key === DATASTORE_KEY)?.id ?? 'none'}")`,
    );
  return { dataset: found.dataset, resource: found.resource };
}

/** organization_show and group_show: the dictionary, with its datasets where include_datasets. */
function withDatasets(dict: object, mine: Dataset[], p: Params, ctx: ActionContext, view: CatalogView) {
  return {
    ...dict,
    ...(p.bool('include_datasets', false)
      ? { packages: mine.map((d) => packageDict(view, d, ctx.lang)) }
      : {}),
    users: [],
    extras: [],
    tags: [],
    groups: [],
  };
}

export const ACTIONS: Record<string, Action> = {
  site_read: { help: 'Whether the site may be read. Always true.', run: async () => true },
  status_show: {
    help: "The site's status: the CKAN API version it implements, its title, languages and extensions.",
    run: async (_p, ctx) => {
      const view = await ctx.view();
      return {
        site_title: 'zanstat',
        site_description: 'Open datasets of the prosecution bodies (Order 84 of 3 August 2019)',
        site_url: view.baseUrl,
        ckan_version: '2.10.0',
        zanstat_version: ctx.version,
        locale_default: 'kk',
        locales_available: ['kk', 'ru', 'en'],
        error_emails_to: null,
        extensions: ['datastore', 'dcat'],
      };
    },
  },
  help_show: {
    help: 'The help text of an action. name: the action.',
    run: async (p) => {
      const name = p.required('name');
      const action = ACTIONS[name];
      if (!action) throw notFound(`action "${name}"`);
      return action.help;
    },
  },
  package_list: {
    help: 'The names of every dataset. limit, offset: a page.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const names = view.datasets.map((d) => d.id).sort();
      const offset = p.int('offset', 0, 0);
      return p.has('limit') ? names.slice(offset, offset + p.int('limit', 0, 0)) : names.slice(offset);
    },
  },
  current_package_list_with_resources: {
    help: 'Every dataset with its resources, the latest modified first. limit, offset: a page.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const list = [...view.datasets].sort(
        (a, b) => metadataModified(view, b).getTime() - metadataModified(view, a).getTime(),
      );
      const offset = p.int('offset', 0, 0);
      const limit = p.has('limit') ? p.int('limit', 0, 0) : list.length;
      return list.slice(offset, offset + limit).map((d) => packageDict(view, d, ctx.lang));
    },
  },
  package_show: {
    help: 'One dataset by its name or id. id: the name or id.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const id = p.required('id');
      const d = findDataset(view, id);
      if (!d) throw notFound(`dataset "${id}"`);
      return packageDict(view, d, ctx.lang);
    },
  },
  package_search: {
    help: 'Searches datasets. q (words, field:value, "phrases", -field:value, field:[A TO B]), fq, rows (at most 1000), start, sort (score, id, name, title_string, metadata_modified, metadata_created with asc or desc), facet.field (a JSON list), facet.limit.',
    run: async (p, ctx) => search(p, ctx, await ctx.view()),
  },
  organization_list: {
    help: 'The organisations that publish datasets (the responsible units of Order 84). all_fields: dictionaries rather than names; sort, limit, offset.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const orgs = organisations(view).sort((a, b) => (a.id < b.id ? -1 : 1));
      const offset = p.int('offset', 0, 0);
      const page = orgs.slice(offset, p.has('limit') ? offset + p.int('limit', 0, 0) : undefined);
      if (!p.bool('all_fields', false)) return page.map((o) => o.id);
      return page.map((o) =>
        organisationDict(
          view,
          o,
          ctx.lang,
          view.datasets.filter((d) => d.responsibleUnits[0] === o.id).length,
        ),
      );
    },
  },
  organization_show: {
    help: 'One organisation by its name or id; include_datasets: its datasets too.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const id = p.required('id');
      const org = organisations(view).find((o) => o.id === id || organisationDict(view, o, 'kk').id === id);
      if (!org) throw notFound(`organization "${id}"`);
      const mine = view.datasets.filter((d) => d.responsibleUnits[0] === org.id);
      return withDatasets(organisationDict(view, org, ctx.lang, mine.length), mine, p, ctx, view);
    },
  },
  group_list: {
    help: 'The groups of datasets: what they are made from. all_fields: dictionaries rather than names.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const names = Object.keys(GROUPS) as GroupName[];
      if (!p.bool('all_fields', false)) return names;
      return names.map((g) =>
        groupDict(view, g, ctx.lang, view.datasets.filter((d) => groupOf(d) === g).length),
      );
    },
  },
  group_show: {
    help: 'One group by its name or id; include_datasets: its datasets too.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const id = p.required('id');
      const name = (Object.keys(GROUPS) as GroupName[]).find(
        (g) => g === id || groupDict(view, g, 'kk').id === id,
      );
      if (!name) throw notFound(`group "${id}"`);
      const mine = view.datasets.filter((d) => groupOf(d) === name);
      return withDatasets(groupDict(view, name, ctx.lang, mine.length), mine, p, ctx, view);
    },
  },
  tag_list: {
    help: 'The tags of the datasets. query: tags that start with it.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const query = (p.string('query') ?? '').toLowerCase();
      const tags = [...new Set(view.datasets.flatMap((d) => tagsOf(view, d)))].sort();
      return tags.filter((t) => t.toLowerCase().startsWith(query));
    },
  },
  license_list: { help: 'The licences of the datasets.', run: async () => [LICENSE] },
  resource_show: {
    help: 'One resource by its id.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const id = p.required('id');
      const found = findResource(view, id);
      if (!found?.dataset) throw notFound(`resource "${id}"`);
      return resourceDict(view, found.dataset, found.resource, ctx.lang);
    },
  },
  datastore_search: {
    help: `Rows of a DataStore resource. resource_id; filters (field → value or list of values); q (words, or field → words); fields; sort ("field asc, field desc"); limit (default 100, at most ${ROWS_MAX}); offset; include_total; records_format (objects, lists, csv, tsv).`,
    run: async (p, ctx) => {
      const view = await ctx.view();
      const id = p.required('resource_id');
      const { dataset, resource } = await datastoreOf(view, id);
      const filters = p.json<Record<string, unknown>>('filters');
      if (
        filters !== undefined &&
        (typeof filters !== 'object' || filters === null || Array.isArray(filters))
      )
        throw invalid('filters', 'filters: an object of field → value is expected');
      const qRaw = p.raw('q');
      let q: string | Record<string, string> | undefined = undefined;
      if (typeof qRaw === 'string' && qRaw.trim().startsWith('{')) q = p.json<Record<string, string>>('q');
      else if (qRaw !== undefined && qRaw !== '') q = qRaw as string | Record<string, string>;
      const format = p.string('records_format') ?? 'objects';
      if (!['objects', 'lists', 'csv', 'tsv'].includes(format))
        throw invalid('records_format', 'records_format: objects, lists, csv or tsv');
      const limit = p.int('limit', 100, 0, ROWS_MAX);
      const offset = p.int('offset', 0, 0);
      try {
        const query = {
          ...(filters ? { filters } : {}),
          ...(q !== undefined ? { q } : {}),
          ...(p.has('fields') ? { fields: p.list('fields') } : {}),
          ...(p.has('sort') ? { sort: p.string('sort') } : {}),
          limit,
          offset,
          includeTotal: p.bool('include_total', true),
          recordsFormat: format as 'objects',
        };
        const list =
          dataset.madeFrom.kind === 'form' ? null : await listRowsOf(ctx.deps.db, dataset, view.on);
        const out = list
          ? searchRows(list, query)
          : await datastoreSearch(ctx.deps.db, id, query, String(resource.latest.id));
        const base = `/api/3/action/datastore_search?resource_id=${id}`;
        return {
          resource_id: id,
          fields: out.fields,
          records: out.records,
          ...(out.total !== undefined ? { total: out.total, total_was_estimated: false } : {}),
          limit,
          offset,
          ...(filters ? { filters } : {}),
          ...(q !== undefined ? { q } : {}),
          include_total: p.bool('include_total', true),
          records_format: format,
          _links: { start: base, next: `${base}&offset=${offset + limit}` },
        };
      } catch (err) {
        if (err instanceof DatastoreInputError) throw invalid(err.field, err.message);
        throw err;
      }
    },
  },
  datastore_info: {
    help: 'The columns and the row count of a DataStore resource. id: the resource.',
    run: async (p, ctx) => {
      const view = await ctx.view();
      const id = p.string('id') ?? p.required('resource_id');
      const { dataset, resource } = await datastoreOf(view, id);
      const list = dataset.madeFrom.kind === 'form' ? null : await listRowsOf(ctx.deps.db, dataset, view.on);
      const fields = list ? list.fields : DATASTORE_FIELDS.filter((f) => f.id !== '_id');
      return {
        meta: {
          id,
          count: list ? list.rows.length : await datastoreCount(ctx.deps.db, id, String(resource.latest.id)),
          table_type: 'BASE TABLE',
          aliases: [],
        },
        fields: fields.map((f) => ({ id: f.id, type: f.type, schema: { native_type: f.type } })),
      };
    },
  },
};
