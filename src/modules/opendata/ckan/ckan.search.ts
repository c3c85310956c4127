// package_search as CKAN answers it, over the catalogue held in memory (29 datasets under Order
// 84; the same code serves many thousands): Solr's query syntax as CKAN's users write it — words,
// `field:value`, "quoted phrases", `-field:value` and `-word`, `OR` between clauses, ranges
// `field:[A TO B]` with `*`; `fq` with the same syntax; facets; sort; `rows` clamped at 1,000.
// Words match the start of the words of titles and notes in Kazakh, Russian and English.
import type { PackageDict } from './ckan.model.js';

export class SearchQueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Clause {
  negate: boolean;
  field: string | null;
  /** a phrase (all its words, in any order), or a range */
  words?: string[];
  range?: { from: string | null; to: string | null };
}

const FIELDS = new Set([
  'name',
  'title',
  'notes',
  'text',
  'tags',
  'organization',
  'groups',
  'res_format',
  'license_id',
  'metadata_modified',
  'metadata_created',
  'num_resources',
  'num_tags',
  'id',
  'update_period',
  'list_no',
  'made_from',
  'legal_basis',
]);

/** Lower case, ё as е, punctuation as space: how words are compared. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}*]+/gu, ' ')
    .trim();
}

const words = (text: string) => normalise(text).split(' ').filter(Boolean);

/** Parses a query into alternatives (separated by OR), each a list of clauses that must all hold. */
export function parseQuery(q: string, param: string): Clause[][] {
  const tokens: string[] = [];
  const re = /\s*(-?(?:[\w.]+:)?(?:"[^"]*"|\[[^\]]*\]|[^\s"[\]]+))/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < q.length && (m = re.exec(q))) {
    tokens.push(m[1]!);
    at = re.lastIndex;
  }
  if (q.slice(at).trim())
    throw new SearchQueryError(param, `cannot read "${q.slice(at).trim()}" in ${param}`);
  const alternatives: Clause[][] = [[]];
  for (const token of tokens) {
    if (token === 'OR') {
      alternatives.push([]);
      continue;
    }
    if (token === 'AND' || token === '*:*') continue;
    const negate = token.startsWith('-');
    const body = negate ? token.slice(1) : token;
    const fm = /^([\w.]+):(.*)$/.exec(body);
    let field: string | null = null;
    let value = body;
    if (fm && !/^\d/.test(fm[1]!)) {
      field = fm[1]!;
      value = fm[2]!;
      if (!FIELDS.has(field))
        throw new SearchQueryError(
          param,
          `${param}: unknown field "${field}" (known: ${[...FIELDS].join(', ')})`,
        );
    }
    const range = /^\[(\S+)\s+TO\s+(\S+)\]$/.exec(value);
    if (range) {
      alternatives.at(-1)!.push({
        negate,
        field,
        range: { from: range[1] === '*' ? null : range[1]!, to: range[2] === '*' ? null : range[2]! },
      });
      continue;
    }
    const text = value.replace(/^"|"$/g, '');
    const w = text === '*' ? [] : words(text);
    if (w.length === 0 && text !== '*') continue;
    alternatives.at(-1)!.push({ negate, field, words: w });
  }
  return alternatives.filter((a) => a.length > 0);
}

/** The values of a field of a package, as text. */
export function fieldValues(p: PackageDict, field: string): string[] {
  const extra = (key: string) => p.extras.filter((e) => e.key === key).map((e) => e.value);
  switch (field) {
    case 'name':
      return [p.name];
    case 'id':
      return [p.id];
    case 'title':
      return [p.title, ...extra('title_kk'), ...extra('title_ru'), ...extra('title_en')];
    case 'notes':
      return [p.notes, ...extra('notes_kk'), ...extra('notes_ru'), ...extra('notes_en')];
    case 'tags':
      return p.tags.map((t) => t.name);
    case 'organization':
      return p.organization ? [p.organization.name] : [];
    case 'groups':
      return p.groups.map((g) => g.name);
    case 'res_format':
      return [...new Set(p.resources.map((r) => r.format))];
    case 'license_id':
      return [p.license_id];
    case 'metadata_modified':
      return [p.metadata_modified];
    case 'metadata_created':
      return [p.metadata_created];
    case 'num_resources':
      return [String(p.num_resources)];
    case 'num_tags':
      return [String(p.num_tags)];
    default:
      return extra(field);
  }
}

export const TEXT_FIELDS = ['name', 'title', 'notes', 'tags', 'organization', 'groups', 'res_format'];

/**
 * The part of a word its other forms share: Russian and Kazakh change a word's ending (правонарушений,
 * правонарушениях; бұзушылықтар, бұзушылықтары), so a long word is compared by its first three
 * quarters. Short words and numbers are compared whole, as a prefix.
 */
export function stemOf(word: string): string {
  if (word.length < 6 || /\d/.test(word)) return word;
  return word.slice(0, Math.max(5, Math.ceil(word.length * 0.75)));
}

/**
 * The words of a field of a package, normalised once per package: the packages of a catalogue
 * view are kept with it (one generation), so a search compares words and does not re-read text.
 */
const wordsKept = new WeakMap<PackageDict, Map<string, string[]>>();
export function wordsOf(p: PackageDict, field: string): string[] {
  let byField = wordsKept.get(p);
  if (!byField) wordsKept.set(p, (byField = new Map()));
  let have = byField.get(field);
  if (!have) byField.set(field, (have = fieldValues(p, field).flatMap(words)));
  return have;
}

function matchesWords(have: string[], w: string[], exact: boolean): number {
  let score = 0;
  for (const word of w) {
    const wildcard = word.endsWith('*');
    const prefix = wildcard ? word.slice(0, -1) : stemOf(word);
    const hit = have.filter((h) => (exact && !wildcard ? h === word : h.startsWith(prefix))).length;
    if (hit === 0) return 0;
    score += hit;
  }
  return w.length === 0 ? 1 : score;
}

function inRange(value: string, range: { from: string | null; to: string | null }): boolean {
  const num = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null);
  const cmp = (a: string, b: string) => {
    const [x, y] = [num(a), num(b)];
    if (x !== null && y !== null) return x - y;
    // dates: compare the common prefix of ISO texts (2024-01-01 against 2024-01-01T00:00:00Z)
    const n = (s: string) => s.replace(/Z$/, '');
    return n(a) < n(b) ? -1 : n(a) > n(b) ? 1 : 0;
  };
  if (range.from !== null && cmp(value, range.from) < 0) return false;
  if (range.to !== null && cmp(value, range.to) > 0) return false;
  return true;
}

/** The fields whose words are compared whole (a value, not a text). */
export const EXACT_FIELDS = new Set([
  'name',
  'tags',
  'organization',
  'groups',
  'res_format',
  'license_id',
  'id',
  'update_period',
  'list_no',
]);

/** The score of a package for a clause (0: no match), before negation. */
export function clauseScore(p: PackageDict, c: Clause): number {
  if (c.range) {
    if (!c.field) return 0;
    return fieldValues(p, c.field).some((v) => inRange(v, c.range!)) ? 1 : 0;
  }
  const w = c.words ?? [];
  if (c.field === null || c.field === 'text') {
    let score = 0;
    for (const f of TEXT_FIELDS) score += matchesWords(wordsOf(p, f), w, false) * (f === 'title' ? 2 : 1);
    // each word must occur somewhere
    return w.every((word) => TEXT_FIELDS.some((f) => matchesWords(wordsOf(p, f), [word], false) > 0))
      ? score
      : 0;
  }
  return matchesWords(wordsOf(p, c.field), w, EXACT_FIELDS.has(c.field));
}

/** 0 when the package does not match, else its score. */
export function scoreOf(p: PackageDict, alternatives: Clause[][]): number {
  if (alternatives.length === 0) return 1;
  let best = 0;
  for (const clauses of alternatives) {
    let score = 0;
    let ok = true;
    for (const c of clauses) {
      const s = clauseScore(p, c);
      if (c.negate ? s > 0 : s === 0) {
        ok = false;
        break;
      }
      if (!c.negate) score += s;
    }
    if (ok) best = Math.max(best, score || 1);
  }
  return best;
}

export const SORTABLE = [
  'score',
  'id',
  'name',
  'title_string',
  'metadata_modified',
  'metadata_created',
] as const;

export function parseSort(sort: string): { field: (typeof SORTABLE)[number]; desc: boolean }[] {
  return sort
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [field, dir = 'asc'] = s.split(/\s+/);
      if (!(SORTABLE as readonly string[]).includes(field!))
        throw new SearchQueryError('sort', `sort: cannot sort on "${field}" (use ${SORTABLE.join(', ')})`);
      if (dir !== 'asc' && dir !== 'desc')
        throw new SearchQueryError('sort', `sort: "${dir}" is neither asc nor desc`);
      return { field: field as (typeof SORTABLE)[number], desc: dir === 'desc' };
    });
}

export const FACETABLE = [
  'organization',
  'groups',
  'tags',
  'res_format',
  'license_id',
  'update_period',
] as const;

/** The facets of a search: `countsOf` counts a field's values over the matching packages. */
export function facetsOf(
  countsOf: (field: string) => Map<string, number>,
  fields: string[],
  limit: number,
  titleOf: (field: string, value: string) => string,
) {
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  > = {};
  for (const field of fields) {
    if (!(FACETABLE as readonly string[]).includes(field))
      throw new SearchQueryError(
        'facet.field',
        `facet.field: cannot facet on "${field}" (use ${FACETABLE.join(', ')})`,
      );
    const sorted = [...countsOf(field)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const kept = limit < 0 ? sorted : sorted.slice(0, limit);
    facets[field] = Object.fromEntries(kept);
    searchFacets[field] = {
      title: field,
      items: kept.map(([name, count]) => ({ name, display_name: titleOf(field, name), count })),
    };
  }
  return { facets, searchFacets };
}
