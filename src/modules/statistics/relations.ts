// Control relations of a form (data in catalog/structures): totals equal the sum of their parts,
// "of which" figures do not exceed their whole. Pure: a submission's values in, every broken
// relation out, each addressed to its cell.
import type { FormStructure, Section } from './structure.schema.js';

/** Values of one submission (one breakdown value), keyed by `cellKey`. Absent = empty = 0. */
export type CellValues = ReadonlyMap<string, number | null>;

export const cellKey = (section: string, row: string, graph: number): string => `${section}|${row}|${graph}`;

export interface RelationViolation {
  relation: string;
  section: string;
  row: string;
  graph: number;
  /** what the relation asks for this cell, and what it holds */
  expected: number;
  actual: number;
  /**
   * What the message is made of, by the relation's kind (platform/http problem-detail words it):
   * the cell, the parts summed (`2 + 3`) or the limiting cell, and the figures.
   */
  params: Readonly<Record<string, string | number>>;
}

// Amounts (thousand tenge, up to three decimals: one tenge) are compared within half a tenge,
// so that decimal sums do not fail on binary rounding.
const EPSILON = 0.0005;

function integerGraphs(section: Section): number[] {
  return section.graphs.filter((g) => g.valueType === 'integer').map((g) => g.n);
}

/** A cell's value by (section, row, graph); empty = 0. */
export type CellLookup = (section: string, row: string, graph: number) => number;

/**
 * Every violation of every relation of every section present in `values`: each section's cells
 * laid on its grid and checked as a submission is (`checkSectionGrid`).
 */
export function checkRelations(
  structure: FormStructure,
  values: CellValues | CellLookup,
  sections?: ReadonlySet<string>,
): RelationViolation[] {
  const lookup: CellLookup =
    typeof values === 'function' ? values : (s, r, g) => values.get(cellKey(s, r, g)) ?? 0;
  const out: RelationViolation[] = [];
  for (const section of structure.sections) {
    if (sections && !sections.has(section.id)) continue;
    const layout = sectionLayout(section);
    const grid = new Array<number | null>(section.rows.length * layout.width).fill(null);
    section.rows.forEach((r, i) => {
      for (let g = 1; g <= layout.width; g++) grid[i * layout.width + g - 1] = lookup(section.id, r.code, g);
    });
    out.push(...checkSectionGrid(layout, grid));
  }
  return out;
}

/**
 * Where a section's cells are in a flat grid: row index × width + graph − 1, the width being the
 * highest graph number. Kept per section object: structures are immutable once loaded and cached
 * by their content hash, so a submission does not rebuild the indexes of a 422-row section.
 */
export interface SectionLayout {
  section: Section;
  rows: ReadonlyMap<string, number>;
  graphs: ReadonlyMap<number, Section['graphs'][number]>;
  width: number;
}

const layouts = new WeakMap<Section, SectionLayout>();

export function sectionLayout(section: Section): SectionLayout {
  let layout = layouts.get(section);
  if (!layout) {
    layout = {
      section,
      rows: new Map(section.rows.map((r, i) => [r.code, i])),
      graphs: new Map(section.graphs.map((g) => [g.n, g])),
      width: Math.max(...section.graphs.map((g) => g.n)),
    };
    layouts.set(section, layout);
  }
  return layout;
}

// A relation compiled against its section's layout: each comparison it makes, with its cells
// resolved to grid positions (−1: a cell outside the grid, which reads as 0).
interface CompiledCheck {
  relation: string;
  /** the sum relations: |total − Σ parts| ≤ ε; not-greater: total (left) − parts[0] (right) ≤ ε */
  sum: boolean;
  total: number;
  parts: number[];
  row: string;
  graph: number;
  /** the message's words other than the figures */
  params: Readonly<Record<string, string | number>>;
}

const compiled = new WeakMap<Section, CompiledCheck[]>();

function compile(layout: SectionLayout): CompiledCheck[] {
  const { section, rows, width } = layout;
  const pos = (row: string, graph: number): number => {
    const i = rows.get(row);
    return i !== undefined && graph <= width ? i * width + graph - 1 : -1;
  };
  const out: CompiledCheck[] = [];
  for (const relation of section.relations) {
    switch (relation.kind) {
      case 'sum-of-rows': {
        const parts = relation.parts.join(' + ');
        for (const g of relation.graphs ?? integerGraphs(section))
          out.push({
            relation: relation.id,
            sum: true,
            total: pos(relation.total, g),
            parts: relation.parts.map((r) => pos(r, g)),
            row: relation.total,
            graph: g,
            params: { kind: relation.kind, row: relation.total, graph: g, parts },
          });
        break;
      }
      case 'sum-of-graphs': {
        const parts = relation.parts.join(' + ');
        for (const r of relation.rows ?? section.rows.map((x) => x.code))
          out.push({
            relation: relation.id,
            sum: true,
            total: pos(r, relation.total),
            parts: relation.parts.map((g) => pos(r, g)),
            row: r,
            graph: relation.total,
            params: { kind: relation.kind, row: r, graph: relation.total, parts },
          });
        break;
      }
      case 'not-greater': {
        const { left, right } = relation;
        const pairs: [string, number, string, number][] = [];
        if (
          left.row !== undefined &&
          left.graph !== undefined &&
          right.row !== undefined &&
          right.graph !== undefined
        ) {
          pairs.push([left.row, left.graph, right.row, right.graph]);
        } else if (left.graph !== undefined && right.graph !== undefined) {
          for (const r of relation.rows ?? section.rows.map((x) => x.code))
            pairs.push([r, left.graph, r, right.graph]);
        } else if (left.row !== undefined && right.row !== undefined) {
          for (const g of integerGraphs(section)) pairs.push([left.row, g, right.row, g]);
        }
        for (const [lr, lg, rr, rg] of pairs)
          out.push({
            relation: relation.id,
            sum: false,
            total: pos(lr, lg),
            parts: [pos(rr, rg)],
            row: lr,
            graph: lg,
            params: { kind: relation.kind, row: lr, graph: lg, limitRow: rr, limitGraph: rg },
          });
        break;
      }
    }
  }
  return out;
}

/**
 * Every violation of a section's relations, its values given as a grid laid out by
 * `sectionLayout` (null = empty = 0), in the order of the section's relations.
 */
export function checkSectionGrid(
  layout: SectionLayout,
  values: readonly (number | null)[],
): RelationViolation[] {
  let checks = compiled.get(layout.section);
  if (!checks) compiled.set(layout.section, (checks = compile(layout)));
  const out: RelationViolation[] = [];
  const at = (i: number): number => (i < 0 ? 0 : (values[i] ?? 0));
  for (const c of checks) {
    const actual = at(c.total);
    let expected = 0;
    for (const p of c.parts) expected += at(p);
    if (c.sum ? Math.abs(actual - expected) > EPSILON : actual - expected > EPSILON)
      out.push({
        relation: c.relation,
        section: layout.section.id,
        row: c.row,
        graph: c.graph,
        expected,
        actual,
        params: { ...c.params, expected, actual },
      });
  }
  return out;
}
