// datastore_search over a dataset's long table, as CKAN's DataStore answers it: `filters` (a value
// or a list of values per field), `q` (words in the text fields), `fields`, `sort`, `limit`,
// `offset`, `include_total` and `records_format` (objects, lists, csv, tsv). The filters go to
// indexed columns, so a total over a large table is one index count, not a scan of the rows.
import { stringify } from 'csv-stringify/sync';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/db/index.js';
import { DATASTORE_FIELDS } from './opendata.build.js';

export class DatastoreInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const ROWS_MAX = 32_000;
type FieldId = (typeof DATASTORE_FIELDS)[number]['id'];
const FIELD_IDS = DATASTORE_FIELDS.map((f) => f.id) as readonly string[];
const TEXT: readonly FieldId[] = [
  'period',
  'region',
  'region_name',
  'row_code',
  'row_label',
  'graph_label',
  'status',
];

/** The text fields joined, exactly as the index od_datastore_words is made (migration 0012). */
const WORDS = sql.raw(
  TEXT.map((f) => (f === 'region_name' ? `coalesce(d.${f}, '')` : `d.${f}`)).join(` || ' ' || `),
);

export interface DatastoreQuery {
  filters?: Record<string, unknown>;
  q?: string | Record<string, string>;
  fields?: string[];
  sort?: string;
  limit?: number;
  offset?: number;
  includeTotal?: boolean;
  recordsFormat?: 'objects' | 'lists' | 'csv' | 'tsv';
}

function field(name: string, where: string): FieldId {
  if (!FIELD_IDS.includes(name))
    throw new DatastoreInputError(where, `${where}: no field "${name}" (fields: ${FIELD_IDS.join(', ')})`);
  return name as FieldId;
}

const col = (f: FieldId) => sql.ref(`d.${f}`);

function typed(f: FieldId, v: unknown, where: string): unknown {
  const type = DATASTORE_FIELDS.find((x) => x.id === f)!.type;
  if (v === null) return null;
  if (type === 'int') {
    const n = Number(v);
    if (!Number.isSafeInteger(n))
      throw new DatastoreInputError(where, `${where}: "${String(v)}" is not an integer`);
    return n;
  }
  if (type === 'numeric') {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new DatastoreInputError(where, `${where}: "${String(v)}" is not a number`);
    return String(v);
  }
  if (type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(v)))
    throw new DatastoreInputError(where, `${where}: "${String(v)}" is not a date (YYYY-MM-DD)`);
  if (typeof v === 'object')
    throw new DatastoreInputError(where, `${where}: a value must be a string or a number`);
  return String(v);
}

/** `limit` (default 100, at most ROWS_MAX) and `offset`, checked. */
function pageOf(query: DatastoreQuery): { limit: number; offset: number } {
  const limit = query.limit ?? 100;
  if (!Number.isSafeInteger(limit) || limit < 0 || limit > ROWS_MAX)
    throw new DatastoreInputError('limit', `limit: must be a whole number from 0 to ${ROWS_MAX}`);
  const offset = query.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new DatastoreInputError('offset', 'offset: must be a whole number, 0 or more');
  return { limit, offset };
}

/** `sort` as CKAN writes it ("field asc, field desc"; `_id` by default), each field checked by `known`. */
function sortOf(query: DatastoreQuery, known: (name: string) => string): { name: string; desc: boolean }[] {
  return (query.sort ?? '_id')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [name, dir = 'asc'] = s.split(/\s+/);
      const checked = known(name!.replace(/^"|"$/g, ''));
      if (!/^(asc|desc)$/i.test(dir))
        throw new DatastoreInputError('sort', `sort: "${dir}" is neither asc nor desc`);
      return { name: checked, desc: dir.toLowerCase() === 'desc' };
    });
}

/**
 * The totals counted, by database, kept per resource version (a version's rows never change: a
 * rebuild that changes them makes a new version in the same transaction) and per filters and `q`.
 * CKAN does the same since ckan#9260: the exact count of a resource is cached and a later search
 * reads it, never an estimate; here a filtered or word count is kept too (counting the rows of a
 * common word over 10^6 rows is a scan of its matches, hundreds of milliseconds). Bounded: the
 * oldest totals go first.
 */
const totalsKept = new WeakMap<object, Map<string, number>>();
const TOTALS_KEPT = 10_000;

async function totalOf(
  db: Queryable,
  where: ReturnType<typeof sql.join>,
  key: string | null,
): Promise<number> {
  let kept = totalsKept.get(db);
  const hit = key === null ? undefined : kept?.get(key);
  if (hit !== undefined) return hit;
  const n = Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM od_datastore d WHERE ${where}`.execute(db)).rows[0]!
      .n,
  );
  // What a transaction counts may be rolled back: only totals read outside one are kept.
  if (key !== null && !db.isTransaction) {
    if (!kept) totalsKept.set(db, (kept = new Map()));
    if (kept.size >= TOTALS_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, n);
  }
  return n;
}

/**
 * `version`: the id of the resource's latest version, when the caller knows it — the total of the
 * same search of the same version is then counted once (see totalsKept).
 */
export async function datastoreSearch(
  db: Queryable,
  resourceId: string,
  query: DatastoreQuery,
  version: string | null = null,
) {
  const { limit, offset } = pageOf(query);
  const fields = (query.fields ?? FIELD_IDS).map((f) => field(f, 'fields'));

  const conditions: Expression<SqlBool>[] = [sql<SqlBool>`d.resource_id = ${resourceId}`];
  for (const [name, value] of Object.entries(query.filters ?? {})) {
    const f = field(name, 'filters');
    const values = (Array.isArray(value) ? value : [value]).map((v) => typed(f, v, `filters.${name}`));
    if (values.length === 0)
      throw new DatastoreInputError('filters', `filters.${name}: an empty list matches nothing`);
    conditions.push(sql<SqlBool>`${col(f)} IN (${sql.join(values.map((v) => sql`${v}`))})`);
  }
  if (query.q !== undefined) {
    const entries = typeof query.q === 'string' ? [[null, query.q] as const] : Object.entries(query.q);
    for (const [name, text] of entries) {
      if (typeof text !== 'string')
        throw new DatastoreInputError('q', 'q: a text, or an object of field → text');
      for (const word of text.split(/\s+/).filter(Boolean)) {
        const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        // A word in any text field: the text fields joined by spaces (a word has none) is the
        // expression of the trigram index od_datastore_words (migration 0012), so this is an index
        // scan, not a scan of every row of the resource.
        conditions.push(
          name === null
            ? sql<SqlBool>`(${WORDS}) ILIKE ${like}`
            : sql<SqlBool>`${col(field(name, 'q'))}::text ILIKE ${like}`,
        );
      }
    }
  }
  const where = sql.join(conditions, sql` AND `);
  const order = sortOf(query, (name) => field(name, 'sort')).map(
    (o) => sql`${col(o.name as FieldId)} ${sql.raw(o.desc ? 'desc' : 'asc')}`,
  );
  const rows = await sql<Record<string, unknown>>`
    SELECT ${sql.join(fields.map((f) => sql`${col(f)}`))} FROM od_datastore d
    WHERE ${where} ORDER BY ${sql.join([...order, sql`d._id`])} LIMIT ${limit} OFFSET ${offset}`.execute(db);
  const total =
    query.includeTotal === false
      ? undefined
      : await totalOf(
          db,
          where,
          version === null
            ? null
            : JSON.stringify([version, resourceId, query.filters ?? null, query.q ?? null]),
        );
  const records = rows.rows.map((r) => fields.map((f) => value(f, r[f])));
  const format = query.recordsFormat ?? 'objects';
  return {
    fields: DATASTORE_FIELDS.filter((f) => fields.includes(f.id)).map((f) => ({ id: f.id, type: f.type })),
    records:
      format === 'objects'
        ? records.map((r) => Object.fromEntries(fields.map((f, i) => [f, r[i]])))
        : format === 'lists'
          ? records
          : stringify(records as unknown[][], { delimiter: format === 'tsv' ? '\t' : ',' }),
    total,
    limit,
    offset,
  };
}

function value(f: FieldId, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (f === 'value') return Number(v);
  if (f === '_id' || f === 'graph') return Number(v);
  return v;
}

/** The rows of a resource (datastore_info), counted once per version like a search's total. */
export async function datastoreCount(
  db: Queryable,
  resourceId: string,
  version: string | null = null,
): Promise<number> {
  return totalOf(
    db,
    sql.join([sql<SqlBool>`d.resource_id = ${resourceId}`]),
    version === null ? null : JSON.stringify([version, resourceId, null, null]),
  );
}

/**
 * The same search over a list held in memory (a register's entries, the structure of the bodies:
 * hundreds of rows): the same arguments, the same errors, the same answer.
 */
export function searchRows(
  all: { fields: { id: string; type: string }[]; rows: Record<string, unknown>[] },
  query: DatastoreQuery,
) {
  const ids = ['_id', ...all.fields.map((f) => f.id)];
  const fieldsOf = [{ id: '_id', type: 'int' }, ...all.fields];
  const known = (name: string, where: string) => {
    if (!ids.includes(name))
      throw new DatastoreInputError(where, `${where}: no field "${name}" (fields: ${ids.join(', ')})`);
    return name;
  };
  const { limit, offset } = pageOf(query);
  const fields = (query.fields ?? ids).map((f) => known(f, 'fields'));
  let rows = all.rows.map((r, i) => ({ _id: i + 1, ...r }) as Record<string, unknown>);
  for (const [name, value] of Object.entries(query.filters ?? {})) {
    known(name, 'filters');
    const wanted = (Array.isArray(value) ? value : [value]).map((v) => (v === null ? null : String(v)));
    rows = rows.filter((r) =>
      wanted.includes(r[name] === null || r[name] === undefined ? null : String(r[name])),
    );
  }
  if (query.q !== undefined) {
    const entries = typeof query.q === 'string' ? [[null, query.q] as const] : Object.entries(query.q);
    for (const [name, text] of entries) {
      if (name !== null) known(name, 'q');
      const words = String(text).toLowerCase().split(/\s+/).filter(Boolean);
      const cols = name === null ? fieldsOf.filter((f) => f.type === 'text').map((f) => f.id) : [name];
      rows = rows.filter((r) =>
        words.every((w) =>
          cols.some((c) =>
            String(r[c] ?? '')
              .toLowerCase()
              .includes(w),
          ),
        ),
      );
    }
  }
  const order = sortOf(query, (name) => known(name, 'sort'));
  rows.sort((a, b) => {
    for (const o of order) {
      const [x, y] = [a[o.name], b[o.name]];
      if (x === y) continue;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * (o.desc ? -1 : 1);
    }
    return 0;
  });
  const page = rows.slice(offset, offset + limit).map((r) => fields.map((f) => r[f] ?? null));
  const format = query.recordsFormat ?? 'objects';
  return {
    fields: fieldsOf.filter((f) => fields.includes(f.id)),
    records:
      format === 'objects'
        ? page.map((r) => Object.fromEntries(fields.map((f, i) => [f, r[i]])))
        : format === 'lists'
          ? page
          : stringify(page as unknown[][], { delimiter: format === 'tsv' ? '\t' : ',' }),
    total: query.includeTotal === false ? undefined : rows.length,
    limit,
    offset,
  };
}
