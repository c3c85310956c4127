// The catalogue as CKAN's dictionaries (CKAN 2.10/2.11 Action API): datasets (packages) with
// their resources, organisations (the responsible units of Order 84), groups (what a dataset is
// made from), tags and the licence. Titles and notes are in Kazakh; Russian and English are in
// `extras` (title_ru, notes_en, …), or the main fields with `lang`.
import type { Catalog, Dataset, Organisation } from '../../catalog/index.js';
import { inUseOn } from '../../catalog/index.js';
import { datasetUuid, groupUuid, organisationUuid } from '../opendata.ids.js';
import type { ResourceRow, VersionRow } from '../opendata.repository.js';
import { DATASTORE_KEY } from '../opendata.build.js';
import type { DatasetDeadline } from '../opendata.deadlines.js';

export type Lang = 'kk' | 'ru' | 'en';

/** CKAN writes times in UTC, ISO 8601 without a zone, with microseconds. */
export function ckanTime(d: Date): string {
  return `${d.toISOString().slice(0, 23)}000`;
}

export const LICENSE = {
  id: 'other-open',
  title: 'Open data of the Republic of Kazakhstan: free to use, citing the source',
  url: 'https://data.egov.kz',
  od_conformance: 'approved',
  osd_conformance: 'not reviewed',
  status: 'active',
  maintainer: '',
  family: '',
  domain_content: false,
  domain_data: true,
  domain_software: false,
  is_generic: true,
};

export const GROUPS = {
  'statistical-reports': {
    kk: 'Статистикалық есептер',
    ru: 'Статистические отчеты',
    en: 'Statistical reports',
  },
  registers: { kk: 'Тізбелер', ru: 'Перечни', en: 'Registers' },
  'organisation-structure': { kk: 'Құрылым', ru: 'Структура', en: 'Structure' },
} as const;
export type GroupName = keyof typeof GROUPS;

export function groupOf(dataset: Dataset): GroupName {
  switch (dataset.madeFrom.kind) {
    case 'form':
      return 'statistical-reports';
    case 'register':
      return 'registers';
    default:
      return 'organisation-structure';
  }
}

export interface CatalogView {
  catalog: Catalog;
  on: string;
  datasets: Dataset[];
  resources: Map<string, (ResourceRow & { latest: VersionRow })[]>;
  baseUrl: string;
  /** when the catalogue's entries were loaded: a dataset's creation */
  created: Date;
  /** the deadline watch of each dataset (absent from a view made up for a benchmark) */
  deadlines?: Map<string, DatasetDeadline>;
}

function orgOf(view: CatalogView, dataset: Dataset): Organisation | undefined {
  const id = dataset.responsibleUnits[0];
  return inUseOn(view.catalog, view.catalog.organisations, view.on).find((o) => o.id === id);
}

export function organisationDict(view: CatalogView, org: Organisation, lang: Lang, packageCount?: number) {
  return {
    id: organisationUuid(org.id),
    name: org.id,
    title: org.titles[lang],
    display_name: org.titles[lang],
    type: 'organization',
    description: org.titles[lang === 'en' ? 'ru' : 'en'],
    image_url: '',
    image_display_url: '',
    created: ckanTime(view.created),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount !== undefined ? { package_count: packageCount } : {}),
  };
}

export function groupDict(view: CatalogView, name: GroupName, lang: Lang, packageCount?: number) {
  return {
    id: groupUuid(name),
    name,
    title: GROUPS[name][lang],
    display_name: GROUPS[name][lang],
    description: '',
    image_url: '',
    image_display_url: '',
    type: 'group',
    created: ckanTime(view.created),
    is_organization: false,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount !== undefined ? { package_count: packageCount } : {}),
  };
}

export function tagsOf(view: CatalogView, dataset: Dataset): string[] {
  const tags = ['order-84', dataset.updatePeriod];
  if (dataset.madeFrom.kind === 'form') {
    const formId = dataset.madeFrom.form;
    const form = view.catalog.forms.find((f) => f.id === formId);
    tags.push(form?.code ?? formId);
  } else if (dataset.madeFrom.kind === 'register') tags.push('register');
  return tags;
}

function notesOf(view: CatalogView, dataset: Dataset, lang: Lang): string {
  const units = dataset.responsibleUnits
    .map((id) => view.catalog.organisations.find((o) => o.id === id)?.titles[lang] ?? id)
    .join('; ');
  const period = { kk: 'Жаңарту кезеңі', ru: 'Период обновления', en: 'Update period' }[lang];
  const source = { kk: 'Дереккөзі', ru: 'Источник', en: 'Source' }[lang];
  const unit = { kk: 'Жауапты бөлімше', ru: 'Ответственное подразделение', en: 'Responsible unit' }[lang];
  const basis = { kk: 'Құқықтық негіз', ru: 'Правовое основание', en: 'Legal basis' }[lang];
  return [
    dataset.titles[lang],
    `${period}: ${dataset.updatePeriod}${dataset.dueDay ? ` (${dataset.dueDay})` : ''}.`,
    `${source}: ${dataset.source[lang]}.`,
    `${unit}: ${units}.`,
    `${basis}: ${dataset.act} ${dataset.clause}.`,
  ].join('\n\n');
}

const RESOURCE_NAMES: Record<Lang, { table: string; all: string }> = {
  kk: { table: 'Негізгі кесте', all: 'Барлық кезеңдер (DataStore)' },
  ru: { table: 'Основная таблица', all: 'Все периоды (DataStore)' },
  en: { table: 'Main table', all: 'All periods (DataStore)' },
};

export function resourceUrl(
  view: CatalogView,
  dataset: string,
  r: ResourceRow & { latest: VersionRow },
): string {
  if (r.key === DATASTORE_KEY) return `${view.baseUrl}/datastore/dump/${r.id}`;
  return `${view.baseUrl}/dataset/${dataset}/resource/${r.id}/download/${encodeURIComponent(r.latest.file_name)}`;
}

export function resourceDict(
  view: CatalogView,
  dataset: Dataset,
  r: ResourceRow & { latest: VersionRow },
  lang: Lang,
) {
  const names = RESOURCE_NAMES[lang];
  const store = r.key === DATASTORE_KEY;
  return {
    id: r.id,
    package_id: datasetUuid(dataset.id),
    name: store ? names.all : `${names.table}, ${r.period} (${r.format})`,
    description: store
      ? 'period × region × row × graph, every published period'
      : `${r.period}: ${dataset.titles[lang]}`,
    format: r.format,
    mimetype: r.latest.media_type,
    mimetype_inner: null,
    size: r.latest.size,
    hash: r.latest.sha256,
    hash_algorithm: 'sha256',
    url: resourceUrl(view, dataset.id, r),
    url_type: store ? 'datastore' : 'upload',
    datastore_active: store,
    position: r.position,
    created: ckanTime(r.created_at),
    last_modified: ckanTime(r.latest.built_at),
    metadata_modified: ckanTime(r.latest.built_at),
    state: 'active',
    resource_type: store ? 'datastore' : 'file',
    cache_url: null,
    version: r.latest.version,
    period: r.period,
    license_id: LICENSE.id,
    legal_basis: `${dataset.act} ${dataset.clause}`,
  };
}

/** A dataset's record dates from its entry into force under Order 84. */
export const metadataCreated = (dataset: Dataset): Date => new Date(`${dataset.validFrom}T00:00:00Z`);

export function metadataModified(view: CatalogView, dataset: Dataset): Date {
  const times = (view.resources.get(dataset.id) ?? []).map((r) => r.latest.built_at.getTime());
  return new Date(Math.max(metadataCreated(dataset).getTime(), ...times));
}

/** The deadline watch in `extras` (Order 84: by the 20th of the month after the period). */
function deadlineExtras(d: DatasetDeadline | undefined): Record<string, string> {
  if (!d) return {};
  return {
    deadline_rule: d.rule,
    next_due: d.nextDue?.due ?? '',
    next_due_period: d.nextDue?.period ?? '',
    last_update: d.lastUpdate ? ckanTime(d.lastUpdate) : '',
    late: String(d.late),
    late_periods: d.overdue.map((o) => o.period).join(','),
  };
}

export function packageDict(view: CatalogView, dataset: Dataset, lang: Lang) {
  const org = orgOf(view, dataset);
  const resources = (view.resources.get(dataset.id) ?? []).map((r) => resourceDict(view, dataset, r, lang));
  const tags = tagsOf(view, dataset);
  const group = groupOf(dataset);
  const extras: Record<string, string> = {
    title_kk: dataset.titles.kk,
    title_ru: dataset.titles.ru,
    title_en: dataset.titles.en,
    notes_kk: notesOf(view, dataset, 'kk'),
    notes_ru: notesOf(view, dataset, 'ru'),
    notes_en: notesOf(view, dataset, 'en'),
    list_no: String(dataset.listNo),
    update_period: dataset.updatePeriod,
    due_day: dataset.dueDay === null ? 'as the information arrives' : String(dataset.dueDay),
    legal_basis: `${dataset.act} ${dataset.clause}`,
    responsible_units: dataset.responsibleUnits.join(','),
    source_kk: dataset.source.kk,
    source_ru: dataset.source.ru,
    made_from: dataset.madeFrom.kind === 'form' ? `form:${dataset.madeFrom.form}` : dataset.madeFrom.kind,
    ...deadlineExtras(view.deadlines?.get(dataset.id)),
  };
  return {
    id: datasetUuid(dataset.id),
    name: dataset.id,
    title: dataset.titles[lang],
    notes: notesOf(view, dataset, lang),
    type: 'dataset',
    state: 'active',
    private: false,
    isopen: true,
    license_id: LICENSE.id,
    license_title: LICENSE.title,
    license_url: LICENSE.url,
    author: null,
    author_email: null,
    maintainer: org?.titles[lang] ?? null,
    maintainer_email: null,
    url: `${view.baseUrl}/${lang}/datasets`,
    version: null,
    metadata_created: ckanTime(metadataCreated(dataset)),
    metadata_modified: ckanTime(metadataModified(view, dataset)),
    creator_user_id: null,
    owner_org: org ? organisationUuid(org.id) : null,
    organization: org ? organisationDict(view, org, lang) : null,
    groups: [
      {
        id: groupUuid(group),
        name: group,
        title: GROUPS[group][lang],
        display_name: GROUPS[group][lang],
        description: '',
        image_display_url: '',
      },
    ],
    tags: tags.map((t) => ({
      id: `tag:${t}`,
      name: t,
      display_name: t,
      state: 'active',
      vocabulary_id: null,
    })),
    num_tags: tags.length,
    resources,
    num_resources: resources.length,
    extras: Object.entries(extras).map(([key, value]) => ({ key, value })),
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}

export type PackageDict = ReturnType<typeof packageDict>;
