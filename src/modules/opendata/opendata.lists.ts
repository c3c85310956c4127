// The datasets of Order 84 that are lists, not reports: the registers of banned organisations and
// materials (items 25-29; the persons register of item 23 is not offered, see its decision) and the
// structure of the prosecution bodies (item 1), each one DataStore resource of its current rows.
// The structure comes from the catalogue's organisations; Order 84 also names the head, contacts,
// the order of receiving citizens, the legal address and the geolocation, which no source at hand
// gives, so those columns are not offered rather than invented.
import { inUseOn, type Dataset } from '../catalog/index.js';
import { currentCatalog } from '../catalog/index.js';
import { registerRows } from '../registers/index.js';
import type { Queryable } from '../../platform/db/index.js';

export interface ListField {
  id: string;
  type: 'int' | 'text' | 'date' | 'numeric';
}
export interface ListRows {
  fields: ListField[];
  rows: Record<string, unknown>[];
}

const STRUCTURE_KINDS = new Set([
  'prosecution-body',
  'committee',
  'committee-unit',
  'territorial-body',
  'prosecution-unit',
]);

/** The rows a list dataset holds on a day; null when it has none to give (not known yet, not offered). */
export async function listRowsOf(db: Queryable, dataset: Dataset, on: string): Promise<ListRows | null> {
  const from = dataset.madeFrom;
  if (from.kind === 'register') {
    const r = await registerRows(db, from.register, on);
    return r ? { fields: r.fields.map((f) => ({ id: f.id, type: f.type })), rows: r.rows } : null;
  }
  if (from.kind === 'organisation-structure') {
    const { catalog } = await currentCatalog(db);
    const units = inUseOn(catalog, catalog.organisations, on).filter((o) => STRUCTURE_KINDS.has(o.kind));
    return {
      fields: [
        { id: 'id', type: 'text' },
        { id: 'kind', type: 'text' },
        { id: 'name_kk', type: 'text' },
        { id: 'name_ru', type: 'text' },
        { id: 'name_en', type: 'text' },
        { id: 'parent', type: 'text' },
        { id: 'region', type: 'text' },
      ],
      rows: units.map((o) => ({
        id: o.id,
        kind: o.kind,
        name_kk: o.titles.kk,
        name_ru: o.titles.ru,
        name_en: o.titles.en,
        parent: o.parent ?? null,
        region: o.region ?? null,
      })),
    };
  }
  return null;
}
