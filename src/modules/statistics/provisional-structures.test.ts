// Every form of Appendix 2 has a structure (catalog/structures/<form>/<first period>.yaml). 1-М, ТМД-1 and
// 3-К are taken from the real workbooks; the other 23 are modelled on the published reports, marked
// provisional, and kept simple enough that demonstration data can be generated for them: their control
// relations follow the rules checked here (sums of leaf parts, no part shared, "of which" never a
// computed total), and a bottom-up fill satisfies every one of them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../calendar/index.js';
import { loadCatalogDirs } from '../catalog/index.js';
import { cellKey, checkRelations } from './relations.js';
import { loadStructuresDir } from './structure.loader.js';
import type { FormStructure, Relation, Section } from './structure.schema.js';

const REAL = new Set(['1-m', 'tmd-1', '3-k']);
const FIRST_PERIOD = {
  monthly: '2019-01',
  quarterly: '2019-Q1',
  'half-yearly': '2019-H1',
  yearly: '2019',
} as const;

const loaded = loadStructuresDir(path.resolve('catalog/structures'));
const structures = loaded.structures.map((s) => s.structure);
const { catalog, problems: catalogProblems } = loadCatalogDirs([path.resolve('catalog')]);
const forms = [...new Map(catalog.forms.map((f) => [f.id, f])).values()];
const provisional = structures.filter((s) => !REAL.has(s.form));
const named = (list: FormStructure[]) => list.map((s) => [`${s.form}/${s.validFromPeriod}`, s] as const);

const integerGraphs = (section: Section) =>
  section.graphs.filter((g) => g.valueType === 'integer').map((g) => g.n);
const rowGraphs = (section: Section, r: Extract<Relation, { kind: 'sum-of-rows' }>) =>
  r.graphs ?? integerGraphs(section);
const overlaps = (a: number[], b: number[]) => a.some((n) => b.includes(n));

/** Every breach of the generator rules in one section, as readable strings. */
function ruleBreaches(section: Section): string[] {
  const out: string[] = [];
  const graph = new Map(section.graphs.map((g) => [g.n, g]));
  const row = new Map(section.rows.map((r) => [r.code, r]));
  const sumRows = section.relations.filter((r) => r.kind === 'sum-of-rows');
  const sumGraphs = section.relations.filter((r) => r.kind === 'sum-of-graphs');
  const notGreater = section.relations.filter((r) => r.kind === 'not-greater');
  const rowTotals = new Set(sumRows.map((r) => r.total));
  const graphTotals = new Set(sumGraphs.map((r) => r.total));

  // sum-of-rows: leaf parts, each in one sum only, one sum per total and graph, totals never parts
  sumRows.forEach((r, i) => {
    const gs = rowGraphs(section, r);
    if (r.parts.includes(r.total)) out.push(`${r.id}: the total is among its parts`);
    if (new Set(r.parts).size !== r.parts.length) out.push(`${r.id}: a part appears twice`);
    for (const p of r.parts) {
      if (rowTotals.has(p)) out.push(`${r.id}: part ${p} is the total of a sum`);
      if (row.get(p)?.parent !== r.total)
        out.push(`${r.id}: part ${p} does not have row ${r.total} as parent`);
      if (row.get(p)?.access && row.get(p)?.access !== 'public')
        out.push(`${r.id}: restricted row ${p} would be derivable from the total`);
    }
    for (const g of gs) if (!graph.has(g)) out.push(`${r.id}: graph ${g} missing`);
    sumRows.slice(i + 1).forEach((o) => {
      if (!overlaps(gs, rowGraphs(section, o))) return;
      if (o.total === r.total) out.push(`${r.id} and ${o.id}: one total, two sums in the same graphs`);
      const shared = r.parts.filter((p) => o.parts.includes(p));
      if (shared.length) out.push(`${r.id} and ${o.id}: share parts ${shared.join(', ')}`);
    });
  });

  // sum-of-graphs: integer graphs, leaf parts, each graph a part of one sum only, one sum per total
  sumGraphs.forEach((r, i) => {
    if (r.parts.includes(r.total)) out.push(`${r.id}: the total is among its parts`);
    for (const n of [r.total, ...r.parts])
      if (graph.get(n)?.valueType !== 'integer') out.push(`${r.id}: graph ${n} is not an integer graph`);
    for (const p of r.parts) if (graphTotals.has(p)) out.push(`${r.id}: part ${p} is the total of a sum`);
    sumGraphs.slice(i + 1).forEach((o) => {
      if (o.total === r.total) out.push(`${r.id} and ${o.id}: one total, two sums`);
      const shared = r.parts.filter((p) => o.parts.includes(p));
      if (shared.length) out.push(`${r.id} and ${o.id}: share parts ${shared.join(', ')}`);
    });
  });

  // not-greater: graph against graph or row against row; the "of which" side is never a computed total
  const edges: [string, string][] = [];
  for (const r of notGreater) {
    const { left, right } = r;
    if (
      left.graph !== undefined &&
      right.graph !== undefined &&
      left.row === undefined &&
      right.row === undefined
    ) {
      const l = graph.get(left.graph);
      const g = graph.get(right.graph);
      if (left.graph === right.graph) out.push(`${r.id}: a graph against itself`);
      if (graphTotals.has(left.graph)) out.push(`${r.id}: graph ${left.graph} is the total of a sum`);
      if (l?.valueType !== 'integer' || g?.valueType !== 'integer' || l.unit !== g.unit)
        out.push(`${r.id}: both sides must be integer graphs of one unit`);
      edges.push([`g${left.graph}`, `g${right.graph}`]);
    } else if (
      left.row !== undefined &&
      right.row !== undefined &&
      left.graph === undefined &&
      right.graph === undefined
    ) {
      if (left.row === right.row) out.push(`${r.id}: a row against itself`);
      if (rowTotals.has(left.row)) out.push(`${r.id}: row ${left.row} is the total of a sum`);
      edges.push([`r${left.row}`, `r${right.row}`]);
    } else out.push(`${r.id}: compares single cells`);
  }
  // no cycle among the "≤" (a chain is fine)
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    (next.get(from) ?? []).some((n) => n === to || (!seen.has(n) && (seen.add(n), reaches(n, to, seen))));
  for (const [a] of edges)
    if (reaches(a, a)) out.push(`${section.id}: the not-greater relations make a cycle at ${a}`);
  return [...new Set(out)];
}

/** Random values made to satisfy the relations by passes, parts before wholes (the generator's way). */
function fill(structure: FormStructure): Map<string, number> {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const cells = new Map<string, number>();
  for (const section of structure.sections) {
    const get = (r: string, g: number) => cells.get(cellKey(section.id, r, g)) ?? 0;
    const set = (r: string, g: number, v: number) => cells.set(cellKey(section.id, r, g), v);
    for (const r of section.rows)
      for (const g of section.graphs)
        set(
          r.code,
          g.n,
          g.valueType === 'decimal' ? Math.round(rnd() * 1e6) / 1000 : Math.floor(rnd() * 500),
        );
    const ordered = [...section.relations].sort(
      (a, b) => Number(a.kind !== 'not-greater') - Number(b.kind !== 'not-greater'),
    );
    for (let pass = 0; pass < 6; pass++)
      for (const r of ordered) {
        if (r.kind === 'sum-of-rows')
          for (const g of rowGraphs(section, r))
            set(
              r.total,
              g,
              r.parts.reduce((s, p) => s + get(p, g), 0),
            );
        else if (r.kind === 'sum-of-graphs')
          for (const row of r.rows ?? section.rows.map((x) => x.code))
            set(
              row,
              r.total,
              r.parts.reduce((s, p) => s + get(row, p), 0),
            );
        else if (r.left.graph !== undefined && r.right.graph !== undefined)
          for (const row of r.rows ?? section.rows.map((x) => x.code))
            set(row, r.left.graph, Math.min(get(row, r.left.graph), get(row, r.right.graph)));
        else if (r.left.row !== undefined && r.right.row !== undefined)
          for (const g of integerGraphs(section))
            set(r.left.row, g, Math.min(get(r.left.row, g), get(r.right.row, g)));
      }
  }
  return cells;
}

describe('structures of the Appendix 2 forms', () => {
  it('load without problems', () => {
    expect(loaded.problems).toEqual([]);
    expect(catalogProblems).toEqual([]);
  });

  it("exist for every one of the 26 catalogue forms, from a period of the form's periodicity", () => {
    expect(forms).toHaveLength(26);
    for (const form of forms) {
      const own = structures.filter((s) => s.form === form.id);
      expect(own.length, form.id).toBeGreaterThan(0);
      for (const s of own) expect(parsePeriod(s.validFromPeriod).periodicity, form.id).toBe(form.periodicity);
    }
    expect(new Set(structures.map((s) => s.form))).toEqual(new Set(forms.map((f) => f.id)));
  });

  it('are provisional for the 23 modelled forms and not for the 3 taken from real workbooks', () => {
    for (const s of structures) expect(s.provisional, s.form).toBe(!REAL.has(s.form));
    expect(new Set(provisional.map((s) => s.form)).size).toBe(23);
    expect(provisional).toHaveLength(23);
  });

  it('exercise the access rules: a provisional form has an official-use row', () => {
    const restricted = provisional.flatMap((s) =>
      s.sections.flatMap((sec) => sec.rows.filter((r) => r.access === 'official-use').map(() => s.form)),
    );
    expect(restricted).toContain('prosecutor-supervision');
  });
});

describe.each(named(provisional))('provisional structure %s', (_name, s) => {
  const form = forms.find((f) => f.id === s.form)!;

  it('starts at the first period of the catalogue, says it is modelled, and follows the catalogue', () => {
    expect(s.validFromPeriod).toBe(FIRST_PERIOD[form.periodicity]);
    expect(s.source).toMatch(/modelled, not taken from a published form/i);
    expect(s.cumulative).toBe(form.cumulative);
    expect(s.breakdown).toEqual({ dimension: 'region', total: '00' });
  });

  it('has 1–3 sections of 4–25 rows and 2–10 graphs, in counts, persons or thousand tenge', () => {
    expect(s.sections.length).toBeGreaterThanOrEqual(1);
    expect(s.sections.length).toBeLessThanOrEqual(3);
    s.sections.forEach((section, i) => {
      expect(section.id).toBe(`R${i + 1}`);
      expect(section.rows.length, section.id).toBeGreaterThanOrEqual(4);
      expect(section.rows.length, section.id).toBeLessThanOrEqual(25);
      expect(section.graphs.length, section.id).toBeGreaterThanOrEqual(2);
      expect(section.graphs.length, section.id).toBeLessThanOrEqual(10);
      expect(section.graphs.map((g) => g.n)).toEqual(section.graphs.map((_g, j) => j + 1));
      for (const g of section.graphs) {
        expect(['count', 'persons', 'thousand-tenge'], `${section.id} g${g.n}`).toContain(g.unit);
        if (g.unit === 'thousand-tenge') expect(g.valueType, `${section.id} g${g.n}`).toBe('decimal');
        if (g.unit === 'persons') expect(g.valueType, `${section.id} g${g.n}`).toBe('integer');
      }
    });
  });

  it('has control relations a generator can satisfy', () => {
    for (const section of s.sections) expect(ruleBreaches(section), section.id).toEqual([]);
    expect(s.sections.some((section) => section.relations.length > 0)).toBe(true);
  });

  it('is filled bottom-up with values that meet every relation', () => {
    expect(checkRelations(s, fill(s))).toEqual([]);
  });
});
