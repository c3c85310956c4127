import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStructuresDir } from './structure.loader.js';
import { validateSubmission, type SubmittedValue } from './submission.validate.js';

const { structures, problems } = loadStructuresDir(
  path.resolve('src/modules/statistics/fixtures/structures'),
);
const structure = structures[0]!.structure;

/** A valid R1: total 10 = 6 + 4; "of which" ≤ total; amounts in thousand tenge. */
const table: Record<string, [number | string | null, number | string | null, number | string | null]> = {
  '1': [10, 3, 12.5],
  '2': [6, 2, 7.25],
  '3': [4, 1, 5.25],
  '4': [1, 0, null],
};
function values(change: (v: SubmittedValue[]) => void = () => undefined): SubmittedValue[] {
  const out: SubmittedValue[] = [];
  for (const [row, vals] of Object.entries(table))
    vals.forEach((value, i) =>
      out.push({ section: 'R1', row, graph: i + 1, value, ref: `/values/${out.length}` }),
    );
  change(out);
  return out;
}
const at = (v: SubmittedValue[], row: string, graph: number) =>
  v.find((x) => x.row === row && x.graph === graph)!;

it('the fixture structure loads', () => expect(problems).toEqual([]));

describe('validateSubmission', () => {
  it('accepts a whole valid table, one array per row', () => {
    const r = validateSubmission(structure, values());
    expect(r).toEqual({
      ok: true,
      result: {
        valueCount: 11,
        rows: expect.arrayContaining([{ section: 'R1', row: '1', vals: [10, 3, 12.5] }]),
      },
    });
  });

  it.each<[string, (v: SubmittedValue[]) => void, { code: string; pointer: string }[]]>([
    [
      'a total that is not the sum of its parts',
      (v) => (at(v, '1', 1).value = 11),
      [{ code: 'control_relation', pointer: '/values/0' }],
    ],
    [
      'an "of which" above its whole',
      (v) => {
        at(v, '2', 2).value = 7;
        at(v, '1', 2).value = 8; // keeps the rows' sum
      },
      [{ code: 'control_relation', pointer: '/values/4' }],
    ],
    ['a negative count', (v) => (at(v, '3', 1).value = -4), [{ code: 'negative', pointer: '/values/6' }]],
    [
      'a text where a count belongs',
      (v) => (at(v, '2', 1).value = 'шесть'),
      [{ code: 'not_a_number', pointer: '/values/3' }],
    ],
    [
      'a fraction where a count belongs',
      (v) => (at(v, '2', 1).value = 6.5),
      [{ code: 'not_a_whole_number', pointer: '/values/3' }],
    ],
    [
      'an unknown row',
      (v) => v.push({ section: 'R1', row: '99', graph: 1, value: 1, ref: 'line 20' }),
      [{ code: 'unknown_row', pointer: 'line 20' }],
    ],
    [
      'an unknown graph',
      (v) => v.push({ section: 'R1', row: '1', graph: 9, value: 1, ref: 'line 21' }),
      [{ code: 'unknown_graph', pointer: 'line 21' }],
    ],
    [
      'an unknown section',
      (v) => v.push({ section: 'R9', row: '1', graph: 1, value: 1, ref: 'R9!C5' }),
      [{ code: 'unknown_section', pointer: 'R9!C5' }],
    ],
    [
      'a cell given twice',
      (v) => v.push({ ...at(v, '1', 1), ref: 'line 22' }),
      [{ code: 'duplicate_cell', pointer: 'line 22' }],
    ],
  ])('refuses %s, naming the cell', (_name, change, expected) => {
    const r = validateSubmission(structure, values(change));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it('treats empty cells and spaces in numbers as people write them', () => {
    const r = validateSubmission(
      structure,
      values((v) => {
        at(v, '1', 3).value = '12,5';
        at(v, '4', 1).value = ' 1 ';
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('lists every problem, capped, with the count of the rest', () => {
    const many: SubmittedValue[] = Array.from({ length: 250 }, (_, i) => ({
      section: 'R1',
      row: `x${i}`,
      graph: 1,
      value: 1,
      ref: `/values/${i}`,
    }));
    const r = validateSubmission(structure, many);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.problems.length, r.more]).toEqual([200, 50]);
  });

  it('refuses an empty submission', () => {
    expect(validateSubmission(structure, [])).toMatchObject({
      ok: false,
      problems: [{ code: 'empty_submission' }],
    });
  });
});
