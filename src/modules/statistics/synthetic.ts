// Demonstration data for the forms that have no real published figures: values that satisfy the
// form's own control relations, made reproducibly from a seed. Everything made here is stored
// with origin `synthetic` and said to be so wherever it is shown.
import { cellKey, checkRelations } from './relations.js';
import type { FormStructure, Relation, Section } from './structure.schema.js';
import type { SubmittedValue } from './submission.validate.js';

/** mulberry32: a small, fast, reproducible generator. */
function random(seedText: string): () => number {
  let a = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function enforce(
  section: Section,
  r: Relation,
  get: (row: string, g: number) => number,
  set: (row: string, g: number, v: number) => void,
  rnd: () => number,
) {
  const allRows = section.rows.map((x) => x.code);
  const integerGraphs = section.graphs.filter((g) => g.valueType === 'integer').map((g) => g.n);
  if (r.kind === 'sum-of-rows') {
    for (const g of r.graphs ?? integerGraphs)
      set(
        r.total,
        g,
        r.parts.reduce((s, p) => s + get(p, g), 0),
      );
  } else if (r.kind === 'sum-of-graphs') {
    for (const row of r.rows ?? allRows)
      set(
        row,
        r.total,
        r.parts.reduce((s, p) => s + get(row, p), 0),
      );
  } else {
    const { left, right } = r;
    const shrink = (lr: string, lg: number, rr: string, rg: number) => {
      if (get(lr, lg) > get(rr, rg)) set(lr, lg, Math.floor(get(rr, rg) * (0.3 + 0.6 * rnd())));
    };
    if (
      left.row !== undefined &&
      left.graph !== undefined &&
      right.row !== undefined &&
      right.graph !== undefined
    )
      shrink(left.row, left.graph, right.row, right.graph);
    else if (left.graph !== undefined && right.graph !== undefined)
      for (const row of r.rows ?? allRows) shrink(row, left.graph, row, right.graph);
    else if (left.row !== undefined && right.row !== undefined)
      for (const g of integerGraphs) shrink(left.row, g, right.row, g);
  }
}

/**
 * Values for every cell of every section, satisfying the structure's relations. `scale` is the
 * typical size of a leaf count. Throws if the relations cannot be met (a structure a generator
 * cannot fill is a structure to fix).
 */
export function generateSynthetic(structure: FormStructure, seed: string, scale = 200): SubmittedValue[] {
  const rnd = random(seed);
  const cells = new Map<string, number>();
  for (const section of structure.sections) {
    const get = (row: string, g: number) => cells.get(cellKey(section.id, row, g)) ?? 0;
    const set = (row: string, g: number, v: number) => cells.set(cellKey(section.id, row, g), v);
    for (const row of section.rows) {
      for (const g of section.graphs) {
        const base = rnd() * scale * (row.kind === 'total' ? 2 : 1);
        set(row.code, g.n, g.valueType === 'decimal' ? Math.round(base * 1000) / 100 : Math.floor(base));
      }
    }
    // Relations are met by passes, parts before wholes: "of which" shrinks, then sums are taken.
    const order = [...section.relations].sort(
      (a, b) => (a.kind === 'not-greater' ? 0 : 1) - (b.kind === 'not-greater' ? 0 : 1),
    );
    for (let pass = 0; pass < 6; pass++) for (const r of order) enforce(section, r, get, set, rnd);
  }
  const violations = checkRelations(structure, cells);
  if (violations.length)
    throw new Error(
      `synthetic data for ${structure.form} breaks ${violations[0]!.relation}: ${JSON.stringify(violations[0]!.params)}`,
    );
  return [...cells].map(([key, value]) => {
    const [section, row, graph] = key.split('|') as [string, string, string];
    return { section, row, graph: Number(graph), value, ref: `synthetic ${key}` };
  });
}
