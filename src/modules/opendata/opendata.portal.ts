// What the portal's open-data pages read, through the same actions the CKAN API serves: a search
// with facets (package_search), a dataset with its resources, the first rows of its DataStore
// resource (datastore_search) and the versions of its resources.
import type { Deps } from '../../platform/usecase.js';
import { ACTIONS, type ActionContext } from './ckan/ckan.actions.js';
import type { CatalogView, Lang, PackageDict } from './ckan/ckan.model.js';
import { resourceDict } from './ckan/ckan.model.js';
import { Params } from './ckan/ckan.params.js';
import { DATASTORE_KEY } from './opendata.build.js';
import * as repo from './opendata.repository.js';

const contextOf = (deps: Deps, view: CatalogView, lang: Lang): ActionContext => ({
  deps,
  lang,
  version: '',
  view: async () => view,
});

export interface PortalSearch {
  count: number;
  results: PackageDict[];
  search_facets: Record<string, { items: { name: string; display_name: string; count: number }[] }>;
}

/** package_search as the catalogue page asks it: words, filters as `fq`, facets. */
export async function searchDatasets(
  deps: Deps,
  view: CatalogView,
  lang: Lang,
  input: { q: string; filters: Record<string, string>; facets: readonly string[] },
): Promise<PortalSearch> {
  const fq = Object.entries(input.filters)
    .map(([field, value]) => `${field}:"${value.replace(/"/g, '')}"`)
    .join(' ');
  return (await ACTIONS.package_search!.run(
    new Params({
      q: input.q,
      fq,
      rows: '1000',
      'facet.field': JSON.stringify(input.facets),
      'facet.limit': '-1',
      sort: input.q ? 'score desc, name asc' : 'name asc',
    }),
    contextOf(deps, view, lang),
  )) as PortalSearch;
}

/** A dataset's resources as CKAN describes them, the first rows of its DataStore and the versions. */
export async function datasetDetail(deps: Deps, view: CatalogView, lang: Lang, id: string, previewRows = 10) {
  const dataset = view.datasets.find((d) => d.id === id);
  if (!dataset) return null;
  const rows = view.resources.get(dataset.id) ?? [];
  const resources = rows.map((r) => ({
    ...resourceDict(view, dataset, r, lang),
    builtAt: r.latest.built_at,
  }));
  const store = rows.find((r) => r.key === DATASTORE_KEY);
  let preview: { fields: string[]; records: unknown[][]; total: number } | null = null;
  if (store) {
    const out = (await ACTIONS.datastore_search!.run(
      new Params({ resource_id: store.id, limit: String(previewRows), records_format: 'lists' }),
      contextOf(deps, view, lang),
    )) as { fields: { id: string }[]; records: unknown[][]; total: number };
    preview = { fields: out.fields.map((f) => f.id), records: out.records, total: out.total };
  }
  const versions = [];
  for (const r of resources)
    for (const v of await repo.findVersions(deps.db, r.id))
      versions.push({
        resource: r.name,
        version: v.version,
        builtAt: v.built_at.toISOString(),
        size: v.size,
        reason: v.reason,
      });
  versions.sort((a, b) => (a.builtAt < b.builtAt ? 1 : a.builtAt > b.builtAt ? -1 : 0));
  return { dataset, resources, preview, versions: versions.slice(0, 50) };
}
