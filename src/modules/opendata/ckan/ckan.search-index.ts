// The inverted index of package_search (docs/decisions/0019): for each field, its words in sorted
// order, and for each word the packages that hold it (with how many times). It is made once per
// catalogue view and language — a generation — and shared by every search of that generation, so
// a query looks its words up and intersects the packages they name, and the facets count over the
// matching packages only, instead of every package's words being compared for each query. The
// answers are those of the scan (`scoreOf` in ckan.search.ts, which stays the reference; the
// tests compare both): the same words (prefix of a word's stem, or whole for values), the same
// scores, the same facet counts.
import type { PackageDict } from './ckan.model.js';
import {
  EXACT_FIELDS,
  TEXT_FIELDS,
  clauseScore,
  fieldValues,
  stemOf,
  wordsOf,
  type Clause,
} from './ckan.search.js';

/** A package's position in the list → its score (or how many of its words matched). */
type Hits = Map<number, number>;

interface FieldIndex {
  /** the field's distinct words, sorted (a prefix's words are one run of them) */
  words: string[];
  postings: Map<string, Hits>;
}

/** The weight of a field's words in a search without a field (title counts twice, as in the scan). */
const weightOf = (field: string) => (field === 'title' ? 2 : 1);

export class PackageIndex {
  private readonly fields = new Map<string, FieldIndex>();
  private readonly facetValues = new Map<string, string[][]>();

  constructor(readonly packages: readonly PackageDict[]) {}

  /** A field's index, made on its first use (most searches use a few fields). */
  private field(name: string): FieldIndex {
    let index = this.fields.get(name);
    if (index) return index;
    const postings = new Map<string, Hits>();
    this.packages.forEach((p, at) => {
      for (const word of wordsOf(p, name)) {
        let hits = postings.get(word);
        if (!hits) postings.set(word, (hits = new Map()));
        hits.set(at, (hits.get(at) ?? 0) + 1);
      }
    });
    index = { words: [...postings.keys()].sort(), postings };
    this.fields.set(name, index);
    return index;
  }

  /** The packages whose words of `field` match `word` (whole, or by prefix), with how many do. */
  private lookup(field: string, word: string, exact: boolean): Hits {
    const index = this.field(field);
    const wildcard = word.endsWith('*');
    if (exact && !wildcard) return index.postings.get(word) ?? new Map();
    const prefix = wildcard ? word.slice(0, -1) : stemOf(word);
    const { words } = index;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const first = lo < words.length && words[lo]!.startsWith(prefix) ? index.postings.get(words[lo]!) : null;
    if (!first) return new Map();
    if (!(lo + 1 < words.length && words[lo + 1]!.startsWith(prefix))) return first;
    const hits: Hits = new Map(first);
    for (let i = lo + 1; i < words.length && words[i]!.startsWith(prefix); i++)
      for (const [at, n] of index.postings.get(words[i]!)!) hits.set(at, (hits.get(at) ?? 0) + n);
    return hits;
  }

  /** Every word in one field: the packages holding all of them, scored by the sum of their hits. */
  private allWords(field: string, words: string[], exact: boolean, weight: number): Hits {
    const lists = words.map((w) => this.lookup(field, w, exact)).sort((a, b) => a.size - b.size);
    const out: Hits = new Map();
    for (const [at, n] of lists[0]!) {
      let score = n;
      for (let i = 1; i < lists.length && score > 0; i++) {
        const m = lists[i]!.get(at);
        score = m === undefined ? 0 : score + m;
      }
      if (score > 0) out.set(at, score * weight);
    }
    return out;
  }

  private everyPackage(score: number): Hits {
    return new Map(this.packages.map((_, at) => [at, score]));
  }

  /** The packages a clause matches (before its negation), each with its score; `within` bounds ranges. */
  private clause(c: Clause, within: Iterable<number> | null): Hits {
    if (c.range) {
      const out: Hits = new Map();
      for (const at of within ?? this.packages.keys())
        if (clauseScore(this.packages[at]!, c) > 0) out.set(at, 1);
      return out;
    }
    const w = c.words ?? [];
    if (c.field === null || c.field === 'text') {
      // The scan's rule: a field scores when it holds every word; the scores of the fields add up.
      if (w.length === 0) return this.everyPackage(TEXT_FIELDS.reduce((sum, f) => sum + weightOf(f), 0));
      const out: Hits = new Map();
      for (const f of TEXT_FIELDS)
        for (const [at, n] of this.allWords(f, w, false, weightOf(f))) out.set(at, (out.get(at) ?? 0) + n);
      return out;
    }
    if (w.length === 0) return this.everyPackage(1);
    return this.allWords(c.field, w, EXACT_FIELDS.has(c.field), 1);
  }

  /**
   * The packages a parsed query matches, with their scores as `scoreOf` gives them; null: every
   * package, each scoring 1 (an empty query). `within` keeps only those packages.
   */
  match(alternatives: Clause[][], within: Hits | null = null): Hits | null {
    if (alternatives.length === 0) return within && new Map([...within.keys()].map((at) => [at, 1]));
    const best: Hits = new Map();
    for (const clauses of alternatives) {
      const positive = clauses.filter((c) => !c.negate);
      let scores: Hits;
      if (positive.length === 0)
        scores = within ? new Map([...within.keys()].map((at) => [at, 0])) : this.everyPackage(0);
      else {
        const first = this.clause(positive[0]!, within && within.keys());
        scores = new Map();
        for (const [at, n] of first) if (!within || within.has(at)) scores.set(at, n);
        for (const c of positive.slice(1)) {
          const hits = this.clause(c, scores.keys());
          for (const [at, n] of scores) {
            const m = hits.get(at);
            if (m === undefined) scores.delete(at);
            else scores.set(at, n + m);
          }
        }
      }
      for (const c of clauses.filter((x) => x.negate))
        for (const at of this.clause(c, scores.keys()).keys()) scores.delete(at);
      for (const [at, n] of scores) best.set(at, Math.max(best.get(at) ?? 0, n || 1));
    }
    return best;
  }

  /** How many of the packages at `positions` hold each value of a facet field. */
  facetCounts(field: string, positions: Iterable<number>): Map<string, number> {
    let values = this.facetValues.get(field);
    if (!values)
      this.facetValues.set(field, (values = this.packages.map((p) => [...new Set(fieldValues(p, field))])));
    const counts = new Map<string, number>();
    for (const at of positions) for (const v of values[at]!) counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  }
}

const kept = new WeakMap<readonly PackageDict[], PackageIndex>();

/** The index of a list of packages (a view's, in one language), made once and shared. */
export function packageIndexOf(packages: readonly PackageDict[]): PackageIndex {
  let index = kept.get(packages);
  if (!index) kept.set(packages, (index = new PackageIndex(packages)));
  return index;
}

/**
 * The first `k` items in the order `before` gives (negative: a comes first), without sorting them
 * all: a page of 10 out of 10^4 matches costs 10^4 comparisons with the page's last, not 10^5.
 */
export function firstInOrder<T>(items: readonly T[], k: number, before: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k >= items.length / 4) return [...items].sort(before).slice(0, k);
  const page: T[] = [];
  for (const item of items) {
    if (page.length === k && before(item, page[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = page.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(item, page[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    page.splice(lo, 0, item);
    if (page.length > k) page.pop();
  }
  return page;
}
