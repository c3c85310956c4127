// The catalogue as DCAT-AP 3.0 (the application profile European and national portals harvest):
// the catalog, each dataset with its publisher, contact point, accrual periodicity (the EU
// frequency vocabulary), temporal and spatial coverage, legal basis (the act and its clause, as
// dcatap:applicableLegislation), licence, and every distribution with its access and download URL,
// IANA media type, size and SHA-256 checksum. Paged with Hydra, 100 datasets a page, as
// ckanext-dcat pages it; `modified_since` keeps the datasets modified since a moment.
import { parsePeriod, periodEnd, periodStart } from '../../calendar/index.js';
import type { Dataset } from '../../catalog/index.js';
import { DATASTORE_KEY } from '../opendata.build.js';
import {
  LICENSE,
  metadataCreated,
  metadataModified,
  resourceUrl,
  type CatalogView,
} from '../ckan/ckan.model.js';
import { iri, lit, typed, type Node, type Term, type Triple } from './rdf.js';

export const PAGE_SIZE = 100;

const FREQUENCY: Record<Dataset['updatePeriod'], string> = {
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  'half-yearly': 'ANNUAL_2',
  yearly: 'ANNUAL',
  'on-arrival': 'IRREG',
  permanent: 'UPDATE_CONT',
};
const EU = 'http://publications.europa.eu/resource/authority/';
const IANA = 'http://www.iana.org/assignments/media-types/';
const LANGS = ['kk', 'ru', 'en'] as const;

export interface DcatPage {
  triples: Triple[];
  total: number;
  page: number;
  pages: number;
}

export function dcatGraph(
  view: CatalogView,
  opts: { page: number; modifiedSince: Date | null; path: string },
): DcatPage {
  const base = view.baseUrl;
  const t: Triple[] = [];
  const add = (s: Node, p: `${string}:${string}`, o: Term) => t.push([s, iri(p as never), o]);
  const node = (value: string): Node => ({ iri: value });
  const type = (s: Node, c: `${string}:${string}`) => add(s, 'rdf:type', { iri: iri(c as never) });

  const catalog = node(`${base}/`);
  const publisher = node(`${base}/organisation/committee`);
  const committee = view.catalog.organisations.find((o) => o.id === 'committee');
  type(catalog, 'dcat:Catalog');
  add(catalog, 'dct:title', lit('Прокуратура органдарының ашық деректері', 'kk'));
  add(catalog, 'dct:title', lit('Открытые данные органов прокуратуры', 'ru'));
  add(catalog, 'dct:title', lit('Open data of the prosecution bodies', 'en'));
  add(
    catalog,
    'dct:description',
    lit(
      'Order 84 of 3 August 2019: the open datasets of the prosecution bodies of the Republic of Kazakhstan',
      'en',
    ),
  );
  add(
    catalog,
    'dct:description',
    lit('Приказ № 84 от 3 августа 2019 года: открытые данные органов прокуратуры Республики Казахстан', 'ru'),
  );
  add(catalog, 'dct:publisher', publisher);
  const homepage = node(`${base}/`);
  type(homepage, 'foaf:Document');
  add(catalog, 'foaf:homepage', homepage);
  type(publisher, 'foaf:Agent');
  for (const l of LANGS)
    add(
      publisher,
      'foaf:name',
      lit(committee?.titles[l] ?? 'Committee on Legal Statistics and Special Accounts', l),
    );

  const license = node(LICENSE.url);
  type(license, 'dct:LicenseDocument');
  add(license, 'dct:title', lit(LICENSE.title, 'en'));
  const spatial = node(`${EU}country/KAZ`);
  type(spatial, 'dct:Location');

  const listed = view.datasets.filter(
    (d) => opts.modifiedSince === null || metadataModified(view, d).getTime() >= opts.modifiedSince.getTime(),
  );
  const pages = Math.max(1, Math.ceil(listed.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page), pages);
  for (const dataset of listed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)) {
    const d = node(`${base}/dataset/${dataset.id}`);
    add(catalog, 'dcat:dataset', d);
    datasetTriples(view, dataset, d, { add, type, node, license, spatial, publisher });
  }

  // Hydra paging, as ckanext-dcat writes it.
  const pageUrl = (n: number) =>
    `${base}${opts.path}?page=${n}${opts.modifiedSince ? `&modified_since=${encodeURIComponent(opts.modifiedSince.toISOString())}` : ''}`;
  const collection = node(pageUrl(page));
  type(collection, 'hydra:PagedCollection');
  add(collection, 'hydra:totalItems', typed(String(listed.length), 'xsd:integer'));
  add(collection, 'hydra:itemsPerPage', typed(String(PAGE_SIZE), 'xsd:integer'));
  add(collection, 'hydra:firstPage', lit(pageUrl(1)));
  add(collection, 'hydra:lastPage', lit(pageUrl(pages)));
  if (page < pages) add(collection, 'hydra:nextPage', lit(pageUrl(page + 1)));
  if (page > 1) add(collection, 'hydra:previousPage', lit(pageUrl(page - 1)));
  return { triples: t, total: listed.length, page, pages };
}

interface Helpers {
  add: (s: Node, p: `${string}:${string}`, o: Term) => void;
  type: (s: Node, c: `${string}:${string}`) => void;
  node: (value: string) => Node;
  license: Node;
  spatial: Node;
  publisher: Node;
}

function datasetTriples(view: CatalogView, dataset: Dataset, d: Node, h: Helpers): void {
  const { add, type, node } = h;
  const base = view.baseUrl;
  type(d, 'dcat:Dataset');
  for (const l of LANGS) {
    add(d, 'dct:title', lit(dataset.titles[l], l));
    add(d, 'dct:description', lit(`${dataset.titles[l]}. ${dataset.source[l]}.`, l));
  }
  add(d, 'dct:identifier', lit(dataset.id));
  add(d, 'dct:issued', typed(metadataCreated(dataset).toISOString(), 'xsd:dateTime'));
  add(d, 'dct:modified', typed(metadataModified(view, dataset).toISOString(), 'xsd:dateTime'));
  add(d, 'dct:publisher', h.publisher);
  add(d, 'dct:spatial', h.spatial);
  add(d, 'dcat:keyword', lit('Order 84', 'en'));
  add(d, 'dcat:keyword', lit(dataset.updatePeriod, 'en'));
  const landing = node(`${base}/kk/datasets`);
  type(landing, 'foaf:Document');
  add(d, 'dcat:landingPage', landing);
  const frequency = node(`${EU}frequency/${FREQUENCY[dataset.updatePeriod]}`);
  type(frequency, 'dct:Frequency');
  add(d, 'dct:accrualPeriodicity', frequency);

  // The legal basis: the act and the clause that lists the dataset.
  const legislation = node(`${base}/acts/${dataset.act}#${dataset.clause}`);
  type(legislation, 'eli:LegalResource');
  add(legislation, 'dct:title', lit(`${dataset.act} ${dataset.clause}`));
  add(d, 'dcatap:applicableLegislation', legislation);

  // The contact point: the responsible unit of Order 84.
  const unit = view.catalog.organisations.find((o) => o.id === dataset.responsibleUnits[0]);
  const contact = node(`${base}/organisation/${dataset.responsibleUnits[0]}`);
  type(contact, 'vcard:Organization');
  type(contact, 'vcard:Kind');
  add(contact, 'vcard:fn', lit(unit?.titles.ru ?? dataset.responsibleUnits[0]!, 'ru'));
  add(d, 'dcat:contactPoint', contact);

  const resources = view.resources.get(dataset.id) ?? [];
  const periods = resources
    .filter((r) => r.period)
    .map((r) => r.period!)
    .sort();
  if (periods.length) {
    const temporal: Node = { blank: `temporal-${dataset.id}` };
    type(temporal, 'dct:PeriodOfTime');
    add(temporal, 'dcat:startDate', typed(periodStart(parsePeriod(periods[0]!)), 'xsd:date'));
    add(temporal, 'dcat:endDate', typed(periodEnd(parsePeriod(periods.at(-1)!)), 'xsd:date'));
    add(d, 'dct:temporal', temporal);
  }
  for (const r of resources) {
    const dist = node(`${base}/dataset/${dataset.id}/resource/${r.id}`);
    type(dist, 'dcat:Distribution');
    add(d, 'dcat:distribution', dist);
    const url = resourceUrl(view, dataset.id, r);
    add(dist, 'dcat:accessURL', node(url));
    add(dist, 'dcat:downloadURL', node(url));
    add(
      dist,
      'dct:title',
      lit(r.key === DATASTORE_KEY ? 'All periods (DataStore)' : `${r.period} (${r.format})`, 'en'),
    );
    const media = node(IANA + r.latest.media_type);
    type(media, 'dct:MediaType');
    add(dist, 'dcat:mediaType', media);
    add(dist, 'dct:license', h.license);
    add(dist, 'dcat:byteSize', typed(String(r.latest.size), 'xsd:nonNegativeInteger'));
    add(dist, 'dct:issued', typed(r.created_at.toISOString(), 'xsd:dateTime'));
    add(dist, 'dct:modified', typed(r.latest.built_at.toISOString(), 'xsd:dateTime'));
    const checksum: Node = { blank: `checksum-${r.id}` };
    type(checksum, 'spdx:Checksum');
    const sha256 = node(iri('spdx:checksumAlgorithm_sha256'));
    type(sha256, 'spdx:ChecksumAlgorithm');
    add(checksum, 'spdx:algorithm', sha256);
    add(checksum, 'spdx:checksumValue', typed(r.latest.sha256, 'xsd:hexBinary'));
    add(dist, 'spdx:checksum', checksum);
  }
}
