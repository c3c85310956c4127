// Control relations of a form (data in catalog/structures): totals equal the sum of their parts,
// "of which" figures do not exceed their whole. Pure: a submission's values in, every broken
// relation out, each addressed to its cell.
import type { FormStructure, Relation, Section } from './structure.schema.js';

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
  message: string;
}

// Amounts (thousand tenge, up to three decimals: one tenge) are compared within half a tenge,
// so that decimal sums do not fail on binary rounding.
const EPSILON = 0.0005;

function integerGraphs(section: Section): number[] {
  return section.graphs.filter((g) => g.valueType === 'integer').map((g) => g.n);
}

function checkOne(
  section: Section,
  relation: Relation,
  at: (row: string, graph: number) => number,
): RelationViolation[] {
  const out: RelationViolation[] = [];
  const violation = (row: string, graph: number, expected: number, actual: number, message: string) =>
    out.push({ relation: relation.id, section: section.id, row, graph, expected, actual, message });
  switch (relation.kind) {
    case 'sum-of-rows':
      for (const g of relation.graphs ?? integerGraphs(section)) {
        const sum = relation.parts.reduce((s, r) => s + at(r, g), 0);
        const total = at(relation.total, g);
        if (Math.abs(total - sum) > EPSILON) {
          violation(
            relation.total,
            g,
            sum,
            total,
            `row ${relation.total} must equal rows ${relation.parts.join(' + ')} (${sum}) in graph ${g}, but is ${total}`,
          );
        }
      }
      break;
    case 'sum-of-graphs':
      for (const r of relation.rows ?? section.rows.map((x) => x.code)) {
        const sum = relation.parts.reduce((s, g) => s + at(r, g), 0);
        const total = at(r, relation.total);
        if (Math.abs(total - sum) > EPSILON) {
          violation(
            r,
            relation.total,
            sum,
            total,
            `graph ${relation.total} must equal graphs ${relation.parts.join(' + ')} (${sum}) in row ${r}, but is ${total}`,
          );
        }
      }
      break;
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
      for (const [lr, lg, rr, rg] of pairs) {
        const l = at(lr, lg);
        const r = at(rr, rg);
        if (l - r > EPSILON)
          violation(
            lr,
            lg,
            r,
            l,
            `row ${lr} graph ${lg} (${l}) must not exceed row ${rr} graph ${rg} (${r})`,
          );
      }
      break;
    }
  }
  return out;
}

/** A cell's value by (section, row, graph); empty = 0. */
export type CellLookup = (section: string, row: string, graph: number) => number;

/** Every violation of every relation of every section present in `values`. */
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
    const at = (row: string, graph: number) => lookup(section.id, row, graph);
    for (const relation of section.relations) out.push(...checkOne(section, relation, at));
  }
  return out;
}
