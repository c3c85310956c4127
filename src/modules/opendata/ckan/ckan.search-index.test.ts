// package_search's inverted index against the scan it replaced (scoreOf, and counting the facets
// over every matching package): for each query of the table, the same packages, the same scores,
// the same facet counts — over a generated catalogue of words in Kazakh, Russian and English.
import { describe, expect, it } from 'vitest';
import type { PackageDict } from './ckan.model.js';
import { PackageIndex, firstInOrder } from './ckan.search-index.js';
import { FACETABLE, fieldValues, parseQuery, scoreOf } from './ckan.search.js';

const WORDS = [
  'правонарушений',
  'правонарушениях',
  'бұзушылықтар',
  'бұзушылықтары',
  'қылмыстық',
  'Ёлка',
  'елка',
  'court',
  'courts',
  'appeal',
  'juvenile',
  'несовершеннолетних',
  'кәмелетке',
  'толмағандар',
  'tax',
  'салық',
  'налог',
  '2024',
];
const PERIODS = ['monthly', 'quarterly', 'half-yearly', 'yearly', 'on-arrival'];
const ORGS = ['committee', 'prosecution-hr-service', 'ministry-of-justice'];

/** A package as package_search reads it: only the fields the search and the facets look at. */
function pkg(i: number): PackageDict {
  const w = (k: number) => WORDS[(i * 7 + k * 5) % WORDS.length]!;
  return {
    id: `id-${i}`,
    name: `dataset-${i}`,
    title: `${w(0)} ${w(1)} №${i}`,
    notes: `${w(2)}, ${w(3)}; ${w(4)}.`,
    extras: [
      { key: 'title_kk', value: `${w(5)} ${w(6)}` },
      { key: 'title_ru', value: w(7) },
      { key: 'update_period', value: PERIODS[i % PERIODS.length]! },
      { key: 'list_no', value: String(i) },
    ],
    tags: [{ name: PERIODS[i % PERIODS.length]! }, ...(i % 4 === 0 ? [{ name: 'register' }] : [])],
    organization: { name: ORGS[i % ORGS.length]! },
    groups: i % 3 === 0 ? [{ name: 'crime' }] : [],
    resources: i % 5 === 0 ? [] : [{ format: i % 2 ? 'CSV' : 'XLSX' }, { format: 'CSV' }],
    license_id: 'CC-BY-4.0',
    metadata_modified: `2024-0${1 + (i % 9)}-1${i % 10}T00:00:00`,
    metadata_created: '2019-08-16T00:00:00',
    num_resources: i % 5 === 0 ? 0 : 2,
    num_tags: i % 4 === 0 ? 2 : 1,
  } as unknown as PackageDict;
}

const packages = Array.from({ length: 240 }, (_, i) => pkg(i));
const index = new PackageIndex(packages);

/** The old answer: every package scored by the filters, then by the words; facets over the matches. */
function scanned(q: string, fq: string) {
  const filters = parseQuery(fq, 'fq');
  const alternatives = parseQuery(q, 'q');
  const hits = new Map<number, number>();
  packages.forEach((p, at) => {
    if (scoreOf(p, filters) === 0) return;
    const s = scoreOf(p, alternatives);
    if (s > 0) hits.set(at, s);
  });
  const facets = Object.fromEntries(
    FACETABLE.map((f) => {
      const counts = new Map<string, number>();
      for (const at of hits.keys())
        for (const v of new Set(fieldValues(packages[at]!, f))) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [f, Object.fromEntries([...counts].sort())];
    }),
  );
  return { hits: Object.fromEntries([...hits].sort((a, b) => a[0] - b[0])), facets };
}

function indexed(q: string, fq: string) {
  const hits =
    index.match(parseQuery(q, 'q'), index.match(parseQuery(fq, 'fq'))) ??
    new Map(packages.map((_, at) => [at, 1]));
  const facets = Object.fromEntries(
    FACETABLE.map((f) => [f, Object.fromEntries([...index.facetCounts(f, hits.keys())].sort())]),
  );
  return { hits: Object.fromEntries([...hits].sort((a, b) => a[0] - b[0])), facets };
}

describe('the inverted index of package_search answers as the scan did', () => {
  it.each([
    // q, fq, how many packages the answer holds (checked against the scan as well)
    ['', '', 240],
    ['правонарушениях', '', null], // Russian: another ending of the same word
    ['бұзушылықтары', '', null], // Kazakh: another ending
    ['ёлка', '', null], // ё read as е
    ['court', '', null], // English: a prefix (court, courts)
    ['courts appeal', '', null], // two words: both in one field
    ['кәмелетке толмағандар', '', null],
    ['салық OR налог', '', null],
    ['court -appeal', '', null],
    ['title:juvenile', '', null],
    ['notes:"қылмыстық"', '', null],
    ['cour*', '', null], // a wildcard
    ['nosuchword', '', 0],
    ['', 'update_period:quarterly', 48],
    ['', 'update_period:"half-yearly"', 48], // a quoted value
    ['', 'update_period:half', 48], // a value's words are compared whole: "half" of half-yearly
    ['', 'update_period:quarter', 0], // but not a part of a word
    ['', 'update_period:quarterly -tags:register', null], // two fq, one negated
    ['court', 'update_period:quarterly organization:committee', null],
    ['', 'res_format:CSV res_format:XLSX', null],
    ['', 'organization:committee OR organization:ministry-of-justice', 160],
    ['', 'groups:crime tags:register', 20],
    ['', 'metadata_modified:[2024-03-01 TO 2024-05-31]', null], // a range
    ['налог', 'num_resources:[1 TO *] -groups:crime', null],
    ['*:*', '-tags:*', 0],
    ['text:2024', 'list_no:12', null],
  ] as const)('q=%j fq=%j', (q, fq, count) => {
    const old = scanned(q, fq);
    const now = indexed(q, fq);
    expect(now).toEqual(old);
    if (count !== null) expect(Object.keys(now.hits)).toHaveLength(count);
    else expect(Object.keys(now.hits).length).toBeGreaterThan(0);
  });

  it('counts a facet once per package, however many resources share a format', () => {
    const counts = index.facetCounts('res_format', [1, 2, 3]);
    expect(Object.fromEntries(counts)).toEqual({ CSV: 3, XLSX: 1 });
  });
});

describe('the first packages of a page, without sorting them all', () => {
  const items = Array.from({ length: 500 }, (_, i) => ({ score: (i * 37) % 11, name: `p-${i}` }));
  const before = (a: (typeof items)[0], b: (typeof items)[0]) =>
    b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  it.each([0, 1, 10, 37, 124, 125, 499, 500, 1000])('the first %i are those of a full sort', (k) => {
    expect(firstInOrder(items, k, before)).toEqual([...items].sort(before).slice(0, k));
  });
});
